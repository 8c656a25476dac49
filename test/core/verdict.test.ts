import {describe, expect, test} from 'vitest';
import {classify, conclude, decide, type VerdictFacts} from '../../src/core/verdict';
import type {Probe, ProbeName, ProbeOutcome} from '../../src/errors/types';

const facts: VerdictFacts = {method: 'GET', methodPreflight: false, headers: [], unprobed: [], credentials: false, grantsCors: false, methodSucceeded: false, localNetworkDenied: false};

// Compact probe outcomes: "reach=opaque simple=failed header:x-a=failed".
const probes = (spec: string): Probe[] => spec.split(' ').filter(Boolean).map(item => {
	const [left = '', outcome] = item.split('=');
	const [probe, header] = left.split(':');
	return {probe: probe as ProbeName, sent: {method: 'GET', mode: 'cors', credentials: 'omit', ...(header && {header})}, outcome: outcome as ProbeOutcome, ms: 1};
});

const codes = (verdict: ReturnType<typeof classify>) => verdict.kind === 'cors'
	? [verdict.code, verdict.confidence, verdict.names ?? [], verdict.alternatives.map(a => a.code), verdict.mayHaveRun]
	: [verdict.kind, (verdict as {reason?: string}).reason];

const put: Partial<VerdictFacts> = {method: 'PUT', methodPreflight: true};
const header: Partial<VerdictFacts> = {headers: ['x-a']};

// Rows follow research/browsers.md "Probe outcomes were identical in all three engines", plus the cases the probes
// cannot separate (every consistent cause is an alternative, and `mayHaveRun` says whether any lets the request run).
const rows: Array<[string, Partial<VerdictFacts>, string, unknown[]]> = [
	['connection refused / reset', {}, 'reach=failed simple=failed simple-manual=failed', ['network', 'unreachable']],
	['every probe fails, target local and the LNA permission denied', {localNetworkDenied: true}, 'reach=failed simple=failed simple-manual=failed', ['LOCAL_NETWORK_ACCESS', 'likely', [], [], false]],
	['reach fails but a redirect answered: reachable (an engine refusing the redirect in no-cors)', {}, 'reach=failed simple=failed simple-manual=opaqueredirect', ['REDIRECT_NOT_ALLOWED', 'likely', [], [], true]],
	['no / wrong / multiple ACAO', {}, 'reach=opaque simple=failed simple-manual=failed', ['ORIGIN_NOT_ALLOWED', 'likely', [], ['ERROR_RESPONSE_WITHOUT_CORS', 'REDIRECT_NOT_ALLOWED'], true]],
	['no ACAO here while the origin granted CORS elsewhere', {grantsCors: true}, 'reach=opaque simple=failed simple-manual=failed', ['ERROR_RESPONSE_WITHOUT_CORS', 'possible', [], ['ORIGIN_NOT_ALLOWED', 'REDIRECT_NOT_ALLOWED'], true]],
	['redirect to an origin without CORS', {}, 'reach=opaque simple=failed simple-manual=opaqueredirect', ['REDIRECT_NOT_ALLOWED', 'likely', [], [], true]],
	['preflighted request to a redirecting URL', put, 'reach=opaque simple=failed simple-manual=opaqueredirect control=failed', ['PREFLIGHT_REDIRECT', 'likely', [], ['REDIRECT_NOT_ALLOWED'], true]],
	['method-only route: GET gets a 404 without CORS, PUT preflight unknown', put, 'reach=opaque simple=failed simple-manual=failed control=failed', ['PREFLIGHT_REJECTED', 'possible', ['PUT'], ['ORIGIN_NOT_ALLOWED', 'PREFLIGHT_REDIRECT'], true]],
	['same, on an origin that grants CORS elsewhere', {...put, grantsCors: true}, 'reach=opaque simple=failed simple-manual=failed control=failed', ['PREFLIGHT_REJECTED', 'possible', ['PUT'], ['ERROR_RESPONSE_WITHOUT_CORS', 'PREFLIGHT_REDIRECT'], true]],
	['trailing-slash redirect with CORS: the GET follows it, every preflight fails', put, 'reach=opaque simple=ok simple-manual=opaqueredirect control=failed', ['PREFLIGHT_REDIRECT', 'likely', ['PUT'], ['PREFLIGHT_REJECTED'], false]],
	['ACAO * with credentials / ACAC missing', {credentials: true}, 'reach=opaque simple=ok simple-manual=ok credentialed=failed', ['CREDENTIALS_NOT_ALLOWED', 'likely', [], [], true]],
	['one header missing from ACAH', {headers: ['x-a', 'x-b']}, 'reach=opaque simple=ok simple-manual=ok header:x-a=failed header:x-b=ok control=ok', ['HEADER_NOT_ALLOWED', 'likely', ['x-a'], [], false]],
	['single header refused, control passes', header, 'reach=opaque simple=ok simple-manual=ok header:x-a=failed control=ok', ['HEADER_NOT_ALLOWED', 'likely', ['x-a'], [], false]],
	['credentialed header refused (ACAH * is literal with credentials)', {...header, credentials: true}, 'reach=opaque simple=ok simple-manual=ok credentialed=ok header:x-a=failed control=ok', ['HEADER_NOT_ALLOWED', 'likely', ['x-a'], [], false]],
	['preflight broken: single header and control fail', header, 'reach=opaque simple=ok simple-manual=ok header:x-a=failed control=failed', ['PREFLIGHT_REJECTED', 'likely', ['x-a'], ['HEADER_NOT_ALLOWED', 'PREFLIGHT_REDIRECT'], false]],
	['method-only preflight, control fails', put, 'reach=opaque simple=ok simple-manual=ok control=failed', ['PREFLIGHT_REJECTED', 'possible', ['PUT'], ['METHOD_NOT_ALLOWED', 'PREFLIGHT_REDIRECT', 'ERROR_RESPONSE_WITHOUT_CORS'], true]],
	['method missing from ACAM, or its response lacks CORS: every probe passes', put, 'reach=opaque simple=ok simple-manual=ok control=ok', ['METHOD_NOT_ALLOWED', 'possible', ['PUT'], ['ERROR_RESPONSE_WITHOUT_CORS'], true]],
	['every probe passes and this method succeeded here before: its response lacks CORS', {...put, methodSucceeded: true}, 'reach=opaque simple=ok simple-manual=ok control=ok', ['ERROR_RESPONSE_WITHOUT_CORS', 'possible', [], ['METHOD_NOT_ALLOWED'], true]],
	['method by elimination with unprobed headers', {method: 'DELETE', methodPreflight: true, headers: ['x-a'], unprobed: ['x-e']}, 'reach=opaque simple=ok simple-manual=ok header:x-a=ok control=ok', ['METHOD_NOT_ALLOWED', 'possible', ['DELETE'], ['ERROR_RESPONSE_WITHOUT_CORS', 'HEADER_NOT_ALLOWED'], true]],
	['credentialed method by elimination (ACAM * is literal with credentials)', {...put, credentials: true}, 'reach=opaque simple=ok simple-manual=ok credentialed=ok control=ok', ['METHOD_NOT_ALLOWED', 'possible', ['PUT'], ['ERROR_RESPONSE_WITHOUT_CORS'], true]],
	// `withheld`: the URL answered an uncredentialed probe 401/407, so no credentialed probe was sent (a login prompt).
	['credentialed, the URL challenges (401): header and control pass without credentials', {...header, credentials: true}, 'reach=opaque simple=ok simple-manual=ok credentialed=withheld header:x-a=ok control=ok', ['CREDENTIALS_NOT_ALLOWED', 'possible', [], ['HEADER_NOT_ALLOWED', 'ERROR_RESPONSE_WITHOUT_CORS'], true]],
	['challenged, the header passes and a strict allow-list refuses the content-type control: still the credentials', {...header, credentials: true}, 'reach=opaque simple=ok simple-manual=ok credentialed=withheld header:x-a=ok control=failed', ['CREDENTIALS_NOT_ALLOWED', 'possible', [], ['HEADER_NOT_ALLOWED', 'ERROR_RESPONSE_WITHOUT_CORS'], true]],
	['the same for a method-only preflight', {...put, credentials: true}, 'reach=opaque simple=ok simple-manual=ok credentialed=withheld control=ok', ['CREDENTIALS_NOT_ALLOWED', 'possible', [], ['METHOD_NOT_ALLOWED', 'ERROR_RESPONSE_WITHOUT_CORS'], true]],
	['challenged, and a header refused even without credentials: the header', {...header, credentials: true}, 'reach=opaque simple=ok simple-manual=ok credentialed=withheld header:x-a=failed control=ok', ['HEADER_NOT_ALLOWED', 'likely', ['x-a'], [], false]],
	['everything passes, safelisted method', header, 'reach=opaque simple=ok simple-manual=ok header:x-a=ok control=ok', ['ERROR_RESPONSE_WITHOUT_CORS', 'possible', [], [], true]],
];

