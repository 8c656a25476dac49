import {build} from 'esbuild';
import {describe, expect, test} from 'vitest';

// Text only the hints catalog, its renderers and the user messages hold.
const HINTS_MARKERS = ['Never reflect an arbitrary', 'keepHeadersOnError', 'UrlBasedCorsConfigurationSource', 'a service it relies on refused'];

const bundled = async (contents: string): Promise<string> => {
	const result = await build({
		stdin: {contents, resolveDir: new URL('../..', import.meta.url).pathname, loader: 'ts'},
		bundle: true, minify: true, splitting: true, outdir: 'out', format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
	});
	return result.outputFiles.map(file => file.text).join('\n');
};

describe('the hints catalog stays out of the browser core', () => {
	test.each(['corsFetch', 'createClient', 'CorsError', 'diagnose'])('importing %s bundles no catalog text, eager or lazy', async name => {
		const code = await bundled(`import {${name}} from './src/index'; console.log(${name});`);
		for (const marker of HINTS_MARKERS) expect(code, marker).not.toContain(marker);
	});

	test('importing cors-doctor/hints does bundle it (the markers are real)', async () => {
		const code = await bundled('import {getFixes, describe} from \'./src/hints\'; console.log(getFixes, describe);');
		for (const marker of HINTS_MARKERS) expect(code, marker).toContain(marker);
	});
});
