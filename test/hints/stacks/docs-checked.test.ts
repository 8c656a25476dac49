import {describe, expect, it} from 'vitest';
import {STACKS} from '../../../src/hints';
import type {CorsPolicy} from '../../../src/hints/types';

/**
The stacks with no runtime on the test machine (docs/stacks.md: "checked against the docs, not run"). These tests pin
the shape the official documentation gives (key names, call order, allowed values), so a renderer change that drifts
from it fails here; they do not prove the configuration in a browser.
*/
const policy: CorsPolicy = {origin: 'https://app.test', methods: ['PATCH'], headers: ['authorization', 'x-api-key'], credentials: true, exposeHeaders: ['x-request-id'], maxAge: 600};
const code = (id: keyof typeof STACKS, input: CorsPolicy = policy) => STACKS[id].render(input).map(snippet => snippet.code).join('\n');

describe('docs-checked stacks', () => {
	it('are marked so, with the page they were checked against', () => {
		for (const id of ['aspnet', 'spring', 'laravel', 's3', 'api-gateway'] as const) {
			expect(STACKS[id].verified).toBe('docs');
			expect(STACKS[id].docs).toMatch(/^https:\/\//);
		}
	});

	it('s3: a CORSRules document with the PutBucketCors keys and only the methods S3 accepts', () => {
		const json = JSON.parse(code('s3')) as {CORSRules: Array<Record<string, unknown>>};
		const [rule] = json.CORSRules;
		for (const key of Object.keys(rule!)) expect(['AllowedOrigins', 'AllowedMethods', 'AllowedHeaders', 'ExposeHeaders', 'MaxAgeSeconds', 'ID']).toContain(key);
		expect(rule).toMatchObject({AllowedOrigins: ['https://app.test'], AllowedMethods: ['GET', 'HEAD', 'POST'], AllowedHeaders: ['authorization', 'x-api-key'], ExposeHeaders: ['x-request-id', 'etag'], MaxAgeSeconds: 600});
		expect(STACKS.s3.render(policy)[0]!.note).toContain('cannot allow PATCH');
	});

	it('api-gateway: the HTTP API CorsConfiguration keys', () => {
		const json = JSON.parse(code('api-gateway')) as Record<string, unknown>;
		for (const key of Object.keys(json)) expect(['AllowOrigins', 'AllowCredentials', 'AllowHeaders', 'AllowMethods', 'ExposeHeaders', 'MaxAge']).toContain(key);
		expect(json).toEqual({AllowOrigins: ['https://app.test'], AllowMethods: ['GET', 'HEAD', 'POST', 'PATCH'], AllowHeaders: ['authorization', 'x-api-key'], ExposeHeaders: ['x-request-id'], AllowCredentials: true, MaxAge: 600});
	});

	it('aspnet: UseCors after UseRouting and before authentication, exact origins with credentials', () => {
		const text = code('aspnet');
		expect(text.indexOf('app.UseRouting()')).toBeLessThan(text.indexOf('app.UseCors("frontend")'));
		expect(text.indexOf('app.UseCors("frontend")')).toBeLessThan(text.indexOf('app.UseAuthentication()'));
		expect(text).toContain('.WithOrigins("https://app.test")');
		expect(text).toContain('.AllowCredentials()');
		expect(text).toContain('.WithHeaders("authorization", "x-api-key")');
		expect(text).not.toContain('AllowAnyOrigin');
	});

	it('spring: a UrlBasedCorsConfigurationSource bean used by http.cors', () => {
		const text = code('spring');
		expect(text).toContain('UrlBasedCorsConfigurationSource corsConfigurationSource()');
		expect(text).toContain('configuration.setAllowedOrigins(List.of("https://app.test"));');
		expect(text).toContain('configuration.setAllowCredentials(true);');
		expect(text).toContain('http.cors(Customizer.withDefaults())');
	});

	it('laravel: config/cors.php with the framework keys', () => {
		const text = code('laravel');
		for (const key of ['paths', 'allowed_methods', 'allowed_origins', 'allowed_origins_patterns', 'allowed_headers', 'exposed_headers', 'max_age', 'supports_credentials']) expect(text).toContain(`'${key}' =>`);
		expect(text).toContain('\'supports_credentials\' => true');
		expect(text).toContain('\'allowed_origins\' => [\'https://app.test\']');
	});

	it('never grants credentials or a wildcard origin the policy does not ask for', () => {
		const plain = {...policy, credentials: false};
		expect(code('aspnet', plain)).not.toContain('AllowCredentials');
		expect(code('spring', plain)).not.toContain('setAllowCredentials');
		expect(code('laravel', plain)).toContain('\'supports_credentials\' => false');
		expect(code('api-gateway', plain)).not.toContain('AllowCredentials');
		for (const id of ['aspnet', 'spring', 'laravel', 's3', 'api-gateway'] as const) expect(code(id, plain)).not.toMatch(/["']\*["']/);
	});
});
