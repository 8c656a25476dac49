// @vitest-environment happy-dom
import {afterEach, describe, expect, test, vi} from 'vitest';
import {createCorsFetch} from '../../src/core/cors-fetch';
import type {Diagnosis} from '../../src/core/types';
import {CorsError} from '../../src/errors/CorsError';
import {corsResponse, fakeFetch, type Scenario} from './fake-fetch';

const URL_ = 'https://api.example.com/items';
const PAGE = 'http://localhost:3000'; // happy-dom's default location

const fail = async (scenario: Scenario, init?: RequestInit, url = URL_, options = {}) => {
	const fake = fakeFetch(scenario);
	const error = await createCorsFetch({fetch: fake.fetch, ...options})(url, init).catch((error: unknown) => error);
	return {error: error as CorsError, fake};
};

afterEach(() => {
	vi.restoreAllMocks();
});

describe('happy path', () => {
	test('returns the very same Response and calls fetch exactly once', async () => {
		const response = corsResponse();
		const fake = fakeFetch({}, async () => response);
		expect(await createCorsFetch({fetch: fake.fetch})(URL_)).toBe(response);
		expect(fake.calls).toHaveLength(1);
	});

	test('uses location.origin as the page origin (happy-dom)', () => {
		expect(globalThis.location.origin).toBe(PAGE);
	});
});

describe('classification end to end (a fake fetch plays the browser)', () => {
	test.each<[string, Scenario, RequestInit, string, string[]?]>([
		['no ACAO', {simple: 'failed', 'simple-manual': 'failed'}, {}, 'ORIGIN_NOT_ALLOWED'],
		['redirect without CORS', {simple: 'failed', 'simple-manual': 'opaqueredirect'}, {}, 'REDIRECT_NOT_ALLOWED'],
		['credentials refused', {credentialed: 'failed'}, {credentials: 'include'}, 'CREDENTIALS_NOT_ALLOWED'],
		['one header refused', {header: {'x-api-key': 'failed'}}, {headers: {'X-Api-Key': 'secret-value', 'X-Trace': 't'}}, 'HEADER_NOT_ALLOWED', ['x-api-key']],
		['single header refused, control passes', {header: {'x-api-key': 'failed'}}, {headers: {'x-api-key': 'secret-value'}}, 'HEADER_NOT_ALLOWED', ['x-api-key']],
		['preflight broken', {header: {'x-api-key': 'failed'}, control: 'failed'}, {headers: {'x-api-key': 'secret-value'}}, 'PREFLIGHT_REJECTED'],
		['method by elimination', {}, {method: 'PUT', body: '{"a":1}'}, 'METHOD_NOT_ALLOWED', ['PUT']],
		['everything passes for GET', {}, {}, 'ERROR_RESPONSE_WITHOUT_CORS'],
		['content-type refused', {header: {'content-type': 'failed'}}, {method: 'POST', body: '{}', headers: {'content-type': 'application/json'}}, 'HEADER_NOT_ALLOWED', ['content-type']],
	])('%s -> %s', async (_, scenario, init, code, names) => {
		const {error} = await fail(scenario, init);
		expect(error).toBeInstanceOf(CorsError);
		expect(error.code).toBe(code);
		expect(error.confidence).toBe('likely');
		expect(error.cause).toEqual(new TypeError('Failed to fetch'));
		if (names) {
			expect(error.names).toEqual(names);
		}
		expect(error.evidence.length).toBeGreaterThanOrEqual(3);
	});

	test('message names the header and the redacted URL', async () => {
		const {error} = await fail({header: {'x-api-key': 'failed'}}, {headers: {'x-api-key': 'k'}});
		expect(error.message).toBe('[cors-doctor] HEADER_NOT_ALLOWED: GET https://api.example.com/items was blocked: the preflight does not allow request header "x-api-key".');
		expect(error.request).toEqual({method: 'GET', url: URL_, pageOrigin: PAGE, targetOrigin: 'https://api.example.com', mode: 'cors', credentials: 'same-origin', preflight: true, triggers: ['x-api-key']});
	});

	test('an origin that granted CORS before: ERROR_RESPONSE_WITHOUT_CORS', async () => {
		let ok = true;
		const fake = fakeFetch({simple: 'failed'}, async () => {
			if (ok) {
				return corsResponse();
			}
			throw new TypeError('Failed to fetch');
		});
		const fetch = createCorsFetch({fetch: fake.fetch});
		await fetch(URL_);
		ok = false;
		await expect(fetch(URL_ + '/broken')).rejects.toMatchObject({code: 'ERROR_RESPONSE_WITHOUT_CORS'});
	});

	test('unreachable server: the original TypeError is rethrown, diagnosis says network', async () => {
		const diagnoses: Diagnosis[] = [];
		const original = new TypeError('Failed to fetch');
		const fake = fakeFetch({reach: 'failed', simple: 'failed', 'simple-manual': 'failed'}, () => Promise.reject(original));
		await expect(createCorsFetch({fetch: fake.fetch, onDiagnosis: d => diagnoses.push(d)})(URL_)).rejects.toBe(original);
		expect(diagnoses).toMatchObject([{kind: 'network', reason: 'unreachable'}]);
	});

	test.each([
		['AbortError', new DOMException('aborted', 'AbortError')],
		['TimeoutError', new DOMException('timeout', 'TimeoutError')],
		['a non-fetch error', new Error('boom')],
	])('%s passes through untouched, no probes', async (_, original) => {
		const fake = fakeFetch({}, () => Promise.reject(original));
		await expect(createCorsFetch({fetch: fake.fetch})(URL_)).rejects.toBe(original);
		expect(fake.probes()).toHaveLength(0);
	});

	test('a same-origin failure is not CORS', async () => {
		const fake = fakeFetch({});
		await expect(createCorsFetch({fetch: fake.fetch})('/api/items')).rejects.toEqual(new TypeError('Failed to fetch'));
		expect(fake.probes()).toHaveLength(0);
	});

	test('onDiagnosis errors never reach the request path', async () => {
		const fake = fakeFetch({simple: 'failed'});
		const fetch = createCorsFetch({fetch: fake.fetch, onDiagnosis() {
			throw new Error('telemetry down');
		}});
		await expect(fetch(URL_)).rejects.toMatchObject({code: 'ORIGIN_NOT_ALLOWED'});
	});
});

