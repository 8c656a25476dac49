// The development proxy from Node: what it answers to preflights and forwarded requests, which origins it echoes, and
// the CLI command that starts it.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {runCli} from '../../src/cli/run';
import {parseCommand} from '../../src/cli/args';
import {type CorsProxy, startCorsProxy} from '../../src/node/proxy';
import {startScenarioServer, type ScenarioServer} from '../support/scenario-server';

let server: ScenarioServer;
let proxy: CorsProxy;
let open: CorsProxy;
const page = 'http://localhost:5173';

beforeAll(async () => {
	server = await startScenarioServer();
	proxy = await startCorsProxy({target: server.api, origins: [page], credentials: true});
	open = await startCorsProxy({target: `${server.api}/s`});
});

afterAll(async () => {
	await proxy?.close();
	await open?.close();
	await server?.close();
});

const headersOf = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));

test('answers a preflight itself for an allowed origin, allowing what was asked', async () => {
	server.clear();
	const response = await fetch(`${proxy.url}/s/method-not-allowed`, {method: 'OPTIONS', headers: {origin: page, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-api-key'}});
	expect(response.status).toBe(204);
	expect(headersOf(response)).toEqual({
		'access-control-allow-origin': page,
		'access-control-allow-credentials': 'true',
		'access-control-allow-methods': 'PUT',
		'access-control-allow-headers': 'x-api-key',
		'access-control-max-age': '60',
		vary: 'Origin',
	});
	expect(server.log).toEqual([]);
});

test('forwards the request with its query and body, replaces the upstream CORS headers and exposes the others', async () => {
	server.clear();
	const response = await fetch(`${proxy.url}/s/allow-origin-multiple-lines?page=2`, {method: 'POST', headers: {origin: page, 'content-type': 'text/plain'}, body: 'hello'});
	expect(response.status).toBe(200);
	expect(await response.text()).toBe('ok');
	expect(headersOf(response)).toEqual({
		'access-control-allow-origin': page,
		'access-control-allow-credentials': 'true',
		'access-control-expose-headers': 'content-length, date',
		vary: 'Origin',
	});
	expect(server.log.map(request => [request.method, request.path, request.query, request.bodyLength])).toEqual([['POST', '/s/allow-origin-multiple-lines', '?page=2', 5]]);
});

test('never echoes an origin it does not allow', async () => {
	const preflight = await fetch(`${proxy.url}/s/good-simple-get`, {method: 'OPTIONS', headers: {origin: 'http://evil.example', 'access-control-request-method': 'PUT'}});
	expect(headersOf(preflight)).toEqual({vary: 'Origin'});
	const actual = await fetch(`${proxy.url}/s/good-simple-get`, {headers: {origin: 'http://evil.example'}});
	expect(headersOf(actual)).toEqual({vary: 'Origin'});
});

test('without --origin it allows pages on this machine only, and no credentials', async () => {
	const local = await fetch(`${open.url}/good-simple-get`, {headers: {origin: 'http://127.0.0.1:3000'}});
	expect(headersOf(local)).toMatchObject({'access-control-allow-origin': 'http://127.0.0.1:3000'});
	expect(headersOf(local)['access-control-allow-credentials']).toBeUndefined();
	const remote = await fetch(`${open.url}/good-simple-get`, {headers: {origin: 'https://app.example'}});
	expect(headersOf(remote)['access-control-allow-origin']).toBeUndefined();
});

test('a target that does not answer gives a 502 the page can read', async () => {
	const dead = await startCorsProxy({target: server.refusedUrl, origins: [page]});
	try {
		const response = await fetch(`${dead.url}/x`, {headers: {origin: page}});
		expect(response.status).toBe(502);
		expect(response.headers.get('access-control-allow-origin')).toBe(page);
		expect(await response.text()).toMatch(/^cors-doctor proxy: http:\/\/127\.0\.0\.1:\d+ did not answer/);
	} finally {
		await dead.close();
	}
});

test('cors-doctor proxy: parses its options and prints that it is for development only', async () => {
	expect(parseCommand(['proxy', '--target', 'http://127.0.0.1:8080', '--port', '8081', '--origin', page, '--origin', 'http://localhost:3000', '--credentials']))
		.toEqual({kind: 'proxy', target: 'http://127.0.0.1:8080', port: 8081, origins: [page, 'http://localhost:3000'], credentials: true});
	expect(() => parseCommand(['proxy'])).toThrow('Missing --target: the server to forward to, e.g. --target http://127.0.0.1:8080.');
	expect(() => parseCommand(['proxy', '--target', 'http://x', '--port', 'eighty'])).toThrow('Invalid --port "eighty": give a port number (0 = any free port).');
	expect(() => parseCommand(['check', 'http://x', '--origin', page, '--origin', page])).toThrow('check takes one --origin (the page origin); audit takes several.');
	let out = '';
	let started: CorsProxy | undefined;
	const io = {stdout: (text: string) => {
		out += text;
	}, stderr: () => {}, env: {}, isTTY: false, version: () => '0', proxy: async (options: Parameters<typeof startCorsProxy>[0]) => {
		started = await startCorsProxy(options);
		return started;
	}};
	try {
		expect(await runCli(['proxy', '--target', server.api, '--origin', page], io)).toBe(0);
		expect(out).toBe(`cors-doctor proxy: FOR DEVELOPMENT ONLY. It adds CORS headers the real server does not send; fix the server before production.\n  ${started!.url} -> ${server.api}\n  allowed origins: ${page}\n  Ctrl-C stops it.\n`);
	} finally {
		await started?.close();
	}

	let error = '';
	expect(await runCli(['proxy', '--target', 'ftp://127.0.0.1/'], {...io, proxy: startCorsProxy, stderr: (text: string) => {
		error += text;
	}})).toBe(2);
	expect(error).toBe('cors-doctor: proxy: --target must be http(s), got ftp:\n');
});
