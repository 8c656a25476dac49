import {describe, expect, it} from 'vitest';
import {corsUnsafeRequestHeaderNames, isForbiddenRequestHeader, safelistedHeaderReason, type HeaderReason} from '../../src/rules';

describe('isForbiddenRequestHeader', () => {
	it.each([
		'Accept-Charset',
		'accept-encoding',
		'Access-Control-Request-Headers',
		'Access-Control-Request-Method',
		'Connection',
		'Content-Length',
		'Cookie',
		'Cookie2',
		'Date',
		'DNT',
		'Expect',
		'Host',
		'Keep-Alive',
		'Origin',
		'Referer',
		'Set-Cookie',
		'TE',
		'Trailer',
		'Transfer-Encoding',
		'Upgrade',
		'Via',
		'Proxy-Authorization',
		'proxy-anything',
		'Sec-Fetch-Mode',
		'sec-ch-ua',
	])('%s is forbidden', name => {
		expect(isForbiddenRequestHeader(name, 'x')).toBe(true);
	});

	it.each([
		['X-HTTP-Method', 'CONNECT', true],
		['X-HTTP-Method-Override', 'trace', true],
		['X-Method-Override', 'GET, TRACK', true],
		['x-http-method-override', ' track ', true],
		// A quoted string is one item: "TRACE,GET" is not the method TRACE.
		['X-HTTP-Method-Override', '"TRACE,GET"', false],
		['X-HTTP-Method-Override', 'PATCH', false],
		['X-HTTP-Method-Override', 'DELETE, PUT', false],
		['Authorization', 'Bearer x', false],
		['X-Api-Key', 'k', false],
		['Accept', '*/*', false],
		['Referrer-Policy', 'no-referrer', false],
	])('%s: %j -> %s', (name, value, forbidden) => {
		expect(isForbiddenRequestHeader(name, value)).toBe(forbidden);
	});
});

const long129 = '012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678';

describe('safelistedHeaderReason', () => {
	it.each<[string, string, HeaderReason | undefined]>([
		['Accept', '*/*', undefined],
		['Accept', 'application/json, text/plain', undefined],
		['Accept-Language', 'fr', undefined],
		['Accept-Language', 'en-US,en;q=0.9', undefined],
		['Content-Language', 'fr', undefined],
		['Content-Type', 'application/x-www-form-urlencoded', undefined],
		['Content-Type', 'multipart/form-data', undefined],
		['Content-Type', 'text/plain', undefined],
		['Content-Type', 'text/plain;charset=utf-8', undefined],
		['Content-Type', 'Text/Plain;charset=utf-8', undefined],
		['Range', 'bytes=0-', undefined],
		['Content-Type', 'application/json', 'content-type-not-safelisted'],
		['X-Api-Key', 'k', 'not-safelisted-name'],
		['Authorization', 'Bearer x', 'not-safelisted-name'],
		// Spec list only: Chromium also safelists these, Firefox and WebKit do not.
		['DPR', '2', 'not-safelisted-name'],
		['Save-Data', 'on', 'not-safelisted-name'],
		// In flux (whatwg/fetch PR #1788): not in the current spec list.
		['Last-Event-ID', 'abc123', 'not-safelisted-name'],
		['X-Api-Key', 'x'.repeat(200), 'not-safelisted-name'],
		['Accept', 'a'.repeat(128), undefined],
		['Accept', 'a'.repeat(129), 'value-too-long'],
		// Values are normalized before measuring.
		['Accept', ` ${'a'.repeat(128)}\t`, undefined],
		['Accept', 'a\u0000', 'unsafe-byte'],
		['Accept', 'a\tb', undefined],
		['Accept-Language', 'fr_FR', 'unsafe-byte'],
		['Range', 'bytes=-5', 'range-not-simple'],
	])('%s: %j -> %s', (name, value, reason) => {
		expect(safelistedHeaderReason(name, value)).toBe(reason);
	});

	// WPT fetch/api/cors/resources/not-cors-safelisted.json: each of these needs a preflight.
	it.each<[string, string, HeaderReason]>([
		['accept', '"', 'unsafe-byte'],
		['accept', long129, 'value-too-long'],
		['accept-language', '\u0001', 'unsafe-byte'],
		['accept-language', '@', 'unsafe-byte'],
		['authorization', 'basics', 'not-safelisted-name'],
		['content-language', '\u0001', 'unsafe-byte'],
		['content-language', '@', 'unsafe-byte'],
		['content-type', 'text/html', 'content-type-not-safelisted'],
		['content-type', 'text/plain; long=0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901', 'value-too-long'],
		['last-event-id', '"', 'not-safelisted-name'],
		['last-event-id', long129, 'not-safelisted-name'],
		['range', 'bytes 0-', 'range-not-simple'],
		['test', 'hi', 'not-safelisted-name'],
	])('WPT not-cors-safelisted %s: %j -> %s', (name, value, reason) => {
		expect(safelistedHeaderReason(name, value)).toBe(reason);
	});

	// WPT cors/cors-safelisted-request-header.any.js, the Content-Type list.
	it.each<[string, HeaderReason | undefined]>([
		['text /plain', 'content-type-unparsable'],
		['text\t/\tplain', 'content-type-unparsable'],
		['text/plain;', undefined],
		['text/plain;garbage', undefined],
		['text/plain;garbage\u0001\u0002', 'unsafe-byte'],
		['text/plain,', 'content-type-unparsable'],
		[',text/plain', 'content-type-unparsable'],
		['text/plain,text/plain', 'content-type-unparsable'],
		['text/plain,x/x', 'content-type-unparsable'],
		['text/plain\u000B', 'unsafe-byte'],
		['text/plain\u000C', 'unsafe-byte'],
		['application/www-form-urlencoded', 'content-type-not-safelisted'],
		['application/x-www-form-urlencoded;\u007F', 'unsafe-byte'],
		['multipart/form-data', undefined],
		['multipart/form-data;"', 'unsafe-byte'],
	])('WPT content-type %j -> %s', (value, reason) => {
		expect(safelistedHeaderReason('content-type', value)).toBe(reason);
	});

	// WPT cors/cors-safelisted-request-header.any.js, the Range list: only two values skip the preflight.
	it.each<[string, boolean]>([
		['100-200', true],
		['MB=100-200', true],
		['bytes=100-200', false],
		['bytes =100-200', true],
		['bytes=  100-200', true],
		['bytes=100 -200', true],
		['bytes=100-200hello', true],
		['bytes=abc-def', true],
		['bytes=100-200,300-400', true],
		['bytes=-200', true],
		['bytes=200-', false],
		['bytes=200-100', true],
		[`bytes=1${'0'.repeat(60)}-2${'0'.repeat(60)}`, true],
		['bytes 100-200', true],
		['bytes = 100-200', true],
		[',bytes=100-200', true],
		['bytes=,100-200', true],
	])('WPT range %j -> preflight %s', (value, preflight) => {
		expect(safelistedHeaderReason('range', value) !== undefined).toBe(preflight);
	});
});

