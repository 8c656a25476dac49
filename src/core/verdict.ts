import type {CorsCode} from '../codes.js';
import type {Confidence, Probe, ProbeName, ProbeOutcome} from '../errors/types.js';
import type {Alternative, AlternativeWhy, Verdict} from './types.js';

/** The request facts and page knowledge the decision table reads besides the probe outcomes. */
export interface VerdictFacts {
	readonly method: string;
	/** The method itself triggers a preflight (not GET/HEAD/POST). */
	readonly methodPreflight: boolean;
	/** The CORS-unsafe header names, probed ones first. */
	readonly headers: readonly string[];
	/** Unsafe header names that were not probed (over the cap). */
	readonly unprobed: readonly string[];
	/** The request carried credentials (`include`). */
	readonly credentials: boolean;
	/** The origin granted this page CORS on some URL (see memory.ts). */
	readonly grantsCors: boolean;
	/** This method, with these credentials, succeeded on the origin before. */
	readonly methodSucceeded: boolean;
	/** The target is a private or loopback address and the page's Local Network Access permission is denied. */
	readonly localNetworkDenied: boolean;
}

/** A probe not answered yet (or timed out): the decision must hold for every outcome it could still have. */
export interface Unknown {
	readonly probe: ProbeName;
	readonly header?: string;
}

const alt = (code: CorsCode, why: AlternativeWhy, ran: boolean): Alternative => ({code, why, ran});

const cors = (code: CorsCode, confidence: Confidence, alternatives: Alternative[], ranItself: boolean, names?: readonly string[]): Verdict => ({
	kind: 'cors',
	code,
	confidence,
	...(names && names.length > 0 && {names}),
	alternatives,
	// The app must not assume a non-idempotent request did not run when any consistent cause lets it run.
	mayHaveRun: ranItself || alternatives.some(alternative => alternative.ran),
});

/**
The decision table (pure): complete probe outcomes, measured identically in Chromium, Firefox and WebKit
(research/browsers.md), mapped to a verdict with its alternatives. Rows in order of evidence: reachability, simple CORS
(with redirects), credentials, headers, the preflight itself, then elimination.

@example
```
const facts = {method: 'GET', methodPreflight: false, headers: [], unprobed: [], credentials: false, grantsCors: false, methodSucceeded: false, localNetworkDenied: false};
const sent = {method: 'GET', mode: 'cors', credentials: 'omit'} as const;
classify(facts, [
	{probe: 'reach', sent: {...sent, mode: 'no-cors'}, outcome: 'opaque', ms: 3},
	{probe: 'simple', sent, outcome: 'failed', ms: 0, from: 'original'},
	{probe: 'simple-manual', sent: {...sent, redirect: 'manual'}, outcome: 'failed', ms: 3},
])
// {kind: 'cors', code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely', alternatives: [...], mayHaveRun: true}
```
*/
export const classify = (facts: VerdictFacts, probes: readonly Probe[]): Verdict => {
	const of = (name: ProbeName) => probes.find(probe => probe.probe === name)?.outcome;
	// Any answer (opaque, opaqueredirect, a CORS response) proves the server reachable, whichever probe got it.
	if (probes.every(probe => probe.outcome === 'failed')) {
		return facts.localNetworkDenied
			? cors('LOCAL_NETWORK_ACCESS', 'likely', [], false)
			: {kind: 'network', reason: 'unreachable'};
	}
	const preflight = facts.methodPreflight || facts.headers.length > 0 || facts.unprobed.length > 0;
	const triggers = [...(facts.methodPreflight ? [facts.method] : []), ...facts.headers, ...facts.unprobed];
	if (of('simple') === 'failed') {
		if (of('simple-manual') === 'opaqueredirect') {
			// The first hop passes CORS and redirects: a preflight cannot follow it; a simple request's later hop fails.
			return preflight
				? cors('PREFLIGHT_REDIRECT', 'likely', [alt('REDIRECT_NOT_ALLOWED', 'redirect-hop', true)], false)
				: cors('REDIRECT_NOT_ALLOWED', 'likely', [], true);
		}
		if (preflight) {
			// Without CORS on a plain GET the preflight almost always fails first, but an OPTIONS answered on its own
			// (route-level CORS, an nginx OPTIONS block) may pass and let the request run into a response without CORS:
			// the probes cannot tell these apart (measured on real middlewares), hence only possible.
			return cors('PREFLIGHT_REJECTED', 'possible', [
				alt(facts.grantsCors ? 'ERROR_RESPONSE_WITHOUT_CORS' : 'ORIGIN_NOT_ALLOWED', 'response-after-preflight', true),
				alt('PREFLIGHT_REDIRECT', 'preflight-redirect', false),
			], false, triggers);
		}
		return facts.grantsCors
			? cors('ERROR_RESPONSE_WITHOUT_CORS', 'possible', [alt('ORIGIN_NOT_ALLOWED', 'origin-route', true), alt('REDIRECT_NOT_ALLOWED', 'redirect-hop', true)], true)
			: cors('ORIGIN_NOT_ALLOWED', 'likely', [alt('ERROR_RESPONSE_WITHOUT_CORS', 'error-status', true), alt('REDIRECT_NOT_ALLOWED', 'redirect-hop', true)], true);
	}
	if (of('credentialed') === 'failed') {
		return cors('CREDENTIALS_NOT_ALLOWED', 'likely', [], true);
	}
	const headers = probes.filter(probe => probe.probe === 'header');
	const refused = headers.filter(probe => probe.outcome === 'failed').map(probe => probe.sent.header!);
	const control = of('control');
	if (preflight && of('simple-manual') === 'opaqueredirect' && control === 'failed' && refused.length === headers.length) {
		// The GET follows a redirect that carries CORS (a trailing-slash redirect after the CORS middleware), but a
		// preflight may not follow one: every preflighted probe fails.
		return cors('PREFLIGHT_REDIRECT', 'likely', [alt('PREFLIGHT_REJECTED', 'preflight-broken', false)], false, triggers);
	}
	if (refused.length > 0) {
		return refused.length < headers.length || control === 'ok'
			? cors('HEADER_NOT_ALLOWED', 'likely', [], false, refused)
			: cors('PREFLIGHT_REJECTED', 'likely', [alt('HEADER_NOT_ALLOWED', 'preflight-broken', false), alt('PREFLIGHT_REDIRECT', 'preflight-redirect', false)], false, triggers);
	}
	const unprobed = facts.unprobed.length > 0 ? [alt('HEADER_NOT_ALLOWED', 'unprobed-headers', false)] : [];
	if (headers.length === 0 && control === 'failed') {
		// Method-only preflight and even `content-type` is refused: the preflight is broken, or merely strict about headers.
		return cors('PREFLIGHT_REJECTED', 'possible', [
			alt('METHOD_NOT_ALLOWED', facts.credentials ? 'credentials-literal-wildcard' : 'method', false),
			alt('PREFLIGHT_REDIRECT', 'preflight-redirect', false),
			alt('ERROR_RESPONSE_WITHOUT_CORS', 'response-after-preflight', true),
		], false, triggers);
	}
	if (of('credentialed') === 'withheld') {
		// The URL challenges credentials (401/407), so nothing was sent with them: the request passes CORS without
		// credentials, and what differs is the credentials (or, with them, a literal "*", or the response they get).
		return cors('CREDENTIALS_NOT_ALLOWED', 'possible', [
			...(preflight ? [alt(facts.methodPreflight ? 'METHOD_NOT_ALLOWED' : 'HEADER_NOT_ALLOWED', 'credentials-literal-wildcard', false)] : []),
			alt('ERROR_RESPONSE_WITHOUT_CORS', 'error-status', true),
		], true);
	}
	if (facts.methodPreflight) {
		// Never probed with the method itself (a passing preflight would run it): the method is blamed by elimination,
		// and "the preflight passed, the request ran, its response lacks CORS" fits the same evidence.
		const method = alt('METHOD_NOT_ALLOWED', facts.credentials ? 'credentials-literal-wildcard' : 'method', false);
		const response = alt('ERROR_RESPONSE_WITHOUT_CORS', 'response-after-preflight', true);
		return facts.methodSucceeded
			? cors('ERROR_RESPONSE_WITHOUT_CORS', 'possible', [method, ...unprobed], true)
			: cors('METHOD_NOT_ALLOWED', 'possible', [response, ...unprobed], false, [facts.method]);
	}
	return cors('ERROR_RESPONSE_WITHOUT_CORS', 'possible', [...unprobed], true);
};

