// A production build (`vite build`) with the plugin in the config: the app bundles cors-doctor, and none of the relay.
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {build} from 'vite';
import {afterAll, expect, test} from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'cors-doctor-vite-build-'));

afterAll(() => {
	rmSync(dir, {recursive: true, force: true});
});

test('vite build output contains the library and no relay code', async () => {
	const {default: corsDoctor, RELAY_PATH} = await import('../../dist/vite.js') as typeof import('../../src/vite');
	const plugin = corsDoctor({origins: ['http://127.0.0.1:8080']});
	expect(plugin.apply).toBe('serve');
	let configured = false;
	writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
	writeFileSync(join(dir, 'main.js'), `import {corsFetch, getCorsError} from ${JSON.stringify(join(ROOT, 'dist/index.js'))};
corsFetch('http://127.0.0.1:8080/items').catch(error => console.log(getCorsError(error)?.code));`);
	await build({
		root: dir,
		configFile: false,
		logLevel: 'silent',
		build: {outDir: join(dir, 'out'), minify: false},
		plugins: [{...plugin, configureServer(server: Parameters<typeof plugin.configureServer>[0]) {
			configured = true;
			plugin.configureServer(server);
		}}],
	});
	const walk = (folder: string): string[] => readdirSync(folder, {withFileTypes: true}).flatMap(entry => entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]);
	const output = walk(join(dir, 'out')).filter(file => file.endsWith('.js')).map(file => readFileSync(file, 'utf8')).join('\n');
	expect(configured).toBe(false);
	// The library is there (its option validation text), the relay is not.
	expect(output).toContain('option must be');
	// The classifier only calls a hook the plugin installs on dev pages: no relay client, path or checker ships (the hints
	// catalog, loaded by CorsError#fixes(), may name checkCors in a message: the checker's own code is what must not ship).
	for (const needle of [RELAY_PATH, '__cors-doctor', 'askRelay', 'CheckNetworkError', 'node:']) {
		expect(output).not.toContain(needle);
	}
});
