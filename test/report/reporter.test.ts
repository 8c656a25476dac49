// @vitest-environment happy-dom
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {createCorsFetch} from '../../src/core/cors-fetch';
import type {Diagnosis} from '../../src/core/types';
import {CorsError} from '../../src/errors/CorsError';
import type {CorsCode} from '../../src/codes';
import {createReporter, type ReportEvent} from '../../src/report/reporter';
import {fakeFetch} from '../core/fake-fetch';

const request = (method = 'GET', targetOrigin = 'https://api.example.com') => ({
	method, url: `${targetOrigin}/items`, pageOrigin: 'https://app.example.com', targetOrigin,
	mode: 'cors' as const, credentials: 'same-origin' as const, preflight: false, triggers: [],
});
const cors = (code: CorsCode = 'ORIGIN_NOT_ALLOWED', method?: string, target?: string): Diagnosis =>
	({kind: 'cors', error: new CorsError({code, confidence: 'likely', request: request(method, target)})});

// Lets queued microtasks (where the reporter sends) run, without advancing fake time.
const drain = async () => {
	for (let i = 0; i < 5; i++) {
		await Promise.resolve();
	}
};

const collect = (options: Partial<Parameters<typeof createReporter>[0]> = {}) => {
	const events: ReportEvent[] = [];
	const reporter = createReporter({send: event => events.push(event), windowMs: 60_000, ...options});
	return {events, reporter};
};

