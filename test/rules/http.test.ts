import {describe, expect, it} from 'vitest';
import {decodeAndSplit, extractTokenList, getHeader, headerLines, isListFailure} from '../../src/rules/http';
import type {RawResponse} from '../../src/rules';

const response = (...headers: Array<[string, string]>): RawResponse => ({status: 200, headers});

describe('getHeader / headerLines', () => {
	it('matches names case-insensitively and trims tab and space from each line', () => {
		const r = response(['Vary', ' Origin\t'], ['X-Other', 'x'], ['VARY', 'Accept ']);
		expect(headerLines(r, 'vary')).toEqual(['Origin', 'Accept']);
		expect(getHeader(r, 'Vary')).toBe('Origin, Accept');
	});

	it('returns null for an absent header, and an empty string for an empty one', () => {
		expect(getHeader(response(['a', 'b']), 'vary')).toBeNull();
		expect(headerLines(response(['a', 'b']), 'vary')).toEqual([]);
		expect(getHeader(response(['Vary', '  ']), 'vary')).toBe('');
	});
});

describe('extractTokenList', () => {
	it.each<[string[], string[] | null | 'failure']>([
		[[], null],
		[['GET, POST'], ['GET', 'POST']],
		[['GET,POST', 'PUT'], ['GET', 'POST', 'PUT']],
		[['  GET ,\tPUT  '], ['GET', 'PUT']],
		// Empty list elements are ignored (RFC 9110 #rule), as Chromium does.
		[['GET,,PUT,'], ['GET', 'PUT']],
		[[''], []],
		[['*'], ['*']],
		// WPT cors-preflight-response-validation
		[['Bad method name'], 'failure'],
		[['x-force-preflight,header name with space'], 'failure'],
		[['"GET"'], 'failure'],
		[['GET;q=1'], 'failure'],
	])('%j -> %j', (values, expected) => {
		const list = extractTokenList(response(...values.map((value): [string, string] => ['Access-Control-Allow-Methods', value])), 'access-control-allow-methods');
		if (expected === 'failure') {
			expect(isListFailure(list)).toBe(true);
		} else {
			expect(list).toEqual(expected);
		}
	});

	it('names the first bad item', () => {
		expect(extractTokenList(response(['ACAH', 'a, b c, d e']), 'acah')).toEqual({failure: 'b c'});
	});
});

describe('decodeAndSplit (Fetch "get, decode, and split")', () => {
	it.each([
		['', ['']],
		['GET', ['GET']],
		['GET, CONNECT', ['GET', 'CONNECT']],
		['"GET,CONNECT"', ['"GET,CONNECT"']],
		['a,"b,c" d, e', ['a', '"b,c" d', 'e']],
		['"unterminated, x', ['"unterminated, x']],
		['"a\\"b",c', ['"a\\"b"', 'c']],
		[' x , ', ['x', '']],
	])('%j -> %j', (input, values) => {
		expect(decodeAndSplit(input)).toEqual(values);
	});
});
