import {afterAll, beforeAll, expect, test} from 'vitest';
import {createCorsEnforcingFetch, type CorsBlock} from '../../../src/testing';
import {type BrowserSession, type Engine, launch} from '../../browser/support';
import {type LoggedRequest, type ScenarioServer, startScenarioServer} from '../../support/scenario-server';
import {type Scenario, scenarios} from '../../support/scenarios';

/**
The done-when of `cors-doctor/testing`: for every scenario of the real-browser suite, a headless engine and the enforcing
fetch (imitating that engine) (whose handler forwards to the same scenario server through Node's fetch) agree on success or failure, on which
response headers page JavaScript can read, and on what reaches the server (preflight or not, with which
Access-Control-Request-* and Origin values).

Engine departures from the spec are not listed here: the rules carry them as `EngineNote`s (e.g. `*` covering
Authorization), and the enforcing fetch applies the notes of the engine it imitates.
*/

// The hanging endpoint never answers: both sides give up after this long, and both must fail.
const HANG_MS = 1500;

interface Outcome {
	ok: boolean;
	status?: number;
	/** Header names `response.headers` yields, sorted. */
	readable?: string[];
	error?: string;
}

const PAGE_FETCH = `async ({url, method, headers, credentials, timeout}) => {
	try {
		const response = await fetch(url, {method, headers, credentials, cache: 'no-store', signal: AbortSignal.timeout(timeout)});
		await response.arrayBuffer();
		return {ok: true, status: response.status, readable: [...response.headers.keys()].sort()};
	} catch (error) {
		// A timeout's DOMException message is the platform's own wording: compare its name only.
		return {ok: false, error: error.name === 'TimeoutError' ? error.name : error.name + ': ' + error.message};
	}
}`;

/** The agreement suite for one engine; one browser per file. */
export function agreementSuite(engine: Engine): void {
	let server: ScenarioServer | undefined;
	let session: BrowserSession | undefined;

	beforeAll(async () => {
		server = await startScenarioServer();
		session = await launch(engine);
		await session.goto(`${server.page}/`);
	});

	afterAll(async () => {
		await Promise.allSettled([session?.close(), server?.close()]);
	});

	// Forward to the real server with Node's fetch, which enforces nothing: the enforcing fetch decides.
	const forward = async (request: Request) => fetch(request.url, {
		method: request.method,
		headers: request.headers,
		body: request.body,
		redirect: 'manual',
		signal: request.signal,
		duplex: 'half',
	} as RequestInit);

	/** What the server saw, minus the page's own origin: method, path, and the CORS request headers. */
	const wire = (log: readonly LoggedRequest[]) => log
		.filter(entry => entry.origin !== 'page')
		.map(entry => [entry.origin, entry.method, entry.path, entry.headers.origin ?? '-', entry.headers['access-control-request-method'] ?? '-', entry.headers['access-control-request-headers'] ?? '-'].join(' '));

	const settle = async () => new Promise(resolve => setTimeout(resolve, 50));

	test.each(scenarios.map(entry => [entry.name, entry] as const))(`%s: ${engine} and the enforcing fetch agree`, async (name, entry: Scenario) => {
		const url = server!.url(name);
		const init = {method: entry.request.method, headers: entry.request.headers ?? {}, credentials: entry.request.credentials ?? 'same-origin'} as const;
		const timeout = entry.options.actual?.hang ? HANG_MS : 10_000;

		server!.clear();
		const browser = await session!.evaluate<Outcome>(PAGE_FETCH, {url, ...init, timeout});
		await settle();
		const browserWire = wire(server!.log);

		server!.clear();
		const blocks: CorsBlock[] = [];
		const enforcing = createCorsEnforcingFetch({pageOrigin: server!.page, engine, handler: forward, onBlock: block => blocks.push(block)});
		let node: Outcome;
		try {
			const response = await enforcing(url, {...init, cache: 'no-store', signal: AbortSignal.timeout(timeout)});
			await response.arrayBuffer();
			node = {ok: true, status: response.status, readable: [...response.headers.keys()].sort()};
		} catch (error) {
			const {name: errorName, message} = error as Error;
			node = {ok: false, error: errorName === 'TimeoutError' ? errorName : `${errorName}: ${message}`};
		}

		await settle();
		const nodeWire = wire(server!.log);

		expect(browser.ok).toBe(entry.expect.browserOk);
		if (engine === 'webkit' && entry.options.actual?.hang) {
			// WebKitGTK rejects a fetch aborted by AbortSignal.timeout() with AbortError, not the signal's TimeoutError (spec,
			// Chromium and Firefox: the reason). Not a CORS rule: the enforcing fetch keeps the spec's behaviour.
			expect([browser.error, node.error]).toEqual(['AbortError: Fetch is aborted', 'TimeoutError']);
		} else {
			expect(node).toEqual(browser);
		}
		// A blocked request names its rule; a network failure or a success names none.
		expect(blocks.length).toBe(!node.ok && entry.expect.chromium !== null ? 1 : 0);
		// ...and it is the rule the spec-exact checker names first for the same endpoint.
		expect(blocks.map(block => block.failure.code)).toEqual(blocks.length > 0 ? [entry.expect.checker?.[0]] : []);
		// Chromium resends a request once when a reused keep-alive connection is reset (its stale-socket retry; seen in a full
		// run, not when the scenario runs alone); the enforcing fetch hands one request to the handler. Same requests, maybe twice.
		const resets = Boolean(entry.options.actual?.destroy ?? entry.options.preflight?.destroy);
		if (resets) {
			expect(new Set(nodeWire)).toEqual(new Set(browserWire));
		} else {
			expect(nodeWire).toEqual(browserWire);
		}
	});
}