describe('classify: the decision table', () => {
	test.each(rows)('%s', (_, more, outcomes, expected) => {
		expect(codes(classify({...facts, ...more}, probes(outcomes)))).toEqual(expected);
	});
});

describe('decide: a wave ends once the answer is decided', () => {
	test('an opaqueredirect decides a redirect in one round trip, whatever reach and simple say', () => {
		const verdict = decide(facts, probes('simple-manual=opaqueredirect'), [{probe: 'reach'}, {probe: 'simple'}]);
		// simple could still pass, which would not be a redirect failure: not decided.
		expect(verdict).toBeUndefined();
		// With the simple probe answered by the original request itself (a plain GET), it is.
		expect(codes(decide(facts, probes('simple=failed simple-manual=opaqueredirect'), [{probe: 'reach'}])!)).toEqual(['REDIRECT_NOT_ALLOWED', 'likely', [], [], true]);
	});

	test('a refused header with the control still out is not decided (HEADER_NOT_ALLOWED or PREFLIGHT_REJECTED)', () => {
		expect(decide({...facts, ...header}, probes('reach=opaque simple=ok simple-manual=ok header:x-a=failed'), [{probe: 'control', header: 'content-type'}])).toBeUndefined();
	});

	test('a failing simple probe of a plain GET decides once reach answers', () => {
		expect(decide(facts, probes('simple=failed reach=opaque'), [{probe: 'simple-manual'}])).toBeUndefined();
		expect(codes(decide(facts, probes('simple=failed reach=opaque simple-manual=failed'), [])!)[0]).toBe('ORIGIN_NOT_ALLOWED');
	});
});

describe('conclude: timeouts', () => {
	test('a timed-out probe that could not change the answer costs nothing', () => {
		expect(codes(conclude(facts, probes('reach=opaque simple=failed simple-manual=failed credentialed=timeout')))[0]).toBe('ORIGIN_NOT_ALLOWED');
	});

	test('a timed-out probe that decides leaves UNDETERMINED (timeout)', () => {
		expect(conclude(facts, probes('reach=opaque simple=timeout simple-manual=ok'))).toMatchObject({code: 'UNDETERMINED', reason: 'timeout', mayHaveRun: true});
	});
});
