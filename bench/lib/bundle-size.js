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
	/** What `import {corsFetch}` loads eagerly, bundled by Vite (measureImportVite; measured 2.34 kB). */
	corsFetch: 3000,
	/**
	 * The same through esbuild (measureImport), which also loads eagerly the CorsError class and its texts that only the lazy
	 * diagnosis uses, because the entry re-exports them (measured 4.15 kB with CorsError#fixes()): a regression guard, not the user's cost in Vite.
	 */
	corsFetchEsbuild: 4500,
	/** What corsFetch loads with `import()` on the first failure, through Vite: the diagnosis (measured 9.4 kB). */
	corsFetchLazy: 10_000,
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

/**
 * The same measurement through Vite (Rolldown/Rollup), the bundler most apps use: what an app pays eagerly for `source`
 * and what it loads only through `import()`. esbuild's code splitting puts every module that the entry re-exports and a
 * lazy chunk also imports into a shared chunk the entry loads eagerly, even when the app never uses the re-export (here:
 * the CorsError class and its message table, which only the lazily loaded diagnosis builds); Rollup-style tree shaking
 * keeps them lazy. Both are reported; the budgets say which gates which.
 * @param {string} source
 * @returns {Promise<{gzip: number, lazyGzip: number, diagnosisGzip: number, eager: string, lazy: string}>}
 */
export async function measureImportVite(source) {
	const {mkdtempSync, writeFileSync, rmSync, mkdirSync} = await import('node:fs');
	const {build} = await import('vite');
	mkdirSync(path.join(root, '.tmp'), {recursive: true});
	const dir = mkdtempSync(path.join(root, '.tmp', 'vite-size-'));
	try {
		const entry = path.join(dir, 'entry.js');
		writeFileSync(entry, `${source}\n`);
		const result = await build({
			root: dir,
			configFile: false,
			logLevel: 'silent',
			build: {write: false, minify: true, modulePreload: false, copyPublicDir: false, rollupOptions: {input: entry, preserveEntrySignatures: 'strict'}},
		});
		const chunks = (Array.isArray(result) ? result : [result]).flatMap(output => output.output).filter(item => item.type === 'chunk');
		const byName = new Map(chunks.map(chunk => [chunk.fileName, chunk]));
		const eager = new Set();
		const visit = name => {
			if (!eager.has(name) && byName.has(name)) {
				eager.add(name);
				for (const imported of byName.get(name).imports) {
					visit(imported);
				}
			}
		};
		visit(chunks.find(chunk => chunk.isEntry).fileName);
		// What the first failure loads: the diagnosis chunk and what it imports statically (not the development-only
		// chunks it imports on demand, nor the hints catalog that CorsError#fixes() loads only when asked).
		const diagnosis = new Set();
		const visitDiagnosis = name => {
			if (!eager.has(name) && !diagnosis.has(name) && byName.has(name)) {
				diagnosis.add(name);
				for (const imported of byName.get(name).imports) {
					visitDiagnosis(imported);
				}
			}
		};
		const failure = chunks.find(chunk => chunk.moduleIds.some(id => /core[\\/]failure\.[jt]s$/.test(id)));
		if (failure) {
			visitDiagnosis(failure.fileName);
		}
		let gzip = 0;
		let lazyGzip = 0;
		let diagnosisGzip = 0;
		const code = {eager: [], lazy: []};
		for (const chunk of chunks) {
			const size = gzipSync(chunk.code, {level: 9}).byteLength;
			if (eager.has(chunk.fileName)) {
				gzip += size;
				code.eager.push(chunk.code);
			} else {
				lazyGzip += size;
				code.lazy.push(chunk.code);
				if (diagnosis.has(chunk.fileName)) {
					diagnosisGzip += size;
				}
			}
		}
		return {gzip, lazyGzip, diagnosisGzip, eager: code.eager.join('\n'), lazy: code.lazy.join('\n')};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
