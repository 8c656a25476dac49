import type {Finding, Knowledge} from './memory.js';
import {entersLocalNetwork, staticFact} from './facts.js';
import type {FailureContext, Verdict} from './types.js';

/** What the page knows before any probe: the decision step's input besides the failure itself. */
export interface TriageInput {
	readonly online: boolean;
	/** The Local Network Access permission state, where the engine has one. */
	readonly lna: PermissionState | undefined;
	readonly probesEnabled: boolean;
	/** This failure drew a probing ticket (`probeSampleRate`). */
	readonly sampled: boolean;
	/** Time left for probes within the caller's diagnosis timeout, in ms. */
	readonly timeLeft: number;
	readonly knowledge: Knowledge;
	/** How many probes this failure's wave would send. */
	readonly waveSize: number;
	readonly now: number;
}

/** The first decision: a verdict without probes, probe, reuse a cached finding, or answer from what the origin taught. */
export type Triage =
	| {readonly step: 'decided'; readonly verdict: Verdict}
	| {readonly step: 'probe'}
	/** `confirm`: the origin has not answered lately, so one reach probe must show it still does before the finding is reused. */
	| {readonly step: 'reuse'; readonly finding: Finding; readonly confirm: boolean}
	| {readonly step: 'recall'; readonly reason: 'probe-budget' | 'not-sampled'};

/** A cached finding is reused without a new request while the origin answered within this many ms. */
export const REACH_FRESH = 3000;

const policy = (code: 'LOCAL_NETWORK_ACCESS' | NonNullable<ReturnType<typeof staticFact>>, confidence: 'certain' | 'likely' = 'certain'): Triage =>
	({step: 'decided', verdict: {kind: 'cors', code, confidence, alternatives: [], mayHaveRun: false}});

/**
The pure step before the probes, rows in order (docs/probes.md): not cross-origin, static facts, Local Network Access
from proven addresses, offline, `no-cors`, probes off, no time left, a cached finding, sampling, the origin's probe budget.

@example
```
const knowledge = {grantsCors: false, methodSucceeded: false, reachable: 0, budgetLeft: 50};
triage(readFailure('ftp://api.example.com/x', {}, 'https://app.example.com', new TypeError('Failed to fetch'), Date.now()),
	{online: true, lna: undefined, probesEnabled: true, sampled: true, timeLeft: 3000, knowledge, waveSize: 3, now: Date.now()})
// {step: 'decided', verdict: {kind: 'cors', code: 'SCHEME_NOT_SUPPORTED', confidence: 'certain', alternatives: [], mayHaveRun: false}}
```
*/
export const triage = (context: FailureContext, input: TriageInput): Triage => {
	// data:, blob: and about: are fetched without CORS: a failure there is never a cross-origin matter.
	if (!context.crossOrigin || /^(?:data|blob|about):/.test(context.url)) {
		return {step: 'decided', verdict: {kind: 'not-cross-origin'}};
	}
	const fact = staticFact(context, context.pageOrigin);
	if (fact) {
		return policy(fact);
	}
	// Only addresses prove address spaces, and a granted permission lifts the block.
	if (entersLocalNetwork(new URL(context.url), context.pageOrigin) && input.lna !== 'granted') {
		return policy('LOCAL_NETWORK_ACCESS', input.lna === 'denied' ? 'certain' : 'likely');
	}
	if (!input.online) {
		return {step: 'decided', verdict: {kind: 'network', reason: 'offline'}};
	}
	if (context.mode === 'no-cors') {
		// A no-cors request cannot fail CORS: it is the reach probe itself.
		return {step: 'decided', verdict: {kind: 'network', reason: 'unreachable'}};
	}
	if (!input.probesEnabled || input.timeLeft < 1) {
		const reason = input.probesEnabled ? 'timeout' : 'probes-disabled';
		return {step: 'decided', verdict: {kind: 'cors', code: 'UNDETERMINED', confidence: 'possible', reason, alternatives: [], mayHaveRun: true}};
	}
	const {knowledge} = input;
	if (knowledge.cached) {
		return {step: 'reuse', finding: knowledge.cached, confirm: input.now - knowledge.reachable > REACH_FRESH};
	}
	if (!input.sampled) {
		return {step: 'recall', reason: 'not-sampled'};
	}
	return knowledge.budgetLeft < input.waveSize ? {step: 'recall', reason: 'probe-budget'} : {step: 'probe'};
};