describe('corsUnsafeRequestHeaderNames', () => {
	it('returns sorted, lower-cased, unique names (the Access-Control-Request-Headers list)', () => {
		expect(corsUnsafeRequestHeaderNames([['X-B', '1'], ['Accept', 'a'], ['x-a', '2'], ['X-b', '3'], ['Authorization', 'x']])).toEqual([
			{name: 'authorization', reason: 'not-safelisted-name'},
			{name: 'x-a', reason: 'not-safelisted-name'},
			{name: 'x-b', reason: 'not-safelisted-name'},
		]);
	});

	it('tests duplicate entries one by one (spec example: json + text/plain preflights)', () => {
		expect(corsUnsafeRequestHeaderNames([['Content-Type', 'application/json'], ['Content-Type', 'text/plain']])).toEqual([{name: 'content-type', reason: 'content-type-not-safelisted'}]);
		expect(corsUnsafeRequestHeaderNames([['Content-Type', 'text/plain'], ['Content-Type', 'text/plain']])).toEqual([]);
	});

	it('returns nothing for safelisted headers', () => {
		expect(corsUnsafeRequestHeaderNames([['Accept', '*/*'], ['Accept-Language', 'fr'], ['Content-Language', 'fr'], ['Content-Type', 'text/plain'], ['Range', 'bytes=0-']])).toEqual([]);
	});

	it('makes every safelisted name unsafe when their values add up to more than 1024 bytes', () => {
		const value = 'a'.repeat(128);
		const eight = Array.from({length: 8}, (): [string, string] => ['Accept', value]);
		expect(corsUnsafeRequestHeaderNames(eight)).toEqual([]);
		expect(corsUnsafeRequestHeaderNames([...eight, ['Accept-Language', 'f'], ['X-Key', 'k']])).toEqual([
			{name: 'accept', reason: 'total-size-over-1024'},
			{name: 'accept-language', reason: 'total-size-over-1024'},
			{name: 'x-key', reason: 'not-safelisted-name'},
		]);
	});

	it('keeps the first reason seen for a name', () => {
		expect(corsUnsafeRequestHeaderNames([['Accept', 'a'.repeat(200)], ['Accept', '"']])).toEqual([{name: 'accept', reason: 'value-too-long'}]);
	});
});
