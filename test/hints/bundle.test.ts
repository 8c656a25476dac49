import {describe, expect, test} from 'vitest';
// @ts-expect-error a plain JS module shared with scripts/check-size.js and the bench.
import {measureImportVite} from '../../bench/lib/bundle-size.js';

// Text only the hints catalog, its renderers and the user messages hold.
const HINTS_MARKERS = ['Never reflect an arbitrary', 'keepHeadersOnError', 'UrlBasedCorsConfigurationSource', 'a service it relies on refused'];

type Measured = {eager: string; lazy: string; diagnosisGzip: number};
const measure = measureImportVite as (source: string) => Promise<Measured>;
const index = JSON.stringify(new URL('../../src/index.ts', import.meta.url).pathname);

describe('the hints catalog stays out of the browser core', () => {
	test.each(['corsFetch', 'createClient', 'CorsError', 'diagnose'])('importing %s loads no catalog text eagerly (only CorsError#fixes() loads it, on demand)', async name => {
		const {eager} = await measure(`import {${name}} from ${index}; console.log(${name});`);
		for (const marker of HINTS_MARKERS) expect(eager, marker).not.toContain(marker);
	}, 60_000);

	test('the catalog is a chunk of its own, loaded on demand: the markers are real', async () => {
		const {eager, lazy} = await measure(`import {CorsError} from ${index}; console.log(CorsError);`);
		for (const marker of HINTS_MARKERS) {
			expect(eager, marker).not.toContain(marker);
			expect(lazy, marker).toContain(marker);
		}
	}, 60_000);
});
