import {join, resolve} from 'node:path';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {type LoggedRequest, type ScenarioServer, startScenarioServer} from '../../support/scenario-server';
import {launch} from './launch';
import type {BrowserSession, Engine} from './session';

/**
axios (XHR and fetch adapters), ofetch, wretch and up-fetch, bundled for the page with esbuild against the built
`dist/`, in a headless engine against the scenario server: each performs a CORS failure and a success. The CorsError
must reach the caller (getCorsError finds it through the client's wrapping), the client's retry must not repeat the CORS
failure (the server log counts the originals), and the same guard must keep retrying a real network error. A control run
without the guard shows the count can fail.
*/
const ROOT = resolve(import.meta.dirname, '../../..');
const RETRIES = 2;
// A safelisted header with a value only the original request carries: the classifier's probes never send it, so the
// server log tells originals (and their retries) from probes.
const MARK = 'x-original';

const ENTRY = `
import axios from 'axios';
import axiosRetry from 'axios-retry';
import {createFetch} from 'ofetch';
import wretch from 'wretch';
import {retry} from 'wretch/middlewares';
import {up} from 'up-fetch';
import * as cd from ${JSON.stringify(join(ROOT, 'dist/index.js'))};
import * as clients from ${JSON.stringify(join(ROOT, 'dist/clients.js'))};
export {axios, axiosRetry, createFetch, wretch, retry, up, cd, clients};
`;

// Runs one request through one client in the page. `retries` counts the retries the client started (its own hooks).
const PAGE_RUN = `async ({client, url, method, headers, guard, retries}) => {
	const {axios, axiosRetry, createFetch, wretch, retry, up, cd, clients} = await import('/clients.js');
	const corsFetch = cd.createCorsFetch();
	let started = 0;
	const onRetry = () => { started++; };
	try {
		switch (client) {
			case 'axios-xhr':
			case 'axios-fetch': {
				const api = client === 'axios-fetch'
					// axios' fetch adapter adds User-Agent: axios/x. Firefox sends it (it is no longer a forbidden header) and it
					// is not CORS-safelisted, so every cross-origin call would be preflighted there: the recipe removes it.
					? axios.create({adapter: 'fetch', env: {fetch: corsFetch}, headers: {'User-Agent': false}})
					: clients.withCorsDiagnosis(axios.create());
				const condition = axiosRetry.isNetworkOrIdempotentRequestError;
				axiosRetry(api, {retries, retryDelay: () => 0, onRetry, retryCondition: guard ? clients.unlessCors(condition) : condition});
				await api.request({url, method, headers});
				break;
			}
			case 'ofetch': {
				let failures = 0;
				const count = () => { failures++; };
				const api = createFetch({fetch: corsFetch, defaults: {retry: retries, retryDelay: 0, onRequestError: guard ? [count, clients.stopCorsRetry] : [count]}});
				try {
					await api(url, {method, headers});
				} finally {
					started = Math.max(0, failures - 1);
				}
				break;
			}
			case 'wretch': {
				const until = guard ? clients.untilCors() : undefined;
				await wretch(url).fetchPolyfill(corsFetch).headers(headers)
					.middlewares([retry({delayTimer: 0, maxAttempts: retries, retryOnNetworkError: true, onRetry, ...(until ? {until} : {})})])
					.fetch(method).res();
				break;
			}
			case 'up-fetch': {
				const when = ({response}) => !response?.ok;
				const api = up(corsFetch, () => ({retry: {attempts: retries, delay: 0, when: guard ? clients.unlessCors(when) : when}, onRetry}));
				await api(url, {method, headers, parseResponse: response => response.text()});
				break;
			}
		}
		return {ok: true, retries: started};
	} catch (error) {
		const cors = cd.getCorsError(error);
		return {ok: false, retries: started, cors: Boolean(cors), code: cors ? cors.code : null, name: error && error.name, axios: Boolean(error && error.isAxiosError)};
	}
}`;

interface PageOutcome {
	ok: boolean;
	retries: number;
	cors?: boolean;
	code?: string | null;
	name?: string;
	axios?: boolean;
}

