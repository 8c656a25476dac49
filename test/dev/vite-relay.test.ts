// The dev relay in a real Vite dev server with headless Chromium: for every scenario that fails in Chromium, the page
// asks the relay (askRelay, after the failure, as the classifier will) and the answer carries the exact code Chromium's
// own CDP reason maps to. The allowlist comes from the Vite config: the API through server.proxy, the third origin
// through `origins`.
import {copyFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer as createNetServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {type Browser, chromium, type Page} from 'playwright-core';
import {createServer, type ViteDevServer} from 'vite';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {CHROMIUM_CORS_ERRORS, type ChromiumCorsErrorName} from '../../src/node/chromium';
import {CHROMIUM_FLAGS, requireBinary} from '../browser/support';
import {startScenarioServer, type ScenarioServer} from '../support/scenario-server';
import {scenarios} from '../support/scenarios';
import {onCdpCorsError} from '../browser/support/cdp-cors';

const ROOT = resolve(import.meta.dirname, '../..');
const failing = scenarios.filter(entry => entry.expect.chromium !== null);
let dir: string;
let server: ScenarioServer;
let vite: ViteDevServer;
let browser: Browser;
let page: Page;
const reasons = new Map<string, string>();

const freePort = async () => new Promise<number>(done => {
	const probe = createNetServer().listen(0, '127.0.0.1', () => {
		const {port} = probe.address() as {port: number};
		probe.close(() => {
			done(port);
		});
	});
});

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'cors-doctor-vite-'));
	writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>app</title></head><body>app</body></html>');
	copyFileSync(join(ROOT, 'dist/dev/relay-client.js'), join(dir, 'relay-client.js'));
	copyFileSync(join(ROOT, 'dist/dev/relay-verdict.js'), join(dir, 'relay-verdict.js'));
	const port = await freePort();
	server = await startScenarioServer({pageOrigin: `http://127.0.0.1:${port}`});
	const {default: corsDoctor} = await import('../../dist/vite.js') as typeof import('../../src/vite');
	vite = await createServer({
		root: dir,
		configFile: false,
		logLevel: 'silent',
		// The page also imports the built library itself (/@fs/...dist), as an app's dev server serves a dependency.
		server: {host: '127.0.0.1', port, strictPort: true, proxy: {'/api': {target: server.api}}, fs: {allow: [dir, ROOT]}},
		plugins: [corsDoctor({origins: [server.third]})],
		optimizeDeps: {noDiscovery: true},
	});
	await vite.listen();
	browser = await chromium.launch({executablePath: requireBinary('chromium'), args: CHROMIUM_FLAGS, headless: true});
	page = await browser.newPage();
	await onCdpCorsError(page, (url, reason) => {
		if (!reasons.has(url)) {
			reasons.set(url, reason);
		}
	});
	await page.goto(`http://127.0.0.1:${port}/`);
});

afterAll(async () => {
	await browser?.close();
	await vite?.close();
	await server?.close();
	if (dir) {
		rmSync(dir, {recursive: true, force: true});
	}
});

const PAGE = `async ({url, init}) => {
	const {askRelay} = await import('/relay-client.js');
	const {relayVerdict} = await import('/relay-verdict.js');
	try {
		await (await fetch(url, init)).arrayBuffer();
		return {failed: false};
	} catch {}
	const shape = {url, method: init.method, headers: Object.keys(init.headers), credentials: init.credentials, pageOrigin: location.origin};
	const answer = await askRelay('/__cors-doctor/relay', shape);
	return {failed: true, answer, verdict: relayVerdict(answer)};
}`;

