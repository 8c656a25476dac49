import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
// @ts-expect-error a plain JS script without declarations; its functions are documented in the file.
import {collectExamples, compile, RESOLUTIONS, root, writeProject} from '../../scripts/examples.js';

type Example = {origin: string; code: string; documents?: string; file: string};
type ProjectFile = {name: string; origin: string};
const examples = (collectExamples as (input?: object) => Example[]);
const project = writeProject as (directory: string, examples: Example[]) => ProjectFile[];
const check = compile as (directory: string, resolution: string, files: ProjectFile[]) => Promise<string[]>;

// Examples in files this branch may not edit (the lead rewrites src/core and src/client, issue 7). Each entry must
// still fail, so the list cannot rot: once an example is fixed, the test says to remove its entry.
const KNOWN_BROKEN: Array<{file: string; code: string; why: string}> = [];

const isKnownBroken = (example: Example) => KNOWN_BROKEN.some(entry => example.origin.startsWith(`${entry.file}:`) && example.code.includes(entry.code));

describe('every README and JSDoc example compiles against the built package', () => {
	const all = examples();

	test('examples are found in the README and in the JSDoc of every public entry', () => {
		// They compile against dist/: npm test builds it first; a single run needs `npx tsup` before.
		expect(existsSync(path.join(root, 'dist/index.d.ts')), 'dist/ is not built: run npx tsup').toBe(true);
		expect(all.filter(example => example.origin.startsWith('README.md')).length).toBeGreaterThanOrEqual(3);
		expect(all.filter(example => example.origin.startsWith('src/')).length).toBeGreaterThanOrEqual(40);
		expect(all.some(example => example.origin.startsWith('src/node/'))).toBe(true);
	});

	test.each(Object.keys(RESOLUTIONS))('moduleResolution %s', async resolution => {
		const directory = path.join(root, '.tmp', `examples-${resolution}`);
		const files = project(directory, all);
		const errors = await check(directory, resolution, files);
		const failing = new Set(errors.map(line => line.split(' [')[0] ?? line));
		const unexpected = errors.filter(line => {
			const example = all.find(candidate => line.startsWith(`${candidate.origin} [`));
			return !example || !isKnownBroken(example);
		});
		expect(unexpected).toEqual([]);
		for (const entry of KNOWN_BROKEN) {
			expect([...failing].some(origin => origin.startsWith(`${entry.file}:`)), `${entry.file} compiles now: remove it from KNOWN_BROKEN`).toBe(true);
		}
	}, 300_000);
});

describe('a deliberately broken example fails', () => {
	test('in the README and in a JSDoc block, under both resolutions, next to one that compiles', async () => {
		const readme = [
			'```ts',
			'import {isCorsError} from \'cors-doctor\';',
			'declare const caught: unknown;',
			'// UNDETERMINED has no names to push to, and names are readonly.',
			'if (isCorsError(caught, \'UNDETERMINED\')) caught.names.push(\'x-api-key\');',
			'```',
		].join('\n');
		const source = [
			'/**',
			'Compiles.',
			'',
			'@example',
			'```',
			'const error = getCorsError(new Error(\'wrapped\'), \'HEADER_NOT_ALLOWED\');',
			'if (error) console.log(error.names[0].toUpperCase());',
			'```',
			'*/',
			'export const fine = 1;',
			'',
			'/**',
			'Does not: the checker has no `follow` option.',
			'',
			'@example',
			'```',
			'await checkCors(\'https://api.example.com/items\', {origin: \'https://app.example.com\', follow: true});',
			'```',
			'*/',
			'export const broken = 2;',
		].join('\n');
		const fixture = examples({readme, sources: [{file: path.join(root, 'src/node/fixture.ts'), text: source}]});
		expect(fixture.map(example => example.origin)).toEqual(['README.md:1', 'src/node/fixture.ts:4', 'src/node/fixture.ts:15']);
		for (const resolution of Object.keys(RESOLUTIONS)) {
			const directory = path.join(root, '.tmp', `examples-broken-${resolution}`);
			const errors = await check(directory, resolution, project(directory, fixture));
			const origins = new Set(errors.map(line => line.split(' [')[0] ?? line));
			expect([...origins].sort()).toEqual(['README.md:1', 'src/node/fixture.ts:15']);
		}
	}, 300_000);
});
