// Sections 3 and 4: in Chromium, against an API that delays every response by 50 ms, how much
// later corsFetch rejects with its CorsError than fetch rejects with its TypeError (in round
// trips), how many extra requests (probes) the server sees, and what a repeated identical
// failure costs. The page is reloaded before every measured call, so no verdict cache, probe
// budget or per-origin memory carries over between trials.
import {SCENARIOS, startScenarioServers} from '../servers/scenario-server.js';
import {median, pairedDelta} from '../lib/stats.js';
import {fixed, table} from '../lib/markdown.js';

const DELAY = 50;
// Probes may still be in flight when the caller's promise settles; count what arrives until then.
const SETTLE_MS = DELAY * 3;
const TARGET_ROUND_TRIPS = 1.5;

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * @param {Awaited<ReturnType<typeof import('../browser/chromium.js').openBenchPage>>} browser
 * @param {number} trials
 */
export async function measureDiagnosis(browser, trials) {
	const servers = await startScenarioServers({delay: DELAY});
	const settle = (variant, url, init) => browser.page.evaluate(([v, u, i]) => window.bench.settle(v, u, i), [variant, url, init]);
	// One call on a fresh page; returns its timing and every request the servers saw for it.
	const fresh = async (variant, scenario) => {
		await browser.reload();
		if (scenario.warm) {
			await settle(variant, servers.api + scenario.warm, {});
		}

		await sleep(SETTLE_MS);
		servers.clear();
		const result = await settle(variant, servers.api + scenario.path, scenario.init);
		await sleep(SETTLE_MS);
		return {...result, requests: servers.clear()};
	};

	try {
		// The round trip: a successful simple GET on the same delayed server.
		const roundTrips = [];
		for (let trial = 0; trial < trials; trial++) {
			roundTrips.push((await settle('fetch', `${servers.api}/ok`, {})).ms);
		}

		const roundTrip = median(roundTrips);
		const rows = [];
		for (const scenario of SCENARIOS) {
			const runs = {fetch: [], corsFetch: []};
			for (let trial = 0; trial < trials; trial++) {
				for (const variant of trial % 2 === 0 ? ['fetch', 'corsFetch'] : ['corsFetch', 'fetch']) {
					runs[variant].push(await fresh(variant, scenario));
				}
			}

			// Repeated identical failure: same page, same request, inside the cache window.
			await browser.reload();
			if (scenario.warm) {
				await settle('corsFetch', servers.api + scenario.warm, {});
			}

			await settle('corsFetch', servers.api + scenario.path, scenario.init);
			await sleep(SETTLE_MS);
			servers.clear();
			const repeat = await settle('corsFetch', servers.api + scenario.path, scenario.init);
			await sleep(SETTLE_MS);
			const repeatRequests = servers.clear();
			const plainRequests = median(runs.fetch.map(run => run.requests.length));
			rows.push({scenario, runs, repeat, repeatProbes: repeatRequests.length - plainRequests, plainRequests});
		}

		return {roundTrip, rows, trials};
	} finally {
		await servers.close();
	}
}

const describe = request => `${request.method}${request.mode && request.mode !== 'cors' ? ` ${request.mode}` : ''}${request.preflightHeaders ? ` [${request.preflightHeaders}]` : ''}${request.server === 'third' ? ' (3rd origin)' : ''}`;

function probeShapes(plain, cors) {
	// The requests corsFetch caused beyond those of plain fetch, by shape.
	const remaining = plain.map(describe);
	const extra = [];
	for (const shape of cors.map(describe)) {
		const index = remaining.indexOf(shape);
		if (index === -1) {
			extra.push(shape);
		} else {
			remaining.splice(index, 1);
		}
	}

	return extra.length > 0 ? extra.join(', ') : 'none';
}

function outcome(run) {
	return run.ok ? 'resolved' : `${run.name}${run.code ? ` ${run.code}` : ''}`;
}

/** @param {Awaited<ReturnType<typeof measureDiagnosis>>} result */
export function formatDiagnosis({roundTrip, rows, trials}) {
	const latency = rows.map(({scenario, runs}) => {
		const plainMs = runs.fetch.map(run => run.ms);
		const corsMs = runs.corsFetch.map(run => run.ms);
		const extra = pairedDelta(corsMs, plainMs);
		const extraRoundTrips = extra / roundTrip;
		return [
			scenario.class,
			scenario.name,
			`${outcome(runs.fetch[0])}`,
			`${outcome(runs.corsFetch.at(-1))}`,
			fixed(median(plainMs)),
			fixed(median(corsMs)),
			`${fixed(extra)} ms = **${fixed(extraRoundTrips, 2)} RT** ${extraRoundTrips <= TARGET_ROUND_TRIPS ? '' : '(MISSES)'}`.trim(),
		];
	});
	const repeats = rows.map(({scenario, repeat, repeatProbes}) => [
		scenario.class,
		scenario.name,
		outcome(repeat),
		fixed(repeat.ms),
		`**${repeatProbes}**${repeatProbes === 0 ? '' : ' (MISSES 0)'}`,
	]);
	const probes = rows.map(({scenario, runs, plainRequests}) => {
		const counts = runs.corsFetch.map(run => run.requests.length - plainRequests);
		const last = runs.corsFetch.at(-1);
		return [
			scenario.class,
			scenario.name,
			`${scenario.init.method ?? 'GET'}${scenario.init.headers ? ' + ' + Object.keys(scenario.init.headers).join(', ') : ''}${scenario.init.credentials ? ` (credentials: ${scenario.init.credentials})` : ''}`,
			plainRequests,
			`${median(counts)} (${Math.min(...counts)}-${Math.max(...counts)})`,
			probeShapes(runs.fetch.at(-1).requests, last.requests),
		];
	});

	return [
		'## 3. Diagnosis latency (Chromium)',
		'',
		`The API delays every response by ${DELAY} ms. One round trip (RT) = median time of a successful simple GET to it = **${fixed(roundTrip, 1)} ms**. ${trials} trials per scenario, fetch and corsFetch alternating, each call on a freshly loaded page. "Extra" is the median of per-trial differences (corsFetch reject time - fetch reject time). Target: <= ${TARGET_ROUND_TRIPS} RT.`,
		'',
		table(['class', 'scenario', 'fetch throws', 'corsFetch throws', 'fetch ms (median)', 'corsFetch ms (median)', 'extra'], latency),
		'',
		'### Repeated identical failure within the cache window',
		'',
		'Same page, same request, sent again right after the first diagnosis. Target: 0 probes.',
		'',
		table(['class', 'scenario', 'corsFetch throws', 'ms', 'probes sent'], repeats),
		'',
		'## 4. Probe counts per scenario class',
		'',
		'Requests the servers received for one corsFetch call, minus those a plain fetch of the same request causes (preflights included). Shapes: method, fetch mode when not `cors`, preflight `Access-Control-Request-Headers`.',
		'',
		table(['class', 'scenario', 'request', 'requests from plain fetch', 'probes: median (min-max)', 'probe shapes (last trial)'], probes),
	].join('\n');
}
