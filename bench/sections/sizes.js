// Section 2: what an app pays for each import (esbuild bundle + minify, gzip -9), next to ky,
// ofetch and axios measured in the same run. The budgets are enforced by scripts/check-size.js.
import {readFileSync, existsSync} from 'node:fs';
import path from 'node:path';
import {BUDGETS, PEERS, measureImport, resolvable, root} from '../lib/bundle-size.js';
import {kB, table} from '../lib/markdown.js';


function entryPoints() {
	const {exports: map} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	return Object.entries(map)
		.filter(([, target]) => typeof target === 'object')
		.map(([subpath, target]) => ({
			specifier: `cors-doctor${subpath.slice(1)}`,
			file: path.join(root, target.default),
			// `browser: null` marks a Node-only entry: bundle it for Node.
			platform: target.browser === null ? 'node' : 'browser',
		}));
}

export async function measureSizes() {
	const rows = [];
	const measure = async (label, source, platform = 'browser') => {
		try {
			rows.push({label, ...(await measureImport(source, {platform})), platform});
		} catch (error) {
			rows.push({label, error: error.errors?.[0]?.text ?? error.message});
		}
	};

	const index = path.join(root, 'dist/index.js');
	await measure('cors-doctor: `import {corsFetch}`', `export {corsFetch} from ${JSON.stringify(index)};`);
	await measure('cors-doctor: `import {createClient}`', `export {createClient} from ${JSON.stringify(index)};`);
	for (const entry of entryPoints()) {
		if (existsSync(entry.file)) {
			await measure(`${entry.specifier}: everything (\`export *\`)`, `export * from ${JSON.stringify(entry.file)};`, entry.platform);
		}
	}

	for (const peer of PEERS) {
		if (resolvable(peer.name)) {
			await measure(`${peer.name} (peer)`, peer.source);
		} else {
			rows.push({label: `${peer.name} (peer)`, error: 'not installed'});
		}
	}

	return rows;
}

/** @param {Awaited<ReturnType<typeof measureSizes>>} rows */
export function formatSizes(rows) {
	const ky = rows.find(row => row.label === 'ky (peer)')?.gzip;
	const budgets = {
		'cors-doctor: `import {corsFetch}`': BUDGETS.corsFetch,
		'cors-doctor: `import {createClient}`': ky === undefined ? undefined : ky + BUDGETS.clientOverKy,
	};
	const body = rows.map(row => {
		if (row.error) {
			return [row.label, '-', '-', row.error, ''];
		}

		const budget = budgets[row.label];
		const status = budget === undefined ? '' : `${kB(budget)}: ${row.gzip <= budget ? 'ok' : '**OVER**'}`;
		return [row.label, kB(row.min), `**${kB(row.gzip)}**`, row.platform === 'node' ? 'bundled for Node' : '', status];
	});
	return [
		'## 2. Bundle sizes',
		'',
		'esbuild bundle + minify (`format: esm`, browser platform unless noted), then gzip -9. Budgets (enforced in CI by `scripts/check-size.js`): `corsFetch` <= 3.00 kB; `createClient` <= ky + 3.00 kB.',
		'',
		table(['import', 'min', 'min+gzip', 'note', 'budget'], body),
	].join('\n');
}
