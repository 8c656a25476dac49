import {expect, test} from 'vitest';
import {createCorsFetch} from '../../src/core/cors-fetch';
import {diagnose} from '../../src/core/diagnose';
import {corsResponse, fakeFetch} from './fake-fetch';

// No DOM here: globalThis.location is undefined, as in Node, Deno and Bun, where CORS does not exist.
test('without a page the wrapper is a pure pass-through', async () => {
	expect(globalThis.location).toBeUndefined();
	const original = new TypeError('Failed to fetch');
	const failing = fakeFetch({}, () => Promise.reject(original));
	let diagnosed = 0;
	await expect(createCorsFetch({fetch: failing.fetch, onDiagnosis: () => diagnosed++})('https://api.example.com/x')).rejects.toBe(original);
	expect(failing.calls).toHaveLength(1);
	expect(diagnosed).toBe(0);
	const response = corsResponse();
	expect(await createCorsFetch({fetch: fakeFetch({}, async () => response).fetch})('https://api.example.com/x')).toBe(response);
});

test('a pageOrigin option turns classification on outside a browser', async () => {
	const fake = fakeFetch({simple: 'failed'});
	await expect(createCorsFetch({fetch: fake.fetch, pageOrigin: 'https://app.example.com'})('https://api.example.com/x'))
		.rejects.toMatchObject({name: 'CorsError', code: 'ORIGIN_NOT_ALLOWED'});
});

test('diagnose without a page: not cross-origin', async () => {
	expect(await diagnose('https://api.example.com/x')).toEqual({kind: 'not-cross-origin'});
});
