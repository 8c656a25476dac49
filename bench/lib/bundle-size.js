// Measures what an app pays for an import: esbuild bundle + minify for the browser, then
// gzip -9, the way bundlers and size-limit tools report "min+gzip".
import {gzipSync} from 'node:zlib';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import * as esbuild from 'esbuild';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The size budgets, min+gzip bytes, in one place: scripts/check-size.js (the CI gate), test/core/bundle.test.ts and the
 * bench report all read them from here.
 */
export const BUDGETS = {
	/** What `import {corsFetch}` loads eagerly. */
	corsFetch: 3000,
	/** The diagnosis corsFetch loads with `import()` on the first failure (measured ~6 kB). */
	corsFetchLazy: 6500,
	/** What `import {createClient}` adds on top of ky alone. */
	clientOverKy: 3000,
};

/**
 * Bundles `source` (an ES module that re-exports what an app would import) the way an app's bundler would, with code
 * splitting, and returns its sizes. `gzip`/`min` count what the app loads eagerly (the entry chunk and every chunk it
 * imports statically); `lazyGzip` counts chunks loaded only through dynamic `import()` (cors-doctor loads its diagnosis
 * on the first failure). Each chunk is gzipped on its own, as it is served. `eager`/`lazy` are the code itself, for
 * tests that look for what must (not) be in each part.
 * @param {string} source
 * @param {{platform?: 'browser' | 'node'}} [options]
 * @returns {Promise<{min: number, gzip: number, lazyGzip: number, eager: string, lazy: string}>}
 */
export async function measureImport(source, {platform = 'browser'} = {}) {
	const result = await esbuild.build({
		stdin: {contents: source, resolveDir: root, sourcefile: 'size-entry.js'},
		bundle: true,
		minify: true,
		format: 'esm',
		splitting: true,
		outdir: path.join(root, '.tmp', 'size'),
		metafile: true,
		platform,
		write: false,
		logLevel: 'silent',
		// The node entry's own node: imports stay external, as they would in any Node bundle.
		external: platform === 'node' ? ['node:*'] : [],
	});
	const files = new Map(result.outputFiles.map(file => [path.relative(root, file.path).replaceAll('\\', '/'), file.contents]));
	const outputs = result.metafile.outputs;
	const entry = Object.keys(outputs).find(name => outputs[name].entryPoint !== undefined);
	const eager = new Set();
	const visit = name => {
		if (eager.has(name)) {
			return;
		}
		eager.add(name);
		for (const imported of outputs[name].imports) {
			if (imported.kind === 'import-statement' && !imported.external) {
				visit(imported.path);
			}
		}
	};
	visit(entry);
	let min = 0;
	let gzip = 0;
	let lazyGzip = 0;
	const eagerCode = [];
	const lazyCode = [];
	for (const [name, code] of files) {
		if (!name.endsWith('.js')) {
			continue;
		}
		const size = gzipSync(code, {level: 9}).byteLength;
		if (eager.has(name)) {
			min += code.byteLength;
			gzip += size;
			eagerCode.push(Buffer.from(code).toString('utf8'));
		} else {
			lazyGzip += size;
			lazyCode.push(Buffer.from(code).toString('utf8'));
		}
	}
	return {min, gzip, lazyGzip, eager: eagerCode.join('\n'), lazy: lazyCode.join('\n')};
}

/**
 * The file a module specifier resolves to from the project root, or undefined when it is not
 * installed (ofetch and axios are dev-only comparisons).
 * @param {string} specifier
 */
export function resolvable(specifier) {
	try {
		return createRequire(path.join(root, 'package.json')).resolve(specifier);
	} catch {
		return undefined;
	}
}

/** Absolute import path of a built file in dist/, as esbuild and import() accept it. */
export function distFile(name) {
	return path.join(root, 'dist', name).replaceAll('\\', '/');
}

/** Peers measured in the same run, so ratios do not depend on numbers from another machine. */
export const PEERS = [
	{name: 'ky', source: 'export {default} from "ky";'},
	{name: 'ofetch', source: 'export {ofetch} from "ofetch";'},
	{name: 'axios', source: 'export {default} from "axios";'},
];
