import type {Probe} from '../errors/types.js';
import {sharedLog, type SuccessLog} from './successes.js';
import type {FailureContext, Verdict} from './types.js';

// Every read and write of what a page learns about target origins lives here (the happy path's one write aside:
// successes.ts, read here): the verdict cache, reachability, the per-origin probe budget, and the waves shared by
// concurrent failures.

/** What one probe wave (or a reuse of earlier knowledge) concluded, with the evidence behind it. */
export interface Finding {
	readonly verdict: Verdict;
	readonly evidence: readonly Probe[];
}

/** One probe wave shared by every concurrent failure with the same key. */
interface Wave {
	readonly scope: string;
	readonly promise: Promise<Finding>;
	readonly controller: AbortController;
	waiters: number;
}

interface OriginFacts {
	/** Last time any request or probe got a response from the origin: it was reachable then. */
	reachable: number;
	/** Send times of probes in the budget window. */
	sent: number[];
	/** Last time a request of the page to the origin settled (a failure reaching the diagnosis). */
	active: number;
}

interface Remembered {
	readonly time: number;
	readonly shape: string;
	readonly scope: string;
	readonly finding: Finding;
}

export interface Memory {
	/** Successes the happy path logged (see successes.ts). */
	readonly successes: SuccessLog;
	readonly origins: Map<string, OriginFacts>;
	readonly verdicts: Map<string, Remembered>;
	readonly waves: Map<string, Wave>;
}

/** What the page knows about a failure's origin, as the pure decision steps read it. */
export interface Knowledge {
	/** A verdict for this very key, still valid. */
	readonly cached?: Finding;
	/** A CORS verdict for the same request shape on another URL of the origin, still valid. */
	readonly sameShape?: Finding;
	/** The origin granted this page CORS on some URL (a success, or a passing simple probe). */
	readonly grantsCors: boolean;
	/** This method (with these credentials) succeeded cross-origin on the origin, so its preflight passes somewhere. */
	readonly methodSucceeded: boolean;
	/** When the origin last answered anything (ms epoch, 0 = never). */
	readonly reachable: number;
	/** Probes the origin's budget still allows now. */
	readonly budgetLeft: number;
}

const WINDOW = 60_000;

export const createMemory = (successes: SuccessLog): Memory => ({successes, origins: new Map(), verdicts: new Map(), waves: new Map()});

/** Facts are per (page origin, target origin): what a server grants depends on who asks. */
const factsOf = (memory: Memory, scope: string): OriginFacts => {
	let facts = memory.origins.get(scope);
	if (!facts) {
		memory.origins.set(scope, facts = {reachable: 0, sent: [], active: 0});
	}
	return facts;
};

/** Reads what the page knows for this failure; expired verdicts, and verdicts older than a success there, are dropped. */
export const recall = (memory: Memory, context: FailureContext, ttl: number, budget: number, now = Date.now()): Knowledge => {
	const facts = factsOf(memory, context.scope);
	const success = memory.successes.get(context.scope);
	facts.sent = facts.sent.filter(time => time > now - WINDOW);
	let sameShape: Finding | undefined;
	let grantsCors = success !== undefined;
	for (const [key, entry] of memory.verdicts) {
		if (entry.time <= now - ttl) {
			memory.verdicts.delete(key);
		} else if (entry.scope === context.scope) {
			grantsCors ||= entry.finding.evidence.some(probe => probe.probe === 'simple' && probe.outcome === 'ok');
			if (key !== context.key && entry.shape === context.shape && entry.finding.verdict.kind === 'cors') {
				sameShape = entry.finding;
			}
		}
	}
	const cached = memory.verdicts.get(context.key)?.finding;
	const credentials = context.credentials === 'include' ? 'include' : 'omit';
	return {
		...(cached && {cached}),
		...(sameShape && {sameShape}),
		grantsCors,
		methodSucceeded: success?.methods.has(context.method + ' ' + credentials) ?? false,
		reachable: Math.max(facts.reachable, success?.time ?? 0),
		budgetLeft: Math.max(0, budget - facts.sent.length),
	};
};

