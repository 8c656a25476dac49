import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {CORS_CODES} from '../../src/codes';
import {getFixes, STACKS} from '../../src/hints';
// @ts-expect-error: a plain JS module shared with scripts/gen-docs.js (no types needed for three functions).
import {END, errorPageBlock, stacksPage, START, withBlock} from '../../scripts/lib/hints-docs.js';

// The generated blocks must equal what the catalog renders now: a catalog change without `node scripts/gen-docs.js`
// (after `npx tsup`) fails here, so the pages never drift from getFixes.
const docs = new URL('../../docs/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, docs), 'utf8');

describe.each(CORS_CODES.map(code => [code] as const))('docs/errors/%s.md', code => {
	const page = read(`errors/${code}.md`);

	it('has its per-stack fixes and security notes generated from the catalog, unchanged since', () => {
		expect(page).toContain(START);
		expect(page).toContain(END);
		expect(withBlock(page, errorPageBlock(code, {getFixes, STACKS})), 'run: npx tsup && node scripts/gen-docs.js').toBe(page);
		expect(page).toContain('## Security notes');
		expect(page).toMatch(/### Express \(cors\)|\*\*Not applicable to any server stack\*\*/);
	});
});

describe('docs/stacks.md', () => {
	it('is the generated table of every stack and how it is verified', () => {
		expect(read('stacks.md'), 'run: npx tsup && node scripts/gen-docs.js').toBe(stacksPage({STACKS}));
		for (const stack of Object.values(STACKS)) {
			if (stack.verified === 'docs') expect(stack.docs, stack.id).toMatch(/^https:\/\//);
		}
	});
});
