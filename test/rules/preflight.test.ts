import {describe, expect, it} from 'vitest';
import {corsUnsafeRequestHeaderNames, normalizeMethod, preflightCheck, type CheckedRequest, type RawResponse} from '../../src/rules';

const origin = 'https://app.example';
const ok = (...headers: Array<[string, string]>): RawResponse => ({status: 204, headers: [['Access-Control-Allow-Origin', '*'], ...headers]});
const request = (method: string, headers: string[] = [], credentials: CheckedRequest['credentials'] = 'omit'): CheckedRequest => ({origin, credentials, method, headers});

// WPT fetch/api/cors/cors-preflight-star.any.js. preflight.py answers ACAO `*`, or the origin plus ACAC `true` with credentials.
describe('preflightCheck: WPT cors-preflight-star', () => {
	it.each<[boolean, boolean, string, string, string, Array<[string, string]>, string[]]>([
		[true, false, 'get', 'x-test', 'GET', [['X-Test', '1']], []],
		[true, false, '*', 'x-test', 'SUPER', [['X-Test', '1']], []],
		[true, false, '*', '*', 'OK', [['X-Test', '1']], []],
		[false, true, '*', '*', 'OK', [['X-Test', '1']], ['METHOD_NOT_ALLOWED:OK:wildcard-with-credentials', 'HEADER_NOT_ALLOWED:x-test:wildcard-with-credentials']],
		[false, true, '*', '', 'PUT', [], ['METHOD_NOT_ALLOWED:PUT:wildcard-with-credentials']],
		[true, true, 'PUT', '*', 'PUT', [], []],
		[false, true, 'get', '*', 'GET', [['X-Test', '1']], ['HEADER_NOT_ALLOWED:x-test:wildcard-with-credentials']],
		[false, true, '*', '*', 'GET', [['X-Test', '1']], ['HEADER_NOT_ALLOWED:x-test:wildcard-with-credentials']],
		[true, true, '*', '*', '*', [['*', '1']], []],
		[false, true, 'put', '*', 'PUT', [], ['METHOD_NOT_ALLOWED:PUT:case']],
	])('succeeds %s; credentials %s; allow %j / %j; %s %j', (succeeds, withCredentials, allowMethods, allowHeaders, method, headers, expected) => {
		const response: RawResponse = {
			status: 200,
			headers: [
				['Access-Control-Allow-Origin', withCredentials ? origin : '*'],
				...(withCredentials ? [['Access-Control-Allow-Credentials', 'true'] as [string, string]] : []),
				['Access-Control-Allow-Methods', allowMethods],
				['Access-Control-Allow-Headers', allowHeaders],
			],
		};
		const failures = preflightCheck(response, {
			origin,
			credentials: withCredentials ? 'include' : 'omit',
			method: normalizeMethod(method),
			headers: corsUnsafeRequestHeaderNames(headers).map(({name}) => name),
		});
		expect(failures.length === 0).toBe(succeeds);
		expect(failures.map(failure => `${failure.code}:${failure.param}:${failure.detail}`)).toEqual(expected);
	});
});

describe('preflightCheck: status', () => {
	it.each([200, 201, 202, 203, 204, 205, 206, 299])('%i is an ok status', status => {
		expect(preflightCheck({...ok(['Access-Control-Allow-Methods', 'PUT']), status}, request('PUT'))).toEqual([]);
	});

	// The Fetch standard's redirect statuses; Chromium's IsRedirectResponseCode is the same list.
	it.each([301, 302, 303, 307, 308])('%i -> PREFLIGHT_REDIRECT only', status => {
		const failures = preflightCheck({status, headers: [['Location', 'https://api.example/x/']]}, request('PUT'));
		expect(failures).toEqual([{code: 'PREFLIGHT_REDIRECT', seen: `${status} https://api.example/x/`, expected: 'a 2xx status, not a redirect', detail: 'status'}]);
	});

	it.each([300, 304, 305, 306, 399])('%i is no redirect status: PREFLIGHT_STATUS, and the headers are still checked', status => {
		const failures = preflightCheck({status, headers: [['Location', 'https://api.example/x/']]}, request('PUT'));
		expect(failures.map(failure => failure.code)).toEqual(['PREFLIGHT_STATUS', 'ALLOW_ORIGIN_MISSING', 'METHOD_NOT_ALLOWED']);
		expect(failures[0]).toMatchObject({seen: `${status}`});
	});

	it('reports a redirect without Location by its status', () => {
		expect(preflightCheck({status: 301, headers: []}, request('PUT'))[0]?.seen).toBe('301');
	});

	it.each([400, 401, 403, 404, 405, 500, 501, 502, 503, 505, 199])('%i -> PREFLIGHT_STATUS first, then every header rule', status => {
		const failures = preflightCheck({status, headers: []}, request('PUT', ['x-key']));
		expect(failures.map(failure => failure.code)).toEqual(['PREFLIGHT_STATUS', 'ALLOW_ORIGIN_MISSING', 'METHOD_NOT_ALLOWED', 'HEADER_NOT_ALLOWED']);
		expect(failures[0]).toMatchObject({seen: `${status}`});
		// Chromium reports a non-2xx preflight without ACAO as a missing ACAO.
		expect(failures[0]?.engines).toEqual([expect.objectContaining({engine: 'chromium', behaviour: 'code', code: 'ALLOW_ORIGIN_MISSING'})]);
	});

	it('has no Chromium note when the failing preflight carries ACAO', () => {
		const failures = preflightCheck({...ok(['Access-Control-Allow-Methods', 'PUT']), status: 401}, request('PUT'));
		expect(failures).toEqual([{code: 'PREFLIGHT_STATUS', seen: '401', expected: 'an ok status (200-299)', detail: 'status'}]);
	});
});

