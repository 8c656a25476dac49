import {describe, expect, test} from 'vitest';
import {inspectExchange} from '../../src/server/inspect';
import {readCorsRequest} from '../../src/server/request';
import type {ObservedRequest} from '../../src/server/types';

const page = 'https://app.example.com';
const get = (extra: Partial<ObservedRequest> = {}): ObservedRequest => ({origin: page, method: 'GET', path: '/items', cookie: false, ...extra});
const preflight = (requestMethod: string, requestHeaders?: string): ObservedRequest => ({origin: page, method: 'OPTIONS', path: '/items', cookie: false, requestMethod, ...(requestHeaders ? {requestHeaders} : {})});
type Lines = Array<[string, string]>;

const table: Array<[name: string, request: ObservedRequest, status: number, headers: Lines, expected: {code?: string; phase?: string; method?: string; param?: string; also?: string[]}, options?: {assumeCredentials?: boolean}]> = [
	['a matching origin passes', get(), 200, [['Access-Control-Allow-Origin', page]], {}],
	['* passes without credentials', get(), 200, [['Access-Control-Allow-Origin', '*']], {}],
	['no ACAO', get(), 200, [], {code: 'ALLOW_ORIGIN_MISSING', phase: 'actual', method: 'GET'}],
	['another origin', get(), 200, [['Access-Control-Allow-Origin', 'https://www.example.com']], {code: 'ALLOW_ORIGIN_MISMATCH'}],
	['two lines', get(), 200, [['Access-Control-Allow-Origin', page], ['Access-Control-Allow-Origin', page]], {code: 'ALLOW_ORIGIN_MULTIPLE'}],
	['a cookie makes * fail', get({cookie: true}), 200, [['Access-Control-Allow-Origin', '*']], {code: 'WILDCARD_ORIGIN_WITH_CREDENTIALS'}],
	['a cookie needs ACAC true', get({cookie: true}), 200, [['Access-Control-Allow-Origin', page]], {code: 'ALLOW_CREDENTIALS_MISSING'}],
	['no cookie: ACAC not needed', get(), 200, [['Access-Control-Allow-Origin', page]], {}],
	['assumeCredentials checks credential rules without a cookie', get(), 200, [['Access-Control-Allow-Origin', page]], {code: 'ALLOW_CREDENTIALS_MISSING'}, {assumeCredentials: true}],
	['a preflight that allows everything passes', preflight('PUT', 'content-type,x-api-key'), 204, [['Access-Control-Allow-Origin', page], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'Content-Type, X-Api-Key']], {}],
	['a preflight without PUT', preflight('PUT'), 204, [['Access-Control-Allow-Origin', page], ['Access-Control-Allow-Methods', 'GET, POST']], {code: 'METHOD_NOT_ALLOWED', phase: 'preflight', method: 'PUT', param: 'PUT'}],
	['a preflight without the header, and without the method', preflight('PUT', 'x-api-key'), 204, [['Access-Control-Allow-Origin', page]], {code: 'METHOD_NOT_ALLOWED', also: ['HEADER_NOT_ALLOWED']}],
	['a preflight without ACAO', preflight('PUT'), 204, [], {code: 'ALLOW_ORIGIN_MISSING', phase: 'preflight'}],
	['a 404 preflight', preflight('PUT'), 404, [['Access-Control-Allow-Origin', page], ['Access-Control-Allow-Methods', 'PUT']], {code: 'PREFLIGHT_STATUS'}],
	['* covering Authorization passes in every engine: nothing to log', preflight('GET', 'authorization'), 204, [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Headers', '*']], {}],
	['a plain OPTIONS (no ACRM) is an actual request', get({method: 'OPTIONS'}), 200, [], {code: 'ALLOW_ORIGIN_MISSING', phase: 'actual', method: 'OPTIONS'}],
];

describe('inspectExchange', () => {
	test.each(table)('%s', (_name, request, status, headers, expected, options) => {
		const reports = inspectExchange(request, {status, headers}, options);
		if (!expected.code) {
			expect(reports).toEqual([]);
			return;
		}

		expect(reports).toHaveLength(1);
		expect(reports[0]).toMatchObject({kind: 'rejected', ...expected, origin: page, path: '/items', status});
	});

	test('permissive responses are warned about only with trustedOrigins', () => {
		const request = get({origin: 'https://evilexample.com', cookie: true});
		const response = {status: 200, headers: [['Access-Control-Allow-Origin', 'https://evilexample.com'], ['Access-Control-Allow-Credentials', 'true']] as Lines};
		expect(inspectExchange(request, response)).toEqual([]);
		expect(inspectExchange(request, response, {trustedOrigins: [page]})).toMatchObject([{kind: 'permissive', id: 'prefix-match', severity: 'high', credentials: true}]);
		expect(inspectExchange(get({origin: 'https://x.test'}), {status: 200, headers: [['Access-Control-Allow-Origin', '*']]}, {trustedOrigins: [page]})).toMatchObject([{id: 'wildcard-origin', severity: 'low'}]);
		expect(inspectExchange(get({origin: 'null', cookie: true}), {status: 200, headers: [['Access-Control-Allow-Origin', 'null'], ['Access-Control-Allow-Credentials', 'true']]}, {trustedOrigins: [page]})).toMatchObject([{id: 'null-origin', severity: 'high'}]);
		expect(inspectExchange(get({cookie: true}), {status: 200, headers: [['Access-Control-Allow-Origin', page], ['Access-Control-Allow-Credentials', 'true']]}, {trustedOrigins: [page]})).toEqual([]);
	});
});

describe('readCorsRequest', () => {
	const headers = (values: Record<string, string>) => (name: string) => values[name];
	test('no Origin, a non-cors Sec-Fetch-Mode, same-origin: not CORS', () => {
		expect(readCorsRequest('GET', '/', headers({}))).toBeUndefined();
		expect(readCorsRequest('POST', '/', headers({origin: page, 'sec-fetch-mode': 'navigate'}))).toBeUndefined();
		expect(readCorsRequest('POST', '/', headers({origin: page, 'sec-fetch-mode': 'no-cors'}))).toBeUndefined();
		expect(readCorsRequest('POST', '/', headers({origin: page, 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-origin'}))).toBeUndefined();
		expect(readCorsRequest('POST', '/', headers({origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080'}))).toBeUndefined();
	});

	test('a preflight keeps ACR-*; the query string and the cookie value are dropped', () => {
		expect(readCorsRequest('OPTIONS', '/items?token=secret', headers({origin: page, host: 'api.example.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-api-key', cookie: 'sid=secret'}))).toEqual({
			origin: page, method: 'OPTIONS', path: '/items', requestMethod: 'PUT', requestHeaders: 'x-api-key', cookie: true,
		});
	});
});
