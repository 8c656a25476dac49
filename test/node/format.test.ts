import {describe, expect, test} from 'vitest';
import {checkCors} from '../../src/node/check';
import {formatCheckResult} from '../../src/node/format';
import {toCheckJSON} from '../../src/node/json';
import type {Transport} from '../../src/node/types';

// A transport answering from a table: formatting needs results, not sockets.
const answers = (table: Record<string, {status: number; headers: Array<[string, string]>}>): Transport => async request => {
	const answer = table[`${request.method} ${new URL(request.url).pathname}`];
	if (!answer) {
		throw new Error(`unexpected ${request.method} ${request.url}`);
	}

	return answer;
};

const origin = 'https://app.example';

describe('formatCheckResult', () => {
	test('a failing preflight: what was sent, what came back, the problem and the exact fix line', async () => {
		const result = await checkCors('https://api.example/items', {
			origin,
			headers: ['x-api-key'],
			transport: answers({
				'OPTIONS /items': {status: 204, headers: [['Access-Control-Allow-Origin', origin], ['Access-Control-Allow-Headers', 'content-type'], ['Server', 'x']]},
				'GET /items': {status: 200, headers: [['Access-Control-Allow-Origin', origin]]},
			}),
		});
		const text = formatCheckResult(result, {color: false});
		expect(text).toContain('GET https://api.example/items');
		expect(text).toContain('> Access-Control-Request-Headers: x-api-key');
		expect(text).toContain('< Access-Control-Allow-Headers: content-type');
		expect(text).not.toContain('Server: x');
		expect(text).toContain('HEADER_NOT_ALLOWED');
		expect(text).toContain('Access-Control-Allow-Headers: content-type, x-api-key');
		expect(text).toContain('docs/errors/HEADER_NOT_ALLOWED.md');
		expect(text).not.toContain('\u001B[');
	});

	test('colours only when asked', async () => {
		const result = await checkCors('https://api.example/ok', {origin, transport: answers({'GET /ok': {status: 200, headers: [['Access-Control-Allow-Origin', '*']]}})});
		expect(formatCheckResult(result, {color: true})).toContain('\u001B[32m');
		expect(formatCheckResult(result)).toContain('No CORS problem');
	});

	test('an unsafe method says the actual request was not sent', async () => {
		const result = await checkCors('https://api.example/x', {
			origin,
			method: 'DELETE',
			transport: answers({'OPTIONS /x': {status: 204, headers: [['Access-Control-Allow-Origin', origin], ['Access-Control-Allow-Methods', 'DELETE']]}}),
		});
		expect(result.ok).toBe(true);
		expect(formatCheckResult(result)).toContain('actual not sent (DELETE could change data on the server)');
	});
});

describe('toCheckJSON', () => {
	test('schemaVersion 1, the codes in order, and it survives JSON round trips', async () => {
		const result = await checkCors('https://api.example/x', {
			origin,
			credentials: true,
			transport: answers({'GET /x': {status: 200, headers: [['Access-Control-Allow-Origin', '*']]}}),
		});
		const json = JSON.parse(JSON.stringify(toCheckJSON(result))) as ReturnType<typeof toCheckJSON>;
		expect(json.schemaVersion).toBe(1);
		expect(json.codes).toEqual(['WILDCARD_ORIGIN_WITH_CREDENTIALS']);
		expect(json.problems[0]).toMatchObject({code: 'WILDCARD_ORIGIN_WITH_CREDENTIALS', phase: 'actual', hop: 0, seen: '*'});
		expect(json.ok).toBe(false);
	});
});

describe('the fetch option', () => {
	test('an injected fetch is used with redirect: manual and no credentials', async () => {
		const calls: RequestInit[] = [];
		const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
			calls.push(init ?? {});
			return new Response('ok', {status: 200, headers: {'Access-Control-Allow-Origin': origin}});
		}) as typeof globalThis.fetch;
		const result = await checkCors('https://api.example/x', {origin, fetch});
		expect(result.ok).toBe(true);
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({method: 'GET', redirect: 'manual', credentials: 'omit'});
		expect(calls[0]!.headers).toContainEqual(['Origin', origin]);
	});

	test('a fetch that rejects becomes a CheckNetworkError', async () => {
		const fetch = (async () => {
			throw new TypeError('fetch failed', {cause: Object.assign(new Error('refused'), {code: 'ECONNREFUSED'})});
		}) as typeof globalThis.fetch;
		await expect(checkCors('https://api.example/x', {origin, fetch})).rejects.toMatchObject({name: 'CheckNetworkError', code: 'UNREACHABLE', kind: 'refused'});
	});
});