describe('static facts: certain, no probes', () => {
	test.each<[string, string, RequestInit, string, string?]>([
		['mixed content', 'http://api.example.com/x', {}, 'MIXED_CONTENT', 'https://app.example.com'],
		['unsupported scheme', 'ftp://api.example.com/x', {}, 'SCHEME_NOT_SUPPORTED'],
		['mode same-origin', URL_, {mode: 'same-origin'}, 'MODE_SAME_ORIGIN'],
		['no-cors with manual redirect', URL_, {mode: 'no-cors', redirect: 'manual'}, 'NO_CORS_REDIRECT_MODE'],
		['public page to a private address', 'http://192.168.1.10/x', {}, 'LOCAL_NETWORK_ACCESS', 'http://app.example.com'],
	])('%s', async (_, url, init, code, pageOrigin) => {
		const {error, fake} = await fail({}, init, url, pageOrigin ? {pageOrigin} : {});
		expect(error.code).toBe(code);
		expect(error.confidence).toBe(code === 'LOCAL_NETWORK_ACCESS' ? 'likely' : 'certain');
		expect(error.evidence).toEqual([]);
		expect(fake.probes()).toHaveLength(0);
	});

	test('https page to http loopback is not mixed content', async () => {
		const {error} = await fail({simple: 'failed'}, {}, 'http://127.0.0.1:8080/x', {pageOrigin: 'https://localhost'});
		expect(error.code).toBe('ORIGIN_NOT_ALLOWED');
	});

	test('offline: rethrows the original, no probes', async () => {
		vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
		const diagnoses: Diagnosis[] = [];
		const {error, fake} = await fail({}, {}, URL_, {onDiagnosis: (d: Diagnosis) => diagnoses.push(d)});
		expect(error).toEqual(new TypeError('Failed to fetch'));
		expect(error).not.toBeInstanceOf(CorsError);
		expect(diagnoses).toEqual([{kind: 'network', reason: 'offline', evidence: []}]);
		expect(fake.probes()).toHaveLength(0);
	});

	test('a no-cors failure is a network failure (no-cors cannot fail CORS)', async () => {
		const {error, fake} = await fail({}, {mode: 'no-cors'});
		expect(error).not.toBeInstanceOf(CorsError);
		expect(fake.probes()).toHaveLength(0);
	});

	test('CSP: a violation dispatched after the rejection (as engines do) gives CSP_BLOCKED', async () => {
		const fake = fakeFetch({}, async () => {
			setTimeout(() => {
				const event = new Event('securitypolicyviolation');
				Object.assign(event, {blockedURI: URL_});
				document.dispatchEvent(event);
			}, 1);
			throw new TypeError('Failed to fetch');
		});
		const error = await createCorsFetch({fetch: fake.fetch})(URL_ + '?q=1').catch((error: unknown) => error);
		expect(error).toMatchObject({code: 'CSP_BLOCKED', confidence: 'certain'});
		expect((error as CorsError).hints).toEqual([{header: 'Content-Security-Policy', value: 'connect-src https://api.example.com', on: 'page'}]);
		expect(fake.probes()).toHaveLength(0);
	});

	test('CSP: a violation dispatched before the rejection (as WebKit does) on a page\'s very first request gives CSP_BLOCKED', async () => {
		// A fresh module: no earlier failure has installed the listener.
		vi.resetModules();
		const fresh = (await import('../../src/core/cors-fetch')).createCorsFetch;
		const fake = fakeFetch({}, async () => {
			const event = new Event('securitypolicyviolation');
			Object.assign(event, {blockedURI: URL_});
			document.dispatchEvent(event);
			throw new TypeError('Load failed');
		});
		const error = await fresh({fetch: fake.fetch})(URL_).catch((error: unknown) => error);
		expect(error).toMatchObject({code: 'CSP_BLOCKED', confidence: 'certain'});
		expect(fake.probes()).toHaveLength(0);
	});

	test('probes disabled: UNDETERMINED, but static facts still apply', async () => {
		const off = await fail({}, {}, URL_, {probes: false});
		expect(off.error).toMatchObject({code: 'UNDETERMINED', reason: 'probes-disabled', confidence: 'possible'});
		expect(off.fake.probes()).toHaveLength(0);
		const mixed = await fail({}, {}, 'http://api.example.com/x', {probes: false, pageOrigin: 'https://app.example.com'});
		expect(mixed.error.code).toBe('MIXED_CONTENT');
	});
});

