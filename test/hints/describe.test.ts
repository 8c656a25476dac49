import {describe as suite, expect, it} from 'vitest';
import {CORS_CODES} from '../../src/codes';
import {CorsError} from '../../src/errors/CorsError';
import {describe} from '../../src/hints';

// Distinctive request facts: none of them, nor any header name, may reach a sentence shown to end users.
const request = {
	method: 'DELETE', url: 'https://api.leaky-target.test:8443/v1/accounts', pageOrigin: 'https://shop.leaky-page.test',
	targetOrigin: 'https://api.leaky-target.test:8443', mode: 'cors', credentials: 'include', preflight: true,
	triggers: ['DELETE', 'x-secret-tenant', 'authorization'],
} as const;
const SECRETS = ['leaky', 'x-secret-tenant', 'DELETE', '8443', 'accounts', 'v1'];
const HEADER_NAMES = /access-control|\borigin\b|\bvary\b|content-type|content-security-policy|authorization|\bcookie|x-[a-z]/i;
const URLISH = /[a-z][a-z0-9+.-]*:\/\/|\bhttps?\b|www\.|\.(?:com|test|example|dev|io)\b|\blocalhost\b|\d+\.\d+\.\d+\.\d+/i;

suite.each(CORS_CODES.map(code => [code] as const))('%s, audience "user"', code => {
	const error = new CorsError({code, confidence: 'likely', request, names: ['x-secret-tenant']});

	it('is a short neutral sentence with no URL, origin, header name or value', () => {
		for (const input of [error, error.toJSON(), {code, origin: 'https://shop.leaky-page.test', headers: ['x-secret-tenant'], method: 'DELETE'}]) {
			const text = describe(input, {audience: 'user'});
			expect(text).toMatch(/^[A-Z].+\.$/);
			expect(text.length).toBeLessThan(200);
			expect(text).not.toMatch(URLISH);
			expect(text).not.toMatch(HEADER_NAMES);
			for (const secret of SECRETS) expect(text).not.toContain(secret);
			expect(text).not.toContain(code);
		}
	});

	it('differs from the developer sentence, which names the fix', () => {
		const developer = describe(error);
		expect(developer).not.toBe(describe(error, {audience: 'user'}));
		expect(developer).toContain(code);
	});
});

suite('describe options', () => {
	it('rejects an unknown audience', () => {
		expect(() => describe({code: 'UNDETERMINED'}, {audience: 'admin' as never})).toThrow(/`audience`/);
	});

	it('tells a developer the exact line and where it goes', () => {
		const text = describe({code: 'HEADER_NOT_ALLOWED', origin: 'https://app.test', headers: ['x-api-key']});
		expect(text).toContain('`Access-Control-Allow-Headers: x-api-key` on the preflight (OPTIONS) response');
	});
});
