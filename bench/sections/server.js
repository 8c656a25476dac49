// Section 4: what cors-doctor/server costs an app, as req/s with the observer mounted divided by
// req/s of the same app bare, in the same run (servers in worker threads, client here, interleaved).
import {startInWorker} from '../servers/in-worker.js';
import {interleave, pairedRatio, summarize} from '../lib/stats.js';
import {fixed, range, table} from '../lib/markdown.js';
import {requestsPerSecond} from '../lib/load.js';
import {createCorsObserver, observeNode} from '../../dist/server.js';

const module = new URL('../servers/observed-server.js', import.meta.url);
const APPS = [
	{name: 'node:http', bare: 'startBareHttp', observed: 'startObservedHttp'},
	{name: 'Express 5', bare: 'startBareExpress', observed: 'startObservedExpress'},
];
const PAGE = 'http://127.0.0.1:1';
// Small batches, many trials: each observed/bare pair runs close in time, so drift on a shared machine cancels out.
const LOAD = {concurrency: 16, requests: 300};

// What a browser sends in each case (undici adds `sec-fetch-mode: cors` itself).
const CASES = [
	{name: 'same-origin GET (no Origin)', headers: () => ({})},
	{name: 'same-origin with Origin (POST-like)', headers: origin => ({origin, 'sec-fetch-site': 'same-origin'})},
	{name: 'cross-origin, CORS granted', headers: () => ({origin: PAGE, 'sec-fetch-site': 'same-site'})},
];

export async function measureServer(trials) {
	const results = [];
	for (const app of APPS) {
		const bare = await startInWorker(module, app.bare);
		const observed = await startInWorker(module, app.observed);
		try {
			for (const item of CASES) {
				const call = origin => async () => (await fetch(`${origin}/item`, {headers: item.headers(origin)})).json();
				const calls = {bare: call(bare.origin), observed: call(observed.origin)};
				for (const variant of Object.keys(calls)) {
					await requestsPerSecond(calls[variant], {...LOAD, requests: 64});
				}

				results.push({app: app.name, case: item.name, perVariant: await interleave(trials, Object.keys(calls), variant => requestsPerSecond(calls[variant], LOAD))});
			}
		} finally {
			await Promise.all([bare.close(), observed.close()]);
		}
	}

	return results;
}

// The middleware alone, without sockets: node:http-shaped stubs, so the per-request cost is not lost in loopback noise.
function stubExchange(headers) {
	const response = {
		statusCode: 200,
		_header: `HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: ${PAGE}\r\nVary: Origin\r\nContent-Type: application/json\r\nContent-Length: 52\r\n\r\n`,
		finish: undefined,
		once(_event, listener) {
			this.finish = listener;
		},
		getHeaders: () => ({}),
	};
	return {request: {method: 'GET', url: '/item?id=1', headers: {host: '127.0.0.1:8080', ...headers}}, response};
}

const STUB_CASES = [
	{name: 'same-origin GET (no Origin)', headers: {}},
	{name: 'same-origin with Origin (POST-like)', headers: {origin: 'http://127.0.0.1:8080', 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-origin'}},
	{name: 'cross-origin, CORS granted', headers: {origin: PAGE, 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-site'}},
];

/** Nanoseconds per request the observer adds, median of `trials` runs of `iterations` calls, next to an empty loop. */
export function measureServerStub(trials, iterations = 100_000) {
	const observer = createCorsObserver({onReport() {}});
	return STUB_CASES.map(item => {
		const {request, response} = stubExchange(item.headers);
		const perTrial = [];
		for (let trial = 0; trial < trials; trial++) {
			let begin = performance.now();
			for (let index = 0; index < iterations; index++) {
				response.finish = undefined;
			}

			const empty = performance.now() - begin;
			begin = performance.now();
			for (let index = 0; index < iterations; index++) {
				response.finish = undefined;
				observeNode(observer, request, response);
				response.finish?.();
			}

			perTrial.push(((performance.now() - begin - empty) * 1e6) / iterations);
		}

		return {case: item.name, ns: summarize(perTrial)};
	});
}

export function formatServer(results, stub = []) {
	const rows = results.map(result => [
		result.app,
		result.case,
		range(summarize(result.perVariant.bare)),
		range(summarize(result.perVariant.observed)),
		`**${fixed(pairedRatio(result.perVariant.observed, result.perVariant.bare), 3)}**`,
	]);
	const trials = results[0]?.perVariant.bare.length ?? 0;
	return [
		'## 4. cors-doctor/server: middleware overhead',
		'',
		`Node ${process.version}, real loopback; each app in a worker thread, the client (fetch, ${LOAD.concurrency} concurrent, ${LOAD.requests} requests per batch) here; ${trials} interleaved trials. Ratio = median of per-trial req/s observed / bare (1.000 = no cost). Same-origin requests return after one to four header reads; a cross-origin one pays one \`finish\` listener and the spec check of the CORS headers.`,
		'',
		table(['app', 'request', 'bare req/s min / **median** / max', 'observed req/s min / **median** / max', 'ratio observed / bare'], rows),
		...(stub.length === 0 ? [] : [
			'',
			'The middleware alone, over node:http-shaped stubs (no sockets), per request, minus an empty loop:',
			'',
			table(['request', 'ns per request min / **median** / max'], stub.map(item => [item.case, range(item.ns, 0)])),
		]),
	].join('\n');
}
