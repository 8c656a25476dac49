#!/usr/bin/env node
// Regenerates the hints-derived parts of docs/ from the built catalog (run `npx tsup` first):
// the "Fixes per stack", "Check first", "Security notes" and "File uploads" block of each docs/errors/<CODE>.md,
// and docs/stacks.md. test/docs/hints-docs.test.ts fails when the committed pages differ from this output.
import {readFileSync, writeFileSync} from 'node:fs';
import {CORS_CODES} from '../dist/index.js';
import {getFixes, STACKS} from '../dist/hints.js';
import {errorPageBlock, stacksPage, withBlock} from './lib/hints-docs.js';

const docs = new URL('../docs/', import.meta.url);
let changed = 0;
const write = (url, text) => {
	if (readFileSync(url, 'utf8') !== text) {
		writeFileSync(url, text);
		changed++;
	}
};

for (const code of CORS_CODES) {
	const url = new URL(`errors/${code}.md`, docs);
	write(url, withBlock(readFileSync(url, 'utf8'), errorPageBlock(code, {getFixes, STACKS})));
}

const stacks = new URL('stacks.md', docs);
try {
	readFileSync(stacks);
} catch {
	writeFileSync(stacks, '');
}

write(stacks, stacksPage({STACKS}));
console.log(`gen-docs: ${changed} page(s) updated`);
