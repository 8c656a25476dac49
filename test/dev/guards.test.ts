import {expect, test} from 'vitest';
import {allowedTarget, isLoopbackAddress, LIMITS, shapeProblem, toOrigin} from '../../src/dev/guards';

const shape = {url: 'http://127.0.0.1:8080/items', method: 'GET', headers: ['x-api-key'], credentials: 'omit', pageOrigin: 'http://127.0.0.1:5173'} as const;

test.each([
	['127.0.0.1', true],
	['127.3.4.5', true],
	['::1', true],
	['::ffff:127.0.0.1', true],
	['10.0.0.7', false],
	['192.168.1.20', false],
	['::ffff:10.0.0.7', false],
	['fe80::1', false],
	['', false],
	[undefined, false],
])('isLoopbackAddress(%s) is %s', (address, loopback) => {
	expect(isLoopbackAddress(address)).toBe(loopback);
});

test('a well-formed shape passes', () => {
	expect(shapeProblem(shape)).toBeUndefined();
});

test.each([
	['not an object', 'x', 'expected a JSON object'],
	['an oversized URL', {...shape, url: `http://127.0.0.1/${'a'.repeat(LIMITS.url)}`}, `url must be a string of at most ${LIMITS.url} characters`],
	['a method that is no token', {...shape, method: 'GET /'}, 'method must be a method token'],
	['too many headers', {...shape, headers: Array.from({length: LIMITS.headers + 1}, (_, index) => `x-${index}`)}, `headers must be at most ${LIMITS.headers} header names`],
	['a header value smuggled into a name', {...shape, headers: ['x-api-key: secret']}, `headers must be at most ${LIMITS.headers} header names`],
	['a body field', {...shape, body: 'secret'}, 'unexpected field "body" (the relay takes a request shape only)'],
	['bad credentials', {...shape, credentials: 'yes'}, 'credentials must be omit, same-origin or include'],
])('refuses %s', (_, value, problem) => {
	expect(shapeProblem(value)).toBe(problem);
});

test('only allowlisted target origins', () => {
	const allowlist = new Set(['http://127.0.0.1:8080']);
	expect(allowedTarget(shape, allowlist)).toBe('http://127.0.0.1:8080');
	expect(allowedTarget({...shape, url: 'http://127.0.0.1:9090/items'}, allowlist)).toBeUndefined();
	expect(allowedTarget({...shape, url: 'not a url'}, allowlist)).toBeUndefined();
});

test('allowlist entries normalize to origins and bad ones are named', () => {
	expect(toOrigin('http://localhost:8080/api/')).toBe('http://localhost:8080');
	expect(() => toOrigin('localhost:8080')).toThrow(new TypeError('cors-doctor relay: "localhost:8080" in `origins` is not http(s)'));
	expect(() => toOrigin('nope')).toThrow(new TypeError('cors-doctor relay: "nope" in `origins` is not a URL or origin'));
});
