import {describe, expect, test} from 'vitest';
import {readFailure} from '../../src/core/context';
import {dummyValue, MAX_HEADER_PROBES, planProbes} from '../../src/core/plan';
import {corsUnsafeRequestHeaderNames, safelistedHeaderReason, type HeaderReason} from '../../src/rules/headers';

const PAGE = 'https://app.example.com';
const URL_ = 'https://api.example.com/items';
const plan = (init: RequestInit = {}) => planProbes(readFailure(URL_, init, PAGE, new TypeError('Failed to fetch'), 0));
const control = (probes: ReturnType<typeof plan>) => probes.send.find(p => p.probe === 'control');

describe('planProbes: the control probe', () => {
	test('asks for content-type with a non-safelisted value, which allow-list servers accept when their preflight works', () => {
		// Measured by the bench: a made-up control header is refused by servers that only allow content-type.
		expect(control(plan({headers: {'x-api-key': 'k'}}))?.init.headers).toEqual({'content-type': 'application/x-cors-doctor-probe'});
	});

	test('uses a made-up header when the request itself sends content-type', () => {
		expect(control(plan({method: 'POST', headers: {'content-type': 'application/json'}}))?.init.headers).toEqual({'x-cors-doctor-probe': 'cors-doctor-probe'});
	});

	test('checks a method-only preflight, and is absent when nothing is preflighted', () => {
		expect(control(plan({method: 'PUT'}))?.header).toBe('content-type');
		expect(control(plan())).toBeUndefined();
	});
});

describe('planProbes: safety', () => {
	const cases: RequestInit[] = [
		{},
		{method: 'PUT', body: 'secret-body', credentials: 'include', headers: {'x-api-key': 'secret', authorization: 'Bearer secret'}},
		{method: 'DELETE', headers: {'content-type': 'application/json'}},
		{method: 'HEAD', headers: {'accept-language': 'x'.repeat(200)}},
		{method: 'PATCH', credentials: 'same-origin', headers: Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map(n => [`x-${n}`, 'secret']))},
	];

	test.each(cases)('only GET/HEAD, no body, no real header value, credentials only where the original had them: %j', init => {
		const {send} = plan(init);
		expect(send.length).toBeLessThanOrEqual(8);
		for (const probe of send) {
			expect(['GET', 'HEAD']).toContain(probe.init.method);
			expect(probe.init.body).toBeUndefined();
			expect(JSON.stringify(probe.init.headers ?? {})).not.toMatch(/secret|Bearer|x{5}/);
			expect(Object.keys(probe.init.headers ?? {}).length).toBeLessThanOrEqual(1);
			if (init.credentials !== 'include') {
				expect(probe.init.credentials).toBe('omit');
			}
		}
	});

	test('credentials are mirrored on the credentialed, header and control probes (with credentials `*` is literal)', () => {
		const {send} = plan({method: 'PUT', credentials: 'include', headers: {'x-api-key': 'k'}});
		expect(send.filter(p => p.init.credentials === 'include').map(p => p.probe)).toEqual(['credentialed', 'header', 'control']);
		expect(send.find(p => p.probe === 'reach')?.init.credentials).toBe('omit');
		expect(send.find(p => p.probe === 'simple')?.init.credentials).toBe('omit');
	});

	test(`at most ${MAX_HEADER_PROBES} header probes; the rest are unprobed`, () => {
		const result = plan({credentials: 'include', headers: Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map(n => [`x-${n}`, '1']))});
		expect(result.send.filter(p => p.probe === 'header')).toHaveLength(MAX_HEADER_PROBES);
		expect(result.unprobed).toEqual(['x-d', 'x-e']);
		expect(result.send).toHaveLength(8);
	});
});

describe('planProbes: the original request is evidence', () => {
	test('a plain GET already failed the simple probe: it is not sent again', () => {
		const result = plan();
		expect(result.send.map(p => p.probe)).toEqual(['reach', 'simple-manual']);
		expect(result.known).toMatchObject([{probe: 'simple', outcome: 'failed', from: 'original'}]);
	});

	test('a credentialed GET already failed the credentialed probe', () => {
		const result = plan({credentials: 'include'});
		expect(result.send.map(p => p.probe)).toEqual(['reach', 'simple', 'simple-manual']);
		expect(result.known).toMatchObject([{probe: 'credentialed', outcome: 'failed', from: 'original'}]);
	});

	test('a request with unsafe headers, an unsafe method or its own redirect mode is probed in full', () => {
		expect(plan({headers: {'x-a': '1'}}).known).toEqual([]);
		expect(plan({method: 'PUT'}).known).toEqual([]);
		expect(plan({redirect: 'manual'}).known).toEqual([]);
	});
});

describe('dummyValue: a probe is preflighted for the same reason as the original', () => {
	// Each value that makes a header unsafe, from the Fetch standard's safelist rules.
	const originals: Array<[string, string]> = [
		['x-api-key', 'k'],
		['accept', 'text/html(x)'],
		['accept', 'b'.repeat(129)],
		['accept-language', 'en'.repeat(70)],
		['accept-language', 'en@x'],
		['content-language', 'de;q=1'.repeat(30)],
		['content-type', 'application/json'],
		['content-type', 'text/plain; x="("'],
		['content-type', 'nonsense'],
		['range', 'bytes=0-1,5-6'],
		['range', 'bytes=-500'],
	];

	test.each(originals)('%s: %s', (name, value) => {
		const reason = safelistedHeaderReason(name, value) as HeaderReason;
		expect(reason).toBeDefined();
		const dummy = dummyValue(name, reason);
		expect(safelistedHeaderReason(name, dummy)).toBeDefined();
		expect(dummy).not.toBe(value);
		// The preflight asks for the same header name.
		expect(corsUnsafeRequestHeaderNames([[name, dummy]]).map(h => h.name)).toEqual([name]);
	});

	test('a header unsafe only because the safelisted values exceed 1024 bytes in total stays unsafe alone', () => {
		const dummy = dummyValue('accept', 'total-size-over-1024');
		expect(safelistedHeaderReason('accept', dummy)).toBeDefined();
	});

	test('the probe of a value-unsafe header reproduces it (not a short, safelisted dummy)', () => {
		const {send} = plan({headers: {'content-language': 'x'.repeat(200)}});
		const probe = send.find(p => p.probe === 'header')!;
		const [[name, value]] = Object.entries(probe.init.headers as Record<string, string>) as [[string, string]];
		expect(name).toBe('content-language');
		expect(safelistedHeaderReason(name, value)).toBeDefined();
	});
});
