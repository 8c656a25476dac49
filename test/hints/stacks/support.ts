import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {expect} from 'vitest';
import type {CorsPolicy} from '../../../src/hints/types';
import {checkCors} from '../../../src/node';
import {type BrowserSession, launch} from '../../browser/support';
import {freePort, type Helper, spawnHelper, tempDir, waitFor} from '../../browser/support/processes';

/**
Shared harness for the stack snippet tests: the same failing request, run from a page on one loopback port against a
real server runtime on another: without CORS handling it must fail in Chromium and in `checkCors`; with the rendered
snippet pasted in it must pass in both; with the snippet for the same request without credentials, only the
credential-less request may pass.
*/

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const MARKER = /^[ \t]*.*CORS-SNIPPET.*$/m;

/** The policy the failing request needs: a credentialed JSON PUT with an API key that reads `X-Total-Count`. */
export function policyFor(origin: string): CorsPolicy {
	return {origin, methods: ['PUT'], headers: ['content-type', 'x-api-key'], credentials: true, exposeHeaders: ['x-total-count'], maxAge: 600};
}

/** The same PUT without credentials, exposing nothing and leaving max-age to the stack: what the snippet grants must shrink with it. */
export function credentiallessPolicyFor(origin: string): CorsPolicy {
	return {origin, methods: ['PUT'], headers: ['content-type', 'x-api-key'], credentials: false, exposeHeaders: []};
}

