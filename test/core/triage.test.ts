import {describe, expect, test} from 'vitest';
import {readFailure} from '../../src/core/context';
import type {Finding, Knowledge} from '../../src/core/memory';
import {REACH_FRESH, triage, type TriageInput} from '../../src/core/triage';

const PAGE = 'https://app.example.com';
const NOW = 1_000_000;
const knowledge: Knowledge = {grantsCors: false, methodSucceeded: false, reachable: 0, budgetLeft: 60};
const input: TriageInput = {online: true, lna: undefined, probesEnabled: true, sampled: true, timeLeft: 3000, knowledge, waveSize: 3, now: NOW};
const failure = (url: string, init: RequestInit = {}, page = PAGE) => readFailure(url, init, page, new TypeError('Failed to fetch'), NOW);
const finding: Finding = {verdict: {kind: 'cors', code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely', alternatives: [], mayHaveRun: true}, evidence: [{probe: 'reach', sent: {method: 'GET', mode: 'no-cors', credentials: 'omit'}, outcome: 'opaque', ms: 3}]};

const step = (result: ReturnType<typeof triage>) => result.step === 'decided'
	? result.verdict.kind === 'cors' ? `${result.verdict.code} ${result.verdict.confidence}` : `${result.verdict.kind}${'reason' in result.verdict ? ' ' + result.verdict.reason : ''}`
	: result.step === 'reuse' ? `reuse${result.confirm ? ' confirm' : ''}` : result.step === 'recall' ? `recall ${result.reason}` : 'probe';

// Rows in the order triage.ts checks them.
const rows: Array<[string, ReturnType<typeof failure>, Partial<TriageInput>, string]> = [
	['same origin', failure(`${PAGE}/api`), {}, 'not-cross-origin'],
	['blob:', failure('blob:https://app.example.com/x'), {}, 'not-cross-origin'],
	['ftp:', failure('ftp://api.example.com/x'), {}, 'SCHEME_NOT_SUPPORTED certain'],
	['mode same-origin', failure('https://api.example.com/x', {mode: 'same-origin'}), {}, 'MODE_SAME_ORIGIN certain'],
	['no-cors with a manual redirect', failure('https://api.example.com/x', {mode: 'no-cors', redirect: 'manual'}), {}, 'NO_CORS_REDIRECT_MODE certain'],
	['mixed content', failure('http://api.example.com/x'), {}, 'MIXED_CONTENT certain'],
	['https page to http loopback: allowed, probed', failure('http://127.0.0.1:8080/x'), {}, 'probe'],
	['public address to a private address', failure('http://192.168.1.2/x', {}, 'http://203.0.113.9'), {}, 'LOCAL_NETWORK_ACCESS likely'],
	['the same, permission denied', failure('http://192.168.1.2/x', {}, 'http://203.0.113.9'), {lna: 'denied'}, 'LOCAL_NETWORK_ACCESS certain'],
	['the same, permission granted: probed', failure('http://192.168.1.2/x', {}, 'http://203.0.113.9'), {lna: 'granted'}, 'probe'],
	['a host-name page proves no address space', failure('http://127.0.0.1:9/x', {}, 'http://app.test'), {}, 'probe'],
	['localhost is loopback by name', failure('http://localhost:9/x', {}, 'http://10.0.0.5'), {}, 'LOCAL_NETWORK_ACCESS likely'],
	['offline', failure('https://api.example.com/x'), {online: false}, 'network offline'],
	['no-cors cannot fail CORS', failure('https://api.example.com/x', {mode: 'no-cors'}), {}, 'network unreachable'],
	['probes off', failure('https://api.example.com/x'), {probesEnabled: false}, 'UNDETERMINED possible'],
	['no time left', failure('https://api.example.com/x'), {timeLeft: 0}, 'UNDETERMINED possible'],
	['a cached verdict, origin answered lately', failure('https://api.example.com/x'), {knowledge: {...knowledge, cached: finding, reachable: NOW - 10}}, 'reuse'],
	['a cached verdict, origin silent for a while', failure('https://api.example.com/x'), {knowledge: {...knowledge, cached: finding, reachable: NOW - REACH_FRESH - 1}}, 'reuse confirm'],
	['not sampled', failure('https://api.example.com/x'), {sampled: false}, 'recall not-sampled'],
	['the wave does not fit the budget', failure('https://api.example.com/x'), {knowledge: {...knowledge, budgetLeft: 2}}, 'recall probe-budget'],
	['otherwise: probe', failure('https://api.example.com/x'), {}, 'probe'],
];

describe('triage: the decision before the probes', () => {
	test.each(rows)('%s -> %s', (_, context, more, expected) => {
		expect(step(triage(context, {...input, ...more}))).toBe(expected);
	});

	test('a policy verdict never lets the request run', () => {
		const result = triage(failure('http://api.example.com/x'), input);
		expect(result.step === 'decided' && result.verdict.kind === 'cors' && result.verdict.mayHaveRun).toBe(false);
	});
});
