#!/usr/bin/env node
// `npm run accuracy`: every classifier case (test/browser/support/classifier-expectations.ts) in Chromium, Firefox and
// WebKit with the built bundle, as a scenario x engine table with the agreement rate per engine and overall; writes
// docs/accuracy.md. Builds nothing itself (run `npx tsup` first). The test support is TypeScript: esbuild compiles it
// on the fly into node_modules/.cache, next to the packages it imports, so no loader or tsx is needed.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {cpus, release, totalmem} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist/index.js'))) {
	console.error('accuracy: dist/index.js is missing; build first (npx tsup).');
	process.exit(1);
}

const outfile = join(root, 'node_modules/.cache/cors-doctor/accuracy.mjs');
mkdirSync(dirname(outfile), {recursive: true});
await build({
	stdin: {
		contents: `export {startScenarioServer} from './test/support/scenario-server';
export {serveBundle} from './test/browser/support/bundle';
export {launch, ENGINES} from './test/browser/support';
export {CLASSIFIER_CASES, expectationFor, outcomeLabel, outcomeMatches} from './test/browser/support/classifier-expectations';
export {pageFor, probeViolations, runCase} from './test/browser/support/classifier-runner';
export {BUNDLE_ENTRY, CLASSIFIER_PAGE} from './test/browser/support/bundle';
export {ITEMS_ROUTE, SPA_RUN, fitsReason, spaCalls} from './test/browser/support/spa';
export {scenarios} from './test/support/scenarios';`,
		resolveDir: root,
		loader: 'ts',
	},
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	packages: 'external',
	outfile,
	logLevel: 'error',
});
const support = await import(pathToFileURL(outfile).href);
const {CLASSIFIER_CASES, ENGINES, expectationFor, outcomeLabel, outcomeMatches} = support;

/** The classifier's answer in the same vocabulary as the expectations. */
const got = result => result.kind === 'cors' ? result.code : result.kind === 'success' ? 'success' : 'network';

const rows = [];
const server = await support.startScenarioServer();
try {
	support.serveBundle(server);
	for (const engine of ENGINES) {
		const started = Date.now();
		const session = await support.launch(engine);
		let page = '';
		try {
			for (const entry of CLASSIFIER_CASES) {
				const url = support.pageFor(entry, server);
				if (url !== page) {
					await session.goto(url);
					page = url;
				}

				const expected = expectationFor(entry, engine);
				const run = await support.runCase(session, server, entry, {expectCdp: false});
				const unsafe = support.probeViolations(run);
				rows.push({
					name: entry.name,
					engine,
					expected: outcomeLabel(expected),
					got: got(run.result),
					ok: outcomeMatches(expected, run.result) && unsafe.length === 0,
					probes: run.result.probeFetches,
					ms: run.result.ms,
					unsafe,
				});
			}
		} finally {
			await session.close();
		}

		console.error(`accuracy: ${engine} done in ${Date.now() - started} ms`);
	}
} finally {
	await server.close();
}

// The SPA pass: the default corsFetch singleton of a freshly loaded page, one API origin, every endpoint plus 30 ids of
// one route and a refused port, first all at once (page load), then one after another. Expected: the code Chromium's CDP
// reason allows (the table's recorded reason), the platform's error for network failures, the very Response for successes.
const spaRows = [];
const spaServer = await support.startScenarioServer({scenarios: [...support.scenarios, support.ITEMS_ROUTE]});
try {
	support.serveBundle(spaServer);
	for (const engine of ENGINES) {
		const session = await support.launch(engine);
		try {
			await session.goto(`${spaServer.page}${support.CLASSIFIER_PAGE}?run=accuracy`);
			const {load, sequence} = support.spaCalls(spaServer, `accuracy-${engine}`);
			const results = await session.evaluate(support.SPA_RUN, {entry: support.BUNDLE_ENTRY, load, sequence, control: false, cookie: 'session=accuracy; path=/'});
			for (const [phase, calls, offset] of [['burst at load', load, 0], ['one after another', sequence, load.length]]) {
				const tally = {calls: calls.length, agree: 0, undetermined: 0, networkAsCors: 0, unclassified: 0};
				for (const [index, call] of calls.entries()) {
					const result = results[offset + index];
					tally.undetermined += result.code === 'UNDETERMINED' ? 1 : 0;
					tally.networkAsCors += call.outcome === 'network' && result.kind === 'cors' ? 1 : 0;
					tally.unclassified += call.outcome === 'cors' && result.kind === 'error' ? 1 : 0;
					const ok = call.outcome === 'success' ? result.kind === 'success' && result.same === true
						: call.outcome === 'network' ? result.kind === 'error'
							: result.kind === 'cors' && result.code !== 'UNDETERMINED' && call.recorded !== null && support.fitsReason(call.recorded, result);
					tally.agree += ok ? 1 : 0;
				}
				spaRows.push({engine, phase, ...tally});
			}
		} finally {
			await session.close();
		}
		console.error(`accuracy: SPA pass in ${engine} done`);
	}
} finally {
	await spaServer.close();
}