const DOMAIN: {readonly [P in ProbeName]: readonly ProbeOutcome[]} = {
	reach: ['opaque', 'failed'],
	simple: ['ok', 'failed'],
	'simple-manual': ['ok', 'opaqueredirect', 'failed'],
	credentialed: ['ok', 'failed', 'withheld'],
	header: ['ok', 'failed'],
	control: ['ok', 'failed'],
};

/**
The verdict once it no longer depends on the probes still out (pure): every outcome the unknown probes could still have
leads to the same verdict, or `undefined`. So a wave ends as soon as its answer is decided (an `opaqueredirect` decides a
redirect in one round trip), and a timed-out probe that could not have changed the answer costs nothing.
*/
export const decide = (facts: VerdictFacts, settled: readonly Probe[], unknown: readonly Unknown[]): Verdict | undefined => {
	let verdict: Verdict | undefined;
	let key: string | undefined;
	const walk = (index: number, probes: Probe[]): boolean => {
		if (index === unknown.length) {
			const next = classify(facts, probes);
			const nextKey = JSON.stringify(next);
			if (key !== undefined && key !== nextKey) {
				return false;
			}
			verdict = next;
			key = nextKey;
			return true;
		}
		const {probe, header} = unknown[index]!;
		return DOMAIN[probe].every(outcome =>
			walk(index + 1, [...probes, {probe, sent: {method: 'GET', mode: 'cors', credentials: 'omit', ...(header && {header})}, outcome, ms: 0}]));
	};
	return walk(0, [...settled]) ? verdict : undefined;
};

// Outcomes that answered nothing: the verdict must hold whatever those probes would have said.
const OPEN: ReadonlySet<ProbeOutcome> = new Set(['timeout', 'aborted', 'cancelled']);

/**
The verdict the evidence decides (pure): answered probes count; timed-out, aborted and cancelled ones, and the
`pending` probes not answered yet, are unknown. `undefined` while the unknowns could still change it.
*/
export const settle = (facts: VerdictFacts, evidence: readonly Probe[], pending: readonly Unknown[] = []): Verdict | undefined => {
	const open = evidence.filter(probe => OPEN.has(probe.outcome)).map(({probe, sent}) => ({probe, ...(sent.header && {header: sent.header})}));
	return decide(facts, evidence.filter(probe => !OPEN.has(probe.outcome)), [...open, ...pending]);
};

/** What a wave concludes when timeouts left the verdict open. */
export const UNDETERMINED_TIMEOUT: Verdict = {kind: 'cors', code: 'UNDETERMINED', confidence: 'possible', reason: 'timeout', alternatives: [], mayHaveRun: true};

/** The final verdict from complete evidence: decided, or `UNDETERMINED` when timeouts left it open. */
export const conclude = (facts: VerdictFacts, probes: readonly Probe[]): Verdict => settle(facts, probes) ?? UNDETERMINED_TIMEOUT;
