// @vitest-environment happy-dom
import ky, {TimeoutError, isNetworkError} from 'ky';
import {describe, expect, test} from 'vitest';
import {createClient} from '../../src/client/create-client';
import {withCors} from '../../src/client/with-cors';
import {CorsError} from '../../src/errors/CorsError';
import {corsResponse, fakeFetch, opaqueResponse} from '../core/fake-fetch';

const API = 'https://api.example.com';

describe('createClient', () => {
	test('a CORS failure is thrown once as CorsError: no retries, beforeError sees it, user hooks run', async () => {
		const fake = fakeFetch({header: {'x-api-key': 'failed'}});
		const seen: Error[] = [];
		let beforeRequest = 0;
		const client = createClient({
			prefix: API,
			fetch: fake.fetch,
			headers: {'x-api-key': 'secret'},
			retry: {limit: 2, delay: () => 0},
			hooks: {
				beforeRequest: [() => {
					beforeRequest++;
				}],
				beforeError: [({error}) => {
					seen.push(error);
					return error;
				}],
			},
		});
		const error = await client.get('items').json().catch((error: unknown) => error) as CorsError;
		expect(error).toBeInstanceOf(CorsError);
		expect(error.code).toBe('HEADER_NOT_ALLOWED');
		expect(error.request.url).toBe(`${API}/items`);
		expect(fake.calls.filter(call => !call.probe)).toHaveLength(1);
		expect(seen).toEqual([error]);
		expect(beforeRequest).toBe(1);
		expect(isNetworkError(error)).toBe(false);
	});

	test('a user shouldRetry is chained for other errors but never asked about a CorsError', async () => {
		const asked: Error[] = [];
		const fake = fakeFetch({simple: 'failed'});
		const client = createClient({fetch: fake.fetch, retry: {limit: 2, delay: () => 0, shouldRetry: ({error}) => {
			asked.push(error);
			return true;
		}}});
		await expect(client.get(`${API}/a`)).rejects.toBeInstanceOf(CorsError);
		expect(asked).toEqual([]);
		const unreachable = fakeFetch({reach: 'failed', simple: 'failed', 'simple-manual': 'failed'});
		const other = createClient({fetch: unreachable.fetch, retry: {limit: 2, delay: () => 0, shouldRetry: ({error}) => {
			asked.push(error);
			return undefined;
		}}});
		await expect(other.get(`${API}/b`)).rejects.toSatisfy(isNetworkError);
		expect(asked).toHaveLength(2);
		// Not CORS: ky's own behaviour is kept, retries included.
		expect(unreachable.calls.filter(call => !call.probe)).toHaveLength(3);
	});

	test('diagnosis fits inside ky\'s per-attempt timeout: CorsError (UNDETERMINED timeout), not TimeoutError', async () => {
		const fake = fakeFetch({delay: 2000});
		const client = createClient({fetch: fake.fetch, timeout: 400, retry: 0});
		const error = await client.get(`${API}/slow`).catch((error: unknown) => error);
		// ky races the whole custom fetch against its timeout: had the diagnosis overrun it, this would be ky's TimeoutError.
		expect(error).not.toBeInstanceOf(TimeoutError);
		expect(error).toMatchObject({name: 'CorsError', code: 'UNDETERMINED', reason: 'timeout'});
	});

	test('when the original request itself exceeds ky\'s timeout, ky\'s TimeoutError stands', async () => {
		const fake = fakeFetch({}, () => new Promise(() => {}));
		await expect(createClient({fetch: fake.fetch, timeout: 50, retry: 0}).get(`${API}/hang`)).rejects.toBeInstanceOf(TimeoutError);
	});

	test('OPAQUE_RESPONSE: reading a no-cors body through the client rejects; not reading it is fine', async () => {
		const fake = fakeFetch({}, async () => opaqueResponse());
		const client = createClient({fetch: fake.fetch});
		const response = await client.get(`${API}/beacon`, {mode: 'no-cors'});
		expect(response.type).toBe('opaque');
		for (const read of [() => client.get(`${API}/x`, {mode: 'no-cors'}).json(), () => client.get(`${API}/x`, {mode: 'no-cors'}).text()]) {
			// eslint-disable-next-line no-await-in-loop
			const error = await read().catch((error: unknown) => error) as CorsError;
			expect(error).toBeInstanceOf(CorsError);
			expect(error.code).toBe('OPAQUE_RESPONSE');
			expect(error.confidence).toBe('certain');
			expect(error.request.mode).toBe('no-cors');
		}
	});

	test('HEADER_NOT_EXPOSED through the client, and the happy path', async () => {
		const fake = fakeFetch({}, async () => corsResponse({'x-total': '1'}));
		expect(await createClient({fetch: fake.fetch}).get(`${API}/ok`).json()).toEqual({});
		await expect(createClient({fetch: fake.fetch, expectHeaders: ['x-page']}).get(`${API}/ok`)).rejects.toMatchObject({code: 'HEADER_NOT_EXPOSED'});
	});
});

describe('withCors', () => {
	test('extends an instance, keeping its prefix and hooks, using its fetch as the native one', async () => {
		const fake = fakeFetch({simple: 'failed'});
		const seen: Error[] = [];
		const base = ky.create({prefix: API, fetch: fake.fetch, retry: {limit: 2, delay: () => 0}, hooks: {beforeError: [({error}) => {
			seen.push(error);
			return error;
		}]}});
		const error = await withCors(base).get('items').catch((error: unknown) => error);
		expect(error).toMatchObject({name: 'CorsError', code: 'ORIGIN_NOT_ALLOWED'});
		expect(seen).toEqual([error]);
		expect(fake.calls.filter(call => !call.probe)).toHaveLength(1);
	});
});
