import {describe, expect, it} from 'vitest';
import {isForbiddenMethod, isHttpToken, isSafelistedMethod, normalizeMethod} from '../../src/rules';

describe('normalizeMethod', () => {
	it.each([
		['get', 'GET'],
		['Delete', 'DELETE'],
		['head', 'HEAD'],
		['options', 'OPTIONS'],
		['pOsT', 'POST'],
		['put', 'PUT'],
		// Not in the normalize list: the case is kept and later matched byte-exactly.
		['patch', 'patch'],
		['Patch', 'Patch'],
		['PATCH', 'PATCH'],
		['super', 'super'],
		// ASCII-only: U+017F (long s) upper-cases to S in JS, but is not a byte-case-insensitive match.
		['\u017Fet', '\u017Fet'],
	])('%s -> %s', (input, output) => {
		expect(normalizeMethod(input)).toBe(output);
	});
});

describe('isForbiddenMethod', () => {
	it.each([
		['CONNECT', true],
		['connect', true],
		['Trace', true],
		['track', true],
		['GET', false],
		['PATCH', false],
		['CONNECTX', false],
	])('%s -> %s', (method, forbidden) => {
		expect(isForbiddenMethod(method)).toBe(forbidden);
	});
});

describe('isSafelistedMethod', () => {
	it.each([
		['GET', true],
		['HEAD', true],
		['POST', true],
		['get', true],
		['post', true],
		['PUT', false],
		['DELETE', false],
		['OPTIONS', false],
		['patch', false],
		['PATCH', false],
	])('%s -> %s', (method, safelisted) => {
		expect(isSafelistedMethod(method)).toBe(safelisted);
	});
});

describe('a method is an HTTP token (isHttpToken)', () => {
	it.each([
		['GET', true],
		['M-SEARCH', true],
		['*', true],
		['GE T', false],
		['', false],
		['GET\n', false],
		['GET(', false],
	])('%j -> %s', (method, valid) => {
		expect(isHttpToken(method)).toBe(valid);
	});
});
