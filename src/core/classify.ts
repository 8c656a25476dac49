import type {CorsCode} from '../codes.js';
import type {Confidence, Probe, ProbeName, UndeterminedReason} from '../errors/types.js';

/** The request facts the decision table needs besides the probe outcomes. */
export interface ClassifyFacts {
	readonly method: string;
	/** Whether the method itself triggers a preflight (not GET/HEAD/POST). */
	readonly methodPreflight: boolean;
	/** Unsafe header names that were not probed (over the cap). */
	readonly unprobed: readonly string[];
	/** This page has already read a CORS response from the target origin. */
	readonly seenOrigin: boolean;
}

/** A decision: a CORS code, or "not CORS" (the server is unreachable: rethrow the original error). */
export type Verdict =
	| {readonly code: CorsCode; readonly confidence: Confidence; readonly names?: readonly string[]; readonly reason?: UndeterminedReason}
	| {readonly network: 'unreachable'};

export const undetermined = (reason: UndeterminedReason): Verdict => ({code: 'UNDETERMINED', confidence: 'possible', reason});

/**
The decision table (pure): probe outcomes measured identically in Chromium, Firefox and WebKit (research/browsers.md)
mapped to a code. Rows in order of evidence: reachability, simple CORS, credentials, headers, then elimination.

@example
```
classify({method: 'GET', methodPreflight: false, unprobed: [], seenOrigin: false},
	[{probe: 'reach', outcome: 'opaque', ...}, {probe: 'simple', outcome: 'failed', ...}, {probe: 'simple-manual', outcome: 'failed', ...}])
// {code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely'}
```
*/
export const classify = (facts: ClassifyFacts, probes: readonly Probe[]): Verdict => {
	const of = (name: ProbeName) => probes.find(p => p.probe === name)?.outcome;
	const reach = of('reach');
	const simple = of('simple');
	const likely = (code: CorsCode, names?: readonly string[]): Verdict => ({code, confidence: 'likely', ...(names && {names})});
	if (reach === 'failed') {
		// A no-cors request cannot fail CORS, so the server (or the path to it) is down, unless CORS then passes.
		return simple === 'ok' ? undetermined('inconsistent') : {network: 'unreachable'};
	}
	if (probes.some(p => p.outcome === 'timeout' || p.outcome === 'aborted')) {
		return undetermined('timeout');
	}
	if (reach !== 'opaque' && reach !== 'ok' || (simple !== 'ok' && simple !== 'failed')) {
		return undetermined('inconsistent');
	}
	if (simple === 'failed') {
		// `opaqueredirect` under redirect: 'manual' means the first hop passes CORS, so the redirect target fails it.
		return likely(of('simple-manual') === 'opaqueredirect' ? 'REDIRECT_NOT_ALLOWED'
			: facts.seenOrigin ? 'ERROR_RESPONSE_WITHOUT_CORS' : 'ORIGIN_NOT_ALLOWED');
	}
	if (of('credentialed') === 'failed') {
		return likely('CREDENTIALS_NOT_ALLOWED');
	}
	const headers = probes.filter(p => p.probe === 'header');
	const refused = headers.filter(p => p.outcome === 'failed').map(p => p.sent.header!);
	const control = of('control');
	if (refused.length > 0) {
		return refused.length < headers.length || control === 'ok'
			? likely('HEADER_NOT_ALLOWED', refused)
			: likely('PREFLIGHT_REJECTED', refused);
	}
	if (headers.length === 0 && control === 'failed') {
		// Method-only preflight and a made-up header is refused: the preflight is broken, or merely strict about headers.
		return {code: 'PREFLIGHT_REJECTED', confidence: 'possible'};
	}
	const confidence: Confidence = facts.unprobed.length > 0 ? 'possible' : 'likely';
	// Never probed with the method itself (a passing preflight would run it), so it is blamed by elimination.
	return facts.methodPreflight
		? {code: 'METHOD_NOT_ALLOWED', confidence, names: [facts.method]}
		: {code: 'ERROR_RESPONSE_WITHOUT_CORS', confidence};
};
