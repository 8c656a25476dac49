import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {getFixes} from '../../src/hints';

// docs/hints.md is the API reference of cors-doctor/hints: it must name every export and every field a caller gets.
const doc = readFileSync(new URL('../../docs/hints.md', import.meta.url), 'utf8');
const entry = readFileSync(new URL('../../src/hints.ts', import.meta.url), 'utf8');
const exported = [...entry.matchAll(/^export (?:type )?\{([^}]+)\}/gm)].flatMap(match => match[1]!.split(',').map(name => name.trim()).filter(Boolean));

describe('docs/hints.md', () => {
	it('documents every export of src/hints.ts', () => {
		expect(exported.length).toBeGreaterThan(10);
		for (const name of exported) expect(doc, name).toContain(`\`${name}`);
	});

	it('has a row for every field of a real Fixes object, and no stale one', () => {
		const fixes = getFixes({code: 'HEADER_NOT_ALLOWED', origin: 'https://app.test', method: 'PUT', alternatives: [{code: 'PREFLIGHT_REJECTED'}]});
		const table = doc.slice(doc.indexOf('### `Fixes`'), doc.indexOf('## `describe'));
		const rows = [...table.matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map(match => match[1]);
		expect(rows.sort()).toEqual(Object.keys(fixes).sort());
	});
});
