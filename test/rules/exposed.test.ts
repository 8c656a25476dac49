import {describe, expect, it} from 'vitest';
import {exposedHeaderNames, isReadableResponseHeader, type RawResponse} from '../../src/rules';

const response = (expose: string | undefined, ...extra: Array<[string, string]>): RawResponse => ({
	status: 200,
	headers: [['Content-Language', 'mkay'], ['BB-8', 'hey'], ...(expose === undefined ? [] : [['Access-Control-Expose-Headers', expose] as [string, string]]), ...extra],
});

// In the manner of WPT cors/access-control-expose-headers-parsing.window.js: is `bb-8` readable? (content-language always is).
describe('ACEH parsing', () => {
	it.each<[string, boolean]>([
		['bb-8', true],
		['BB-8', true],
		['bb-8,bb-8', true],
		['bb-8 , bb-8', true],
		[' bb-8\t', true],
		['bb-8,', true],
		[',bb-8', true],
		['x, ,bb-8', true],
		['x-other', false],
		['bb-8 x', false],
		['"bb-8"', false],
		['bb-8, x y', false],
		['bb-8\u000B', false],
		['bb-8\u000C', false],
		['bb-8;', false],
		['', false],
	])('%j exposes bb-8: %s', (expose, exposed) => {
		const r = response(expose);
		expect(isReadableResponseHeader('bb-8', r, 'omit')).toBe(exposed);
		expect(isReadableResponseHeader('content-language', r, 'omit')).toBe(true);
	});

	it('reads several ACEH lines as one list', () => {
		const r: RawResponse = {status: 200, headers: [['Access-Control-Expose-Headers', 'a'], ['Access-Control-Expose-Headers', 'BB-8']]};
		expect(exposedHeaderNames(r, 'omit')).toEqual({all: false, names: ['a', 'bb-8']});
	});
});

describe('exposedHeaderNames', () => {
	it('is empty without ACEH or with an unparsable one', () => {
		expect(exposedHeaderNames(response(undefined), 'omit')).toEqual({all: false, names: []});
		expect(exposedHeaderNames(response('a b'), 'omit')).toEqual({all: false, names: []});
	});

	it('lets * expose every header only without credentials (WPT cors-expose-star)', () => {
		expect(exposedHeaderNames(response('*'), 'omit')).toEqual({all: true, names: ['content-language', 'bb-8', 'access-control-expose-headers']});
		expect(exposedHeaderNames(response('*'), 'same-origin').all).toBe(true);
		expect(exposedHeaderNames(response('*'), 'include')).toEqual({all: false, names: ['*']});
		// "* can be one of several values"
		expect(exposedHeaderNames(response('x, *'), 'omit').all).toBe(true);
	});
});

describe('isReadableResponseHeader', () => {
	it.each(['Cache-Control', 'content-language', 'Content-Length', 'content-type', 'Expires', 'Last-Modified', 'Pragma'])('%s is always readable', name => {
		expect(isReadableResponseHeader(name, response(undefined), 'include')).toBe(true);
	});

	// WPT cors-filtering: Age, Server, Warning hidden unless exposed; Set-Cookie never.
	it.each(['Age', 'Server', 'Warning', 'ETag', 'X-Total'])('%s needs exposing', name => {
		expect(isReadableResponseHeader(name, response(undefined), 'omit')).toBe(false);
		expect(isReadableResponseHeader(name, response(name.toUpperCase()), 'omit')).toBe(true);
		expect(isReadableResponseHeader(name, response(name), 'include')).toBe(true);
	});

	it.each(['Set-Cookie', 'set-cookie2'])('%s is never readable, even exposed or with *', name => {
		expect(isReadableResponseHeader(name, response(name), 'omit')).toBe(false);
		expect(isReadableResponseHeader(name, response(name), 'include')).toBe(false);
		expect(isReadableResponseHeader(name, response('*'), 'omit')).toBe(false);
	});

	it('with credentials, * only matches a header literally named *', () => {
		expect(isReadableResponseHeader('bb-8', response('*'), 'include')).toBe(false);
		expect(isReadableResponseHeader('bb-8', response('*'), 'omit')).toBe(true);
	});
});