/** Records a wave's finding: a CORS verdict is cached; a network verdict retires this URL's and makes the others confirm first. */
export const remember = (memory: Memory, context: FailureContext, finding: Finding, now = Date.now()): void => {
	const facts = factsOf(memory, context.scope);
	if (finding.evidence.some(probe => probe.outcome === 'ok' || probe.outcome === 'opaque' || probe.outcome === 'opaqueredirect')) {
		facts.reachable = now;
	}
	if (finding.verdict.kind === 'network') {
		// This URL did not answer: its own cached verdict goes, and every other one must show its URL answers (a reach
		// probe) before it is reused. One reset endpoint does not retire what the rest of the origin proved.
		facts.reachable = 0;
		memory.verdicts.delete(context.key);
	} else if (finding.verdict.kind === 'cors' && finding.verdict.code !== 'UNDETERMINED') {
		memory.verdicts.set(context.key, {time: now, shape: context.shape, scope: context.scope, finding});
		// Bounded: the oldest entries go first (Map keeps insertion order).
		for (const key of memory.verdicts.keys()) {
			if (memory.verdicts.size <= 256) {
				break;
			}
			memory.verdicts.delete(key);
		}
	}
};

/** A probe just got an answer from the origin. */
export const noteReachable = (memory: Memory, context: FailureContext, now = Date.now()): void => {
	factsOf(memory, context.scope).reachable = now;
};

/** A request of the page to the origin just settled: the origin is busy answering (see `busy`). */
export const touch = (memory: Memory, context: FailureContext, now = Date.now()): void => {
	factsOf(memory, context.scope).active = now;
};

/** Whether the page's own requests to the origin settled within `ms`: then a silent probe is queued behind them, not lost. */
export const busy = (memory: Memory, context: FailureContext, ms: number, now = Date.now()): boolean =>
	now - Math.max(factsOf(memory, context.scope).active, memory.successes.get(context.scope)?.time ?? 0) < ms;

/** Takes `count` probes from the origin's budget, or returns false (taking nothing) when they do not fit. */
export const spend = (memory: Memory, context: FailureContext, count: number, budget: number, now = Date.now()): boolean => {
	const facts = factsOf(memory, context.scope);
	facts.sent = facts.sent.filter(time => time > now - WINDOW);
	if (facts.sent.length + count > budget) {
		return false;
	}
	for (let index = 0; index < count; index++) {
		facts.sent.push(now);
	}
	return true;
};

/** The waves in flight to `origin` (a failure the budget cannot probe waits for them: they may explain it). */
export const wavesTo = (memory: Memory, context: FailureContext): Array<Promise<unknown>> =>
	[...memory.waves.values()].filter(wave => wave.scope === context.scope).map(wave => wave.promise);

/**
Joins (or starts) the wave for `key`. Each caller's `signal` rejects only that caller with its reason; the wave itself is
aborted when its last waiter has gone, so one impatient caller never cancels the others' diagnosis.
*/
export const joinWave = (memory: Memory, context: FailureContext, key: string, start: (signal: AbortSignal) => Promise<Finding>, signal?: AbortSignal): Promise<Finding> => {
	if (signal?.aborted) {
		return Promise.reject(signal.reason);
	}
	let wave = memory.waves.get(key);
	if (!wave) {
		const controller = new AbortController();
		const created: Wave = wave = {scope: context.scope, controller, waiters: 0, promise: start(controller.signal)};
		memory.waves.set(key, created);
		const done = () => memory.waves.get(key) === created && memory.waves.delete(key);
		created.promise.then(done, done);
	}
	const current = wave;
	current.waiters++;
	if (!signal) {
		return current.promise;
	}
	return new Promise<Finding>((resolve, reject) => {
		const leave = () => {
			if (--current.waiters === 0) {
				current.controller.abort(signal.reason);
				// Nobody waits any more: a later failure starts a wave of its own.
				if (memory.waves.get(key) === current) {
					memory.waves.delete(key);
				}
			}
			reject(signal.reason);
		};
		signal.addEventListener('abort', leave, {once: true});
		current.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
	});
};

let shared: Memory | undefined;

/** The memory of the default `corsFetch`, which `diagnose()` shares (so it knows what the page's requests taught). */
export const sharedMemory = (): Memory => shared ??= createMemory(sharedLog());
