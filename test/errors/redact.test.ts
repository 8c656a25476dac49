import {afterEach, describe, expect, test} from 'vitest';
import {redactUrl, setRedaction} from '../../src/errors/redact';

afterEach(() => {
	setRedaction(undefined);
});

describe('redactUrl', () => {
	test.each([
		['https://user:pw@api.example.com/items?token=s3cret#frag', 'https://api.example.com/items'],
		['https://api.example.com:8443/a/b?x=1', 'https://api.example.com:8443/a/b'],
		['http://[::1]:3000/#x', 'http://[::1]:3000/'],
		['https://api.example.com', 'https://api.example.com/'],
		['not a url ?secret=1', ''],
		['data:text/plain,secret', 'data:'],
		['blob:https://app.example.com/0b9c1a9e-6a4e-4c8f-9a51-4f7f0c5f3c11', 'blob:'],
	])('%s -> %s', (input, expected) => {
		expect(redactUrl(input)).toBe(expected);
	});

	test.each([
		['numeric id', '/orders/12345/items', '/orders/:id/items'],
		['UUID', '/users/0B9C1A9E-6A4E-4C8F-9A51-4F7F0C5F3C11', '/users/:uuid'],
		['long hex (an ObjectId)', '/docs/507f1f77bcf86cd799439011/raw', '/docs/:hex/raw'],
		['JWT', '/magic/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc_DEF-123', '/magic/:token'],
		['random base64url', '/invite/dGhpcyBpcyBhIHRva2Vu9x', '/invite/:token'],
		['lowercase random', '/s/k3j4h5g6f7d8s9a0l1z2', '/s/:token'],
		['matrix parameter', '/cart;jsessionid=A1B2C3D4E5/checkout', '/cart/checkout'],
		['a readable slug stays', '/blog/v2-release-notes-2024', '/blog/v2-release-notes-2024'],
		['short words stay', '/api/v1/items', '/api/v1/items'],
		['a placeholder is kept (idempotent)', '/orders/:id', '/orders/:id'],
	])('templates %s', (_, path, expected) => {
		expect(redactUrl(`https://api.example.com${path}`)).toBe(`https://api.example.com${expected}`);
		expect(redactUrl(redactUrl(`https://api.example.com${path}`))).toBe(`https://api.example.com${expected}`);
	});

	test('setRedaction adds an app rule before the built-in ones, and undefined removes it', () => {
		setRedaction(segment => /^[a-z]+$/.test(segment) && !['users', 'settings'].includes(segment) ? ':user' : undefined);
		expect(redactUrl('https://api.example.com/users/alice/settings/42')).toBe('https://api.example.com/users/:user/settings/:id');
		setRedaction(undefined);
		expect(redactUrl('https://api.example.com/users/alice/settings/42')).toBe('https://api.example.com/users/alice/settings/:id');
	});
});
