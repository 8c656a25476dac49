import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {CHROMIUM_CORS_ERRORS, type ChromiumCorsErrorName} from '../../src/node/chromium';
import {createCorsObserver, type CorsReport} from '../../src/server';
import {FRAMEWORKS, type Framework, type RunningApp, startApp} from '../server/apps';
import {type BrowserSession, type CdpCorsError, launch} from './support';

/**
The middleware against the truth: the same requests, sent by headless Chromium from a page on another origin to Express,
Fastify, Koa and Hono apps with the observer mounted. For every request, what the observer logged (code and phase) must be
what Chromium's CDP reason says (mapped with CHROMIUM_CORS_ERRORS), and nothing may be logged for a request Chromium accepts.
*/
interface PageRequest {
	readonly route: string;
	readonly method?: string;
	readonly headers?: Record<string, string>;
	readonly credentials?: 'include' | 'omit';
}

const REQUESTS: readonly PageRequest[] = [
	{route: 'r/ok'},
	{route: 'r/missing'},
	{route: 'r/mismatch'},
	{route: 'r/multiple'},
	{route: 'r/wildcard', credentials: 'include'},
	{route: 'r/wildcard'},
	{route: 'r/no-credentials', credentials: 'include'},
	{route: 'r/no-credentials'},
	{route: 'r/credentials', credentials: 'include'},
	{route: 'r/method', method: 'PUT'},
	{route: 'r/header', headers: {'x-api-key': 'dummy'}},
	{route: 'r/preflight-missing', method: 'PUT'},
	{route: 'r/preflight-403', method: 'PUT'},
	{route: 'r/full', method: 'PUT', headers: {'x-api-key': 'dummy'}},
	{route: 'r/actual-missing', method: 'PUT'},
	// Chromium lets `*` cover Authorization (the spec does not): the observer must not log what the browser accepts.
	{route: 'r/authorization-wildcard', headers: {authorization: 'Bearer dummy'}},
	{route: 'pkg'},
];

// `passes`, or the code and phase of the rejection.
type Outcome = 'passes' | `${string} ${string}`;

const runRequest = `async ({url, method, headers, credentials}) => {
	try {
		const response = await fetch(url, {method, headers, credentials, cache: 'no-store'});
		await response.arrayBuffer();
		return true;
	} catch {
		return false;
	}
}`;

let page: Server | undefined;
let pageOrigin = '';
let session: BrowserSession | undefined;
const apps: Partial<Record<Framework, RunningApp>> = {};
const reports: CorsReport[] = [];
let started = 0;

beforeAll(async () => {
	started = Date.now();
	page = createServer((_request, response) => {
		response.setHeader('content-type', 'text/html');
		response.end('<!doctype html><title>cors-doctor server test page</title>');
	});
	await new Promise<void>(resolve => page!.listen(0, '127.0.0.1', resolve));
	pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
	// One observer for all four apps: reports carry the path, which is unique per request.
	const observer = createCorsObserver({onReport: report => reports.push(report), rateLimit: {interval: 0}});
	for (const framework of FRAMEWORKS) {
		apps[framework] = await startApp(framework, pageOrigin, observer);
	}

	session = await launch('chromium');
	await session.goto(`${pageOrigin}/`);
	// A cookie for 127.0.0.1 (ports do not isolate cookies): credentialed requests carry it, as they would in an app.
	await session.evaluate('async () => { document.cookie = "sid=1; path=/"; }');
});

afterAll(async () => {
	await Promise.allSettled([session?.close(), ...Object.values(apps).map(async app => app?.close()), new Promise(resolve => page ? page.close(resolve) : resolve(undefined))]);
	console.info(`[server-chromium] ${FRAMEWORKS.length * REQUESTS.length} requests: ${Date.now() - started} ms (launch + tests + close)`);
});

async function cdpFor(url: string, failed: boolean): Promise<CdpCorsError[]> {
	// CDP events and the page's rejection travel separately: poll briefly for a failure, settle briefly for a success.
	const deadline = Date.now() + (failed ? 2000 : 100);
	for (;;) {
		const found = session!.cdpCorsErrors!().filter(entry => entry.url === url);
		if ((failed && found.length > 0) || Date.now() >= deadline) {
			return found;
		}

		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

describe.each(FRAMEWORKS)('%s + cors-doctor/server vs Chromium', framework => {
	test('the observer logs exactly the requests Chromium rejects, with its code', async () => {
		const chromium: Outcome[] = [];
		const logged: Outcome[] = [];
		const paths: string[] = [];
		for (const [index, request] of REQUESTS.entries()) {
			const path = `/${request.route}/${framework}-${index}`;
			const url = `${apps[framework]!.origin}${path}`;
			paths.push(path);
			session!.clearCdp!();
			const ok = await session!.evaluate<boolean>(runRequest, {url, method: request.method ?? 'GET', headers: request.headers ?? {}, credentials: request.credentials ?? 'omit'});
			const errors = await cdpFor(url, !ok);
			expect(errors.length).toBeLessThanOrEqual(1);
			if (ok) {
				expect(errors).toEqual([]);
				chromium.push('passes');
			} else {
				const name = errors[0]?.corsError;
				expect(name, `${path}: Chromium failed without a CORS reason`).toBeDefined();
				const info = CHROMIUM_CORS_ERRORS[name as ChromiumCorsErrorName];
				expect(info, `unmapped Chromium reason ${name}`).toBeDefined();
				chromium.push(`${info.code} ${'phase' in info ? info.phase : '?'}`);
			}
		}

		// The observer runs when the response is finished; give the last ones a moment.
		await new Promise(resolve => setTimeout(resolve, 300));
		for (const path of paths) {
			const mine = reports.filter(report => report.path === path);
			expect(mine.length, `${path}: one report at most`).toBeLessThanOrEqual(1);
			const report = mine[0];
			logged.push(report?.kind === 'rejected' ? `${report.code} ${report.phase}` : 'passes');
		}

		expect(logged).toEqual(chromium);
		// Not vacuous: the matrix has both kinds, and several distinct codes.
		expect(chromium.filter(outcome => outcome === 'passes').length).toBeGreaterThanOrEqual(5);
		expect(new Set(chromium.filter(outcome => outcome !== 'passes')).size).toBeGreaterThanOrEqual(8);
	});
});
