import {describe, expect, test} from 'vitest';
import {requestOfAxiosConfig, stopCorsRetry, unlessCors, untilCors} from '../../src/clients';
import {CorsError} from '../../src/errors/CorsError';
import {explainRequest} from '../../src/rules';

const corsError = new CorsError({
	code: 'ORIGIN_NOT_ALLOWED',
	confidence: 'likely',
	request: {method: 'GET', url: 'https://api.example/items', pageOrigin: 'https://app.example', targetOrigin: 'https://api.example', mode: 'cors', credentials: 'same-origin', preflight: false, triggers: []},
});
// How the clients wrap it: axios and ofetch put it in `cause`.
const wrapped = Object.assign(new Error('Network Error'), {cause: corsError});
const network = new TypeError('Failed to fetch');

describe('requestOfAxiosConfig', () => {
	test('joins baseURL and url as axios does, adds plain params, upper-cases the method and maps withCredentials', () => {
		const {url, init} = requestOfAxiosConfig({baseURL: 'https://api.example/v1/', url: '/items', method: 'patch', params: {page: 2, skip: undefined}, withCredentials: true});
		expect(url).toBe('https://api.example/v1/items?page=2');
		expect(init).toEqual({method: 'PATCH', headers: {}, credentials: 'include'});
		expect(requestOfAxiosConfig({baseURL: 'https://api.example', url: 'https://other.example/x'}).url).toBe('https://other.example/x');
	});

	test('keeps the headers axios sends (AxiosHeaders via toJSON), so the preflight triggers are the real ones', () => {
		const headers = {toJSON: () => ({Accept: 'application/json, text/plain, */*', 'Content-Type': 'application/json', 'X-Api-Key': 'k', 'X-Off': false})};
		const withBody = requestOfAxiosConfig({url: 'https://api.example/items', method: 'post', headers, data: {a: 1}});
		expect(explainRequest(withBody.url, withBody.init, 'https://app.example').requestHeaders).toEqual(['content-type', 'x-api-key']);
		// Without a body the XHR adapter drops Content-Type.
		const withoutBody = requestOfAxiosConfig({url: 'https://api.example/items', headers});
		expect(explainRequest(withoutBody.url, withoutBody.init, 'https://app.example').requestHeaders).toEqual(['x-api-key']);
	});
});

describe('retry guards', () => {
	test('unlessCors: never for a CorsError (wrapped or in a context), the condition otherwise', () => {
		const always = unlessCors((_context: unknown) => true);
		expect([always(corsError), always(wrapped), always({error: wrapped}), always(network), always({error: network})]).toEqual([false, false, false, true, true]);
	});

	test('stopCorsRetry turns ofetch\'s retry off for a CORS failure only', () => {
		const cors = {error: wrapped, options: {retry: 3 as number | false}};
		const other = {error: network, options: {retry: 3 as number | false}};
		stopCorsRetry(cors);
		stopCorsRetry(other);
		expect([cors.options.retry, other.options.retry]).toEqual([false, 3]);
	});

	test('untilCors ends wretch\'s retries on a CORS failure, and keeps wretch\'s default otherwise', async () => {
		const until = untilCors();
		expect(await until(undefined, corsError)).toBe(true);
		expect(await until(undefined, network)).toBe(false);
		expect(await until(new Response('', {status: 404}))).toBe(true);
		expect(await until(new Response('', {status: 503}))).toBe(false);
	});
});