describe('probe safety', () => {
	test('never the unsafe method, a body, a header value or credentials the original lacked', async () => {
		const {error, fake} = await fail({}, {
			method: 'DELETE',
			body: 'secret-body',
			headers: {'x-api-key': 'secret-key', authorization: 'Bearer secret-token', 'content-type': 'application/json'},
			credentials: 'same-origin',
		});
		expect(error.code).toBe('METHOD_NOT_ALLOWED');
		const probes = fake.probes();
		expect(probes.length).toBeGreaterThan(3);
		for (const {init, url} of probes) {
			expect(['GET', 'HEAD']).toContain(init.method);
			expect(init.body).toBeUndefined();
			expect(init.credentials).toBe('omit');
			expect(init.cache).toBe('no-store');
			expect(init.signal).toBeInstanceOf(AbortSignal);
			expect(url).toBe(URL_);
			expect(JSON.stringify(init.headers ?? {})).not.toMatch(/secret/);
			expect(Object.keys(init.headers ?? {}).length).toBeLessThanOrEqual(1);
		}
		expect(probes.map(p => p.init.headers)).toContainEqual({'content-type': 'application/x-cors-doctor-probe'});
		expect(JSON.stringify(error)).not.toMatch(/secret/);
	});

	test('credentials: include only when the original had it', async () => {
		const {fake} = await fail({}, {credentials: 'include'});
		expect(fake.probes().filter(p => p.init.credentials === 'include').map(p => p.probe)).toEqual(['credentialed']);
	});

	test('HEAD stays HEAD; at most 8 probes, 3 headers, the rest reported as unprobed', async () => {
		const headers = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map(n => [`x-${n}`, 'v']));
		const {error, fake} = await fail({}, {method: 'HEAD', headers});
		expect(fake.probes().length).toBeLessThanOrEqual(8);
		expect(fake.probes().every(p => p.init.method === 'HEAD')).toBe(true);
		expect(fake.probes().filter(p => p.probe === 'header')).toHaveLength(3);
		expect(error.unprobed).toEqual(['x-d', 'x-e', 'x-f']);
		expect(error.confidence).toBe('possible');
	});
});

