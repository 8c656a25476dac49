import {defineConfig} from 'tsup';

// One ESM build with code splitting, so every entry shares one copy of the spec core and of
// CorsError. Kept to standard options so a move to tsdown is mechanical (tsup is unmaintained).
export default defineConfig({
	entry: {
		index: 'src/index.ts',
		node: 'src/node.ts',
		cli: 'src/cli.ts',
	},
	format: ['esm'],
	target: 'es2022',
	platform: 'neutral',
	external: ['ky', /^node:/],
	splitting: true,
	treeshake: true,
	dts: {entry: {index: 'src/index.ts', node: 'src/node.ts'}},
	clean: true,
});
