import axios from 'axios';
import axiosRetry from 'axios-retry';
import {createFetch} from 'ofetch';
import {up} from 'up-fetch';
import wretch from 'wretch';
import {retry} from 'wretch/middlewares';
import {describe, expect, test} from 'vitest';
import {stopCorsRetry, unlessCors, untilCors, withCorsDiagnosis} from '../../src/clients';
import {createCorsFetch, getCorsError, isCorsError} from '../../src/index';
import {createCorsEnforcingFetch} from '../../src/testing';

/**
The docs/clients.md recipes, type-checked against the clients' real types (tsc runs over test/) and run in plain Node on
the enforcing fetch: the CorsError reaches the caller and the handler sees the original request once, while a handler
that throws (a network error) is still retried. The real-browser proof is test/browser/clients-*.test.ts.
*/
const page = 'https://app.example';
const api = 'https://api.example';
const MARK = 'x-original';
const headers = {'Content-Language': MARK};

function server() {
	const calls: string[] = [];
	const handler = (request: Request) => {
		const {pathname} = new URL(request.url);
		// Only originals carry the mark: the classifier's probes never send the page's headers.
		if (request.headers.get('content-language') === MARK) {
			calls.push(`${request.method} ${pathname}`);
		}

		if (pathname === '/down') {
			throw new Error('ECONNREFUSED');
		}

		return new Response('{"ok":true}', {headers: pathname === '/ok' ? {'Access-Control-Allow-Origin': page, 'Content-Type': 'application/json'} : {}});
	};

	const corsFetch = createCorsFetch({pageOrigin: page, fetch: createCorsEnforcingFetch({pageOrigin: page, handler})});
	const originals = (path: string) => calls.filter(call => call === `GET ${path}`).length;
	return {corsFetch, originals};
}

async function settle(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(() => undefined, (error: unknown) => error);
}

describe('recipes on the enforcing fetch', () => {
	test('axios fetch adapter + axios-retry guarded by unlessCors', async () => {
		const {corsFetch, originals} = server();
		const client = axios.create({adapter: 'fetch', env: {fetch: corsFetch}, headers: {'User-Agent': false}});
		withCorsDiagnosis(client);
		axiosRetry(client, {retries: 2, retryDelay: () => 0, retryCondition: unlessCors(axiosRetry.isNetworkOrIdempotentRequestError)});
		const error = await settle(client.get(`${api}/blocked`, {headers}));
		expect([axios.isAxiosError(error), getCorsError(error)?.code, originals('/blocked')]).toEqual([true, 'ORIGIN_NOT_ALLOWED', 1]);
		expect((await client.get(`${api}/ok`)).data).toEqual({ok: true});
		await settle(client.get(`${api}/down`, {headers}));
		expect(originals('/down')).toBe(3);
	});

	test('ofetch with stopCorsRetry', async () => {
		const {corsFetch, originals} = server();
		const client = createFetch({fetch: corsFetch, defaults: {onRequestError: stopCorsRetry, retryDelay: 0}});
		const error = await settle(client(`${api}/blocked`, {headers}));
		// ofetch wraps it in its FetchError: getCorsError finds it through `cause` (isCorsError guards the error itself).
		expect([getCorsError(error) !== undefined, originals('/blocked')]).toEqual([true, 1]);
		expect(await client(`${api}/ok`)).toEqual({ok: true});
		await settle(client(`${api}/down`, {headers}));
		// ofetch's default: one retry for a GET.
		expect(originals('/down')).toBe(2);
	});

	test('wretch with untilCors', async () => {
		const {corsFetch, originals} = server();
		const client = wretch(api).fetchPolyfill(corsFetch).headers(headers).middlewares([retry({delayTimer: 0, maxAttempts: 2, retryOnNetworkError: true, until: untilCors()})]);
		const error = await settle(client.get('/blocked').res());
		expect([isCorsError(error), originals('/blocked')]).toEqual([true, 1]);
		expect(await client.get('/ok').json()).toEqual({ok: true});
		await settle(client.get('/down').res());
		expect(originals('/down')).toBe(3);
	});

	test('up-fetch with unlessCors', async () => {
		const {corsFetch, originals} = server();
		const upfetch = up(corsFetch, () => ({retry: {attempts: 2, delay: 0, when: unlessCors(({response}) => !response?.ok)}}));
		const error = await settle(upfetch(`${api}/blocked`, {headers}));
		expect([isCorsError(error), originals('/blocked')]).toEqual([true, 1]);
		expect(await upfetch(`${api}/ok`)).toEqual({ok: true});
		await settle(upfetch(`${api}/down`, {headers}));
		expect(originals('/down')).toBe(3);
	});
});
