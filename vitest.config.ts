import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		// Real-browser and server suites start processes; keep them from starving the 2-core CI box.
		fileParallelism: true,
		maxWorkers: 2,
		testTimeout: 20_000,
		hookTimeout: 120_000,
	},
});
