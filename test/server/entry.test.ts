import {readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {describe, expect, test} from 'vitest';

const src = join(import.meta.dirname, '../../src');

// Every module a source file reaches through relative imports (static and dynamic), as paths under src/.
function graph(entry: string, seen = new Set<string>()): Set<string> {
	if (seen.has(entry)) {
		return seen;
	}

	seen.add(entry);
	const text = readFileSync(entry, 'utf8');
	for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
		graph(resolve(dirname(entry), match[1]!.replace(/\.js$/, '.ts')), seen);
	}

	return seen;
}

describe('cors-doctor/server stays out of the browser entry', () => {
	test('src/index.ts never reaches src/server/ or src/server.ts', () => {
		const reached = [...graph(join(src, 'index.ts'))].map(path => path.slice(src.length + 1));
		expect(reached.length).toBeGreaterThan(5);
		expect(reached.filter(path => path.startsWith('server'))).toEqual([]);
	});

	test('src/server.ts imports nothing from node: (Hono runs it on workers, whose bundlers use the browser condition)', () => {
		for (const path of graph(join(src, 'server.ts'))) {
			// Comments hold usage examples that do import node:http; only the code counts.
			const code = readFileSync(path, 'utf8').replaceAll(/\/\*[\s\S]*?\*\//g, '');
			expect(code, path).not.toMatch(/from\s+['"]node:/);
		}
	});

	test('package.json exports ./server and its declaration is built', () => {
		const manifest = JSON.parse(readFileSync(join(src, '../package.json'), 'utf8')) as {exports: Record<string, unknown>};
		expect(manifest.exports['./server']).toEqual({types: './dist/server.d.ts', default: './dist/server.js'});
		// tsc writes one declaration per source file (tsconfig.build.json), so every entry gets its own.
		expect(readFileSync(join(src, '../tsconfig.build.json'), 'utf8')).toContain('"include": ["src"]');
	});
});
