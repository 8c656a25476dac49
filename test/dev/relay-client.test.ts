import {expect, test} from 'vitest';
import {askRelay} from '../../src/dev/relay-client';

const shape = {url: 'http://user:pw@127.0.0.1:8080/items?token=SECRET#top', method: 'PUT', headers: ['X-Api-Key'], credentials: 'include', pageOrigin: 'http://127.0.0.1:5173'} as const;

const recording = (response: Response | Error) => {
	const sent: Array<{url: string; init: RequestInit}> = [];
	const fetch = (async (url: string, init: RequestInit) => {
		sent.push({url, init});
		if (response instanceof Error) {
			throw response;
		}

		return response;
	}) as typeof globalThis.fetch;
	return {sent, fetch};
};

test('sends the shape only: no query, fragment or userinfo, header names lowercase, no credentials', async () => {
	const answer = {source: 'relay', ok: false, codes: ['METHOD_NOT_ALLOWED'], findings: [{code: 'METHOD_NOT_ALLOWED', phase: 'preflight', fix: ['Access-Control-Allow-Methods: PUT']}]};
	const {sent, fetch} = recording(Response.json(answer));
	const signal = new AbortController().signal;
	expect(await askRelay('/__cors-doctor/relay', shape, {fetch, signal})).toEqual(answer);
	expect(sent).toHaveLength(1);
	expect(sent[0]!.url).toBe('/__cors-doctor/relay');
	expect(sent[0]!.init).toMatchObject({method: 'POST', credentials: 'omit', signal});
	expect(JSON.parse(sent[0]!.init.body as string)).toEqual({url: 'http://127.0.0.1:8080/items', method: 'PUT', headers: ['x-api-key'], credentials: 'include', pageOrigin: 'http://127.0.0.1:5173'});
	expect(sent[0]!.init.body).not.toMatch(/SECRET|pw|top/);
});

test.each([
	['a refusal', Response.json({error: 'the relay only answers this machine'}, {status: 403})],
	['no relay (the dev server\'s 404 page)', new Response('<!doctype html>', {status: 404})],
	['something that is not a relay answer', Response.json({codes: ['ALLOW_ORIGIN_MISSING']})],
	['a network failure', new TypeError('Failed to fetch')],
])('resolves undefined on %s', async (_, response) => {
	expect(await askRelay('/__cors-doctor/relay', shape, {fetch: recording(response).fetch})).toBeUndefined();
});
