// Section 1c: ns per call of each layer over a near-free fake fetch (no network), so only the
// layer's own work is timed. Peers (ofetch, axios) run when installed, for scale.
import {interleave, pairedDelta, summarize} from '../lib/stats.js';
import {fixed, table} from '../lib/markdown.js';
import {resolvable} from '../lib/bundle-size.js';
import * as subjects from '../lib/subjects.js';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';

// A full GC before every timed batch, so one variant's garbage is not collected on the next one's clock.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

const url = 'http://127.0.0.1:9/item';
const TARGET_NS = 1000;
const TRIAL_MS = 80;

async function layers() {
	const response = new Response('{"ok":true}', {headers: {'content-type': 'application/json'}});
	const stub = async () => response;
	const tryCatch = async (input, init) => {
		try {
			return await stub(input, init);
		} catch (error) {
			throw error;
		}
	};

	// A page origin makes the layers take their browser path (Node has no location, so they would pass through).
	const pageOrigin = 'http://127.0.0.1:1';
	const corsFetch = subjects.createCorsFetch({fetch: stub, pageOrigin});
	// Both ky instances keep their defaults (timeout, retry): what an app that swaps one for the other gets.
	const ky = subjects.ky.create({fetch: stub});
	const client = subjects.createClient({fetch: stub, pageOrigin});
	const variants = {
		'fetch (stub)': () => stub(url),
		'try/catch layer': () => tryCatch(url),
		corsFetch: () => corsFetch(url),
		ky: () => ky.get(url),
		createClient: () => client.get(url),
	};

	// Bodies are never read, so one Response serves every call; stream/raw modes keep peers from parsing it.
	if (resolvable('ofetch')) {
		const {createFetch} = await import('ofetch');
		const ofetch = createFetch({fetch: stub});
		variants.ofetch = () => ofetch.raw(url, {responseType: 'stream', retry: 0});
	}

	if (resolvable('axios')) {
		const {default: axios} = await import('axios');
		const instance = axios.create({adapter: 'fetch', env: {fetch: stub, Request, Response}, responseType: 'stream'});
		variants.axios = () => instance.get(url);
	}

	return variants;
}

async function timeCalls(call, iterations) {
	collectGarbage();
	const start = process.hrtime.bigint();
	for (let index = 0; index < iterations; index++) {
		await call();
	}

	return Number(process.hrtime.bigint() - start) / iterations;
}

/** @param {number} trials */
export async function measureMicro(trials) {
	const variants = await layers();
	const iterations = {};
	for (const [name, call] of Object.entries(variants)) {
		// Warm the JIT first, then calibrate so each timed batch lasts about TRIAL_MS.
		await timeCalls(call, 3000);
		const nsPerCall = await timeCalls(call, 3000);
		iterations[name] = Math.max(1000, Math.round((TRIAL_MS * 1e6) / nsPerCall));
	}

	// The pair compared against the target runs the same number of calls, so both pay the same GC share.
	iterations.ky = iterations.createClient = Math.max(iterations.ky, iterations.createClient);
	const perVariant = await interleave(trials, Object.keys(variants), name => timeCalls(variants[name], iterations[name]));
	return {perVariant, iterations};
}

const baselineOf = {
	'try/catch layer': 'fetch (stub)',
	corsFetch: 'fetch (stub)',
	createClient: 'ky',
	ky: 'fetch (stub)',
	ofetch: 'fetch (stub)',
	axios: 'fetch (stub)',
};

/** @param {Awaited<ReturnType<typeof measureMicro>>} result */
export function formatMicro({perVariant, iterations}) {
	const rows = Object.entries(perVariant).map(([name, values]) => {
		const s = summarize(values);
		const baseline = baselineOf[name];
		const added = baseline ? `${fixed(pairedDelta(values, perVariant[baseline]))} ns over ${baseline}` : 'baseline';
		return [name, iterations[name], `${fixed(s.min)} / **${fixed(s.median)}** / ${fixed(s.max)}`, added];
	});
	const verdict = ['corsFetch', 'createClient'].map(name => {
		const delta = pairedDelta(perVariant[name], perVariant[baselineOf[name]]);
		return `${name} adds ${fixed(delta)} ns (${delta <= TARGET_NS ? 'meets' : 'MISSES'} <= ${TARGET_NS} ns)`;
	});
	const trials = perVariant['fetch (stub)'].length;
	return [
		'### Stub-fetch microbenchmark (Node, no network)',
		'',
		`The fake fetch returns an already-resolved pre-made Response; corsFetch and createClient get a \`pageOrigin\` so they run their browser path. ${trials} interleaved trials; each trial awaits the calls one after another, ~${TRIAL_MS} ms per variant. "Added" is the median of per-trial differences.`,
		'',
		table(['layer', 'calls per trial', 'ns per call min / **median** / max', 'added (median, paired)'], rows),
		'',
		`Target (reported, not asserted): ${verdict.join('; ')}.`,
	].join('\n');
}
