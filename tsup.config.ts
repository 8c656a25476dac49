import {defineConfig} from 'tsup';

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
	dts: {entry: {index: 'src/index.ts', hints: 'src/hints.ts', node: 'src/node.ts', server: 'src/server.ts', dev: 'src/dev.ts', vite: 'src/vite.ts', playwright: 'src/playwright.ts', sentry: 'src/sentry.ts', otel: 'src/otel.ts', testing: 'src/testing.ts', clients: 'src/clients.ts'}},
	clean: true,
});
