import {describe, expect, test} from 'vitest';
// @ts-expect-error a plain JS module shared with scripts/check-size.js and the bench (one measurement, one budget).
import {BUDGETS, measureImport, measureImportVite} from '../../bench/lib/bundle-size.js';

type Measured = {gzip: number; lazyGzip: number; diagnosisGzip: number; eager: string; lazy: string};
const measure = measureImport as (source: string) => Promise<Measured>;
const budgets = BUDGETS as {corsFetch: number; corsFetchEsbuild: number; corsFetchLazy: number; clientOverKy: number};
const measureVite = measureImportVite as (source: string) => Promise<Measured>;

// ky's own strings: present whenever any of ky's code is bundled.
const KY_MARKERS = ['The `prefixUrl` option has been renamed', 'beforeError'];

describe('browser bundle', () => {
	test('a corsFetch-only import is ky-free, loads within budget eagerly, and defers the diagnosis to a chunk', async () => {
		const {gzip, diagnosisGzip, eager, lazy} = await measureVite(`import {corsFetch} from ${JSON.stringify(new URL('../../src/index.ts', import.meta.url).pathname)}; console.log(corsFetch);`);
		for (const marker of KY_MARKERS) {
			expect(eager + lazy).not.toContain(marker);
		}
		expect(gzip).toBeLessThanOrEqual(budgets.corsFetch);
		// esbuild loads more eagerly (see BUDGETS): guarded against growth all the same.
		expect((await measure('import {corsFetch} from \'./src/index\'; console.log(corsFetch);')).gzip).toBeLessThanOrEqual(budgets.corsFetchEsbuild);
		// The probes and the decision table are not in the eager chunk, but they are bundled (loaded on the first failure).
		expect(eager).not.toContain('cors-doctor-probe');
		expect(lazy).toContain('cors-doctor-probe');
		// Pin the on-demand part too, so it cannot grow unnoticed.
		expect(diagnosisGzip).toBeLessThanOrEqual(budgets.corsFetchLazy);
	}, 30_000);

	test('control: importing createClient does pull ky in (the markers work)', async () => {
		const {eager} = await measure('import {createClient} from \'./src/index\'; console.log(createClient);');
		for (const marker of KY_MARKERS) {
			expect(eager).toContain(marker);
		}
	}, 30_000);
});
