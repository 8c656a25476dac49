import {readFileSync} from 'node:fs';
import {defineConfig} from 'vitest/config';

const {version} = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {version: string};

export default defineConfig({
	// The same build-time constant tsup injects (src/errors/docs-url.ts), so tests see the links users get.
	define: {__CORS_DOCTOR_VERSION__: JSON.stringify(version)},
	test: {
		include: ['test/**/*.test.ts'],
		// Real-browser and server suites start processes; keep them from starving the 2-core CI box.
		fileParallelism: true,
		maxWorkers: 2,
		testTimeout: 20_000,
		hookTimeout: 120_000,
	},
});