const rate = list => `${list.filter(row => row.ok).length}/${list.length} (${(100 * list.filter(row => row.ok).length / list.length).toFixed(1)}%)`;
const byCase = Map.groupBy(rows, row => row.name);
const header = ['case', ...ENGINES.flatMap(engine => [`${engine}: expected`, 'got', 'probes', 'ms'])];
const lines = [...byCase].map(([name, list]) => [name, ...list.flatMap(row => [row.expected, row.ok ? row.got : `**${row.got}** ✗`, String(row.probes), String(row.ms)])]);
const markdownTable = [header, header.map(() => '---'), ...lines].map(cells => `| ${cells.join(' | ')} |`).join('\n');
const rates = [...ENGINES.map(engine => [engine, rate(rows.filter(row => row.engine === engine))]), ['overall', rate(rows)]];
const misses = rows.filter(row => !row.ok).map(row => `- ${row.engine} \`${row.name}\`: expected ${row.expected}, got ${row.got}${row.unsafe.length > 0 ? `; unsafe probes: ${row.unsafe.join('; ')}` : ''}`);

const version = pkg => {
	try {
		return execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], {encoding: 'utf8'});
	} catch {
		return 'unknown';
	}
};

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${release()}, Node ${process.versions.node}; `
	+ `Chromium ${version('chromium')}, Firefox ESR ${version('firefox-esr')}, WebKitGTK ${version('webkit2gtk-driver')}`;

const doc = `# Classifier accuracy

Generated by \`npm run accuracy\` (\`scripts/accuracy.js\`) on ${new Date().toISOString().slice(0, 10)}. Do not edit by hand.

Every case of \`test/browser/support/classifier-expectations.ts\` (each endpoint of the scenario table, plus the
page-setting cases: CSP, a claimed page origin, probes off, the ky client) runs in each engine with the built bundle
(\`dist/\`), on a fresh \`createCorsFetch\` instance. **expected** is the intended verdict (with the documented engine
differences), **got** what the classifier threw (\`success\`: it resolved; \`network\`: it rethrew the platform's own
error), **probes** the diagnostic requests it sent, **ms** the time from the call to the verdict in the page. A row
agrees when the verdict (and the header or method it names) matches and every probe was safe (GET/HEAD or a preflight,
no body, no secret header value, no cookie the original did not send, within the budget of 8).

Machine: ${machine}.

| engine | agreement |
| --- | --- |
${rates.map(([engine, value]) => `| ${engine} | ${value} |`).join('\n')}

${markdownTable}

${misses.length > 0 ? `## Misses\n\n${misses.join('\n')}\n` : 'No misses.\n'}
## The SPA pass: the default corsFetch, one origin, a burst and then one request after another

One freshly loaded page per engine, the default \`corsFetch\` singleton, one API origin: every scenario endpoint, 30 ids of
one misconfigured route and a refused port, all at once (a bad deploy at page load), then every endpoint again and 10
other ids one after another. A call agrees when a CORS failure gets a code Chromium's recorded CDP reason allows (or, for
a \`possible\` verdict, an alternative it allows), a network failure keeps the platform's error, and a success is the very
Response. **undetermined**: CORS failures answered \`UNDETERMINED\`; **network as CorsError**: network failures turned into
a \`CorsError\`; **platform error kept**: CORS failures left unclassified (the budget could not probe them and nothing the
page learned explained them).

| engine | phase | calls | agree | undetermined | network as CorsError | platform error kept |
| --- | --- | --- | --- | --- | --- | --- |
${spaRows.map(row => `| ${row.engine} | ${row.phase} | ${row.calls} | ${row.agree} | ${row.undetermined} | ${row.networkAsCors} | ${row.unclassified} |`).join('\n')}
`;
writeFileSync(join(root, 'docs/accuracy.md'), doc);

const pad = (text, width) => String(text).padEnd(width);
const widths = [Math.max(...rows.map(row => row.name.length)), 8];
console.log([pad('case', widths[0]), ...ENGINES.map(engine => pad(engine, 44))].join('  '));
for (const [name, list] of byCase) {
	console.log([pad(name, widths[0]), ...list.map(row => pad(`${row.ok ? ' ' : '✗'} ${row.expected} -> ${row.got} (${row.probes} probes, ${row.ms} ms)`, 44))].join('  '));
}

console.log('');
for (const [engine, value] of rates) {
	console.log(`${pad(engine, 9)} ${value}`);
}

for (const row of spaRows) {
	console.log(`SPA ${pad(row.engine, 9)} ${pad(row.phase, 18)} ${row.agree}/${row.calls} agree, ${row.undetermined} undetermined, ${row.networkAsCors} network as CorsError, ${row.unclassified} platform error kept`);
}

console.log('wrote docs/accuracy.md');
