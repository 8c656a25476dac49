import {request} from 'node:http';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createCorsObserver, type CorsReport} from '../../src/server';
import {FRAMEWORKS, type Framework, type RunningApp, startApp} from './apps';

/**
The adapters in real Express, Fastify, Koa and Hono apps, driven from Node (the browser comparison is in
test/browser/server-chromium.test.ts): they report what they should, skip what is not CORS, and never change a response.
*/
const page = 'http://127.0.0.1:1';
const reports: Record<string, CorsReport[]> = {};
const observed: Partial<Record<Framework, RunningApp>> = {};
const bare: Partial<Record<Framework, RunningApp>> = {};
const observers = Object.fromEntries(FRAMEWORKS.map(framework => [framework, createCorsObserver({onReport: report => (reports[framework] ??= []).push(report), rateLimit: {interval: 0}})]));

beforeAll(async () => {
	for (const framework of FRAMEWORKS) {
		observed[framework] = await startApp(framework, page, observers[framework]);
		bare[framework] = await startApp(framework, page, undefined);
	}
});

afterAll(async () => {
	await Promise.allSettled([...Object.values(observed), ...Object.values(bare)].map(async app => app?.close()));
});

interface Sent {
	status: number;
	lines: string[];
}

// node:http, not fetch: undici rewrites Sec-Fetch-Mode to `cors`, and the raw header lines are what must not change.
// Settles after the response: the observer runs on `finish`, which may come a tick after the client has the headers.
async function send(url: string, init: {method?: string; headers?: Record<string, string>}): Promise<Sent> {
	const sent = await new Promise<Sent>((resolve, reject) => {
		const outgoing = request(url, {method: init.method ?? 'GET', headers: init.headers ?? {}, agent: false}, response => {
			const lines: string[] = [];
			for (let index = 0; index < response.rawHeaders.length; index += 2) {
				lines.push(`${response.rawHeaders[index]}: ${response.rawHeaders[index + 1]}`);
			}

			response.resume();
			response.on('end', () => resolve({status: response.statusCode!, lines}));
		});
		outgoing.on('error', reject);
		outgoing.end();
	});
	await new Promise(resolve => setTimeout(resolve, 20));
	return sent;
}

const stable = (sent: Sent) => sent.lines.filter(line => !/^(date|keep-alive|connection):/i.test(line));

describe.each(FRAMEWORKS)('%s', framework => {
	test('reports rejected requests with code, phase, method, path and origin; nothing for good ones', async () => {
		reports[framework] = [];
		const base = observed[framework]!.origin;
		await send(`${base}/r/ok/1`, {headers: {origin: page}});
		await send(`${base}/r/missing/2?token=secret`, {headers: {origin: page}});
		await send(`${base}/r/method/3`, {method: 'OPTIONS', headers: {origin: page, 'access-control-request-method': 'PUT'}});
		await send(`${base}/r/header/4`, {method: 'OPTIONS', headers: {origin: page, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key'}});
		await send(`${base}/r/wildcard/5`, {headers: {origin: page, cookie: 'sid=secret'}});
		await send(`${base}/pkg/6`, {headers: {origin: page}});
		await send(`${base}/r/full/7`, {method: 'OPTIONS', headers: {origin: page, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-api-key'}});
		expect(reports[framework]!.map(report => report.kind === 'rejected' && [report.code, report.phase, report.method, report.path, report.origin, report.param ?? ''])).toEqual([
			['ALLOW_ORIGIN_MISSING', 'actual', 'GET', '/r/missing/2', page, ''],
			['METHOD_NOT_ALLOWED', 'preflight', 'PUT', '/r/method/3', page, 'PUT'],
			['HEADER_NOT_ALLOWED', 'preflight', 'GET', '/r/header/4', page, 'x-api-key'],
			['WILDCARD_ORIGIN_WITH_CREDENTIALS', 'actual', 'GET', '/r/wildcard/5', page, ''],
			// hono/cors leaves ACAO out for an origin it does not allow; the others send their configured origin.
			[framework === 'hono' ? 'ALLOW_ORIGIN_MISSING' : 'ALLOW_ORIGIN_MISMATCH', 'actual', 'GET', '/pkg/6', page, ''],
		]);
		expect(JSON.stringify(reports[framework])).not.toContain('secret');
	});

	test('same-origin, non-CORS and no-cors requests cost one header read and are never inspected', async () => {
		const before = observers[framework]!.stats().inspected;
		const base = observed[framework]!.origin;
		await send(`${base}/r/missing/1`, {});
		await send(`${base}/r/missing/2`, {method: 'POST', headers: {origin: base}});
		await send(`${base}/r/missing/3`, {method: 'POST', headers: {origin: page, 'sec-fetch-mode': 'no-cors'}});
		await send(`${base}/r/missing/4`, {method: 'POST', headers: {origin: page, 'sec-fetch-site': 'same-origin'}});
		expect(observers[framework]!.stats().inspected).toBe(before);
	});

	test('the response is byte-for-byte the same header list with and without the observer', async () => {
		for (const [path, init] of [
			['/r/multiple/1', {headers: {origin: page}}],
			['/r/preflight-403/2', {method: 'OPTIONS', headers: {origin: page, 'access-control-request-method': 'PUT'}}],
			['/pkg/3', {headers: {origin: page}}],
		] as const) {
			const [withObserver, without] = await Promise.all([send(`${observed[framework]!.origin}${path}`, init), send(`${bare[framework]!.origin}${path}`, init)]);
			expect(withObserver.status).toBe(without.status);
			expect(stable(withObserver)).toEqual(stable(without));
		}
	});
});

describe('permissive warnings on live traffic (trustedOrigins)', () => {
	test('a reflector seen from an untrusted origin is reported with the audit\'s id and severity', async () => {
		const warnings: CorsReport[] = [];
		const app = await startApp('express', 'https://evilexample.com', createCorsObserver({onReport: report => warnings.push(report), trustedOrigins: ['https://app.example.com']}));
		try {
			await send(`${app.origin}/r/credentials/1`, {headers: {origin: 'https://evilexample.com', cookie: 'sid=1'}});
			await send(`${app.origin}/r/wildcard/2`, {headers: {origin: 'https://unrelated.test'}});
		} finally {
			await app.close();
		}

		expect(warnings).toMatchObject([
			{kind: 'permissive', id: 'prefix-match', severity: 'high', credentials: true, path: '/r/credentials/1'},
			{kind: 'permissive', id: 'wildcard-origin', severity: 'low', credentials: false, path: '/r/wildcard/2'},
		]);
	});
});
