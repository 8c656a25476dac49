import {createServer, type IncomingMessage} from 'node:http';
import type {Socket} from 'node:net';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import type {CorsCode} from '../../../src/codes';
import {CHROMIUM_CORS_ERRORS} from '../../../src/node/chromium';
import {type ScenarioServer, startScenarioServer} from '../../support/scenario-server';
import {scenario, scenarios} from '../../support/scenarios';
import {BUNDLE_ENTRY, CLASSIFIER_PAGE, serveBundle} from './bundle';
import {CLASSIFIER_CASES, expectationFor} from './classifier-expectations';
import {PROBE_BUDGET, SECRET, pageFor, probeViolations, runCase} from './classifier-runner';
import {launch} from './launch';
import {FETCH_TIMEOUT_ERROR, FETCH_TYPE_ERROR} from './messages';
import type {BrowserSession, Engine} from './session';

const mapping = CHROMIUM_CORS_ERRORS as Readonly<Record<string, {code: CorsCode; inferred: readonly CorsCode[]}>>;

/**
The classifier suite for one engine: every case of `CLASSIFIER_CASES` through the built bundle, plus the bounded-probing
guarantees (dedupe of simultaneous failures, abort, nothing extra on success). One browser per file, reused.
*/
export function classifierSuite(engine: Engine): void {
	let server: ScenarioServer | undefined;
	let session: BrowserSession | undefined;
	let page = '';
	let started = 0;

	const goto = async (url: string) => {
		if (page !== url) {
			await session!.goto(url);
			page = url;
		}
	};

	beforeAll(async () => {
		started = Date.now();
		server = await startScenarioServer();
		serveBundle(server);
		session = await launch(engine);
	});

	afterAll(async () => {
		await Promise.allSettled([session?.close(), server?.close()]);
		console.info(`[classifier] ${engine}: ${CLASSIFIER_CASES.length} cases + 4 checks in ${Date.now() - started} ms (launch + tests + close)`);
	});

	test('every scenario of the table has a classifier expectation, and every case a known scenario', () => {
		const names = new Set(CLASSIFIER_CASES.map(entry => entry.name));
		expect(scenarios.map(entry => entry.name).filter(name => !names.has(name))).toEqual([]);
		for (const entry of CLASSIFIER_CASES) {
			expect(() => scenario(entry.scenario ?? entry.name)).not.toThrow();
		}

		expect(names.size).toBe(CLASSIFIER_CASES.length);
	});

	test.each(CLASSIFIER_CASES.map(entry => [entry.name, entry] as const))('%s', async (_name, entry) => {
		await goto(pageFor(entry, server!));
		const table = scenario(entry.scenario ?? entry.name).expect.chromium;
		const reason = entry.cdp ? entry.cdp.reason : table;
		const run = await runCase(session!, server!, entry, {expectCdp: reason !== null});
		const {result} = run;
		const expected = expectationFor(entry, engine);
		if ('code' in expected) {
			expect(result, result.message).toMatchObject({kind: 'cors', code: expected.code, name: 'CorsError', typeError: true});
			if (expected.names) {
				expect(result.names).toEqual(expected.names);
			}

			// The error's evidence is exactly the probes the library sent.
			expect(result.evidence).toBe(result.probeFetches);
		} else if ('success' in expected) {
			expect(result, result.message).toMatchObject({kind: 'success'});
			expect(result.probeFetches).toBe(0);
			expect(run.probes).toEqual([]);
		} else {
			// Not CORS: the platform's own error, unchanged.
			expect(result.kind, result.message).toBe('error');
			expect(`${result.name}: ${result.message}`).toBe(entry.timeout ? FETCH_TIMEOUT_ERROR[engine] : FETCH_TYPE_ERROR[engine]);
		}

		expect(probeViolations(run)).toEqual([]);
		expect(result.probeFetches).toBeLessThanOrEqual(PROBE_BUDGET);

		if (engine === 'chromium') {
			expect(run.cdpReason).toBe(reason);
			if (result.kind === 'cors' && result.code !== 'UNDETERMINED' && !entry.cdp && reason !== null) {
				// Chromium's own reason for the original request must allow the classifier's verdict.
				const info = mapping[reason]!;
				expect([info.code, ...info.inferred], `${result.code} for ${reason}`).toContain(result.code);
			}
		}
	});

	test('200 simultaneous failures to one misconfigured endpoint send one probe wave', async () => {
		await goto(server!.page + CLASSIFIER_PAGE);
		server!.clear();
		const url = server!.url('allow-origin-missing');
		const codes = await session!.evaluate<string[]>(`async ({entry, url}) => {
			const cd = await import(entry);
			const corsFetch = cd.createCorsFetch();
			const settled = await Promise.allSettled(Array.from({length: 200}, () => corsFetch(url, {cache: 'no-store'})));
			return settled.map(s => s.status === 'rejected' && cd.isCorsError(s.reason) ? s.reason.code + (s.reason.reason ? ':' + s.reason.reason + JSON.stringify(s.reason.evidence) : '') : s.status);
		}`, {entry: BUNDLE_ENTRY, url});
		expect(new Set(codes)).toEqual(new Set(['ORIGIN_NOT_ALLOWED']));
		expect(codes).toHaveLength(200);
		const hits = server!.log.filter(request => request.origin === 'api');
		// 200 originals + one wave for a simple GET (reach, simple-manual: the original itself answered the simple probe);
		// only the reach probe is no-cors (no Origin).
		expect(hits.filter(request => request.headers.origin === undefined)).toHaveLength(1);
		expect(hits).toHaveLength(202);
	});

	test('aborting during diagnosis stops the probes and rejects with the abort reason', async () => {
		await goto(server!.page + CLASSIFIER_PAGE);
		// Its own server: the preflight is refused at once, every probe GET hangs until the browser drops it.
		const hanging = new Set<Socket>();
		const sockets = new Set<Socket>();
		const log: Array<{method: string; time: number}> = [];
		const api = createServer((request: IncomingMessage, response) => {
			log.push({method: request.method ?? '', time: Date.now()});
			if (request.method === 'OPTIONS') {
				response.writeHead(403, {'Content-Length': '0'}).end();
			} else {
				hanging.add(request.socket);
				request.socket.once('close', () => hanging.delete(request.socket));
			}
		});
		api.on('connection', socket => {
			sockets.add(socket);
		});
		await new Promise<void>(resolve => {
			api.listen(0, '127.0.0.1', resolve);
		});
		try {
			const {port} = api.address() as {port: number};
			// The abort comes 150 ms after the first probe was sent, so the wave is surely in flight, whatever the load.
			const outcome = await session!.evaluate<{error: string; probeEndings: string[]; calls: number}>(`async ({entry, url, secret}) => {
				const cd = await import(entry);
				const controller = new AbortController();
				let calls = 0;
				// How each probe ended, in order, as seen when the call rejects: an ordering, not a stopwatch.
				const probeEndings = [];
				globalThis.probeCalls = () => calls;
				const fetch = (input, init) => {
					if (++calls === 2) setTimeout(() => controller.abort(new Error('user-abort')), 150);
					const sent = globalThis.fetch(input, init);
					if (calls > 1) sent.then(() => probeEndings.push('response'), error => probeEndings.push(error && error.name === 'TimeoutError' ? 'timeout' : 'aborted'));
					return sent;
				};
				try {
					await cd.createCorsFetch({fetch, probeTimeout: 10000})(url, {method: 'PUT', headers: {'x-api-key': secret}, signal: controller.signal});
					return {error: 'resolved', probeEndings, calls};
				} catch (error) {
					return {error: error.name + ': ' + error.message, probeEndings: [...probeEndings], calls};
				}
			}`, {entry: BUNDLE_ENTRY, url: `http://127.0.0.1:${port}/x`, secret: SECRET});
			expect(outcome.error).toBe('Error: user-abort');
			// The abort, not the 10 s probe timeout, ended the wave: no probe had timed out or been answered when the call rejected.
			expect(outcome.probeEndings.filter(ending => ending !== 'aborted')).toEqual([]);
			// The probes were in flight (GETs hanging) when the abort came...
			expect(log.filter(entry => entry.method === 'GET').length).toBeGreaterThan(0);
			// ...the browser then drops them, and the page sends nothing more. Counted in the page, where a fetch call is an
			// event, not on the server, where a request sent before the abort may still arrive late on a loaded machine.
			await vi.waitFor(() => {
				expect(hanging.size).toBe(0);
			}, {timeout: 10_000, interval: 50});
			expect(await session!.evaluate<number>('() => globalThis.probeCalls()')).toBe(outcome.calls);
		} finally {
			for (const socket of sockets) {
				socket.destroy();
			}

			await new Promise(resolve => {
				api.close(resolve);
			});
		}
	});

	test('on success corsFetch sends exactly the caller\'s request and nothing else', async () => {
		await goto(server!.page + CLASSIFIER_PAGE);
		const calls = [
			{name: 'good-simple-get', init: {}, expected: ['GET']},
			{name: 'good-preflight-get-header', init: {headers: {'x-api-key': SECRET}}, expected: ['OPTIONS', 'GET']},
			{name: 'good-preflight-put', init: {method: 'PUT', headers: {'x-api-key': SECRET}, body: 'payload'}, expected: ['OPTIONS', 'PUT']},
		];
		for (const [index, call] of calls.entries()) {
			server!.clear();
			// A fresh query per run: a passing preflight is cached about 5 s per URL.
			const url = `${server!.url(call.name)}?run=${engine}-${index}-${Date.now()}`;
			const status = await session!.evaluate<number>(`async ({entry, url, init}) => {
				const cd = await import(entry);
				const response = await cd.corsFetch(url, {...init, cache: 'no-store'});
				await response.arrayBuffer();
				return response.status;
			}`, {entry: BUNDLE_ENTRY, url, init: call.init});
			expect(status).toBe(200);
			const hits = server!.log.filter(request => request.origin !== 'page');
			expect(hits.map(request => request.method)).toEqual(call.expected);
			const actual = hits.at(-1)!;
			expect(actual.headers['x-api-key']).toBe(call.init.headers ? SECRET : undefined);
			expect(actual.bodyLength).toBe(call.init.body?.length ?? 0);
		}
	});
}
