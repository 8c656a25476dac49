import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {CorsCode} from '../../src/codes';
import type {CorsErrorJSON} from '../../src/errors/types';
import {CHROMIUM_CORS_ERRORS, chromiumReasonToCode, type ChromiumCorsErrorName, type ReplayJSON} from '../../src/node';
import {type BrowserSession, launch} from '../browser/support';
import {BUNDLE_ENTRY, serveBundle} from '../browser/support/bundle';
import {CLASSIFIER_CASES, type ClassifierCase} from '../browser/support/classifier-expectations';
import {pageFor, requestFor} from '../browser/support/classifier-runner';
import {type ScenarioServer, startScenarioServer} from '../support/scenario-server';

/**
The done-when of replay: the built classifier fails in headless Chromium against the scenario server, its `toJSON()`
goes through the built `cors-doctor replay --json` against the same server, and the checker names the exact code
Chromium's CDP reported (mapped with CHROMIUM_CORS_ERRORS). Where the checker legitimately leads with another code, the
chromium-oracle suite documents why, and the same reasons are asserted here.
*/
const CLI = resolve(import.meta.dirname, '../../dist/cli.js');
const run = promisify(execFile);

// Chromium names ACAO first on a non-2xx preflight without it; the checker leads with the status and lists ACAO too.
const ORDER = new Set(['preflight-401-without-cors', 'preflight-404-without-cors', 'preflight-405-without-cors']);
// A reset preflight is a network failure in CDP (no CORS status); the checker names it PREFLIGHT_NETWORK_ERROR.
const NO_CDP_REASON: Readonly<Record<string, CorsCode>> = {'preflight-socket-destroyed': 'PREFLIGHT_NETWORK_ERROR'};

const PAGE_RUN = `async ({entry, url, init, options, via, warmup, timeout}) => {
	const cd = await import(entry);
	try {
		const corsFetch = cd.createCorsFetch(options);
		if (warmup) await (await corsFetch(warmup.url, warmup.init)).arrayBuffer();
		if (via === 'client') {
			await cd.createClient({...options, retry: 0}).get(url, init).json();
			return {kind: 'success'};
		}
		const signal = timeout ? AbortSignal.timeout(timeout) : undefined;
		await (await corsFetch(url, {...init, signal})).arrayBuffer();
		return {kind: 'success'};
	} catch (error) {
		if (cd.isCorsError(error)) return {kind: 'cors', json: cd.getCorsError(error).toJSON()};
		return {kind: 'error', name: error.name};
	}
}`;

// CSP needs its page (no header to check); the others either fail with a CorsError in Chromium or are skipped below.
const cases = CLASSIFIER_CASES.filter(entry => !entry.csp);

let server: ScenarioServer | undefined;
let session: BrowserSession | undefined;
let dir = '';
let currentPage = '';

beforeAll(async () => {
	server = await startScenarioServer();
	serveBundle(server);
	session = await launch('chromium');
	dir = mkdtempSync(join(tmpdir(), 'cors-doctor-replay-'));
});

afterAll(async () => {
	await Promise.allSettled([session?.close(), server?.close()]);
	if (dir) {
		rmSync(dir, {recursive: true, force: true});
	}
});

async function cdpReason(url: string): Promise<string | null> {
	const deadline = Date.now() + 1000;
	for (;;) {
		const found = session!.cdpCorsErrors!().find(event => event.url === url);
		if (found || Date.now() >= deadline) {
			return found?.corsError ?? null;
		}

		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

async function replayCli(event: CorsErrorJSON, name: string): Promise<{exit: number; out: ReplayJSON}> {
	const file = join(dir, `${name}.json`);
	writeFileSync(file, JSON.stringify(event));
	try {
		const {stdout} = await run(process.execPath, [CLI, 'replay', file, '--json', '--timeout', '3000']);
		return {exit: 0, out: JSON.parse(stdout) as ReplayJSON};
	} catch (error) {
		const {code, stdout, stderr} = error as {code: number; stdout: string; stderr: string};
		if (code !== 1) {
			throw new Error(`cors-doctor replay exited ${code}: ${stderr}`);
		}

		return {exit: 1, out: JSON.parse(stdout) as ReplayJSON};
	}
}

test.each(cases.map(entry => [entry.name, entry] as const))('%s', async (name, entry: ClassifierCase) => {
	const page = pageFor(entry, server!);
	if (page !== currentPage) {
		await session!.goto(page);
		currentPage = page;
	}

	const {url, init} = requestFor(entry, server!);
	const warmup = entry.warmup ? requestFor({name: entry.warmup, expect: {success: true}}, server!) : undefined;
	session!.clearCdp!();
	const result = await session!.evaluate<{kind: string; json?: CorsErrorJSON}>(PAGE_RUN, {
		entry: BUNDLE_ENTRY, url, init, options: entry.options ?? {}, via: entry.via, warmup, timeout: entry.timeout ?? 0,
	});
	if (result.kind !== 'cors') {
		// Network failures and successes carry no event to replay; the classifier suite covers them.
		expect('code' in (entry.engines?.chromium?.expect ?? entry.expect)).toBe(false);
		return;
	}

	const reason = await cdpReason(url);
	const event = result.json!;
	// The event is redacted: no secret header value, no query.
	expect(JSON.stringify(event)).not.toContain('SECRET');
	const {exit, out} = await replayCli(event, name);
	if (out.check === null) {
		// A non-http(s) URL: nothing to check, the page's own fact stands.
		expect([exit, event.code, out.verdict]).toEqual([1, 'SCHEME_NOT_SUPPORTED', 'agree']);
		return;
	}

	const codes = out.check.codes as CorsCode[];
	expect(out.browser.code).toBe(event.code);

	if (reason === null) {
		const expected = NO_CDP_REASON[entry.scenario ?? name];
		if (expected === undefined) {
			// Chromium saw no CORS failure (a claimed page origin, a mode, a misuse of a successful response): neither does the
			// checker, and the page's own fact is what is left to fix.
			expect([exit, codes, out.verdict, out.ok]).toEqual([1, [], 'agree', false]);
			return;
		}

		expect(codes[0]).toBe(expected);
	} else {
		const chromium = chromiumReasonToCode(reason)!;
		const refinedBy: readonly CorsCode[] = (CHROMIUM_CORS_ERRORS[reason as ChromiumCorsErrorName] as {refinedBy?: readonly CorsCode[]}).refinedBy ?? [];
		if (ORDER.has(entry.scenario ?? name)) {
			expect(codes).toContain(chromium);
		} else if (refinedBy.includes(codes[0]!)) {
			// e.g. a mismatch that the checker sees was caused by a redirect taint.
			expect(refinedBy).toContain(codes[0]);
		} else {
			expect(codes[0]).toBe(chromium);
		}
	}

	expect(exit).toBe(1);
	// A production event and the certain answer never contradict each other when nothing changed in between.
	expect(out.verdict === 'agree' || out.verdict === 'refine', `${out.verdict}: ${out.why}`).toBe(true);
});