describe('deduplication window (fake timers)', () => {
	beforeEach(() => {
		vi.useFakeTimers({toFake: ['Date', 'setTimeout']});
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	test('a storm of 1,000 identical failures in one window sends one event', async () => {
		const {events, reporter} = collect();
		for (let i = 0; i < 1000; i++) {
			reporter(cors());
		}
		await drain();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({suppressed: 0, sampleRate: 1, error: {code: 'ORIGIN_NOT_ALLOWED', schemaVersion: 2}});
	});

	test('1,000 failures spread over five windows: one event per window, the duplicates counted in the next event', async () => {
		const {events, reporter} = collect();
		// One failure every 300 ms for 300 s: windows open at 0, 60, 120, 180 and 240 s.
		for (let i = 0; i < 1000; i++) {
			reporter(cors());
			vi.advanceTimersByTime(300);
		}
		await drain();
		expect(events.map(event => event.suppressed)).toEqual([0, 199, 199, 199, 199]);
		reporter.flush();
		await drain();
		expect(events).toHaveLength(6);
		// Every failure is accounted for exactly once: each event stands for itself plus its suppressed count.
		expect(events.reduce((sum, event) => sum + 1 + event.suppressed, 0)).toBe(1000);
	});

	test('the window is per fingerprint: code, method and target origin each separate', async () => {
		const {events, reporter} = collect();
		for (let i = 0; i < 10; i++) {
			reporter(cors());
			reporter(cors('HEADER_NOT_ALLOWED'));
			reporter(cors('ORIGIN_NOT_ALLOWED', 'POST'));
			reporter(cors('ORIGIN_NOT_ALLOWED', 'GET', 'https://other.example.com'));
		}
		await drain();
		expect(events.map(event => event.error.fingerprint.join(' '))).toEqual([
			'CorsError ORIGIN_NOT_ALLOWED GET https://api.example.com',
			'CorsError HEADER_NOT_ALLOWED GET https://api.example.com',
			'CorsError ORIGIN_NOT_ALLOWED POST https://api.example.com',
			'CorsError ORIGIN_NOT_ALLOWED GET https://other.example.com',
		]);
	});

	test('windowMs: 0 sends every failure', async () => {
		const {events, reporter} = collect({windowMs: 0});
		for (let i = 0; i < 5; i++) {
			reporter(cors());
		}
		await drain();
		expect(events).toHaveLength(5);
	});

	test('flush sends nothing when nothing is held back, and clears what it sent', async () => {
		const {events, reporter} = collect();
		reporter(cors());
		reporter.flush();
		await drain();
		expect(events).toHaveLength(1);
		reporter(cors());
		reporter(cors());
		reporter.flush();
		reporter.flush();
		await drain();
		expect(events.map(event => event.suppressed)).toEqual([0, 1]);
	});

	test('thousands of distinct fingerprints stay bounded and recent ones still deduplicate', async () => {
		const {events, reporter} = collect();
		for (let i = 0; i < 3000; i++) {
			reporter(cors('ORIGIN_NOT_ALLOWED', 'GET', `https://api${i}.example.com`));
		}
		reporter(cors('ORIGIN_NOT_ALLOWED', 'GET', 'https://api2999.example.com'));
		await drain();
		expect(events).toHaveLength(3000);
	});
});

describe('sampling', () => {
	test('decided once per window with the injected source; unsampled windows send and count nothing', async () => {
		vi.useFakeTimers({toFake: ['Date']});
		try {
			const draws = [0.9, 0.1, 0.7];
			const {events, reporter} = collect({sampleRate: 0.5, random: () => draws.shift()!});
			for (const _ of [1, 2, 3]) {
				for (let i = 0; i < 100; i++) {
					reporter(cors());
				}
				vi.advanceTimersByTime(60_000);
			}
			await drain();
			// Window 1 (0.9) dropped, window 2 (0.1) sent with nothing before it, window 3 (0.7) dropped.
			expect(draws).toEqual([]);
			expect(events).toHaveLength(1);
			expect(events[0]).toMatchObject({suppressed: 0, sampleRate: 0.5});
			reporter.flush();
			await drain();
			expect(events.map(event => event.suppressed)).toEqual([0, 98]);
		} finally {
			vi.useRealTimers();
		}
	});

	test('sampleRate 0 sends nothing; 1 never draws', async () => {
		const random = vi.fn(() => 0);
		const none = collect({sampleRate: 0, random});
		none.reporter(cors());
		const all = collect({random});
		all.reporter(cors());
		await drain();
		expect(none.events).toEqual([]);
		expect(all.events).toHaveLength(1);
		expect(random).toHaveBeenCalledTimes(1);
	});
});

describe('off the request path', () => {
	test('send runs in a microtask, after the call returned', async () => {
		const {events, reporter} = collect();
		reporter(cors());
		expect(events).toHaveLength(0);
		await drain();
		expect(events).toHaveLength(1);
	});

	test('a throwing or rejecting send never reaches the caller', async () => {
		const unhandled = vi.fn();
		process.on('unhandledRejection', unhandled);
		try {
			const throwing = createReporter({send: () => {
				throw new Error('boom');
			}});
			const rejecting = createReporter({send: () => Promise.reject(new Error('boom'))});
			expect(() => throwing(cors())).not.toThrow();
			expect(() => rejecting(cors())).not.toThrow();
			await drain();
			await new Promise(resolve => setTimeout(resolve, 10));
			expect(unhandled).not.toHaveBeenCalled();
		} finally {
			process.off('unhandledRejection', unhandled);
		}
	});

	test('garbage in does not throw', () => {
		const {reporter} = collect();
		expect(() => reporter(undefined as never)).not.toThrow();
		expect(() => reporter({kind: 'cors', error: {}} as never)).not.toThrow();
	});

	test('network failures and same-origin requests are not reported', async () => {
		const {events, reporter} = collect();
		reporter({kind: 'network', reason: 'unreachable', evidence: []});
		reporter({kind: 'not-cross-origin'});
		await drain();
		expect(events).toEqual([]);
	});
});

describe('the app hook', () => {
	test('rewrites the event', async () => {
		const {events, reporter} = collect({redact: event => ({...event, error: {...event.error, message: 'rewritten'}})});
		reporter(cors());
		await drain();
		expect(events[0]!.error.message).toBe('rewritten');
	});

	test('drops with null, and a throwing hook drops too', async () => {
		const dropped = collect({redact: event => event.error.code === 'UNDETERMINED' ? null : event});
		dropped.reporter(cors('UNDETERMINED'));
		dropped.reporter(cors('ORIGIN_NOT_ALLOWED'));
		const throwing = collect({redact: () => {
			throw new Error('hook bug');
		}});
		throwing.reporter(cors());
		await drain();
		expect(dropped.events.map(event => event.error.code)).toEqual(['ORIGIN_NOT_ALLOWED']);
		expect(throwing.events).toEqual([]);
	});
});

test('options are validated once with clear TypeErrors', () => {
	expect(() => createReporter({} as never)).toThrow(new TypeError('The `send` option must be a function'));
	expect(() => createReporter({send() {}, windowMs: -1})).toThrow('`windowMs` option must be a non-negative number');
	expect(() => createReporter({send() {}, windowMs: Number.NaN})).toThrow('`windowMs`');
	expect(() => createReporter({send() {}, sampleRate: 2})).toThrow('`sampleRate` option must be a number from 0 to 1');
	expect(() => createReporter({send() {}, redact: 'x' as never})).toThrow('`redact` option must be a function');
	expect(() => createReporter({send() {}, random: 1 as never})).toThrow('`random` option must be a function');
});

describe('through the real classifier (createCorsFetch with a fetch that fails like a browser)', () => {
	test('50 concurrent identical failures: one event, with the real code and nothing sensitive', async () => {
		const {events, reporter} = collect();
		const fake = fakeFetch({simple: 'failed', 'simple-manual': 'failed'});
		const fetch = createCorsFetch({fetch: fake.fetch, onDiagnosis: reporter});
		const url = 'https://alice:pa55word@api.example.com/items?token=QUERY-SECRET#FRAGMENT-SECRET';
		const errors = await Promise.all(Array.from({length: 50}, () =>
			fetch(url, {headers: {authorization: 'Bearer HEADER-SECRET'}}).catch((error: unknown) => error)));
		await drain();
		expect(errors.every(error => error instanceof CorsError)).toBe(true);
		expect(events).toHaveLength(1);
		expect(events[0]!.error).toMatchObject({code: expect.any(String), request: {url: 'https://api.example.com/items'}});
		expect(events[0]!.error.code).toBe((errors[0] as CorsError).code);
		const serialized = JSON.stringify(events);
		for (const secret of ['QUERY-SECRET', 'FRAGMENT-SECRET', 'alice', 'pa55word', 'HEADER-SECRET', 'token=']) {
			expect(serialized).not.toContain(secret);
		}
	});
});
