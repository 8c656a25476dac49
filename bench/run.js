#!/usr/bin/env node
// `npm run bench` (after tsup): happy-path overhead, bundle sizes, diagnosis latency and probe
// counts, each beside a baseline measured in the same run. Writes bench/report.md and prints it.
// Progress goes to stderr so stdout is the report alone.
import {writeFileSync} from 'node:fs';
import os from 'node:os';
import {fileURLToPath} from 'node:url';
import {MODES} from './lib/load.js';
import {placeholders} from './lib/subjects.js';
import {startInWorker} from './servers/in-worker.js';
import {openBenchPage} from './browser/chromium.js';
import {formatMicro, measureMicro} from './sections/micro.js';
import {formatLoopback, measureLoopback, nodeRunner} from './sections/loopback.js';
import {formatSizes, measureSizes} from './sections/sizes.js';
import {formatDiagnosis, measureDiagnosis} from './sections/diagnosis.js';
import {formatServer, measureServer, measureServerStub} from './sections/server.js';

const trials = {
	micro: 16,
	node: 16,
	chromium: 12,
	diagnosis: 5,
	server: 20,
};

const began = performance.now();
const progress = message => process.stderr.write(`bench: ${message} (${((performance.now() - began) / 1000).toFixed(0)} s)\n`);

async function withJsonServer(use) {
	const server = await startInWorker(new URL('servers/json-server.js', import.meta.url), 'startJsonServer');
	try {
		return await use(`${server.origin}/item`);
	} finally {
		await server.close();
	}
}

progress('bundle sizes');
const sizes = formatSizes(await measureSizes());

progress('stub-fetch microbenchmark');
const micro = formatMicro(await measureMicro(trials.micro));

progress('Node loopback');
const node = formatLoopback(`Node ${process.version}, real loopback`, await withJsonServer(url => measureLoopback(nodeRunner(url), trials.node, MODES.node)));

progress('cors-doctor/server overhead');
const server = formatServer(await measureServer(trials.server), measureServerStub(trials.server));

progress('Chromium: launch');
const browser = await openBenchPage();
let chromium;
let diagnosis;
try {
	progress('Chromium loopback (cross-origin, CORS-enabled API)');
	chromium = formatLoopback(
		`Chromium ${browser.version}, real loopback, cross-origin (page ${new URL(browser.pageOrigin).port} -> API on another port)`,
		await withJsonServer(url => measureLoopback(
			(variant, mode) => browser.page.evaluate(([v, m, u]) => window.bench.load(v, m, u), [variant, mode, url]),
			trials.chromium,
			MODES.chromium,
		)),
	);
	progress('diagnosis latency and probe counts');
	diagnosis = formatDiagnosis(await measureDiagnosis(browser, trials.diagnosis));
} finally {
	await browser.close();
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const report = [
	`# cors-doctor benchmarks${placeholders.length > 0 ? ` (PLACEHOLDER for ${placeholders.join(', ')}: not in dist/index.js yet; not a result)` : ''}`,
	'',
	`Machine: ${os.availableParallelism()} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; Node ${process.version}; Chromium ${browser.version}. Run on ${new Date().toISOString().slice(0, 10)} in ${((performance.now() - began) / 1000).toFixed(0)} s.`,
	'',
	'Reproduce: `npm run bench` (builds with tsup, then runs `node bench/run.js`; needs `/usr/bin/chromium` or `CHROMIUM_PATH`). Timings on a shared machine swing 10-40% between trials: read the medians and the paired ratios, not single numbers. Targets are reported, never asserted; only bundle sizes are a CI gate (`npm run check:size`).',
	'',
	'## 1. Happy-path overhead',
	'',
	micro,
	'',
	node,
	'',
	chromium,
	'',
	sizes,
	'',
	diagnosis,
	'',
	server,
	'',
].join('\n');

writeFileSync(fileURLToPath(new URL('report.md', import.meta.url)), report);
progress('done, wrote bench/report.md');
process.stdout.write(report);
