import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {BINARIES, type BrowserSession, ENGINES, FETCH_TYPE_ERROR, launch, requireExecutable} from './support';

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<{server: Server; origin: string}> {
	const server = createServer(handler);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`};
}

async function close(server: Server | undefined): Promise<void> {
	server?.closeAllConnections();
	await new Promise(resolve => server ? server.close(resolve) : resolve(undefined));
}

// Two loopback ports are two origins: the page lives on one, the API on the other.
let page: Awaited<ReturnType<typeof listen>> | undefined;
let api: Awaited<ReturnType<typeof listen>> | undefined;
const apiHits: string[] = [];

beforeAll(async () => {
	page = await listen((_, response) => {
		response.writeHead(200, {'content-type': 'text/html'}).end('<!doctype html><title>page</title>');
	});
	api = await listen((request, response) => {
		apiHits.push(`${request.method} ${request.url}`);
		const headers: Record<string, string> = {'content-type': 'application/json', 'cache-control': 'no-store'};
		if (request.url === '/cors') {
			headers['access-control-allow-origin'] = '*';
		}

		response.writeHead(200, headers).end(JSON.stringify({ok: true}));
	});
});

afterAll(async () => {
	await close(page?.server);
	await close(api?.server);
});

describe('binaries', () => {
	test('a missing browser fails loudly with the apt-get line, never a skip', () => {
		expect(() => requireExecutable('/nonexistent/chromium', 'chromium')).toThrow('/nonexistent/chromium is missing: the real-browser tests need it. Install it with: sudo apt-get install -y chromium');
	});

	test.each(Object.entries(BINARIES))('%s is installed', (_, {path, apt}) => {
		expect(requireExecutable(path, apt)).toBe(path);
	});
});

describe.each(ENGINES)('%s', engine => {
	let session: BrowserSession | undefined;
	let started = 0;

	beforeAll(async () => {
		started = Date.now();
		session = await launch(engine);
		await session.goto(`${page!.origin}/`);
	});

	afterAll(async () => {
		await session?.close();
		console.info(`[harness] ${engine}: ${Date.now() - started} ms (launch + tests + close)`);
	});

	test('runs page code on the page origin', async () => {
		expect(await session!.evaluate<string>('async () => location.origin')).toBe(page!.origin);
		expect(await session!.evaluate<number>('async (n) => n * 2', 21)).toBe(42);
	});

	test('a page exception rejects with its name and message', async () => {
		await expect(session!.evaluate('async () => { throw new RangeError("boom"); }')).rejects.toThrow('RangeError: boom');
	});

	test('a cross-origin fetch to a CORS-enabled endpoint succeeds', async () => {
		const body = await session!.evaluate<{status: number; type: string; json: unknown}>(
			'async (url) => { const r = await fetch(url); return {status: r.status, type: r.type, json: await r.json()}; }',
			`${api!.origin}/cors`,
		);
		expect(body).toEqual({status: 200, type: 'cors', json: {ok: true}});
	});

	test(`a fetch to an endpoint without ACAO rejects with "${FETCH_TYPE_ERROR[engine]}"`, async () => {
		apiHits.length = 0;
		await expect(session!.evaluate('async (url) => { await fetch(url); }', `${api!.origin}/no-acao`)).rejects.toThrow(new Error(FETCH_TYPE_ERROR[engine]));
		// The request did reach the server: the browser blocked the response, not the request.
		expect(apiHits).toEqual(['GET /no-acao']);
	});

	test('a no-cors fetch to that endpoint gives an opaque response', async () => {
		const result = await session!.evaluate<{type: string; status: number; body: string}>(
			'async (url) => { const r = await fetch(url, {mode: "no-cors"}); return {type: r.type, status: r.status, body: await r.text()}; }',
			`${api!.origin}/no-acao`,
		);
		expect(result).toEqual({type: 'opaque', status: 0, body: ''});
	});
});
