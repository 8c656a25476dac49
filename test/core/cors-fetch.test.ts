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
	test.each<[string, Scenario, RequestInit, string, string, string[]?]>([
		['no ACAO (the plain GET itself is the simple probe)', {'simple-manual': 'failed'}, {}, 'ORIGIN_NOT_ALLOWED', 'likely'],
		['redirect without CORS', {'simple-manual': 'opaqueredirect'}, {}, 'REDIRECT_NOT_ALLOWED', 'likely'],
		['credentials refused', {credentialed: 'failed'}, {credentials: 'include', headers: {'x-a': '1'}}, 'CREDENTIALS_NOT_ALLOWED', 'likely'],
		['one header refused', {header: {'x-api-key': 'failed'}}, {headers: {'X-Api-Key': 'secret-value', 'X-Trace': 't'}}, 'HEADER_NOT_ALLOWED', 'likely', ['x-api-key']],
		['single header refused, control passes', {header: {'x-api-key': 'failed'}}, {headers: {'x-api-key': 'secret-value'}}, 'HEADER_NOT_ALLOWED', 'likely', ['x-api-key']],
		['preflight broken', {header: {'x-api-key': 'failed'}, control: 'failed'}, {headers: {'x-api-key': 'secret-value'}}, 'PREFLIGHT_REJECTED', 'likely'],
		['method by elimination', {}, {method: 'PUT', body: '{"a":1}'}, 'METHOD_NOT_ALLOWED', 'possible', ['PUT']],
		['everything passes for a preflighted GET', {}, {headers: {'x-b': '1'}}, 'ERROR_RESPONSE_WITHOUT_CORS', 'possible'],
		['content-type refused', {header: {'content-type': 'failed'}}, {method: 'POST', body: '{}', headers: {'content-type': 'application/json'}}, 'HEADER_NOT_ALLOWED', 'likely', ['content-type']],
	])('%s -> %s', async (_, scenario, init, code, confidence, names) => {
		const {error} = await fail(scenario, init);
		expect(error).toBeInstanceOf(CorsError);
		expect(error.code).toBe(code);
		expect(error.confidence).toBe(confidence);
		expect(error.cause).toEqual(new TypeError('Failed to fetch'));
		if (names) {
			expect(error.names).toEqual(names);
		}
		expect(error.evidence.length).toBeGreaterThanOrEqual(3);
	});

	test('an allowed unsafe method whose response lacks CORS: alternatives and mayHaveRun say the request may have run', async () => {
		const {error} = await fail({}, {method: 'DELETE'});
		expect(error).toMatchObject({code: 'METHOD_NOT_ALLOWED', mayHaveRun: true});
		expect(error.alternatives).toEqual([{
			code: 'ERROR_RESPONSE_WITHOUT_CORS',
			tellsApart: expect.stringContaining('the request ran'),
			check: 'npx cors-doctor check https://api.example.com/items --origin http://localhost:3000 --method DELETE',
		}]);
		expect(error.toJSON()).toMatchObject({mayHaveRun: true, alternatives: [{code: 'ERROR_RESPONSE_WITHOUT_CORS'}]});
	});

	test('a refused header: the request never left (mayHaveRun false)', async () => {
		const {error} = await fail({header: {'x-api-key': 'failed'}}, {method: 'PUT', headers: {'x-api-key': 'k'}});
		expect(error).toMatchObject({code: 'HEADER_NOT_ALLOWED', mayHaveRun: false, alternatives: []});
	});

	test('message names the header and the redacted URL', async () => {
		const {error} = await fail({header: {'x-api-key': 'failed'}}, {headers: {'x-api-key': 'k'}});
		expect(error.message).toBe('[cors-doctor] HEADER_NOT_ALLOWED: GET https://api.example.com/items was blocked: the preflight does not allow request header "x-api-key".');
		expect(error.request).toEqual({method: 'GET', url: URL_, pageOrigin: PAGE, targetOrigin: 'https://api.example.com', mode: 'cors', credentials: 'same-origin', preflight: true, triggers: ['x-api-key']});
	});

	test('an origin that granted CORS before: ERROR_RESPONSE_WITHOUT_CORS', async () => {
		let ok = true;
		const fake = fakeFetch({}, async () => {
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
		['public page (address) to a private address', 'http://192.168.1.10/x', {}, 'LOCAL_NETWORK_ACCESS', 'http://203.0.113.7'],
	])('%s', async (_, url, init, code, pageOrigin) => {
		const {error, fake} = await fail({}, init, url, pageOrigin ? {pageOrigin} : {});
		expect(error.code).toBe(code);
		expect(error.confidence).toBe(code === 'LOCAL_NETWORK_ACCESS' ? 'likely' : 'certain');
		expect(error.evidence).toEqual([]);
		expect(fake.probes()).toHaveLength(0);
	});

	test('a page on a host name proves no address space: no LOCAL_NETWORK_ACCESS, the probes decide', async () => {
		// app.test, lvh.me, *.localhost-style set-ups resolve to loopback: the browser blocks nothing.
		const {error, fake} = await fail({reach: 'failed', 'simple-manual': 'failed'}, {}, 'http://127.0.0.1:9/x', {pageOrigin: 'http://app.test'});
		expect(error).toEqual(new TypeError('Failed to fetch'));
		expect(fake.probes().length).toBeGreaterThan(0);
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

	test('credentials: include only when the original had it, and then on every probe where it changes the answer', async () => {
		const {fake} = await fail({}, {credentials: 'include', headers: {'x-a': '1'}});
		expect(fake.probes().filter(p => p.init.credentials === 'include').map(p => p.probe).sort()).toEqual(['control', 'credentialed', 'header']);
		const without = await fail({}, {headers: {'x-a': '1'}});
		expect(without.fake.probes().every(p => p.init.credentials === 'omit')).toBe(true);
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
		const {error} = await fail({}, {}, 'https://user:pw@api.example.com/items?token=s3cret#frag');
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
		expect(results.every(r => r.status === 'rejected' && (r.reason as CorsError).code === 'PREFLIGHT_REJECTED')).toBe(true);
		// One wave: reach, simple, simple-manual, one header probe and its control.
		expect(fake.probes()).toHaveLength(5);
	});

	test('a repeated failure is answered from the cache (0 probes); an expired cache probes again', async () => {
		const fake = fakeFetch({});
		const fetch = createCorsFetch({fetch: fake.fetch});
		await fetch(URL_).catch(() => {});
		const first = fake.probes().length;
		await expect(fetch(URL_)).rejects.toMatchObject({code: 'ORIGIN_NOT_ALLOWED'});
		expect(fake.probes().length).toBe(first);
		const noCache = fakeFetch({});
		const fresh = createCorsFetch({fetch: noCache.fetch, cacheTtl: 0});
		await fresh(URL_).catch(() => {});
		await fresh(URL_).catch(() => {});
		expect(noCache.probes().length).toBe(2 * first);
	});

	test('probe budget: past it, the verdict comes from what the origin taught, or the platform error stands', async () => {
		const fake = fakeFetch({});
		const diagnoses: Diagnosis[] = [];
		// A plain GET sends 2 probes (reach, simple-manual): of a budget of 6, waves may use 5 (a sixth is kept to confirm
		// reused verdicts), so two waves fit.
		const fetch = createCorsFetch({fetch: fake.fetch, probeBudget: 6, onDiagnosis: d => diagnoses.push(d)});
		await fetch(URL_ + '/a').catch(() => {});
		await fetch(URL_ + '/b').catch(() => {});
		const before = fake.probes().length;
		expect(before).toBe(4);
		// Borrowed from /a or /b (same shape), after one reach probe showed /c answers.
		const learned = await fetch(URL_ + '/c').catch((error: unknown) => error) as CorsError;
		expect(learned).toMatchObject({code: 'ORIGIN_NOT_ALLOWED', confidence: 'possible'});
		expect(learned.evidence.filter(p => p.from !== 'origin')).toMatchObject([{probe: 'reach', outcome: 'opaque'}]);
		expect(fake.probes().length).toBe(before + 1);
		// A request shape nothing was learned about: the platform's error, never UNDETERMINED.
		const original = await fetch(URL_ + '/d', {method: 'PUT'}).catch((error: unknown) => error);
		expect(original).toEqual(new TypeError('Failed to fetch'));
		expect(diagnoses.at(-1)).toEqual({kind: 'unclassified', reason: 'probe-budget'});
		expect(fake.probes().length).toBe(before + 1);
		// Another origin has its own budget.
		await expect(fetch('https://other.example.com/x')).rejects.toMatchObject({code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely'});
	});

	test('the budget is a hard bound even for concurrent failures, and a burst still gets verdicts, never UNDETERMINED', async () => {
		const fake = fakeFetch({delay: 5});
		const fetch = createCorsFetch({fetch: fake.fetch, probeBudget: 6});
		const results = await Promise.allSettled(Array.from({length: 12}, (_, index) => fetch(`${URL_}/${String.fromCharCode(97 + index)}`)));
		expect(fake.probes().length).toBeLessThanOrEqual(6);
		const codes = results.map(result => ((result as PromiseRejectedResult).reason as CorsError).code ?? 'platform error');
		// Probed, or learned from the origin after a reach probe: the same code. Past the budget: the platform's error.
		// Never UNDETERMINED.
		expect(new Set(codes)).toEqual(new Set(['ORIGIN_NOT_ALLOWED', 'platform error']));
		expect(codes.filter(code => code === 'ORIGIN_NOT_ALLOWED').length).toBeGreaterThanOrEqual(4);
	});

	test('probe sampling: an unsampled failure probes nothing', async () => {
		const fake = fakeFetch({});
		const error = await createCorsFetch({fetch: fake.fetch, probeSampleRate: 0})(URL_).catch((error: unknown) => error);
		expect(error).toEqual(new TypeError('Failed to fetch'));
		expect(fake.probes()).toHaveLength(0);
	});

	test('a cached verdict yields to newer evidence: a network failure on the origin', async () => {
		let down = false;
		const fake = fakeFetch({}, () => Promise.reject(new TypeError('Failed to fetch')));
		const probe = fake.fetch;
		const fetch = createCorsFetch({fetch: async (input, init) => {
			if (down && init?.cache === 'no-store') {
				throw new TypeError('Failed to fetch');
			}
			return probe(input, init);
		}});
		await expect(fetch(URL_)).rejects.toMatchObject({code: 'ORIGIN_NOT_ALLOWED'});
		down = true;
		// The origin answered too long ago to trust the cached verdict without one reach probe.
		vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 5000);
		await expect(fetch(URL_)).rejects.toEqual(new TypeError('Failed to fetch'));
	});

	test('a cached verdict yields to a success on the origin (the verdict had assumed it grants no CORS)', async () => {
		let ok = false;
		const fake = fakeFetch({}, async () => {
			if (ok) {
				return corsResponse();
			}
			throw new TypeError('Failed to fetch');
		});
		const fetch = createCorsFetch({fetch: fake.fetch});
		await expect(fetch(URL_ + '/a')).rejects.toMatchObject({code: 'ORIGIN_NOT_ALLOWED'});
		ok = true;
		await fetch(URL_ + '/b');
		ok = false;
		await expect(fetch(URL_ + '/a')).rejects.toMatchObject({code: 'ERROR_RESPONSE_WITHOUT_CORS'});
	});

	test('probe timeout: UNDETERMINED timeout', async () => {
		const {error} = await fail({delay: 200}, {}, URL_, {probeTimeout: 20});
		expect(error).toMatchObject({code: 'UNDETERMINED', reason: 'timeout'});
		expect(error.evidence.filter(p => !p.from).every(p => p.outcome === 'timeout')).toBe(true);
	});

	test('the caller\'s abort during diagnosis cancels the probes and rejects with the abort reason', async () => {
		const fake = fakeFetch({delay: 500});
		const controller = new AbortController();
		const reason = new Error('user left the page');
		setTimeout(() => controller.abort(reason), 30);
		await expect(createCorsFetch({fetch: fake.fetch})(URL_, {signal: controller.signal})).rejects.toBe(reason);
		expect(fake.probes().length).toBeGreaterThan(0);
		expect(fake.probes().every(p => p.init.signal?.aborted)).toBe(true);
	});

	test('one waiter aborting does not cancel the wave the others share', async () => {
		const fake = fakeFetch({delay: 50});
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
		[{probeBudget: Number.NaN}, '`probeBudget` option must be a non-negative number'],
		[{probes: 'no'}, '`probes` option must be a boolean'],
		[{probeSampleRate: 2}, '`probeSampleRate` option must be a number from 0 to 1'],
		[{rateLimit: 6}, '`rateLimit` option must be a known option'],
		[{pageOrigin: 'not a url'}, '`pageOrigin` option must be an origin'],
		[{pageOrigin: 'mailto:x@example.com'}, '`pageOrigin` option must be an origin'],
		[{expectHeaders: 'x-a'}, '`expectHeaders` option must be an array'],
	])('%j is refused with a TypeError naming it', (options, message) => {
		expect(() => createCorsFetch(options as never)).toThrow(TypeError);
		expect(() => createCorsFetch(options as never)).toThrow(message);
	});

	test('an option set to undefined takes its default', async () => {
		const {error} = await fail({}, {}, URL_, {probeTimeout: undefined, probes: undefined});
		expect(error.code).toBe('ORIGIN_NOT_ALLOWED');
	});

	test('pageOrigin with a trailing slash: a same-origin failure stays the platform error and sends no probe', async () => {
		const {error, fake} = await fail({}, {}, 'https://app.example.com/api', {pageOrigin: 'https://app.example.com/'});
		expect(error).toEqual(new TypeError('Failed to fetch'));
		expect(fake.probes()).toHaveLength(0);
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

describe('engines without AbortSignal.any / AbortSignal.timeout (Safari < 17.4, Chrome < 116, Firefox < 124)', () => {
	test('probes are still sent, cancelled and timed out, and the verdict is real', async () => {
		const saved = {any: AbortSignal.any, timeout: AbortSignal.timeout};
		// Shadowed with undefined (they may be inherited statics, which delete cannot remove).
		for (const name of ['any', 'timeout']) {
			Object.defineProperty(AbortSignal, name, {value: undefined, configurable: true, writable: true});
		}
		try {
			expect(AbortSignal.any).toBeUndefined();
			expect(AbortSignal.timeout).toBeUndefined();
			const {error, fake} = await fail({header: {'x-api-key': 'failed'}}, {headers: {'x-api-key': 'k'}});
			expect(error).toMatchObject({code: 'HEADER_NOT_ALLOWED', names: ['x-api-key']});
			expect(fake.probes().length).toBeGreaterThanOrEqual(3);
			// Real outcomes, not every probe "failed" in 0 ms (what a missing AbortSignal.any once gave).
			expect(error.evidence.filter(probe => !probe.from).map(probe => probe.outcome)).toContain('opaque');
			const slow = await fail({delay: 200}, {}, URL_, {probeTimeout: 20});
			expect(slow.error).toMatchObject({code: 'UNDETERMINED', reason: 'timeout'});
		} finally {
			for (const [name, value] of Object.entries(saved)) {
				Object.defineProperty(AbortSignal, name, {value, configurable: true, writable: true});
			}
		}
	});
});

describe('credentialed probes go second (a 401 with WWW-Authenticate: Basic makes engines wait on, or raise, a login prompt)', () => {
	test('when the uncredentialed probes decide (auth before CORS fails them all), no credentialed probe is sent', async () => {
		const {error, fake} = await fail({simple: 'failed', 'simple-manual': 'failed'}, {credentials: 'include', headers: {'x-api-key': 'k'}});
		expect(error.code).toBe('PREFLIGHT_REJECTED');
		expect(fake.probes().every(probe => probe.init.credentials === 'omit')).toBe(true);
		// Never sent, so not in the evidence either.
		expect(error.evidence.some(probe => probe.sent.credentials === 'include')).toBe(false);
	});

	test('when they leave the verdict open, the credentialed ones follow, after the uncredentialed ones answered', async () => {
		const {error, fake} = await fail({credentialed: 'failed'}, {credentials: 'include', headers: {'x-api-key': 'k'}});
		expect(error.code).toBe('CREDENTIALS_NOT_ALLOWED');
		const order = fake.probes().map(probe => probe.init.credentials);
		expect(order.indexOf('include')).toBeGreaterThan(order.lastIndexOf('omit'));
	});
});