describe('redaction', () => {
	test('query, fragment and userinfo never reach message, JSON or evidence', async () => {
		const {error} = await fail({simple: 'failed'}, {}, 'https://user:pw@api.example.com/items?token=s3cret#frag');
		const json = JSON.stringify(error);
		for (const text of [error.message, json, JSON.stringify(error.evidence)]) {
			expect(text).not.toMatch(/s3cret|token|frag|user|pw@/);
		}
		expect(error.request.url).toBe(URL_);
		expect(JSON.parse(json)).toMatchObject({schemaVersion: 2, code: 'ORIGIN_NOT_ALLOWED'});
		expect(JSON.parse(json)).not.toHaveProperty('cause');
	});
});

describe('bounded', () => {
	test('200 concurrent identical failures share one probe wave', async () => {
		const fake = fakeFetch({simple: 'failed', delay: 20});
		const fetch = createCorsFetch({fetch: fake.fetch});
		const results = await Promise.allSettled(Array.from({length: 200}, (_, i) => fetch(URL_ + '?page=' + i, {headers: {'x-a': String(i)}})));
		expect(results.every(r => r.status === 'rejected' && (r.reason as CorsError).code === 'ORIGIN_NOT_ALLOWED')).toBe(true);
		// One wave: reach, simple, simple-manual, one header probe and its control.
		expect(fake.probes()).toHaveLength(5);
	});

	test('a repeated failure is answered from the cache (0 probes); an expired cache probes again', async () => {
		const fake = fakeFetch({simple: 'failed'});
		const fetch = createCorsFetch({fetch: fake.fetch});
		await fetch(URL_).catch(() => {});
		const first = fake.probes().length;
		await expect(fetch(URL_)).rejects.toMatchObject({code: 'ORIGIN_NOT_ALLOWED'});
		expect(fake.probes().length).toBe(first);
		const noCache = fakeFetch({simple: 'failed'});
		const fresh = createCorsFetch({fetch: noCache.fetch, cacheTtl: 0});
		await fresh(URL_).catch(() => {});
		await fresh(URL_).catch(() => {});
		expect(noCache.probes().length).toBe(2 * first);
	});

	test('per-origin rate limit: UNDETERMINED rate-limited, no probes', async () => {
		const fake = fakeFetch({simple: 'failed'});
		const fetch = createCorsFetch({fetch: fake.fetch, rateLimit: 2});
		await fetch(URL_ + '/a').catch(() => {});
		await fetch(URL_ + '/b').catch(() => {});
		const before = fake.probes().length;
		await expect(fetch(URL_ + '/c')).rejects.toMatchObject({code: 'UNDETERMINED', reason: 'rate-limited'});
		expect(fake.probes().length).toBe(before);
		// Another origin has its own allowance.
		await expect(fetch('https://other.example.com/x')).rejects.toMatchObject({code: 'ORIGIN_NOT_ALLOWED'});
	});

	test('probe timeout: UNDETERMINED timeout', async () => {
		const {error} = await fail({delay: 200}, {}, URL_, {probeTimeout: 20});
		expect(error).toMatchObject({code: 'UNDETERMINED', reason: 'timeout'});
		expect(error.evidence.every(p => p.outcome === 'timeout')).toBe(true);
	});

	test('the caller\'s abort during diagnosis cancels the probes and rejects with the abort reason', async () => {
		const fake = fakeFetch({delay: 500});
		const controller = new AbortController();
		const reason = new Error('user left the page');
		setTimeout(() => controller.abort(reason), 30);
		// Ordering, not a stopwatch: when the call rejects, no probe has run its 500 ms course to a response.
		let answered = 0;
		const fetch: typeof globalThis.fetch = async (input, init) => {
			const response = await fake.fetch(input, init);
			answered++;
			return response;
		};
		await expect(createCorsFetch({fetch})(URL_, {signal: controller.signal})).rejects.toBe(reason);
		expect(answered).toBe(0);
		expect(fake.probes().length).toBeGreaterThan(0);
		expect(fake.probes().every(p => p.init.signal?.aborted)).toBe(true);
	});

	test('one waiter aborting does not cancel the wave the others share', async () => {
		const fake = fakeFetch({simple: 'failed', delay: 50});
		const fetch = createCorsFetch({fetch: fake.fetch});
		const controller = new AbortController();
		const aborted = fetch(URL_, {signal: controller.signal});
		const other = fetch(URL_);
		controller.abort(new Error('gone'));
		await expect(aborted).rejects.toThrow('gone');
		await expect(other).rejects.toMatchObject({code: 'ORIGIN_NOT_ALLOWED'});
	});
});

