import {describe, expect, it} from 'vitest';
import {isSimpleRange, parseSingleRange} from '../../src/rules';

describe('parseSingleRange', () => {
	it('parses both ends, open ends and suffix ranges', () => {
		expect(parseSingleRange('bytes=100-200')).toEqual({start: 100n, end: 200n});
		expect(parseSingleRange('bytes=200-')).toEqual({start: 200n, end: null});
		expect(parseSingleRange('bytes=-200')).toEqual({start: null, end: 200n});
		expect(parseSingleRange('Bytes=1-1')).toEqual({start: 1n, end: 1n});
	});

	it('rejects an empty range', () => {
		expect(parseSingleRange('bytes=-')).toBeUndefined();
	});
});

// WPT cors/cors-safelisted-request-header.any.js, the Range list: true = no preflight.
describe('isSimpleRange (WPT)', () => {
	it.each<[string, boolean]>([
		['100-200', false],
		['MB=100-200', false],
		['bytes=100-200', true],
		['bytes =100-200', false],
		['bytes\t=100-200', false],
		['bytes=  100-200', false],
		['bytes=\t\t100-200', false],
		['bytes= \t100-200', false],
		['bytes=100 -200', false],
		['bytes=100\t-200', false],
		['bytes=100- 200', false],
		['bytes=100-\t200', false],
		['bytes=100-200hello', false],
		['bytes=abc-def', false],
		['bytes=100-200,300-400', false],
		['bytes=-200', false],
		['bytes=200-', true],
		['bytes=200-100', false],
		[`bytes=1${'0'.repeat(60)}-2${'0'.repeat(60)}`, true],
		[`bytes=2${'0'.repeat(60)}-1${'0'.repeat(60)}`, false],
		['bytes 100-200', false],
		['bytes = 100-200', false],
		[',bytes=100-200', false],
		['bytes=,100-200', false],
	])('%j -> %s', (value, simple) => {
		expect(isSimpleRange(value)).toBe(simple);
	});
});
