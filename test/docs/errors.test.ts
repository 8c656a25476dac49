import {readdirSync, readFileSync, existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CODE_INFO, CORS_CODES, type CorsCode} from '../../src/codes';

// The pages are a public contract: CorsError.docsUrl and `cors-doctor check` link to docs/errors/<CODE>.md.
const dir = fileURLToPath(new URL('../../docs/errors/', import.meta.url));
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const pageFiles = readdirSync(dir).filter(file => file.endsWith('.md') && file !== 'README.md');
const index = read('README.md');

const REQUIRED_SECTIONS = ['What the browser says', 'Why it happens', 'Fix', 'How cors-doctor detects it'];

/** The text under one `## ` heading, up to the next one. */
const section = (markdown: string, title: string): string | undefined => {
	const parts = markdown.split(/^## /m);
	const found = parts.find(part => part.startsWith(`${title}\n`));
	return found?.slice(title.length + 1);
};

// Every Chromium DevTools `Network.CorsError` name, current and removed, with the code whose page must name it
// (research/taxonomy.md "Coverage check"): a reader who copies the name from DevTools must land on a page that shows it.
const CHROMIUM_REASONS: ReadonlyArray<readonly [string, CorsCode]> = [
	['MissingAllowOriginHeader', 'ALLOW_ORIGIN_MISSING'],
	['PreflightMissingAllowOriginHeader', 'ALLOW_ORIGIN_MISSING'],
	['AllowOriginMismatch', 'ALLOW_ORIGIN_MISMATCH'],
	['PreflightAllowOriginMismatch', 'ALLOW_ORIGIN_MISMATCH'],
	['InvalidAllowOriginValue', 'ALLOW_ORIGIN_INVALID'],
	['PreflightInvalidAllowOriginValue', 'ALLOW_ORIGIN_INVALID'],
	['MultipleAllowOriginValues', 'ALLOW_ORIGIN_MULTIPLE'],
	['PreflightMultipleAllowOriginValues', 'ALLOW_ORIGIN_MULTIPLE'],
	['WildcardOriginNotAllowed', 'WILDCARD_ORIGIN_WITH_CREDENTIALS'],
	['PreflightWildcardOriginNotAllowed', 'WILDCARD_ORIGIN_WITH_CREDENTIALS'],
	['InvalidAllowCredentials', 'ALLOW_CREDENTIALS_MISSING'],
	['PreflightInvalidAllowCredentials', 'ALLOW_CREDENTIALS_MISSING'],
	['PreflightInvalidStatus', 'PREFLIGHT_STATUS'],
	['PreflightDisallowedRedirect', 'PREFLIGHT_REDIRECT'],
	['InvalidResponse', 'PREFLIGHT_NETWORK_ERROR'],
	['MethodDisallowedByPreflightResponse', 'METHOD_NOT_ALLOWED'],
	['HeaderDisallowedByPreflightResponse', 'HEADER_NOT_ALLOWED'],
	['InvalidAllowMethodsPreflightResponse', 'ALLOW_METHODS_INVALID'],
	['InvalidAllowHeadersPreflightResponse', 'ALLOW_HEADERS_INVALID'],
	['RedirectContainsCredentials', 'REDIRECT_HAS_USERINFO'],
	['CorsDisabledScheme', 'SCHEME_NOT_SUPPORTED'],
	['DisallowedByMode', 'MODE_SAME_ORIGIN'],
	['NoCorsRedirectModeNotFollow', 'NO_CORS_REDIRECT_MODE'],
	['LocalNetworkAccessPermissionDenied', 'LOCAL_NETWORK_ACCESS'],
	['InsecureLocalNetwork', 'LOCAL_NETWORK_ACCESS'],
	['InvalidLocalNetworkAccess', 'LOCAL_NETWORK_ACCESS'],
	['PreflightMissingAllowExternal', 'LOCAL_NETWORK_ACCESS'],
	['PreflightInvalidAllowExternal', 'LOCAL_NETWORK_ACCESS'],
	['InsecurePrivateNetwork', 'LOCAL_NETWORK_ACCESS'],
	['InvalidPrivateNetworkAccess', 'LOCAL_NETWORK_ACCESS'],
	['UnexpectedPrivateNetworkAccess', 'LOCAL_NETWORK_ACCESS'],
	['PreflightMissingAllowPrivateNetwork', 'LOCAL_NETWORK_ACCESS'],
	['PreflightInvalidAllowPrivateNetwork', 'LOCAL_NETWORK_ACCESS'],
	['PreflightMissingPrivateNetworkAccessId', 'LOCAL_NETWORK_ACCESS'],
	['PreflightMissingPrivateNetworkAccessName', 'LOCAL_NETWORK_ACCESS'],
	['PrivateNetworkAccessPermissionUnavailable', 'LOCAL_NETWORK_ACCESS'],
	['PrivateNetworkAccessPermissionDenied', 'LOCAL_NETWORK_ACCESS'],
];

describe.each(CORS_CODES.map(code => [code] as const))('docs/errors/%s.md', code => {
	const file = `${code}.md`;
	const page = existsSync(join(dir, file)) ? read(file) : '';

	it('exists and starts with the code as its title', () => {
		expect(page, `missing docs/errors/${file}`).not.toBe('');
		expect(page.split('\n')[0]).toBe(`# ${code}`);
	});

	it('has a one-sentence meaning right under the title', () => {
		const meaning = page.split('\n')[2] ?? '';
		expect(meaning).toMatch(/^[A-Z`].+\.$/);
	});

	it('states the class and kind that src/codes.ts declares', () => {
		const [codeClass, kind] = CODE_INFO[code];
		const match = /^\*\*Class:\*\* ([a-z-]+) · \*\*Kind:\*\* (exact|inferred|static)\b/m.exec(page);
		expect(match?.slice(1)).toEqual([codeClass, kind]);
	});

	it.each(REQUIRED_SECTIONS)('has the section "%s" with content', title => {
		const body = section(page, title);
		expect(body, `no "## ${title}"`).toBeDefined();
		expect(body!.trim().length).toBeGreaterThan(40);
	});

	it('quotes each engine in "What the browser says"', () => {
		const body = section(page, 'What the browser says') ?? '';
		for (const engine of ['**Chromium**', '**Firefox**', '**WebKit**']) expect(body).toContain(engine);
	});

	it('gives an Express and an nginx example in "Fix"', () => {
		const body = section(page, 'Fix') ?? '';
		expect(body).toContain('Express');
		expect(body).toContain('nginx');
	});

	it('explains detection in the way its kind allows', () => {
		const body = section(page, 'How cors-doctor detects it') ?? '';
		const [, kind] = CODE_INFO[code];
		const label = {exact: '**Exact**', inferred: '**Inferred**', static: '**Static**'}[kind];
		expect(body).toContain(label);
	});

	it('only links to pages that exist', () => {
		const targets = [...page.matchAll(/\]\(([^)#]+\.md)\)/g)].map(match => match[1]!);
		for (const target of targets) expect(existsSync(join(dir, target)), `${file} links to ${target}`).toBe(true);
	});
});

describe('inferred pages name the exact codes they stand for', () => {
	const inferred = CORS_CODES.filter(code => CODE_INFO[code][1] === 'inferred' && code !== 'UNDETERMINED');

	it.each(inferred)('%s links to at least one exact code', code => {
		const linked = [...read(`${code}.md`).matchAll(/\]\(([A-Z_]+)\.md\)/g)].map(match => match[1] as CorsCode);
		expect(linked.filter(target => CODE_INFO[target]?.[1] === 'exact')).not.toHaveLength(0);
	});
});

describe('docs/errors/README.md index', () => {
	const rows = [...index.matchAll(/^\| \[([A-Z_]+)\]\(([A-Z_]+)\.md\) \| ([a-z-]+) \| (exact|inferred|static) \| (.+) \|$/gm)];

	it('lists every code exactly once, linking to its own page', () => {
		const listed = rows.map(row => row[1]);
		expect([...listed].sort()).toEqual([...CORS_CODES].sort());
		for (const row of rows) expect(row[2]).toBe(row[1]);
	});

	it('gives each code the class and kind of src/codes.ts, under that class heading', () => {
		for (const row of rows) {
			const code = row[1] as CorsCode;
			expect([row[3], row[4]], code).toEqual([...CODE_INFO[code]]);
			const heading = index.slice(0, row.index).match(/^## (.+)$/gm)?.at(-1);
			expect(heading, code).toBe(`## ${row[3]}`);
		}
	});

	it('gives each code a one-line meaning', () => {
		for (const row of rows) expect(row[5]!.trim().length, row[1]).toBeGreaterThan(15);
	});
});

describe('no stray pages', () => {
	it('has a page only for codes in CORS_CODES', () => {
		const known = new Set<string>(CORS_CODES);
		expect(pageFiles.filter(file => !known.has(file.slice(0, -3)))).toEqual([]);
	});
});

describe('Chromium DevTools reason names', () => {
	it.each(CHROMIUM_REASONS)('%s is named on the %s page and in the index', (reason, code) => {
		expect(CORS_CODES).toContain(code);
		expect(read(`${code}.md`)).toMatch(new RegExp(`\`${reason}\``));
		expect(index).toContain(`\`${reason}\``);
	});
});