test('every failing scenario: the relay verdict is certain and carries the exact code Chromium reports', async () => {
	const rows: string[] = [];
	for (const entry of failing) {
		const url = `${server.url(entry.name)}?secret=1`;
		const init = {method: entry.request.method, headers: Object.fromEntries(Object.keys(entry.request.headers ?? {}).map(name => [name, 'SECRET-VALUE'])), credentials: entry.request.credentials ?? 'same-origin', cache: 'no-store'};
		const result = await page.evaluate(`(${PAGE})(${JSON.stringify({url, init})})`) as {failed: boolean; answer?: {codes?: string[]; network?: string}; verdict?: {code: string; confidence: string; source: string}};
		for (let waited = 0; !reasons.has(url) && waited < 1000; waited += 20) {
			await new Promise(done => setTimeout(done, 20));
		}

		const reason = reasons.get(url);
		const info = reason ? CHROMIUM_CORS_ERRORS[reason as ChromiumCorsErrorName] : undefined;
		const refined: readonly string[] = (info as {refinedBy?: readonly string[]} | undefined)?.refinedBy ?? [];
		const exact: readonly string[] = info ? [info.code, ...refined] : [];
		const codes = result.answer?.codes ?? [];
		// The verdict the CorsError will carry: exactly Chromium's code (or the checker's refinement of it), certain.
		const {verdict} = result;
		const right = result.failed && verdict !== undefined && exact.includes(verdict.code) && verdict.confidence === 'certain' && verdict.source === 'relay';
		rows.push(`${entry.name}: CDP ${reason ?? 'none'}, relay ${codes.join(',') || JSON.stringify(result.answer)} -> ${verdict?.code ?? 'none'}${right ? '' : '  <-- WRONG'}`);
	}

	expect(rows.filter(row => row.endsWith('<-- WRONG'))).toEqual([]);
	expect(rows).toHaveLength(failing.length);
	// The relay (the checker's user agent) sent only OPTIONS/GET/HEAD, never a header value the page used, never the query.
	const sent = server.log.filter(item => item.headers['user-agent'] === 'cors-doctor');
	expect(sent.length).toBeGreaterThan(failing.length);
	for (const request of sent) {
		expect(['OPTIONS', 'GET', 'HEAD']).toContain(request.method);
		expect(JSON.stringify(request.headers)).not.toContain('SECRET-VALUE');
		expect(request.query).toBe('');
		expect(request.headers.cookie).toBeUndefined();
	}
}, 120_000);

test('the relay refuses a target the Vite config does not name', async () => {
	const answer = await page.evaluate(async () => (await fetch('/__cors-doctor/relay', {method: 'POST', body: JSON.stringify({url: 'http://127.0.0.1:9/x', method: 'GET', headers: [], credentials: 'omit', pageOrigin: location.origin})})).json());
	expect(answer).toEqual({error: 'the target origin is not in the relay\'s origins (add it to the `origins` option)'});
});

// The wiring an app gets: the default corsFetch, on a page the plugin served, finds the hook the plugin injected and
// puts the relay's exact answer on the CorsError it throws.
const CORS_FETCH_PAGE = `async ({url, init, entry}) => {
	const {corsFetch} = await import(entry);
	try {
		await (await corsFetch(url, init)).arrayBuffer();
		return {failed: false};
	} catch (error) {
		return {failed: true, hook: typeof globalThis.__corsDoctorRelay, code: error.code, confidence: error.confidence, source: error.source, name: error.name};
	}
}`;

test('the default corsFetch on a dev page: its CorsError carries the relay\'s exact code, certain, from the relay', async () => {
	const entry = `/@fs${join(ROOT, 'dist/core/cors-fetch.js')}`;
	const rows: string[] = [];
	for (const entry_ of failing.slice(0, 8)) {
		const url = `${server.url(entry_.name)}?wired=1`;
		const init = {method: entry_.request.method, headers: Object.fromEntries(Object.keys(entry_.request.headers ?? {}).map(name => [name, 'SECRET-VALUE'])), credentials: entry_.request.credentials ?? 'same-origin', cache: 'no-store'};
		const result = await page.evaluate(`(${CORS_FETCH_PAGE})(${JSON.stringify({url, init, entry})})`) as {failed: boolean; hook?: string; code?: string; confidence?: string; source?: string};
		for (let waited = 0; !reasons.has(url) && waited < 1000; waited += 20) {
			await new Promise(done => setTimeout(done, 20));
		}
		const reason = reasons.get(url);
		const info = reason ? CHROMIUM_CORS_ERRORS[reason as ChromiumCorsErrorName] : undefined;
		const exact: readonly string[] = info ? [info.code, ...((info as {refinedBy?: readonly string[]}).refinedBy ?? [])] : [];
		const right = result.failed && result.hook === 'function' && result.source === 'relay' && result.confidence === 'certain' && exact.includes(result.code ?? '');
		rows.push(`${entry_.name}: CDP ${reason ?? 'none'} -> ${result.code} ${result.confidence} ${result.source}${right ? '' : '  <-- WRONG'}`);
	}
	expect(rows.filter(row => row.endsWith('<-- WRONG')), rows.join('\n')).toEqual([]);
}, 120_000);
