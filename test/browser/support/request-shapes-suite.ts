import {afterAll, beforeAll, expect, test} from 'vitest';
import {type ScenarioServer, startScenarioServer} from '../../support/scenario-server';
import {scenarios} from '../../support/scenarios';
import {BUNDLE_ENTRY, CLASSIFIER_PAGE, serveBundle} from './bundle';
import {type CaseRun, MARKER, PAGE_RUN, PROBE_BUDGET, type PageResult, SECRET, probeViolations} from './classifier-runner';
import {launch} from './launch';
import {SHAPE_CASES} from './request-shapes';
import type {BrowserSession, Engine} from './session';
import {fitsReason} from './spa';

/**
Issue 7's request shapes in one engine: headers unsafe by value (the probe's preflight must ask for the same header), a
preflight redirect without CORS, and a Basic-auth 401 on a credentialed request (no probe may wait on a login prompt).
*/
export function requestShapesSuite(engine: Engine): void {
	let server: ScenarioServer | undefined;
	let session: BrowserSession | undefined;

	beforeAll(async () => {
		server = await startScenarioServer({scenarios: [...scenarios, ...SHAPE_CASES.map(entry => entry.scenario)]});
		serveBundle(server);
		session = await launch(engine);
		await session.goto(server.page + CLASSIFIER_PAGE);
	});

	afterAll(async () => {
		await Promise.allSettled([session?.close(), server?.close()]);
	});

	test.each(SHAPE_CASES.map(entry => [entry.scenario.name, entry] as const))('%s', async (name, entry) => {
		const url = `${server!.url(name)}?engine=${engine}`;
		const init: RequestInit = {credentials: 'same-origin', cache: 'no-store', ...entry.init};
		server!.clear();
		session!.clearCdp?.();
		const result = await session!.evaluate<PageResult>(PAGE_RUN, {
			entry: BUNDLE_ENTRY, url, init, options: {}, timeout: 0, marker: MARKER, cookie: `session=${SECRET}; path=/`,
		});
		await new Promise(resolve => setTimeout(resolve, 50));
		const log = [...server!.log];
		const split = log.findIndex(request => request.path === MARKER);
		const remote = log.filter((request, index) => request.origin !== 'page' && (split < 0 || index < split));
		const probes = split < 0 ? [] : log.slice(split + 1).filter(request => request.origin !== 'page');
		const run: CaseRun = {url, init, result, original: remote, probes, resets: false};
		let reason = entry.scenario.expect.chromium;
		if (session!.cdpCorsErrors) {
			let live: string | null = null;
			for (const deadline = Date.now() + 1000; live === null && Date.now() < deadline;) {
				live = session!.cdpCorsErrors().find(event => event.url === url)?.corsError ?? null;
				await new Promise(resolve => setTimeout(resolve, 20));
			}

			expect(live, 'Chromium\'s live CDP reason (recorded in the case)').toBe(entry.scenario.expect.chromium);
			reason = live;
		}

		const said = `${result.kind} ${result.code ?? ''} (${result.confidence}; names ${result.names?.join(', ')}; alternatives ${result.alternatives?.join(', ')}; evidence ${result.outcomes?.join(' ')}): ${result.message}`;
		console.info(`[shapes] ${engine} ${name}: ${said} in ${result.ms} ms, ${result.probeFetches} probes`);
		expect(result.kind, said).toBe('cors');
		expect(result.code, said).not.toBe('UNDETERMINED');
		expect(fitsReason(reason!, result as Parameters<typeof fitsReason>[1]), `${reason} does not allow ${said}`).toBe(true);
		// No probe timed out: none waited on anything (a login prompt included).
		expect(result.outcomes?.filter(outcome => outcome.endsWith(':timeout')), said).toEqual([]);
		if (entry.valueUnsafe) {
			// A probe's preflight asked for the header for the same reason the original's did...
			const asked = probes.some(request => request.method === 'OPTIONS'
				&& (request.headers['access-control-request-headers'] ?? '').split(',').map(part => part.trim()).includes(entry.valueUnsafe!));
			expect(asked, `no probe preflight asked for ${entry.valueUnsafe}: ${JSON.stringify(probes.map(request => [request.method, request.headers['access-control-request-headers']]))}`).toBe(true);
			// ...with a dummy value, never the original's.
			const value = entry.init.headers![entry.valueUnsafe]!;
			expect(probes.filter(request => request.headers[entry.valueUnsafe!] === value)).toEqual([]);
		}

		if (entry.names) {
			expect([result.code, ...result.alternatives ?? []], said).toContain(entry.names);
		}

		if (entry.init.credentials === 'include') {
			// A login prompt (Firefox's is modal) would leave the page unable to run anything: it must still answer at once.
			const answer = await Promise.race([session!.evaluate<number>('async () => 1 + 1'), new Promise(resolve => setTimeout(() => resolve('stuck'), 5000))]);
			expect(answer, 'the page still runs script after the credentialed probes (no auth prompt pending)').toBe(2);
			// Which probes carried the cookie and got the Basic challenge (measured, for the report).
			console.info(`[shapes] ${engine} ${name}: credentialed probe requests ${probes.filter(request => request.headers.cookie !== undefined).map(request => request.method).join(', ') || 'none'}`);
		}

		expect(probeViolations(run)).toEqual([]);
		expect(result.probeFetches).toBeLessThanOrEqual(PROBE_BUDGET);
	});
}
