import ky from 'ky';
import {describe, expect, test} from 'vitest';
import {CORS_CODES} from '../../src/codes';
import {CorsError} from '../../src/errors/CorsError';
import {formatHint} from '../../src/errors/describe';
import type {RequestSummary} from '../../src/errors/types';
import packageJson from '../../package.json' with {type: 'json'};

const {version} = packageJson;

const request: RequestSummary = {
	method: 'GET',
	url: 'https://api.example.com/items',
	pageOrigin: 'https://app.example.com',
	targetOrigin: 'https://api.example.com',
	mode: 'cors',
	credentials: 'same-origin',
	preflight: true,
	triggers: ['x-api-key'],
};

const headerError = () => new CorsError({code: 'HEADER_NOT_ALLOWED', confidence: 'likely', request, names: ['x-api-key']}, {cause: new TypeError('Failed to fetch')});

describe('CorsError', () => {
	test('message has the stable documented format', () => {
		expect(headerError().message).toBe('[cors-doctor] HEADER_NOT_ALLOWED: GET https://api.example.com/items was blocked: the preflight does not allow request header "x-api-key".');
	});

	test('is a TypeError named CorsError, with code, docsUrl and fingerprint', () => {
		const error = headerError();
		expect(error).toBeInstanceOf(TypeError);
		expect(error).toBeInstanceOf(Error);
		expect(error).toBeInstanceOf(CorsError);
		expect(error.name).toBe('CorsError');
		expect(Object.prototype.toString.call(error)).toBe('[object Error]');
		expect(String(error).startsWith('CorsError: [cors-doctor] HEADER_NOT_ALLOWED')).toBe(true);
		expect(error.docsUrl).toBe(`https://unpkg.com/cors-doctor@${version}/docs/errors/HEADER_NOT_ALLOWED.md`);
		expect(error.fingerprint).toEqual(['CorsError', 'HEADER_NOT_ALLOWED', 'GET', 'https://api.example.com']);
		expect(error.hints.map(formatHint)).toEqual(['Access-Control-Allow-Headers: x-api-key']);
	});

	test('cause is kept but not enumerable, and the brand is invisible', () => {
		const error = headerError();
		expect(error.cause).toBeInstanceOf(TypeError);
		expect(Object.keys(error)).not.toContain('cause');
		expect(Object.getOwnPropertySymbols(error)).toEqual([]);
		expect(Object.keys(error)).not.toContain('name');
		expect(new CorsError({code: 'UNDETERMINED', confidence: 'possible', request, reason: 'timeout'})).not.toHaveProperty('cause');
	});

	test('toJSON is versioned and carries no cause', () => {
		const json = JSON.parse(JSON.stringify(headerError()));
		expect(json).toEqual({
			schemaVersion: 2,
			name: 'CorsError',
			code: 'HEADER_NOT_ALLOWED',
			confidence: 'likely',
			message: headerError().message,
			request,
			evidence: [],
			hints: [{header: 'Access-Control-Allow-Headers', value: 'x-api-key', on: 'preflight'}],
			docsUrl: `https://unpkg.com/cors-doctor@${version}/docs/errors/HEADER_NOT_ALLOWED.md`,
			fingerprint: ['CorsError', 'HEADER_NOT_ALLOWED', 'GET', 'https://api.example.com'],
			names: ['x-api-key'],
			unprobed: [],
			alternatives: [],
			mayHaveRun: true,
			source: 'browser',
		});
		expect(JSON.stringify(headerError())).not.toContain('Failed to fetch');
	});

	test('toJSON lists its fields: an own property added to an instance never reaches telemetry', () => {
		const error = headerError();
		Object.assign(error, {secret: 'leak-me', config: {apiKey: 'k'}});
		expect(Object.keys(error)).toContain('secret');
		expect(JSON.stringify(error)).not.toContain('leak-me');
		expect(Object.keys(error.toJSON()).sort()).toEqual([
			'alternatives', 'code', 'confidence', 'docsUrl', 'evidence', 'fingerprint', 'hints', 'mayHaveRun', 'message', 'name', 'names', 'request', 'schemaVersion', 'source', 'unprobed',
		]);
	});

	test('alternatives and mayHaveRun come from the init, with safe defaults', () => {
		const alternatives = [{code: 'ERROR_RESPONSE_WITHOUT_CORS', tellsApart: 'an error status without CORS headers', check: 'cors-doctor check https://api.example.com/items --origin https://app.example.com'}] as const;
		const error = new CorsError({code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely', request, alternatives, mayHaveRun: false});
		expect(error.alternatives).toEqual(alternatives);
		expect(error.mayHaveRun).toBe(false);
		expect(error.toJSON()).toMatchObject({alternatives, mayHaveRun: false});
		expect(headerError()).toMatchObject({alternatives: [], mayHaveRun: true});
		const command = new CorsError({code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely', request, alternatives: [{...alternatives[0], check: 'cors-doctor check https://api.example.com/users/12345?key=s3cret --origin https://app.example.com'}]});
		expect(command.alternatives[0]!.check).toBe('cors-doctor check https://api.example.com/users/:id --origin https://app.example.com');
	});

	test.each(["x-$'", 'x-$`', 'x-$&', 'x-$$', 'x-$1'])('a name with %s goes into the message verbatim', name => {
		const error = new CorsError({code: 'HEADER_NOT_ALLOWED', confidence: 'likely', request, names: [name]});
		expect(error.message).toBe(`[cors-doctor] HEADER_NOT_ALLOWED: GET https://api.example.com/items was blocked: the preflight does not allow request header "${name}".`);
	});

	test.each([
		['HEADER_NOT_EXPOSED', ['x-total'], 'succeeded, but response header "x-total" is not exposed to the page.'],
		['OPAQUE_RESPONSE', [], 'succeeded, but its "no-cors" response cannot be read.'],
	] as const)('%s does not call a request that went through "blocked"', (code, names, tail) => {
		const error = new CorsError({code, confidence: 'certain', request, names});
		expect(error.message).toBe(`[cors-doctor] ${code}: GET https://api.example.com/items ${tail}`);
		expect(error.message).not.toContain('blocked');
	});

	test('the URL is redacted again, so a caller that forgot cannot leak it', () => {
		const error = new CorsError({code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely', request: {...request, url: 'https://u:p@api.example.com/users/12345/items?token=s3cret#frag'}});
		expect(error.request.url).toBe('https://api.example.com/users/:id/items');
		expect(error.message).toContain('GET https://api.example.com/users/:id/items was blocked');
		for (const text of [error.message, error.stack ?? '', JSON.stringify(error)]) {
			expect(text).not.toMatch(/s3cret|12345|frag|u:p/);
		}
	});

	test('UNDETERMINED names its reason', () => {
		const error = new CorsError({code: 'UNDETERMINED', confidence: 'possible', request, reason: 'timeout'});
		expect(error.message).toMatch(/the cause is undetermined \(timeout\)\.$/);
		expect(error.toJSON().reason).toBe('timeout');
	});

	test.each(CORS_CODES.map(code => [code]))('%s builds a one-line message and a docs URL', code => {
		const error = new CorsError({code, confidence: 'possible', request: {...request, credentials: 'include'}, names: ['x'], reason: 'timeout'});
		// The request went through for these two: only reading the response failed.
		const verb = code === 'HEADER_NOT_EXPOSED' || code === 'OPAQUE_RESPONSE' ? 'succeeded, but' : 'was blocked:';
		expect(error.message).toMatch(new RegExp(`^\\[cors-doctor\\] ${code}: GET https://api\\.example\\.com/items ${verb} [^\\n]+\\.$`));
		expect(error.docsUrl.endsWith(`/${code}.md`)).toBe(true);
		for (const hint of error.hints) {
			expect(formatHint(hint)).toMatch(/^[A-Za-z-]+: \S/);
		}
	});

	test.each([
		['ORIGIN_NOT_ALLOWED', 'same-origin', ['Access-Control-Allow-Origin: https://app.example.com']],
		['ORIGIN_NOT_ALLOWED', 'include', ['Access-Control-Allow-Origin: https://app.example.com', 'Access-Control-Allow-Credentials: true']],
		['CREDENTIALS_NOT_ALLOWED', 'include', ['Access-Control-Allow-Origin: https://app.example.com', 'Access-Control-Allow-Credentials: true']],
		['METHOD_NOT_ALLOWED', 'omit', ['Access-Control-Allow-Methods: x']],
		['HEADER_NOT_EXPOSED', 'omit', ['Access-Control-Expose-Headers: x']],
		['CSP_BLOCKED', 'omit', ['Content-Security-Policy: connect-src https://api.example.com']],
		['MIXED_CONTENT', 'omit', []],
	] as const)('%s with credentials %s hints %j', (code, credentials, lines) => {
		expect(new CorsError({code, confidence: 'certain', request: {...request, credentials}, names: ['x']}).hints.map(formatHint)).toEqual(lines);
	});
});

describe('CorsError with ky 2.1.0', () => {
	const failing = (error: Error) => {
		let calls = 0;
		const fetch = async () => {
			calls++;
			throw error;
		};
		return {fetch, calls: () => calls};
	};

	test('ky neither wraps nor retries a CorsError', async () => {
		const error = headerError();
		const {fetch, calls} = failing(error);
		const seen: Error[] = [];
		const rejection = ky.get('https://api.example.com/items', {fetch, retry: {limit: 2, delay: () => 0}, hooks: {beforeError: [({error}) => {
			seen.push(error);
			return error;
		}]}}).json();
		await expect(rejection).rejects.toBe(error);
		expect(calls()).toBe(1);
		expect(seen).toEqual([error]);
	});

	test('control: ky wraps and retries the raw TypeError it would have seen', async () => {
		const {fetch, calls} = failing(new TypeError('Failed to fetch'));
		await expect(ky.get('https://api.example.com/items', {fetch, retry: {limit: 2, delay: () => 0}})).rejects.toMatchObject({name: 'NetworkError'});
		expect(calls()).toBe(3);
	});
});

describe('messages and hints for a refused preflight', () => {
	const put = {...request, method: 'PUT', credentials: 'include' as const, preflight: true, triggers: ['PUT', 'x-api-key']};

	test('name the method and headers the OPTIONS response must allow, with the origin and credentials', () => {
		const error = new CorsError({code: 'PREFLIGHT_REJECTED', confidence: 'likely', request: put, names: ['PUT', 'x-api-key']});
		expect(error.message).toContain('the preflight for "PUT", "x-api-key" was rejected.');
		expect(error.hints).toEqual([
			{header: 'Access-Control-Allow-Origin', value: request.pageOrigin, on: 'preflight'},
			{header: 'Access-Control-Allow-Methods', value: 'PUT', on: 'preflight'},
			{header: 'Access-Control-Allow-Headers', value: 'x-api-key', on: 'preflight'},
			{header: 'Access-Control-Allow-Credentials', value: 'true', on: 'preflight'},
		]);
	});

	test('a header name with replacement patterns ($&, $\', $`) is quoted as it is', () => {
		const error = new CorsError({code: 'HEADER_NOT_ALLOWED', confidence: 'likely', request, names: ["x-$&-$'-$`"]});
		expect(error.message).toContain('"x-$&-$\'-$`".');
	});
});


describe('CorsError#fixes()', () => {
	test('loads the hints catalog on demand and fills it from this failure', async () => {
		const error = new CorsError({code: 'HEADER_NOT_ALLOWED', confidence: 'likely', request: {...request, triggers: ['x-api-key'], preflight: true}, names: ['x-api-key']});
		const fixes = await error.fixes({framework: 'express'});
		expect(fixes.code).toBe('HEADER_NOT_ALLOWED');
		expect(JSON.stringify(fixes)).toContain('x-api-key');
		expect(JSON.stringify(fixes)).toContain(request.pageOrigin);
	});
});