describe('preflightCheck: CORS check on the preflight', () => {
	it('uses the original credentials mode', () => {
		const response = ok(['Access-Control-Allow-Methods', 'PUT']);
		expect(preflightCheck(response, request('PUT', [], 'include')).map(failure => failure.code)).toEqual(['WILDCARD_ORIGIN_WITH_CREDENTIALS']);
		const specific: RawResponse = {status: 204, headers: [['Access-Control-Allow-Origin', origin], ['Access-Control-Allow-Methods', 'PUT']]};
		expect(preflightCheck(specific, request('PUT', [], 'include'))).toEqual([{code: 'ALLOW_CREDENTIALS_MISSING', header: 'access-control-allow-credentials', seen: null, expected: 'true'}]);
	});

	it('reports ACAO failures as corsCheck does', () => {
		const response: RawResponse = {status: 204, headers: [['Access-Control-Allow-Origin', `${origin}/`], ['Access-Control-Allow-Methods', 'PUT']]};
		expect(preflightCheck(response, request('PUT'))).toEqual([expect.objectContaining({code: 'ALLOW_ORIGIN_MISMATCH', detail: 'trailing-slash'})]);
	});
});

describe('preflightCheck: Access-Control-Allow-Methods', () => {
	it.each<[string | undefined, string, string | undefined]>([
		['PUT, DELETE', 'PUT', undefined],
		['PUT,DELETE', 'DELETE', undefined],
		['put', 'PUT', 'case'],
		['PATCH', 'patch', 'case'],
		['patch', 'patch', undefined],
		['GET', 'PUT', 'none'],
		[undefined, 'PUT', 'none'],
		['', 'PUT', 'none'],
		['*', 'PUT', undefined],
		[undefined, 'GET', undefined],
		[undefined, 'POST', undefined],
		['DELETE', 'HEAD', undefined],
	])('ACAM %j with %s -> %s', (allowMethods, method, result) => {
		const response = allowMethods === undefined ? ok() : ok(['Access-Control-Allow-Methods', allowMethods]);
		const failures = preflightCheck(response, request(method));
		if (result === undefined) {
			expect(failures).toEqual([]);
		} else {
			expect(failures).toEqual([{code: 'METHOD_NOT_ALLOWED', header: 'access-control-allow-methods', seen: allowMethods ?? null, expected: method, param: method, ...(result === 'none' ? {} : {detail: result})}]);
		}
	});

	it('joins several ACAM lines', () => {
		expect(preflightCheck(ok(['Access-Control-Allow-Methods', 'GET'], ['Access-Control-Allow-Methods', 'PUT']), request('PUT'))).toEqual([]);
	});

	it('with the use-CORS-preflight flag and no ACAM, allows the request method', () => {
		expect(preflightCheck(ok(), {...request('PUT'), useCorsPreflight: true})).toEqual([]);
		expect(preflightCheck(ok(), {...request('POST'), useCorsPreflight: true})).toEqual([]);
		expect(preflightCheck(ok(['Access-Control-Allow-Methods', 'GET']), {...request('PUT'), useCorsPreflight: true})).toHaveLength(1);
	});

	// WPT fetch/api/cors/cors-preflight-response-validation.any.js
	it('fails on an unparsable ACAM ("Bad method name")', () => {
		const failures = preflightCheck(ok(['Access-Control-Allow-Methods', 'Bad method name']), request('GET', ['x-force-preflight']));
		expect(failures[0]).toMatchObject({code: 'ALLOW_METHODS_INVALID', header: 'access-control-allow-methods', seen: 'Bad method name'});
		expect(failures[0]?.expected).toContain('"Bad method name"');
	});
});

