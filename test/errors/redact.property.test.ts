import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {createCorsFetch} from '../../src/core/cors-fetch';
import {CorsError} from '../../src/errors/CorsError';
import {isCorsError} from '../../src/errors/is-cors-error';

// A marker is what a secret looks like here: long and random enough that it cannot turn up in a message by accident,
// so "not in the text" really means "did not leak".
const marker = fc.string({unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 12, maxLength: 12}).map(text => `zq${text}`);
const base64url = (length: number) => fc.string({unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: length, maxLength: length});

// A path segment and what redaction must turn it into; `secret` is what must never appear.
type Segment = {raw: string; expected: string; secret?: string};
const segment: fc.Arbitrary<Segment> = fc.oneof(
	fc.constantFrom('api', 'v1', 'v2', 'items', 'users', 'orders', 'search', 'blog', 'release-notes').map(word => ({raw: word, expected: word})),
	// Seven digits at least, so a port or another number cannot contain it by chance.
	fc.bigInt({min: 1_000_000n, max: 10n ** 18n}).map(id => ({raw: `${id}`, expected: ':id', secret: `${id}`})),
	fc.uuid().map(uuid => ({raw: uuid, expected: ':uuid', secret: uuid})),
	fc.string({unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 64}).map(hex => ({raw: hex, expected: /^\d+$/.test(hex) ? ':id' : ':hex', secret: hex})),
	fc.tuple(base64url(12), base64url(24), base64url(20)).map(([a, b, c]) => `eyJ${a}.${b}.${c}`).map(jwt => ({raw: jwt, expected: ':token', secret: jwt})),
	// Random base64url with every character class, as session and invite tokens are.
	fc.tuple(base64url(17), fc.integer({min: 0, max: 9})).map(([body, digit]) => `Ab${digit}${body}`).map(token => ({raw: token, expected: ':token', secret: token})),
	marker.map(session => ({raw: `cart;jsessionid=${session}`, expected: 'cart', secret: session})),
);

const request = fc.record({
	secure: fc.boolean(),
	host: fc.constantFrom('api.example.com', 'example.org', 'localhost', '[::1]', 'data.test'),
	port: fc.option(fc.integer({min: 1024, max: 65_535}), {nil: undefined}),
	user: fc.option(marker, {nil: undefined}),
	password: fc.option(marker, {nil: undefined}),
	path: fc.array(segment, {minLength: 0, maxLength: 6}),
	query: fc.array(fc.tuple(fc.constantFrom('token', 'q', 'key', 'sig'), marker), {maxLength: 3}),
	fragment: fc.option(marker, {nil: undefined}),
	headers: fc.array(fc.tuple(fc.constantFrom('x-api-key', 'authorization', 'x-trace-id', 'content-type', 'accept'), marker), {maxLength: 4}),
	method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'patch'),
});

type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

const build = (input: Generated) => {
	const userinfo = input.user === undefined && input.password === undefined ? '' : `${input.user ?? ''}${input.password === undefined ? '' : `:${input.password}`}@`;
	const port = input.port === undefined ? '' : `:${input.port}`;
	const path = input.path.map(part => `/${part.raw}`).join('');
	const query = input.query.length === 0 ? '' : `?${input.query.map(([name, value]) => `${name}=${value}`).join('&')}`;
	const url = `${input.secure ? 'https' : 'http'}://${userinfo}${input.host}${port}${path}${query}${input.fragment === undefined ? '' : `#${input.fragment}`}`;
	const secrets = [
		input.user, input.password, input.fragment,
		...input.query.map(([, value]) => value),
		...input.headers.map(([, value]) => value),
		...input.path.map(part => part.secret),
	].filter((secret): secret is string => secret !== undefined);
	const expectedPath = input.path.length === 0 ? '/' : input.path.map(part => `/${part.expected}`).join('');
	return {url, secrets, expectedPath};
};

const texts = (error: CorsError): string[] => [error.message, error.stack ?? '', JSON.stringify(error.toJSON()), JSON.stringify(error)];

const assertRedacted = (error: CorsError, secrets: readonly string[], expectedPath: string) => {
	for (const text of texts(error)) {
		for (const secret of secrets) {
			if (text.includes(secret)) {
				throw new Error(`leaked ${JSON.stringify(secret)} in ${text}`);
			}
		}
	}

	expect(new URL(error.request.url).pathname).toBe(expectedPath);
};

// The userinfo of a request URL makes fetch throw before sending: only the CorsError constructor can meet one.
const withoutUserinfo = (input: Generated): Generated => ({...input, user: undefined, password: undefined});

describe('redaction, over generated URLs and header sets', () => {
	test('the classifier pipeline: no query value, userinfo, fragment, header value or templated segment in message, stack or toJSON()', async () => {
		await fc.assert(fc.asyncProperty(request, async generated => {
			const input = withoutUserinfo(generated);
			const {url, secrets, expectedPath} = build(input);
			const failing = async () => {
				throw new TypeError('Failed to fetch');
			};

			// No probes: the verdict comes from static facts only, so each run is one pass through the real pipeline.
			const fetch = createCorsFetch({fetch: failing, pageOrigin: 'https://app.example.com', probes: false});
			const error = await fetch(url, {method: input.method, headers: input.headers, body: input.method === 'GET' ? undefined : 'body'}).catch((error_: unknown) => error_);
			expect(isCorsError(error)).toBe(true);
			assertRedacted(error as CorsError, secrets, expectedPath);
		}), {numRuns: 10_000});
	}, 300_000);

	test('the CorsError constructor redacts a raw URL itself (a caller that forgot cannot leak)', () => {
		fc.assert(fc.property(request, generated => {
			const {url, secrets, expectedPath} = build(generated);
			const target = new URL(url);
			const error = new CorsError({
				code: 'HEADER_NOT_ALLOWED',
				confidence: 'likely',
				request: {method: generated.method, url, pageOrigin: 'https://app.example.com', targetOrigin: target.origin, mode: 'cors', credentials: 'include', preflight: true, triggers: generated.headers.map(([name]) => name)},
				names: generated.headers.map(([name]) => name),
				// The classifier builds its checker commands from the request; a careless one must not leak either.
				alternatives: [{code: 'ORIGIN_NOT_ALLOWED', tellsApart: 'the URL answers without CORS headers', check: `cors-doctor check ${url} --origin https://app.example.com --method ${generated.method}`}],
			});
			expect(error.alternatives[0]!.check).toContain('--origin https://app.example.com --method');
			assertRedacted(error, secrets, expectedPath);
		}), {numRuns: 10_000});
	});
});
