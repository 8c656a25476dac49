import {afterAll, beforeAll, expect, test} from 'vitest';
import {type Backend, MARKER_PATH, MIDDLEWARE_CASES, type RunningBackend, startBackend} from '../../support/middlewares';
import {type ScenarioServer, startScenarioServer} from '../../support/scenario-server';
import {BUNDLE_ENTRY, CLASSIFIER_PAGE, serveBundle} from './bundle';
import {type CaseRun, PAGE_RUN, PROBE_BUDGET, type PageResult, SECRET, probeViolations} from './classifier-runner';
import {launch} from './launch';
import type {BrowserSession, Engine} from './session';
import {fitsReason} from './spa';

/**
Real middlewares, misconfigured the common ways, in one engine: each case's expected code comes from Chromium's CDP reason
for that very request (read live in Chromium, which must also match the recorded one; the recorded one elsewhere), through
CHROMIUM_CORS_ERRORS. The probes are checked on the framework's side of a logging proxy.
*/
export function middlewareSuite(engine: Engine, backends: readonly Backend[]): void {
	let page: ScenarioServer | undefined;
	let session: BrowserSession | undefined;
	const running = new Map<Backend, RunningBackend>();
	const cases = MIDDLEWARE_CASES.filter(entry => backends.includes(entry.backend));

	beforeAll(async () => {
		page = await startScenarioServer();
		serveBundle(page);
		const started = await Promise.allSettled(backends.map(async backend => startBackend(backend, page!.page)));
		for (const outcome of started) {
			if (outcome.status === 'fulfilled') {
				running.set(outcome.value.backend, outcome.value);
			}
		}

		const failed = started.find(outcome => outcome.status === 'rejected');
		if (failed) {
			throw (failed as PromiseRejectedResult).reason;
		}

		session = await launch(engine);
		await session.goto(page.page + CLASSIFIER_PAGE);
	});

	afterAll(async () => {
		await Promise.allSettled([session?.close(), page?.close(), ...[...running.values()].map(async backend => backend.close())]);
	});

	test.each(cases.map((entry, index) => [`${entry.backend}: ${entry.name}`, entry, index] as const))('%s', async (_name, entry, index) => {
		const backend = running.get(entry.backend)!;
		// A fresh query per case and engine: a passing preflight is cached per URL.
		const url = `${backend.origin}${entry.path}?case=${index}-${engine}`;
		const unsafe = entry.request.method !== 'GET' && entry.request.method !== 'HEAD';
		const init: RequestInit = {
			method: entry.request.method,
			headers: Object.fromEntries((entry.request.headers ?? []).map(name => [name, name === 'authorization' ? `Bearer ${SECRET}` : SECRET])),
			credentials: entry.request.credentials ?? 'same-origin',
			cache: 'no-store',
			...(unsafe && {body: 'payload'}),
		};
		backend.clear();
		session!.clearCdp?.();
		const result = await session!.evaluate<PageResult>(PAGE_RUN, {
			entry: BUNDLE_ENTRY, url, init, options: {}, timeout: 0, marker: `${backend.origin}${MARKER_PATH}`, cookie: `session=${SECRET}; path=/`,
		});
		await new Promise(resolve => setTimeout(resolve, 50));
		const log = [...backend.log];
		const split = log.findIndex(request => request.path === MARKER_PATH);
		const run: CaseRun = {url, init, result, original: split < 0 ? log : log.slice(0, split), probes: split < 0 ? [] : log.slice(split + 1), resets: false};
		let reason = entry.chromium;
		if (session!.cdpCorsErrors) {
			const deadline = Date.now() + (result.kind === 'success' ? 50 : 1000);
			let live: string | null = null;
			while (Date.now() < deadline && live === null) {
				live = session!.cdpCorsErrors().find(event => event.url === url)?.corsError ?? null;
				if (live === null) {
					await new Promise(resolve => setTimeout(resolve, 20));
				}
			}

			if (process.env.MIDDLEWARE_RECORD) {
				console.info(`[record] ${entry.backend} ${entry.path} ${entry.request.method}: ${live} -> ${result.code} ${result.confidence} ${JSON.stringify(result.names)} ${JSON.stringify(result.alternatives)} mayHaveRun ${result.mayHaveRun}`);
			}

			// The recorded reason (which Firefox and WebKit use) is still what Chromium says.
			expect(live, 'Chromium\'s live CDP reason').toBe(entry.chromium);
			reason = live;
		}

		const said = `${result.kind} ${result.code ?? ''} (${result.confidence}; alternatives ${result.alternatives?.join(', ')}): ${result.message}`;
		if (reason === null) {
			expect(result.kind, said).toBe('success');
			expect(result.probeFetches).toBe(0);
			expect(run.probes).toEqual([]);
		} else {
			expect(result.kind, said).toBe('cors');
			expect(result.code, said).not.toBe('UNDETERMINED');
			expect(fitsReason(reason, result as Parameters<typeof fitsReason>[1]), `${reason} does not allow ${said}`).toBe(true);
		}

		if (entry.names) {
			expect(result.names, said).toEqual(expect.arrayContaining([...entry.names]));
		}

		if (entry.ran) {
			// The DELETE reached the framework: the app must not be told it did not run.
			expect(result.mayHaveRun, said).toBe(true);
			expect(result.alternatives?.length, said).toBeGreaterThan(0);
			// ...sent once, by the original: no probe ever repeats an unsafe method.
			expect(log.filter(request => request.method === entry.request.method)).toHaveLength(1);
			expect(run.original.filter(request => request.method === entry.request.method)).toHaveLength(1);
		}

		expect(probeViolations(run)).toEqual([]);
		expect(result.probeFetches).toBeLessThanOrEqual(PROBE_BUDGET);
	});
}