/**
Copies `test/hints/fixtures/<stack>/` into a fresh temporary directory, fills in `{{PORT}}`, `{{DIR}}` and the extra
`values`, and replaces the `CORS-SNIPPET` line of `file` with `snippet` (indented like the marker), or removes it.
*/
export function prepareFixture(stack: string, options: {file: string; port: number; snippet?: string; values?: Record<string, string>}): {dir: string; remove(): void} {
	const dir = tempDir(`cors-doctor-${stack}-`);
	const source = join(FIXTURES, stack);
	const values: Record<string, string> = {PORT: String(options.port), DIR: dir.path, ...options.values};
	for (const name of readdirSync(source)) {
		const from = join(source, name);
		let text = readFileSync(from, 'utf8').replaceAll(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
		if (name === options.file) {
			const marker = MARKER.exec(text);
			if (!marker) {
				throw new Error(`${stack}/${name} has no CORS-SNIPPET line`);
			}

			const indent = /^[ \t]*/.exec(marker[0])![0];
			const inserted = (options.snippet ?? '').trimEnd().split('\n').map(line => (line === '' ? '' : indent + line)).join('\n');
			text = text.slice(0, marker.index) + inserted + text.slice(marker.index + marker[0].length);
		}

		writeFileSync(join(dir.path, name), text, {mode: statSync(from).mode});
	}

	return {dir: dir.path, remove: dir.remove};
}

/** A started runtime: its origin and how to stop it (the whole process group). */
export interface Runtime {
	readonly url: string;
	stop(): Promise<void>;
}

/** Spawns a server on `port` and waits until it answers HTTP on `/items` (any status). Throws with its stderr otherwise. */
export async function startRuntime(command: string, args: string[], options: {port: number; env?: NodeJS.ProcessEnv; timeoutMs?: number}): Promise<Runtime> {
	const helper: Helper = spawnHelper(command, args, {env: {...process.env, ...options.env}});
	const url = `http://127.0.0.1:${options.port}`;
	let exited = false;
	helper.process.once('exit', () => {
		exited = true;
	});
	const deadline = Date.now() + (options.timeoutMs ?? 60_000);
	try {
		for (;;) {
			if (exited) {
				throw new Error(`${command} exited before answering on ${url}: ${helper.stderr()}`);
			}

			if (await fetch(`${url}/items`, {signal: AbortSignal.timeout(2000)}).then(() => true, () => false)) {
				break;
			}

			if (Date.now() > deadline) {
				throw new Error(`${command} did not answer on ${url}: ${helper.stderr()}`);
			}

			await new Promise(resolve => setTimeout(resolve, 100));
		}
	} catch (error) {
		await helper.stop();
		throw error;
	}

	return {url, stop: async () => helper.stop()};
}

/** Runs `start` for a prepared fixture; the runtime's `stop()` also removes the fixture, and a failed start removes it at once. */
export async function withFixture(fixture: {dir: string; remove(): void}, start: () => Promise<Runtime>): Promise<Runtime> {
	try {
		const runtime = await start();
		return {url: runtime.url, async stop() {
			await runtime.stop();
			fixture.remove();
		}};
	} catch (error) {
		fixture.remove();
		throw error;
	}
}

/** The page: a blank document on its own loopback port, so every request to a runtime is cross-origin. */
export async function startPage(): Promise<{origin: string; close(): Promise<void>}> {
	const server = createServer((_request, response) => {
		response.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
		response.end('<!doctype html><html><head><meta charset="utf-8"><title>page</title></head><body>page</body></html>');
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: async () => new Promise<void>(resolve => {
			server.closeAllConnections();
			server.close(() => {
				resolve();
			});
		}),
	};
}

interface Attempt {
	status?: number;
	totalCount?: string | null;
	body?: unknown;
	error?: string;
}

export interface PageOutcome {
	put: Attempt;
	boom: Attempt;
}

// The request an app makes: a credentialed JSON PUT with a custom header that reads an exposed response header,
// then a credentialed GET of a route that crashes, to see the error response through CORS too.
const PAGE_REQUESTS = `async ({api, credentials}) => {
	const attempt = async (path, init) => {
		try {
			const response = await fetch(api + path, {...init, credentials, cache: 'no-store'});
			const text = await response.text();
			let body = text;
			try { body = JSON.parse(text); } catch {}
			return {status: response.status, totalCount: response.headers.get('x-total-count'), body};
		} catch (error) {
			return {error: error.name + ': ' + error.message};
		}
	};
	return {
		put: await attempt('/items', {method: 'PUT', headers: {'content-type': 'application/json', 'x-api-key': 'fixture-key'}, body: '{"name":"a"}'}),
		boom: await attempt('/boom', {}),
	};
}`;

/** The real-browser side: one Chromium tab on the page, reused by every stack of a test file. */
export interface Harness {
	readonly origin: string;
	/** Runs the page's requests against `api`, credentialed (`include`) unless told otherwise. */
	run(api: string, credentials?: boolean): Promise<{outcome: PageOutcome; corsErrors: string[]}>;
	/** Every failed load CDP saw since the last `run` (network errors too), for failure messages. */
	failures(): unknown[];
	/** CDP CORS failures since the last `run`, as `<path> <corsError>`. */
	corsErrors(): string[];
	close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
	const page = await startPage();
	let session: BrowserSession | undefined;
	try {
		session = await launch('chromium');
		await session.goto(`${page.origin}/`);
	} catch (error) {
		await session?.close();
		await page.close();
		throw error;
	}

	const tab = session;
	return {
		origin: page.origin,
		async run(api, credentials = true) {
			tab.clearCdp!();
			const outcome = await tab.evaluate<PageOutcome>(PAGE_REQUESTS, {api, credentials: credentials ? 'include' : 'same-origin'});
			return {outcome, corsErrors: tab.cdpCorsErrors!().map(error => `${new URL(error.url).pathname} ${error.corsError}`)};
		},
		failures: () => tab.cdpFailures!(),
		corsErrors: () => tab.cdpCorsErrors!().map(error => `${new URL(error.url).pathname} ${error.corsError}`),
		async close() {
			await tab.close();
			await page.close();
		},
	};
}

const checkOptions = (origin: string, credentials = true) => ({origin, method: 'PUT', headers: ['x-api-key', ['content-type', 'application/json'] as const], credentials});

/** Without CORS handling: Chromium blocks both requests with a CORS error and `checkCors` reports problems. */
export async function expectBlocked(harness: Harness, api: string): Promise<void> {
	const {outcome} = await harness.run(api);
	expect(outcome.put).toEqual({error: 'TypeError: Failed to fetch'});
	expect(outcome.boom).toEqual({error: 'TypeError: Failed to fetch'});
	// CDP events can trail the page's rejection by a moment.
	await waitFor(async () => {
		const paths = new Set(harness.corsErrors().map(line => line.split(' ')[0]));
		return paths.has('/items') && paths.has('/boom');
	}, 5000, () => `Chromium reported no CORS error for both requests: ${JSON.stringify(harness.corsErrors())}`);
	const checked = await checkCors(`${api}/items`, checkOptions(harness.origin));
	expect(checked.ok).toBe(false);
	expect(checked.problems.length).toBeGreaterThan(0);
}

/** With the snippet: both requests pass in Chromium (the 500 readable as a 500) and `checkCors` finds nothing. */
export async function expectAllowed(harness: Harness, api: string): Promise<void> {
	const {outcome, corsErrors} = await harness.run(api);
	expect(corsErrors).toEqual([]);
	expect(outcome.put, JSON.stringify(harness.failures())).toEqual({status: 200, totalCount: '3', body: {items: []}});
	expect(outcome.boom.status).toBe(500);
	const checked = await checkCors(`${api}/items`, checkOptions(harness.origin));
	expect(checked.problems.map(problem => `${problem.code}: ${problem.message}`)).toEqual([]);
	expect(checked.ok).toBe(true);
	const boom = await checkCors(`${api}/boom`, {origin: harness.origin, credentials: true});
	expect(boom.problems.map(problem => `${problem.code}: ${problem.message}`)).toEqual([]);
}

/**
With the credential-less snippet: the same PUT without credentials passes but cannot read `X-Total-Count` (not
exposed), and the credentialed one is blocked (no `Access-Control-Allow-Credentials`), in Chromium and in `checkCors`.
*/
export async function expectCredentiallessAllowed(harness: Harness, api: string): Promise<void> {
	const plain = await harness.run(api, false);
	expect(plain.corsErrors).toEqual([]);
	expect(plain.outcome.put, JSON.stringify(harness.failures())).toEqual({status: 200, totalCount: null, body: {items: []}});
	expect(plain.outcome.boom.status).toBe(500);
	const checked = await checkCors(`${api}/items`, checkOptions(harness.origin, false));
	expect(checked.problems.map(problem => `${problem.code}: ${problem.message}`)).toEqual([]);

	const credentialed = await harness.run(api, true);
	expect(credentialed.outcome.put).toEqual({error: 'TypeError: Failed to fetch'});
	await waitFor(async () => harness.corsErrors().some(line => line.startsWith('/items ')), 5000, () => `Chromium reported no CORS error for the credentialed PUT: ${JSON.stringify(harness.corsErrors())}`);
	expect((await checkCors(`${api}/items`, checkOptions(harness.origin))).ok).toBe(false);
}

/**
Runs one stack three ways: without CORS handling (blocked), with the snippet for `policyFor` (allowed, credentials and
exposed header included) and with the one for `credentiallessPolicyFor` (allowed only without credentials).
`start(snippet, port)` must start the runtime with the snippet applied, or with no CORS handling for `undefined`.
Each runtime is stopped before the next starts, failures included.
*/
export async function proveSnippet(harness: Harness, snippetFor: (policy: CorsPolicy) => string, start: (snippet: string | undefined, port: number) => Promise<Runtime>): Promise<void> {
	const runs: Array<[string | undefined, (harness: Harness, api: string) => Promise<void>]> = [
		[undefined, expectBlocked],
		[snippetFor(policyFor(harness.origin)), expectAllowed],
		[snippetFor(credentiallessPolicyFor(harness.origin)), expectCredentiallessAllowed],
	];
	for (const [snippet, expectation] of runs) {
		const runtime = await start(snippet, await freePort());
		try {
			await expectation(harness, runtime.url);
		} finally {
			await runtime.stop();
		}
	}
}

/** Throws (never skips) when a runtime binary is missing, naming the Debian package `.ci/run` installs. */
export function requireRuntime(path: string, apt: string): string {
	try {
		statSync(path);
	} catch {
		throw new Error(`${path} is missing: this stack's snippet test needs it. Install it with: apt-get install -y ${apt} (.ci/run does this)`);
	}

	return path;
}
