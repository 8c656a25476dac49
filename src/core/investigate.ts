import type {CorsCode} from '../codes.js';
import {CorsError, type CorsErrorInit} from '../errors/CorsError.js';
import {redactUrl} from '../errors/redact.js';
import type {Probe} from '../errors/types.js';
import {classify, undetermined, type Verdict} from './classify.js';
import {cspBlocked} from './csp.js';
import {staticFact} from './facts.js';
import {MAX_HEADER_PROBES, planProbes, runProbes} from './probes.js';
import {summarize} from './request.js';
import type {State} from './state.js';
import {allowWave, cached, joinWave} from './wave.js';
import type {Diagnosis, NormalizedOptions} from './types.js';

/** What a probe wave leaves behind, shared by deduplicated callers and cached briefly. */
export interface WaveResult {
	readonly verdict: Verdict;
	readonly evidence: readonly Probe[];
}

// Slack for the CSP wait and the classification itself inside a caller's time budget.
const MARGIN = 50;

/**
Classifies one failed request: static facts, then the CSP report, then one (shared, cached, rate-limited) probe wave.
Rejects only with the caller's abort reason.
*/
export const investigate = async (
	o: NormalizedOptions,
	state: State<WaveResult>,
	pageOrigin: string,
	input: RequestInfo | URL,
	init: RequestInit | undefined,
	cause: unknown,
	start: number,
): Promise<Diagnosis> => {
	let explained;
	try {
		explained = summarize(input, init, pageOrigin);
	} catch {
		// A request fetch itself would refuse to build: not a cross-origin matter.
		return {kind: 'network', reason: 'error', evidence: []};
	}
	const {x, headers, summary, redirect, signal} = explained;
	const {url, method, methodPreflight} = x;
	// data: and blob: are fetched without CORS: a failure there is never a cross-origin matter.
	if (!x.crossOrigin || /^(?:data|blob|about):/.test(url)) {
		return {kind: 'not-cross-origin'};
	}
	const error = (code: CorsCode, more?: Partial<CorsErrorInit>): Diagnosis =>
		({kind: 'cors', error: new CorsError({code, confidence: 'certain', request: summary, ...more}, cause === undefined ? undefined : {cause})});
	const fact = staticFact({url, mode: x.mode, redirect}, pageOrigin);
	if (fact) {
		// The LNA check reads the address space from the URL; the local server may also simply be down.
		return error(fact, fact === 'LOCAL_NETWORK_ACCESS' ? {confidence: 'likely'} : undefined);
	}
	if (globalThis.navigator?.onLine === false) {
		return {kind: 'network', reason: 'offline', evidence: []};
	}
	if (await cspBlocked(url, start)) {
		return error('CSP_BLOCKED');
	}
	if (x.mode === 'no-cors') {
		// A no-cors request cannot fail CORS: it is the reach probe itself.
		return {kind: 'network', reason: 'unreachable', evidence: []};
	}
	const unprobed = headers.slice(MAX_HEADER_PROBES);
	let result: WaveResult | undefined;
	if (!o.probes) {
		result = {verdict: undetermined('probes-disabled'), evidence: []};
	}
	const timeout = Math.min(o.probeTimeout, o.budget - (Date.now() - start) - MARGIN);
	if (!result && timeout < 1) {
		result = {verdict: undetermined('timeout'), evidence: []};
	}
	const key = [redactUrl(url), method, x.credentials, ...[...headers].sort()].join(' ');
	result ??= cached(state, key);
	result ??= await joinWave(state, key, async signal => {
		if (!allowWave(state, x.targetOrigin, o.rateLimit)) {
			return {verdict: undetermined('rate-limited'), evidence: []};
		}
		const plan = planProbes({method, credentials: x.credentials, headers, methodPreflight});
		const evidence = await runProbes(o.fetch ?? globalThis.fetch, url, plan, timeout, signal);
		if (signal.aborted) {
			throw signal.reason;
		}
		const wave = {verdict: classify({method, methodPreflight, unprobed, seenOrigin: state.seen.has(x.targetOrigin)}, evidence), evidence};
		state.cache.set(key, [Date.now() + o.cacheTtl, wave]);
		return wave;
	}, signal);
	const {verdict, evidence} = result;
	return 'network' in verdict
		? {kind: 'network', reason: verdict.network, evidence}
		: error(verdict.code, {confidence: verdict.confidence, evidence, names: verdict.names, reason: verdict.reason, unprobed});
};
