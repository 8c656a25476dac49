import {describe, expect, test} from 'vitest';
import {render as apache} from '../../../src/hints/stacks/apache';
import {render as caddy} from '../../../src/hints/stacks/caddy';
import {render as django} from '../../../src/hints/stacks/django';
import {render as fastapi} from '../../../src/hints/stacks/fastapi';
import {render as flask} from '../../../src/hints/stacks/flask';
import {render as go} from '../../../src/hints/stacks/go';
import {render as nginx} from '../../../src/hints/stacks/nginx';
import {render as php} from '../../../src/hints/stacks/php';
import {render as rails} from '../../../src/hints/stacks/rails';
import type {CorsPolicy, StackId, StackRenderer} from '../../../src/hints/types';

// Pure checks on the rendered text; the runtime tests next to this file prove the snippets in the real servers.
const RENDERERS: ReadonlyArray<readonly [StackId, StackRenderer, string]> = [
	['django', django, 'python'],
	['flask', flask, 'python'],
	['fastapi', fastapi, 'python'],
	['php', php, 'php'],
	['rails', rails, 'ruby'],
	['go', go, 'go'],
	['nginx', nginx, 'nginx'],
	['apache', apache, 'apache'],
	['caddy', caddy, 'caddyfile'],
];

const POLICIES: Readonly<Record<string, CorsPolicy>> = {
	'no credentials': {origin: 'https://app.example.com', methods: ['PUT', 'DELETE'], headers: ['x-api-key'], credentials: false, exposeHeaders: ['x-total-count'], maxAge: 600},
	credentials: {origin: 'http://localhost:5173', methods: ['PATCH'], headers: ['authorization', 'content-type'], credentials: true, exposeHeaders: [], maxAge: 86_400},
	'no extra headers': {origin: 'https://app.example.com:8443', methods: [], headers: [], credentials: false, exposeHeaders: []},
};

const METHODS = ['PUT', 'DELETE', 'PATCH'];
const HEADERS = ['x-api-key', 'authorization', 'content-type', 'x-total-count'];
const word = (value: string) => new RegExp(`(?<![\\w-])${value}(?![\\w-])`, 'i');
const count = (text: string, part: string) => text.split(part).length - 1;
// An allow-all origin: a quoted lone `*` in every one of these languages (rack-cors's resource path is not an origin),
// or PHP's header line.
const grantsAny = (code: string) => /["'`]\*["'`]/.test(code.replaceAll('resource "*"', '')) || code.includes('Allow-Origin: *');

describe.each(RENDERERS)('%s', (stack, render, language) => {
	test.each(Object.entries(POLICIES))('%s: exactly the policy\'s values', (_, policy) => {
		const snippets = render(policy);
		expect(snippets.length).toBeGreaterThan(0);
		for (const snippet of snippets) {
			const {code} = snippet;
			expect(snippet.stack).toBe(stack);
			expect(snippet.language).toBe(language);
			expect(snippet.note).toMatch(/\S/);
			expect(code.endsWith('\n')).toBe(true);
			expect(count(code, policy.origin)).toBe(1);
			for (const method of METHODS) {
				expect(word(method).test(code), method).toBe(policy.methods.includes(method));
			}

			for (const header of HEADERS) {
				expect(word(header).test(code), header).toBe(policy.headers.includes(header) || policy.exposeHeaders.includes(header));
			}

			expect(/credentials/i.test(code)).toBe(policy.credentials);
			expect(/expose/i.test(code)).toBe(policy.exposeHeaders.length > 0);
			expect(/max.?age/i.test(code)).toBe(policy.maxAge !== undefined);
			if (policy.maxAge !== undefined) {
				expect(word(String(policy.maxAge)).test(code)).toBe(true);
			}

			expect(grantsAny(code)).toBe(false);
		}
	});

	test('a public credential-less policy may use `*`', () => {
		const snippets = render({origin: '*', methods: [], headers: [], credentials: false, exposeHeaders: []});
		for (const {code} of snippets) {
			// django-cors-headers spells "any origin" as a flag; every other stack writes the `*` value.
			expect(stack === 'django' ? code.includes('CORS_ALLOW_ALL_ORIGINS = True') : grantsAny(code)).toBe(true);
			expect(/credentials/i.test(code)).toBe(false);
		}
	});

	test('never `*` with credentials: a TypeError, not a snippet', () => {
		expect(() => render({origin: '*', methods: [], headers: [], credentials: true, exposeHeaders: []})).toThrow(TypeError);
	});

	test('never reflects the request origin', () => {
		const {code} = render(POLICIES.credentials!)[0]!;
		// The usual reflect-anything spellings: $http_origin, %{HTTP:Origin}, {http.request.header.Origin}, HTTP_ORIGIN,
		// r.Header.Get("Origin"), AllowOriginFunc, allow_origin_regex, CORS_ALLOW_ALL_ORIGINS, origins '*' or /.*/.
		expect(code).not.toMatch(/http_origin|HTTP:Origin|header\.Origin|HTTP_ORIGIN|Get\("Origin"\)|AllowOriginFunc|origin_regex|ALLOW_ALL|\/\.\*\//i);
	});
});
