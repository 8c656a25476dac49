import {readFileSync} from 'node:fs';
import {defineConfig} from 'tsup';

const {version} = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {version: string};

// One output file per source file (like ky's plain tsc build), not bundled chunks: an app's bundler then tree-shakes
// per module with `sideEffects: false`, and the diagnosis that corsFetch loads with `import()` on the first failure
// stays out of the app's initial bundle (a bundled chunk made it eager through shared-chunk imports).
// Kept to standard options so a move to tsdown is mechanical (tsup is unmaintained).
export default defineConfig({
	entry: ['src/**/*.ts'],
	format: ['esm'],
	target: 'es2022',
	platform: 'neutral',
	bundle: false,
	sourcemap: true,
	// Pins docs links to this release (src/errors/docs-url.ts); vitest.config.ts defines the same.
	define: {__CORS_DOCTOR_VERSION__: JSON.stringify(version)},
	// Declarations come from tsc, one .d.ts per source file with stable names (tsup's dts bundler emits hashed
	// `types-*.d.ts` chunks); every entry in package.json `exports` therefore has its own declaration file.
	// Through node and the local path: tsup is also run without node_modules/.bin on PATH (test/cli/cli.test.ts).
	onSuccess: 'node node_modules/typescript/bin/tsc -p tsconfig.build.json',
	clean: true,
});
