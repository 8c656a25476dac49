import {describe, expect, test} from 'vitest';
import type {PlannedProbe} from '../../src/core/plan';
import {runProbes} from '../../src/core/probes';

const URL_ = 'https://api.example.com/items';
const timing = {timeout: 2000, limit: 2000, busy: () => false};

const get = (probe: PlannedProbe['probe'], more: RequestInit = {}, header?: string): PlannedProbe =>
	({probe, init: {method: 'GET', mode: 'cors', credentials: 'omit', ...more, ...(header && {headers: {[header]: 'cors-doctor-probe'}})}, ...(header && {header})});

const mirrored = {credentials: 'include' as const};
const wave = [
	get('reach', {mode: 'no-cors'}),
	get('simple'),
	get('simple-manual', {redirect: 'manual'}),
	get('credentialed', mirrored),
	get('header', mirrored, 'x-a'),
	get('control', mirrored, 'content-type'),
];

// A fetch that answers each probe after `ms[name]` (a CORS failure when `fails` has it), honouring the abort signal, and
// records the order requests were made in and which were aborted while still out.
const timed = (ms: Record<string, number>, fails: readonly string[] = []) => {
	const order: string[] = [];
	const aborted: string[] = [];
	const nameOf = (init: RequestInit) => Object.keys(init.headers ?? {})[0] ?? (init.mode === 'no-cors' ? 'reach' : init.redirect === 'manual' ? 'simple-manual' : init.credentials === 'include' ? 'credentialed' : 'simple');
	const fetch = async (_: RequestInfo | URL, init: RequestInit = {}) => {
		const name = nameOf(init);
		order.push(name);
		expect(init.cache).toBe('no-store');
		return new Promise<Response>((resolve, reject) => {
			let pending = true;
			const timer = setTimeout(() => {
				pending = false;
				if (fails.includes(name)) {
					reject(new TypeError('Failed to fetch'));
				} else {
					const response = new Response(null, {status: 204});
					Object.defineProperty(response, 'type', {value: init.mode === 'no-cors' ? 'opaque' : 'cors'});
					resolve(response);
				}
			}, ms[name] ?? 5);
			init.signal?.addEventListener('abort', () => {
				if (pending) {
					pending = false;
					clearTimeout(timer);
					aborted.push(name);
					reject(new DOMException('aborted', 'AbortError'));
				}
			});
		});
	};
	return {fetch: fetch as typeof globalThis.fetch, order, aborted};
};

const outcomes = (probes: Awaited<ReturnType<typeof runProbes>>) => Object.fromEntries(probes.map(probe => [probe.sent.header ?? probe.probe, probe.outcome]));

describe('runProbes', () => {
	test('credentialed probes go only after the uncredentialed ones answered and left the verdict open', async () => {
		const fake = timed({});
		const probes = await runProbes(fake.fetch, URL_, wave, timing, new AbortController().signal, () => false);
		expect(fake.order.slice(0, 3).sort()).toEqual(['reach', 'simple', 'simple-manual']);
		expect(fake.order.slice(3).sort()).toEqual(['content-type', 'credentialed', 'x-a']);
		expect(outcomes(probes)).toEqual({reach: 'opaque', simple: 'ok', 'simple-manual': 'ok', credentialed: 'ok', 'x-a': 'ok', 'content-type': 'ok'});
		expect(probes.find(probe => probe.probe === 'simple')).toMatchObject({status: 204});

		// Decided by the uncredentialed answers (auth before CORS fails them all): no credentialed request at all.
		const decided = timed({}, ['simple', 'simple-manual']);
		const early = await runProbes(decided.fetch, URL_, wave, timing, new AbortController().signal, settled => settled.length === 3);
		expect(decided.order.sort()).toEqual(['reach', 'simple', 'simple-manual']);
		expect(early.map(probe => probe.probe).sort()).toEqual(['reach', 'simple', 'simple-manual']);
	});

	test('a URL that answers an uncredentialed probe 401/407 gets no credentialed request (it could raise a login prompt)', async () => {
		for (const status of [401, 407]) {
			const calls: RequestInit[] = [];
			const fetch = (async (_: RequestInfo | URL, init: RequestInit = {}) => {
				calls.push(init);
				const response = new Response(null, {status: init.mode === 'no-cors' ? 200 : status});
				Object.defineProperty(response, 'type', {value: init.mode === 'no-cors' ? 'opaque' : 'cors'});
				return response;
			}) as typeof globalThis.fetch;
			const probes = await runProbes(fetch, URL_, wave, timing, new AbortController().signal, () => false);
			expect(calls.filter(init => init.credentials === 'include')).toEqual([]);
			expect(calls).toHaveLength(5);
			expect(probes.find(probe => probe.probe === 'credentialed')).toMatchObject({outcome: 'withheld', ms: 0});
			// The header and control probes went, without credentials, and the evidence says so.
			expect(probes.filter(probe => probe.probe === 'header' || probe.probe === 'control').map(probe => [probe.sent.header, probe.sent.credentials, probe.outcome]))
				.toEqual(expect.arrayContaining([['x-a', 'omit', 'ok'], ['content-type', 'omit', 'ok']]));
		}
	});

	test('a decided wave cancels the probes still out and records them as cancelled', async () => {
		const fake = timed({reach: 5, simple: 5, 'simple-manual': 300});
		const probes = await runProbes(fake.fetch, URL_, wave.slice(0, 3), timing, new AbortController().signal, settled => settled.length === 2);
		expect(outcomes(probes)).toEqual({reach: 'opaque', simple: 'ok', 'simple-manual': 'cancelled'});
		expect(fake.aborted).toEqual(['simple-manual']);
	});

	test('a silent probe times out; the origin answering the page\'s own requests extends it up to the limit', async () => {
		const quiet = await runProbes(timed({simple: 500}).fetch, URL_, [wave[1]!], {...timing, timeout: 30, limit: 30}, new AbortController().signal, () => false);
		expect(outcomes(quiet)).toEqual({simple: 'timeout'});
		const busy = await runProbes(timed({simple: 60}).fetch, URL_, [wave[1]!], {timeout: 30, limit: 200, busy: () => true}, new AbortController().signal, () => false);
		expect(outcomes(busy)).toEqual({simple: 'ok'});
	});

	test('the caller\'s abort ends the wave: probes out are aborted, none goes second', async () => {
		const fake = timed({reach: 200, simple: 200, 'simple-manual': 200});
		const controller = new AbortController();
		setTimeout(() => controller.abort(new Error('gone')), 20);
		const probes = await runProbes(fake.fetch, URL_, wave, timing, controller.signal, () => false);
		expect(new Set(probes.map(probe => probe.outcome))).toEqual(new Set(['aborted']));
		expect(fake.order.sort()).toEqual(['reach', 'simple', 'simple-manual']);
	});

	test('an empty plan resolves at once with no evidence', async () => {
		const fake = timed({});
		expect(await runProbes(fake.fetch, URL_, [], timing, new AbortController().signal, () => false)).toEqual([]);
		expect(fake.order).toEqual([]);
	});
});
