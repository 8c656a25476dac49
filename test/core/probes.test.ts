import {describe, expect, test} from 'vitest';
import {planProbes} from '../../src/core/probes';

const plan = (headers: string[], more: {method?: string; methodPreflight?: boolean; credentials?: RequestCredentials} = {}) =>
	planProbes({method: more.method ?? 'GET', credentials: more.credentials ?? 'same-origin', headers, methodPreflight: more.methodPreflight ?? false});

const control = (probes: ReturnType<typeof planProbes>) => probes.find(p => p.probe === 'control');

describe('planProbes: the control probe', () => {
	test('asks for content-type with a non-safelisted value, which allow-list servers accept when their preflight works', () => {
		// Measured by the bench: a made-up control header is refused by servers that only allow content-type,
		// which turned a single refused header into PREFLIGHT_REJECTED.
		expect(control(plan(['x-api-key']))?.init.headers).toEqual({'content-type': 'application/x-cors-doctor-probe'});
		expect(control(plan(['x-a', 'x-b']))?.header).toBe('content-type');
	});

	test('uses a made-up header when the request itself sends content-type', () => {
		expect(control(plan(['content-type']))?.init.headers).toEqual({'x-cors-doctor-probe': 'cors-doctor-probe'});
	});

	test('checks a method-only preflight, and is absent when nothing is preflighted', () => {
		expect(control(plan([], {method: 'PUT', methodPreflight: true}))?.header).toBe('content-type');
		expect(control(plan([]))).toBeUndefined();
	});

	test('never more than 8 probes, even with credentials and many headers', () => {
		expect(plan(['a', 'b', 'c', 'd', 'e', 'f'].map(n => `x-${n}`), {credentials: 'include'})).toHaveLength(8);
	});
});