describe('HEADER_NOT_EXPOSED', () => {
	test('an expected header reading null on a CORS response throws', async () => {
		const fake = fakeFetch({}, async () => corsResponse({'x-total': '3'}));
		const fetch = createCorsFetch({fetch: fake.fetch, expectHeaders: ['x-total', 'x-page']});
		const error = await fetch(URL_).catch((error: unknown) => error) as CorsError;
		expect(error.code).toBe('HEADER_NOT_EXPOSED');
		expect(error.names).toEqual(['x-page']);
		expect(error.hints).toEqual([{header: 'Access-Control-Expose-Headers', value: 'x-page', on: 'actual'}]);
	});

	test('all expected headers present: the same response', async () => {
		const response = corsResponse({'x-total': '3'});
		const fetch = createCorsFetch({fetch: fakeFetch({}, async () => response).fetch, expectHeaders: ['x-total']});
		expect(await fetch(URL_)).toBe(response);
	});
});

describe('options', () => {
	test.each([
		[{fetch: 'nope'}, '`fetch` option must be a function'],
		[{onDiagnosis: 1}, '`onDiagnosis` option must be a function'],
		[{probeTimeout: -1}, '`probeTimeout` option must be a non-negative number'],
		[{rateLimit: Number.NaN}, '`rateLimit` option must be a non-negative number'],
		[{expectHeaders: 'x-a'}, '`expectHeaders` option must be an array'],
	])('%j is refused with a TypeError naming it', (options, message) => {
		expect(() => createCorsFetch(options as never)).toThrow(TypeError);
		expect(() => createCorsFetch(options as never)).toThrow(message);
	});

	test('the default fetch is resolved at call time', async () => {
		const response = corsResponse();
		const original = globalThis.fetch;
		const fetch = createCorsFetch();
		globalThis.fetch = async () => response;
		try {
			expect(await fetch(URL_)).toBe(response);
		} finally {
			globalThis.fetch = original;
		}
	});
});
