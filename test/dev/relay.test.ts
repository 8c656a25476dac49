// The dev relay's guards against a real scenario server: each refusal is shown, and the server log proves what the
// relay did (or did not) send. One real HTTP request goes through the connect middleware.
import {createServer, type Server} from 'node:http';
import {afterAll, beforeAll, beforeEach, expect, test} from 'vitest';
import {corsDoctorRelay, createRelay, LIMITS, RELAY_PATH} from '../../src/dev';
import {startScenarioServer, type ScenarioServer} from '../support/scenario-server';
import {scenarios} from '../support/scenarios';

let server: ScenarioServer;
let relay: ReturnType<typeof createRelay>;
let http: Server;
let relayUrl: string;

const shapeFor = (name: string, overrides: object = {}) => {
	const entry = scenarios.find(item => item.name === name)!;
	return {url: server.url(name), method: entry.request.method, headers: Object.keys(entry.request.headers ?? {}), credentials: entry.request.credentials ?? 'same-origin', pageOrigin: server.page, ...overrides};
};

const ask = async (body: unknown, remoteAddress = '127.0.0.1') => relay({remoteAddress, method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body)});
const remote = () => server.log.filter(request => request.origin !== 'page');

beforeAll(async () => {
	server = await startScenarioServer();
	relay = createRelay({origins: [server.api], timeout: 2000});
	const middleware = corsDoctorRelay({origins: [server.api], timeout: 2000});
	http = createServer((request, response) => {
		middleware(request, response, () => {
			response.writeHead(404);
			response.end('next');
		});
	});
	await new Promise<void>(done => {
		http.listen(0, '127.0.0.1', done);
	});
	relayUrl = `http://127.0.0.1:${(http.address() as {port: number}).port}${RELAY_PATH}`;
});

beforeEach(() => {
	server.clear();
});

afterAll(async () => {
	await new Promise(done => {
		http?.close(done);
	});
	await server?.close();
});

test('a loopback client gets the exact codes, and no response body', async () => {
	const {status, body} = await ask(shapeFor('error-500-without-cors'));
	expect(status).toBe(200);
	expect(body).toEqual({source: 'relay', ok: false, codes: ['ALLOW_ORIGIN_MISSING'], findings: [{code: 'ALLOW_ORIGIN_MISSING', phase: 'actual', hop: 0, fix: expect.any(Array)}]});
	// The server answered "boom": the relay never passes a body on.
	expect(JSON.stringify(body)).not.toContain('boom');
});

test.each(['10.0.0.7', '192.168.1.20', '::ffff:10.0.0.7', undefined])('refuses a client at %s, sending nothing', async address => {
	expect(await relay({remoteAddress: address, method: 'POST', body: JSON.stringify(shapeFor('allow-origin-missing'))})).toEqual({status: 403, body: {error: 'the relay only answers this machine'}});
	expect(remote()).toEqual([]);
});

test('refuses a target that is not in the allowlist, sending nothing', async () => {
	const url = `${server.third}/t/plain`;
	expect(await ask(shapeFor('allow-origin-missing', {url}))).toEqual({status: 403, body: {error: 'the target origin is not in the relay\'s origins (add it to the `origins` option)'}});
	expect(remote()).toEqual([]);
});

test('refuses to follow a redirect out of the allowlist', async () => {
	const {status, body} = await ask(shapeFor('redirect-to-third-without-cors'));
	expect(status).toBe(403);
	expect(body).toEqual({error: `${server.third} is not in the relay's origins (a redirect left them)`});
	expect(remote().map(request => request.origin)).toEqual(['api']);
});

test.each(['PUT', 'DELETE', 'patch', 'POST'])('an unsafe %s is only preflighted: the relay sends OPTIONS and never the method', async method => {
	const {status, body} = await ask(shapeFor('method-not-allowed', {method, headers: ['x-api-key']}));
	expect(status).toBe(200);
	expect(body).toMatchObject({source: 'relay', ok: false});
	expect(remote().map(request => request.method)).toEqual(['OPTIONS']);
});

test('sends dummy header values, never cookies', async () => {
	await ask(shapeFor('five-headers-credentialed'));
	for (const request of remote()) {
		expect(request.headers.cookie).toBeUndefined();
		expect(request.bodyLength).toBe(0);
		expect(['OPTIONS', 'GET', 'HEAD']).toContain(request.method);
	}
});

test('refuses oversized and malformed input', async () => {
	expect(await ask('x'.repeat(LIMITS.body + 1))).toEqual({status: 413, body: {error: `a request shape is at most ${LIMITS.body} bytes`}});
	expect(await ask('{')).toEqual({status: 400, body: {error: 'expected JSON'}});
	expect(await ask(shapeFor('allow-origin-missing', {body: 'secret'}))).toEqual({status: 400, body: {error: 'unexpected field "body" (the relay takes a request shape only)'}});
	expect((await relay({remoteAddress: '127.0.0.1', method: 'GET', body: ''})).status).toBe(405);
	expect(remote()).toEqual([]);
});

test('through the middleware over real HTTP: answers the relay path, passes other paths on, refuses an oversized body', async () => {
	const response = await fetch(relayUrl, {method: 'POST', body: JSON.stringify(shapeFor('header-not-allowed'))});
	expect(response.status).toBe(200);
	expect(await response.json()).toMatchObject({source: 'relay', codes: ['HEADER_NOT_ALLOWED']});
	expect(await (await fetch(relayUrl.replace(RELAY_PATH, '/other'))).text()).toBe('next');
	const big = await fetch(relayUrl, {method: 'POST', body: 'x'.repeat(LIMITS.body * 4)});
	expect(big.status).toBe(413);
});