describe('preflightCheck: Access-Control-Allow-Headers', () => {
	// WPT fetch/api/cors/cors-preflight-response-validation.any.js
	it('fails on an unparsable ACAH ("header name with space")', () => {
		const failures = preflightCheck(ok(['Access-Control-Allow-Headers', 'x-force-preflight,header name with space']), request('GET', ['x-force-preflight']));
		expect(failures).toEqual([expect.objectContaining({code: 'ALLOW_HEADERS_INVALID', seen: 'x-force-preflight,header name with space'})]);
	});

	it.each<[string | undefined, string[], string[]]>([
		['X-Key, X-Other', ['x-key', 'x-other'], []],
		['x-key', ['x-key', 'x-other'], ['x-other']],
		[undefined, ['x-key'], ['x-key']],
		['', ['x-key'], ['x-key']],
		['*', ['x-key', 'content-type'], []],
		['X-KEY', ['X-Key'], []],
		['x-key', [], []],
	])('ACAH %j for %j -> not allowed %j', (allowHeaders, headers, notAllowed) => {
		const response = allowHeaders === undefined ? ok() : ok(['Access-Control-Allow-Headers', allowHeaders]);
		const failures = preflightCheck(response, request('GET', headers));
		expect(failures.map(failure => failure.param)).toEqual(notAllowed);
		for (const failure of failures) {
			expect(failure).toMatchObject({code: 'HEADER_NOT_ALLOWED', header: 'access-control-allow-headers', seen: allowHeaders ?? null, expected: failure.param});
		}
	});

	it('never lets * cover Authorization, and records the engines that do', () => {
		const failures = preflightCheck(ok(['Access-Control-Allow-Headers', '*']), request('GET', ['authorization', 'x-key']));
		expect(failures).toHaveLength(1);
		expect(failures[0]).toMatchObject({code: 'HEADER_NOT_ALLOWED', param: 'authorization', detail: 'authorization-wildcard'});
		expect(failures[0]?.engines?.map(note => [note.engine, note.behaviour])).toEqual([['chromium', 'passes'], ['firefox', 'passes'], ['webkit', 'passes']]);
	});

	it('accepts Authorization when listed', () => {
		expect(preflightCheck(ok(['Access-Control-Allow-Headers', '*, Authorization']), request('GET', ['authorization', 'x-key']))).toEqual([]);
	});

	it('reports Authorization with * and credentials as a credentials wildcard', () => {
		const response: RawResponse = {status: 204, headers: [['Access-Control-Allow-Origin', origin], ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Allow-Headers', '*']]};
		const failures = preflightCheck(response, request('GET', ['authorization'], 'include'));
		expect(failures).toEqual([expect.objectContaining({param: 'authorization', detail: 'wildcard-with-credentials'})]);
		expect(failures[0]?.engines).toBeUndefined();
	});

	it('reports Authorization without any wildcard as a plain missing header', () => {
		const failures = preflightCheck(ok(['Access-Control-Allow-Headers', 'x-key']), request('GET', ['authorization']));
		expect(failures).toEqual([{code: 'HEADER_NOT_ALLOWED', header: 'access-control-allow-headers', seen: 'x-key', expected: 'authorization', param: 'authorization'}]);
	});
});

describe('preflightCheck: order and completeness', () => {
	it('returns every failure, in spec order', () => {
		const response: RawResponse = {status: 403, headers: [['Access-Control-Allow-Origin', 'https://other.example'], ['Access-Control-Allow-Methods', 'GET'], ['Access-Control-Allow-Headers', 'x-a']]};
		const failures = preflightCheck(response, request('DELETE', ['x-a', 'x-b']));
		expect(failures.map(failure => failure.code)).toEqual(['PREFLIGHT_STATUS', 'ALLOW_ORIGIN_MISMATCH', 'METHOD_NOT_ALLOWED', 'HEADER_NOT_ALLOWED']);
		expect(failures[3]?.param).toBe('x-b');
	});

	it('reports both unparsable lists before the method and header rules', () => {
		const failures = preflightCheck(ok(['Access-Control-Allow-Methods', 'a b'], ['Access-Control-Allow-Headers', 'c d']), request('PUT', ['x-a']));
		expect(failures.map(failure => failure.code)).toEqual(['ALLOW_METHODS_INVALID', 'ALLOW_HEADERS_INVALID']);
	});
});
