import {describe, expect, it} from 'vitest';
import {mimeEssence} from '../../src/rules';

describe('mimeEssence (strict MIME type parse)', () => {
	it.each<[string, string | undefined]>([
		['text/plain', 'text/plain'],
		['Text/Plain;charset=utf-8', 'text/plain'],
		['  text/html  ', 'text/html'],
		['text/plain;', 'text/plain'],
		['text/plain;garbage', 'text/plain'],
		['text/plain ;charset=x', 'text/plain'],
		['multipart/form-data; boundary=----x', 'multipart/form-data'],
		['application/x-www-form-urlencoded;charset=UTF-8', 'application/x-www-form-urlencoded'],
		['text /plain', undefined],
		['text\t/\tplain', undefined],
		['text/plain,', undefined],
		[',text/plain', undefined],
		['text/plain,text/plain', undefined],
		['text/plain,x/x', undefined],
		['text', undefined],
		['/plain', undefined],
		['text/', undefined],
		['', undefined],
		['text/plain garbage', undefined],
	])('%j -> %j', (input, essence) => {
		expect(mimeEssence(input)).toBe(essence);
	});
});
