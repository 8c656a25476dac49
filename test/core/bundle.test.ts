import {gzipSync} from 'node:zlib';
import {build} from 'esbuild';
import {describe, expect, test} from 'vitest';

/**
Bundles `contents` the way an app's bundler would (esbuild, minified ESM for the browser, code splitting on) and returns
the chunk the app loads eagerly and the chunks it loads only on demand (dynamic imports).
*/
const bundle = async (contents: string): Promise<{eager: string; lazy: string[]}> => {
	const result = await build({
		stdin: {contents, resolveDir: new URL('../..', import.meta.url).pathname, loader: 'ts'},
		bundle: true,
		minify: true,
		splitting: true,
		outdir: 'out',
		format: 'esm',
		platform: 'browser',
		write: false,
		logLevel: 'silent',
	});
	const [entry, ...rest] = result.outputFiles.filter(file => file.path.endsWith('.js'));
	// The entry is the stdin chunk; any chunk it imports statically is eager too.
	const eager = [entry!.text, ...rest.filter(file => entry!.text.includes(`from"./${file.path.split('/').pop()}"`)).map(file => file.text)];
	const lazy = rest.filter(file => !eager.includes(file.text)).map(file => file.text);
	return {eager: eager.join('\n'), lazy};
};

const gzipSize = (code: string): number => gzipSync(code, {level: 9}).length;

// ky's own strings: present whenever any of ky's code is bundled.
const KY_MARKERS = ['The `prefixUrl` option has been renamed', 'beforeError'];

describe('browser bundle', () => {
	test('a corsFetch-only import is ky-free, loads <= 3.0 kB eagerly, and defers the diagnosis to a chunk', async () => {
		const {eager, lazy} = await bundle('import {corsFetch} from \'./src/index\'; console.log(corsFetch);');
		for (const marker of [...KY_MARKERS]) {
			expect(eager + lazy.join('')).not.toContain(marker);
		}
		expect(gzipSize(eager)).toBeLessThanOrEqual(3000);
		// The probes and the decision table are not in the eager chunk, but they are bundled (loaded on the first failure).
		expect(eager).not.toContain('cors-doctor-probe');
		expect(lazy.join('')).toContain('cors-doctor-probe');
		// Pin the on-demand part too, so it cannot grow unnoticed (measured 7.0 kB with the memory, the early decision and the alternatives' texts).
		expect(gzipSize(lazy.join('\n'))).toBeLessThanOrEqual(7500);
	}, 30_000);

	test('control: importing createClient does pull ky in (the markers work)', async () => {
		const {eager} = await bundle('import {createClient} from \'./src/index\'; console.log(createClient);');
		for (const marker of KY_MARKERS) {
			expect(eager).toContain(marker);
		}
	}, 30_000);
});
