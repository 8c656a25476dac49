import {describe, expect, test} from 'vitest';
import {classifyOrigin, craftOrigins} from '../../src/node/audit/origins';

describe('craftOrigins', () => {
	test('every pattern for an https origin with subdomain', () => {
		expect(craftOrigins(['https://app.example.com']).map(({kind, origin}) => `${kind} ${origin}`)).toEqual([
			'unrelated https://cors-doctor-evil.test',
			'null null',
			'suffix https://app.example.com.evil.test',
			'prefix https://evilapp.example.com',
			'prefix https://evilexample.com',
			'sibling https://evil.example.com',
			'regex-dot https://appxexample.com',
			'case https://APP.example.com',
			'http http://app.example.com',
			'port https://app.example.com:8443',
		]);
	});

	test('one regex-dot variant per dot except the last, and the trusted origin as base', () => {
		const crafted = craftOrigins(['https://a.b.example.org']);
		expect(crafted.filter(item => item.kind === 'regex-dot').map(item => item.origin)).toEqual(['https://axb.example.org', 'https://a.bxexample.org']);
		expect(crafted.filter(item => item.kind !== 'unrelated' && item.kind !== 'null').every(item => item.trusted === 'https://a.b.example.org')).toBe(true);
	});

	test('keeps an explicit port, and moves a port variant off 8443', () => {
		const crafted = craftOrigins(['https://app.example.com:8443']);
		expect(crafted.find(item => item.kind === 'suffix')?.origin).toBe('https://app.example.com.evil.test:8443');
		expect(crafted.find(item => item.kind === 'port')?.origin).toBe('https://app.example.com:8444');
		expect(crafted.find(item => item.kind === 'http')?.origin).toBe('http://app.example.com:8443');
	});

	test('an http origin gets no http variant, and the unrelated site is http too', () => {
		const crafted = craftOrigins(['http://localhost:3000']);
		expect(crafted.some(item => item.kind === 'http')).toBe(false);
		expect(crafted[0]).toEqual({kind: 'unrelated', origin: 'http://cors-doctor-evil.test'});
		expect(crafted.find(item => item.kind === 'sibling')?.origin).toBe('http://evil.localhost:3000');
	});

	test('an IP origin only gets the variants that are still hosts', () => {
		expect(craftOrigins(['http://127.0.0.1:8080']).map(item => item.kind)).toEqual(['unrelated', 'null', 'suffix', 'port']);
	});

	test('variants that are themselves trusted are left out', () => {
		const crafted = craftOrigins(['https://app.example.com', 'http://app.example.com', 'https://evil.example.com']);
		expect(crafted.map(item => item.origin)).not.toContain('http://app.example.com');
		expect(crafted.map(item => item.origin)).not.toContain('https://evil.example.com');
		expect(new Set(crafted.map(item => item.origin)).size).toBe(crafted.length);
	});
});

describe('classifyOrigin (the passive form, for the server middleware)', () => {
	const trusted = ['https://app.example.com'];
	test.each([
		['https://app.example.com', undefined],
		['null', 'null'],
		['https://cors-doctor-evil.test', 'unrelated'],
		['https://app.example.com.evil.test', 'suffix'],
		['https://evilexample.com', 'prefix'],
		['https://evil.example.com', 'sibling'],
		['https://appxexample.com', 'regex-dot'],
		['http://app.example.com', 'http'],
		['https://app.example.com:8443', 'port'],
		['https://APP.example.com', 'case'],
	])('%s -> %s', (origin, kind) => {
		expect(classifyOrigin(origin, trusted)?.kind).toBe(kind);
	});

	test('every crafted origin classifies back to a kind that maps to the same finding', () => {
		for (const crafted of craftOrigins(trusted)) {
			const kind = classifyOrigin(crafted.origin, trusted)?.kind;
			// evilapp.example.com is crafted as a prefix but is also a subdomain: both name a real risk.
			expect(kind === crafted.kind || (crafted.origin === 'https://evilapp.example.com' && kind === 'sibling')).toBe(true);
		}
	});
});