const CLIENTS = ['axios-xhr', 'axios-fetch', 'ofetch', 'wretch', 'up-fetch'] as const;
type Client = (typeof CLIENTS)[number];

/** The client suite for one engine; one browser per file, reused across the cases. */
export function clientsSuite(engine: Engine): void {
	let server: ScenarioServer | undefined;
	let session: BrowserSession | undefined;

	beforeAll(async () => {
		server = await startScenarioServer();
		const bundle = await build({
			stdin: {contents: ENTRY, resolveDir: ROOT, loader: 'js'},
			bundle: true,
			format: 'esm',
			platform: 'browser',
			write: false,
			logLevel: 'silent',
		});
		server.serve('/clients.js', {type: 'text/javascript', body: bundle.outputFiles[0]!.contents});
		session = await launch(engine);
		await session.goto(`${server.page}/`);
	});

	afterAll(async () => {
		await Promise.allSettled([session?.close(), server?.close()]);
	});

	async function runClient(client: Client, request: {url: string; method: string; headers?: Record<string, string>}, guard = true): Promise<{outcome: PageOutcome; log: LoggedRequest[]}> {
		server!.clear();
		const outcome = await session!.evaluate<PageOutcome>(PAGE_RUN, {client, headers: {}, ...request, guard, retries: RETRIES});
		// Late requests (a retry racing the page's result) must be in the log before counting.
		await new Promise(resolve => setTimeout(resolve, 100));
		return {outcome, log: [...server!.log]};
	}

	const originals = (log: readonly LoggedRequest[], path: string) =>
		log.filter(entry => entry.path === path && entry.method === 'GET' && entry.headers['content-language'] === MARK).length;

	describe.each(CLIENTS)(`%s in ${engine}`, client => {
		test('a success resolves untouched', async () => {
			const {outcome} = await runClient(client, {url: server!.url('good-simple-get'), method: 'GET'});
			expect(outcome).toEqual({ok: true, retries: 0});
		});

		test('a CORS failure reaches the caller as a CorsError and is sent once', async () => {
			const url = server!.url('allow-origin-missing');
			const {outcome, log} = await runClient(client, {url, method: 'GET', headers: {'Content-Language': MARK}});
			expect(outcome).toMatchObject({ok: false, retries: 0, cors: true, code: 'ORIGIN_NOT_ALLOWED', axios: client.startsWith('axios')});
			expect(originals(log, new URL(url).pathname)).toBe(1);
		});

		test('control: without the guard the client does retry the CORS failure', async () => {
			const url = server!.url('allow-origin-missing');
			const {outcome, log} = await runClient(client, {url, method: 'GET', headers: {'Content-Language': MARK}}, false);
			expect(outcome).toMatchObject({ok: false, retries: RETRIES, cors: true});
			expect(originals(log, new URL(url).pathname)).toBe(RETRIES + 1);
		});

		test('the guard keeps retries for a real network error', async () => {
			const {outcome} = await runClient(client, {url: `${server!.refusedUrl}x`, method: 'GET'});
			expect(outcome).toMatchObject({ok: false, retries: RETRIES, cors: false});
		});
	});

	describe.each(['axios-xhr', 'axios-fetch'] as const)('%s with axios-retry and an unsafe method', client => {
		// axios-retry's default condition retries any method on a network error: PUT included. Probes never send PUT, so every
		// preflight asking for PUT is an original or a retry.
		const preflights = (log: readonly LoggedRequest[]) => log.filter(entry => entry.method === 'OPTIONS' && entry.headers['access-control-request-method'] === 'PUT').length;

		test('a refused PUT preflight is a CorsError, sent once', async () => {
			const {outcome, log} = await runClient(client, {url: server!.url('method-not-allowed'), method: 'PUT'});
			expect(outcome).toMatchObject({ok: false, retries: 0, cors: true, code: 'PREFLIGHT_REJECTED'});
			expect(preflights(log)).toBe(1);
		});

		test('control: without the guard it is sent again', async () => {
			const {log} = await runClient(client, {url: server!.url('method-not-allowed'), method: 'PUT'}, false);
			expect(preflights(log)).toBe(RETRIES + 1);
		});
	});
}
