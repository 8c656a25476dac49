import {describe, expect, test} from 'vitest';
import {classify, type ClassifyFacts} from '../../src/core/classify';
import type {Probe, ProbeName, ProbeOutcome} from '../../src/errors/types';

const facts: ClassifyFacts = {method: 'GET', methodPreflight: false, unprobed: [], seenOrigin: false};

// Compact probe outcomes: "reach=opaque simple=failed header:x-a=failed".
const probes = (spec: string): Probe[] => spec.split(' ').filter(Boolean).map(item => {
	const [left = '', outcome] = item.split('=');
	const [probe, header] = left.split(':');
	return {probe: probe as ProbeName, sent: {method: 'GET', mode: 'cors', credentials: 'omit', ...(header && {header})}, outcome: outcome as ProbeOutcome, ms: 1};
});

// Rows follow research/browsers.md "Probe outcomes were identical in all three engines".
const rows: Array<[string, Partial<ClassifyFacts>, string, unknown]> = [
	['connection refused / reset', {}, 'reach=failed simple=failed simple-manual=failed', {network: 'unreachable'}],
	['reach fails but CORS passes', {}, 'reach=failed simple=ok simple-manual=ok', {code: 'UNDETERMINED', confidence: 'possible', reason: 'inconsistent'}],
	['no / wrong / multiple ACAO', {}, 'reach=opaque simple=failed simple-manual=failed', {code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely'}],
	['no ACAO on a 500 for an origin seen before', {seenOrigin: true}, 'reach=opaque simple=failed simple-manual=failed', {code: 'ERROR_RESPONSE_WITHOUT_CORS', confidence: 'likely'}],
	['redirect to an origin without CORS', {}, 'reach=opaque simple=failed simple-manual=opaqueredirect', {code: 'REDIRECT_NOT_ALLOWED', confidence: 'likely'}],
	['ACAO * with credentials / ACAC missing', {}, 'reach=opaque simple=ok simple-manual=ok credentialed=failed', {code: 'CREDENTIALS_NOT_ALLOWED', confidence: 'likely'}],
	['one header missing from ACAH', {}, 'reach=opaque simple=ok simple-manual=ok header:x-a=failed header:x-b=ok', {code: 'HEADER_NOT_ALLOWED', confidence: 'likely', names: ['x-a']}],
	['single header refused, control passes', {}, 'reach=opaque simple=ok simple-manual=ok header:x-a=failed control:content-type=ok', {code: 'HEADER_NOT_ALLOWED', confidence: 'likely', names: ['x-a']}],
	['preflight broken: single header and control fail', {}, 'reach=opaque simple=ok simple-manual=ok header:x-a=failed control:content-type=failed', {code: 'PREFLIGHT_REJECTED', confidence: 'likely', names: ['x-a']}],
	['preflight broken: every header fails', {}, 'reach=opaque simple=ok simple-manual=ok header:x-a=failed header:x-b=failed', {code: 'PREFLIGHT_REJECTED', confidence: 'likely', names: ['x-a', 'x-b']}],
	['method-only preflight, control fails', {method: 'PUT', methodPreflight: true}, 'reach=opaque simple=ok simple-manual=ok control:content-type=failed', {code: 'PREFLIGHT_REJECTED', confidence: 'possible'}],
	['method missing from ACAM (elimination)', {method: 'PUT', methodPreflight: true}, 'reach=opaque simple=ok simple-manual=ok control:content-type=ok', {code: 'METHOD_NOT_ALLOWED', confidence: 'likely', names: ['PUT']}],
	['method by elimination with unprobed headers', {method: 'DELETE', methodPreflight: true, unprobed: ['x-e']}, 'reach=opaque simple=ok simple-manual=ok header:x-a=ok header:x-b=ok header:x-c=ok header:x-d=ok', {code: 'METHOD_NOT_ALLOWED', confidence: 'possible', names: ['DELETE']}],
	['everything passes, safelisted method', {}, 'reach=opaque simple=ok simple-manual=ok header:x-a=ok control:content-type=ok', {code: 'ERROR_RESPONSE_WITHOUT_CORS', confidence: 'likely'}],
	['everything passes, some headers unprobed', {unprobed: ['x-e']}, 'reach=opaque simple=ok simple-manual=ok', {code: 'ERROR_RESPONSE_WITHOUT_CORS', confidence: 'possible'}],
	['a probe timed out', {}, 'reach=opaque simple=timeout simple-manual=ok', {code: 'UNDETERMINED', confidence: 'possible', reason: 'timeout'}],
	['a probe was aborted', {}, 'reach=opaque simple=ok simple-manual=ok header:x-a=aborted', {code: 'UNDETERMINED', confidence: 'possible', reason: 'timeout'}],
	['simple probe opaque (impossible under cors)', {}, 'reach=opaque simple=opaque simple-manual=ok', {code: 'UNDETERMINED', confidence: 'possible', reason: 'inconsistent'}],
	['reach opaqueredirect (impossible under follow)', {}, 'reach=opaqueredirect simple=ok simple-manual=ok', {code: 'UNDETERMINED', confidence: 'possible', reason: 'inconsistent'}],
];

describe('classify: the decision table', () => {
	test.each(rows)('%s', (_, more, outcomes, verdict) => {
		expect(classify({...facts, ...more}, probes(outcomes))).toEqual(verdict);
	});
});
