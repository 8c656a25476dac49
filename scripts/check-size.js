#!/usr/bin/env node
// Size budget check for CI (run after `tsup`): what an app pays, min+gzip, for importing only
// `corsFetch`, and for `createClient` (ky included) against ky on its own. Sizes are
// deterministic, so this is a hard gate; timings are only reported by `npm run bench`.
import {existsSync} from 'node:fs';
import {BUDGETS, distFile, measureImport, measureImportVite, PEERS} from '../bench/lib/bundle-size.js';

const CORS_FETCH_BUDGET = BUDGETS.corsFetch;
const CLIENT_OVER_KY_BUDGET = BUDGETS.clientOverKy;

const index = distFile('index.js');
if (!existsSync(index)) {
	console.error(`check-size: ${index} is missing; build first (npx tsup).`);
	process.exit(1);
}

async function measure(label, source) {
	try {
		return await measureImport(source);
	} catch (error) {
		const detail = error.errors?.map(entry => entry.text).join('; ') ?? error.message;
		console.error(`check-size: cannot bundle ${label}: ${detail}`);
		process.exit(1);
	}
}

const kB = bytes => `${(bytes / 1000).toFixed(2)} kB`;
const corsFetch = await measureImportVite(`import {corsFetch} from ${JSON.stringify(index)}; console.log(corsFetch);`);
const corsFetchEsbuild = await measure('corsFetch', `export {corsFetch} from ${JSON.stringify(index)};`);
const client = await measureImportVite(`import {createClient} from ${JSON.stringify(index)}; console.log(createClient);`);
const ky = await measureImportVite('import ky from "ky"; console.log(ky);');
const clientBudget = ky.gzip + CLIENT_OVER_KY_BUDGET;

const checks = [
	{label: 'import {corsFetch} (Vite)', size: corsFetch.gzip, budget: CORS_FETCH_BUDGET, note: `budget ${kB(CORS_FETCH_BUDGET)}`},
	{label: 'import {corsFetch} (esbuild)', size: corsFetchEsbuild.gzip, budget: BUDGETS.corsFetchEsbuild, note: `budget ${kB(BUDGETS.corsFetchEsbuild)}`},
	{label: 'import {corsFetch}, loaded on the first failure (Vite)', size: corsFetch.diagnosisGzip, budget: BUDGETS.corsFetchLazy, note: `budget ${kB(BUDGETS.corsFetchLazy)}`},
	{label: 'import {createClient} (Vite)', size: client.gzip, budget: clientBudget, note: `budget ky ${kB(ky.gzip)} + ${kB(CLIENT_OVER_KY_BUDGET)}`},
];

let failed = false;
for (const {label, size, budget, note} of checks) {
	const ok = size <= budget;
	failed ||= !ok;
	console.log(`check-size: ${ok ? 'ok  ' : 'FAIL'} ${label}: ${kB(size)} min+gzip (${note}${ok ? '' : `, over by ${size - budget} bytes`})`);
}

if (failed) {
	console.error('check-size: a bundle-size budget is exceeded (see docs/benchmarks.md); shrink the import or justify a new budget.');
	process.exit(1);
}
