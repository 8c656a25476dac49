import {expect, test} from 'vitest';
import {redactUrl} from '../../src/errors/redact';

test.each([
	['https://user:pw@api.example.com/items?token=s3cret#frag', 'https://api.example.com/items'],
	['https://api.example.com:8443/a/b?x=1', 'https://api.example.com:8443/a/b'],
	['http://[::1]:3000/#x', 'http://[::1]:3000/'],
	['https://api.example.com', 'https://api.example.com/'],
	['not a url ?secret=1', ''],
])('redactUrl(%s) = %s', (input, expected) => {
	expect(redactUrl(input)).toBe(expected);
});
