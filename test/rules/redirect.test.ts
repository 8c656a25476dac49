import {describe, expect, it} from 'vitest';
import {checkRedirect, serializeRequestOrigin} from '../../src/rules';

const A = 'https://a.example';
const B = 'https://b.example';
const C = 'https://c.example';

// Follows a chain of 302s from the page at A, as HTTP-redirect fetch does, returning the Origin each hop's request sends.
function walk(urls: string[], requestOrigin = A): string[] {
	let tainted = false;
	const origins = [serializeRequestOrigin(requestOrigin, tainted)];
	for (let index = 1; index < urls.length; index++) {
		const result = checkRedirect({from: urls[index - 1]!, location: urls[index]!, status: 302}, {requestOrigin, tainted});
		expect(result.failure).toBeUndefined();
		expect(result.next).toBe(urls[index]);
		tainted = result.tainted;
		origins.push(serializeRequestOrigin(requestOrigin, tainted));
	}

	return origins;
}

describe('redirect taint', () => {
	it.each<[string, string[], string[]]>([
		// WPT cors-redirect.any.js: "cors to same cors" keeps the origin
		['cors to same cors', [`${B}/1`, `${B}/2`], [A, A]],
		['cors to another cors', [`${B}/1`, `${C}/2`], [A, 'null']],
		['same origin to cors', [`${A}/1`, `${B}/2`], [A, A]],
		['cors to same origin', [`${B}/1`, `${A}/2`], [A, 'null']],
		['A -> B -> A gives null', [`${A}/1`, `${B}/2`, `${A}/3`], [A, A, 'null']],
		['A -> A keeps the origin', [`${A}/1`, `${A}/2`], [A, A]],
		['A -> B -> C gives null', [`${A}/1`, `${B}/2`, `${C}/3`], [A, A, 'null']],
		['taint is sticky', [`${B}/1`, `${C}/2`, `${C}/3`, `${A}/4`], [A, 'null', 'null', 'null']],
	])('%s', (_name, urls, origins) => {
		expect(walk(urls)).toEqual(origins);
	});

	it('serializeRequestOrigin gives null only when tainted', () => {
		expect(serializeRequestOrigin(A, false)).toBe(A);
		expect(serializeRequestOrigin(A, true)).toBe('null');
	});
});

describe('checkRedirect', () => {
	it('resolves a relative Location against the current URL and keeps the fragment', () => {
		expect(checkRedirect({from: `${B}/a/b#frag`, location: '../c?q', status: 301}, {requestOrigin: A, tainted: false})).toEqual({next: `${B}/c?q#frag`, tainted: false});
		expect(checkRedirect({from: `${B}/a#frag`, location: '/c#other', status: 307}, {requestOrigin: A, tainted: false}).next).toBe(`${B}/c#other`);
	});

	it.each([200, 304, 300, 305, 404])('status %i is not followed', status => {
		expect(checkRedirect({from: `${B}/a`, location: `${C}/b`, status}, {requestOrigin: A, tainted: true})).toEqual({tainted: true});
	});

	it('a redirect status without Location is the final response', () => {
		expect(checkRedirect({from: `${B}/a`, location: null, status: 302}, {requestOrigin: A, tainted: false})).toEqual({tainted: false});
	});

	it('fails on an unparsable Location', () => {
		const result = checkRedirect({from: `${B}/a`, location: 'https://exa mple.com/', status: 302}, {requestOrigin: A, tainted: false});
		expect(result.failure).toMatchObject({code: 'REDIRECT_NOT_ALLOWED', detail: 'location-unparsable', header: 'location'});
		expect(result.next).toBeUndefined();
	});

	it.each(['data:text/plain,hi', 'ftp://b.example/x', 'file:///etc/passwd', 'javascript:alert(1)', 'blob:https://b.example/1'])('fails on the non-http(s) location %s', location => {
		const result = checkRedirect({from: `${B}/a`, location, status: 302}, {requestOrigin: A, tainted: false});
		expect(result.failure).toMatchObject({code: 'REDIRECT_BAD_SCHEME', seen: location});
		expect(result.next).toBeUndefined();
	});

	// WPT cors-redirect-credentials.any.js: any userinfo fails for same->remote, remote->same, remote->same remote, remote->other remote.
	it.each<[string, string]>([
		[`${A}/a`, 'https://user:password@b.example/x'],
		[`${B}/a`, 'https://user:password@a.example/x'],
		[`${B}/a`, 'https://user:@b.example/x'],
		[`${B}/a`, 'https://:password@c.example/x'],
	])('fails on userinfo: %s -> %s', (from, location) => {
		const result = checkRedirect({from, location, status: 302}, {requestOrigin: A, tainted: false});
		expect(result.failure?.code).toBe('REDIRECT_HAS_USERINFO');
		// The password never reaches reports.
		expect(result.failure?.seen).not.toContain('password');
	});

	it('allows userinfo on a same-origin hop of an untainted request, and outside cors mode', () => {
		expect(checkRedirect({from: `${A}/a`, location: 'https://u:p@a.example/x', status: 302}, {requestOrigin: A, tainted: false}).failure).toBeUndefined();
		expect(checkRedirect({from: `${A}/a`, location: 'https://u:p@b.example/x', status: 302}, {requestOrigin: A, tainted: false, mode: 'no-cors'}).failure).toBeUndefined();
	});

	it('fails a same-origin mode request that leaves its origin', () => {
		const result = checkRedirect({from: `${A}/a`, location: `${B}/x`, status: 302}, {requestOrigin: A, tainted: false, mode: 'same-origin'});
		expect(result.failure?.code).toBe('MODE_SAME_ORIGIN');
		expect(checkRedirect({from: `${A}/a`, location: `${A}/x`, status: 302}, {requestOrigin: A, tainted: false, mode: 'same-origin'}).failure).toBeUndefined();
	});
});
