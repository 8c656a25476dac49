import {isDevelopment} from '../dev/environment.js';
import type {RelayVerdict} from '../dev/relay-verdict.js';
import {CorsError} from '../errors/CorsError.js';
import type {Hint, Probe} from '../errors/types.js';
import {getReporter} from '../report/global.js';
import {cspBlocked} from './csp.js';
import {isLocalTarget} from './facts.js';
import {busy, joinWave, noteReachable, recall, remember, spend, touch, wavesTo, type Finding, type Memory} from './memory.js';
import {planProbes, type ProbePlan} from './plan.js';
import {runProbes} from './probes.js';
import {readFailure} from './context.js';
import {triage} from './triage.js';
import {settle, UNDETERMINED_TIMEOUT, type VerdictFacts} from './verdict.js';
import type {AlternativeWhy, Diagnosis, FailureContext, NormalizedOptions, RelayShape, Verdict} from './types.js';

export {createMemory, sharedMemory} from './memory.js';

// The diagnosis of one failed request: everything corsFetch loads with `import()` on the first failure (cors-fetch.ts).
// The decisions are the pure steps triage.ts (before the probes) and verdict.ts (after); this file only does the I/O
// between them: the CSP report, the permission query, the probe wave, and the memory of what the page learned.

// Slack for the CSP wait and the classification itself inside a caller's time budget.
const MARGIN = 50;

const TELLS_APART: {readonly [W in AlternativeWhy]: string} = {
	'error-status': 'the response is an error status (from auth or an error handler) sent without CORS headers, while other responses have them',
	'origin-route': 'this URL is served without (matching) CORS headers while other URLs of the origin have them',
	'redirect-hop': 'the URL redirects and a hop, or its target, lacks CORS headers (a trailing-slash redirect is the common case)',
	'preflight-redirect': 'the OPTIONS request is redirected (e.g. a trailing-slash or http-to-https redirect): a preflight cannot follow redirects',
	'preflight-broken': 'the OPTIONS response itself fails (no CORS headers, or a non-2xx status) for any header, not only these',
	'response-after-preflight': 'the preflight passed and the request ran, but its response lacks CORS headers (often an error status)',
	method: 'the OPTIONS response\'s Access-Control-Allow-Methods lacks the method',
	'unprobed-headers': 'a header left unprobed (over the cap of 3) is missing from Access-Control-Allow-Headers',
	'credentials-literal-wildcard': 'with credentials, "*" in Access-Control-Allow-Methods/-Headers is a literal name: list the method and headers by name',
};

/** The exact `cors-doctor check` command that tells the causes apart from a machine that can read the headers. */
const checkCommand = (context: FailureContext): string => [
	'npx cors-doctor check', context.summary.url, '--origin', context.pageOrigin,
	...(context.method === 'GET' ? [] : ['--method', context.method]),
	...context.headers.flatMap(header => ['--header', header.name]),
	...(context.credentials === 'include' ? ['--credentials'] : []),
].join(' ');

/** A relay fix line (`Access-Control-Allow-Headers: x-api-key`) as a hint on the response it belongs to. */
const hintOf = (line: string, phase: string): Hint => {
	const colon = line.indexOf(':');
	return {header: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), on: phase === 'preflight' ? 'preflight' : 'actual'};
};

const toDiagnosis = (context: FailureContext, finding: Finding, unprobed: readonly string[], exact?: RelayVerdict): Diagnosis => {
	const {verdict, evidence} = finding;
	if (verdict.kind !== 'cors') {
		return verdict.kind === 'network' ? {kind: 'network', reason: verdict.reason, evidence} : verdict;
	}
	const check = checkCommand(context);
	return {
		kind: 'cors',
		error: new CorsError({
			code: exact?.code ?? verdict.code,
			confidence: exact ? 'certain' : verdict.confidence,
			request: context.summary,
			evidence,
			...(verdict.names && !exact && {names: verdict.names}),
			...(verdict.reason && {reason: verdict.reason}),
			unprobed,
			alternatives: exact ? [] : verdict.alternatives.map(({code, why}) => ({code, tellsApart: TELLS_APART[why], check})),
			// A preflight failure stops the request before it is sent; any other may come after it ran.
			mayHaveRun: exact ? exact.phase !== 'preflight' : verdict.mayHaveRun,
			...(exact && {source: 'relay', hints: exact.fix.filter(line => line.includes(':')).map(line => hintOf(line, exact.phase))}),
		}, context.cause === undefined ? undefined : {cause: context.cause}),
	};
};

const factsFor = (context: FailureContext, plan: ProbePlan, grantsCors: boolean, methodSucceeded: boolean, localNetworkDenied: boolean): VerdictFacts => ({
	method: context.method,
	methodPreflight: context.methodPreflight,
	headers: context.headers.map(header => header.name).filter(name => !plan.unprobed.includes(name)),
	unprobed: plan.unprobed,
	credentials: context.credentials === 'include',
	grantsCors,
	methodSucceeded,
	localNetworkDenied,
});

/** An earlier finding's verdict, recomputed from its evidence with today's facts (one confidence step lower when borrowed). */
const reverdict = (facts: VerdictFacts, earlier: Finding, lower: boolean): Verdict => {
	const verdict = settle(facts, earlier.evidence) ?? earlier.verdict;
	return lower && verdict.kind === 'cors' ? {...verdict, confidence: 'possible'} : verdict;
};

/** The verdict once the wave's answers decide it: what the original answered, the probes settled, the rest still out. */
const verdictOf = (facts: VerdictFacts, plan: ProbePlan, settled: readonly Probe[]): Verdict | undefined =>
	settle(facts, [...plan.known, ...settled], plan.send
		.filter(planned => !settled.some(probe => probe.probe === planned.probe && probe.sent.header === planned.header))
		.map(({probe, header}) => ({probe, ...(header && {header})})));

const CSP: Verdict = {kind: 'cors', code: 'CSP_BLOCKED', confidence: 'certain', alternatives: [], mayHaveRun: false};

/** A wave that found the budget spent when it was about to start (another failure spent it first). */
const OVER_BUDGET: Finding = {verdict: {kind: 'unclassified', reason: 'probe-budget'}, evidence: []};

const localNetworkPermission = async (): Promise<PermissionState | undefined> => {
	// Outside a secure context Chromium reports the permission `denied` whether or not anything is blocked (a page on
	// http://app.test calling loopback is not blocked at all): the state proves nothing there.
	if (globalThis.isSecureContext === false) {
		return undefined;
	}
	try {
		// Chromium's name; engines without Local Network Access reject the query, which means "no such block".
		return (await navigator.permissions.query({name: 'local-network-access' as PermissionName})).state;
	} catch {
		return undefined;
	}
};

/**
Classifies one failed request: triage (static facts, the cache, the budget), then one shared probe wave, then the
verdict, with the CSP report read alongside. Rejects only with the caller's abort reason.
*/
export const diagnoseFailure = async (options: NormalizedOptions, memory: Memory, context: FailureContext): Promise<Diagnosis> => {
	const fetch = options.fetch ?? globalThis.fetch;
	// A violation reported by now needs no probe (and its probes would only be blocked too); a later one still wins.
	if (await cspBlocked(context.url, context.start, 0)) {
		return toDiagnosis(context, {verdict: CSP, evidence: []}, []);
	}
	const csp = cspBlocked(context.url, context.start, 8);
	const local = isLocalTarget(new URL(context.url));
	const lna = local ? localNetworkPermission() : undefined;
	const plan = planProbes(context);
	// Read after the last await before the wave starts, so concurrent failures see each other's spending.
	const permission = await lna;
	const now = Date.now();
	touch(memory, context, now);
	const knowledge = recall(memory, context, options.cacheTtl, options.probeBudget, now);
	const timeLeft = Math.min(options.probeTimeout, options.diagnosisTimeout - (now - context.start) - MARGIN);
	// A probe is timed from silence: the origin still answering the page's burst extends it, up to 4 timeouts.
	const timing = {
		timeout: timeLeft,
		limit: Math.min(4 * options.probeTimeout, options.diagnosisTimeout - (now - context.start) - MARGIN),
		busy: () => busy(memory, context, options.probeTimeout / 2),
	};
	// Waves may use all but a reserve of the budget: the reserve pays for the single reach probes that confirm a reused
	// verdict, so a burst past the budget still gets verdicts without a network failure ever being taken for CORS.
	const waveBudget = options.probeBudget - Math.floor(options.probeBudget / 6);
	const first = triage(context, {
		online: globalThis.navigator?.onLine !== false,
		lna: permission,
		probesEnabled: options.probes,
		sampled: options.probeSampleRate >= 1 || Math.random() < options.probeSampleRate,
		timeLeft,
		knowledge: {...knowledge, budgetLeft: Math.max(0, knowledge.budgetLeft - (options.probeBudget - waveBudget))},
		waveSize: plan.send.length,
		now,
	});
	const facts = factsFor(context, plan, knowledge.grantsCors, knowledge.methodSucceeded, local && permission === 'denied');
	/** One reach probe of this URL: is the server still answering here? `undefined` when the budget has nothing left. */
	const confirmReach = async (): Promise<Probe | undefined> => {
		if (!spend(memory, context, 1, options.probeBudget)) {
			return undefined;
		}
		const reach = plan.send.find(probe => probe.probe === 'reach')!;
		const wave = await joinWave(memory, context, 'reach ' + context.key, async signal =>
			({verdict: UNDETERMINED_TIMEOUT, evidence: await runProbes(fetch, context.url, [reach], timing, signal, () => false)}), context.signal);
		const [probe] = wave.evidence;
		if (probe?.outcome === 'failed') {
			remember(memory, context, {verdict: {kind: 'network', reason: 'unreachable'}, evidence: [probe]});
		} else if (probe?.outcome === 'opaque') {
			noteReachable(memory, context);
		}
		return probe;
	};
	/**
	An earlier finding reused for this failure: its verdict recomputed from its evidence with what the page knows now (a
	success on the origin since then turns ORIGIN_NOT_ALLOWED into ERROR_RESPONSE_WITHOUT_CORS), after a reach probe of
	this URL where one is needed; a failing reach makes it a network failure.
	*/
	const reuse = async (earlier: Finding, from: 'cache' | 'origin', confirm: boolean, lower: boolean): Promise<Finding> => {
		const evidence = earlier.evidence.map(probe => ({...probe, from}));
		const verdict = reverdict(facts, earlier, lower);
		if (!confirm) {
			return {verdict, evidence};
		}
		const probe = await confirmReach();
		if (probe === undefined) {
			// Nothing left to confirm with: a cached verdict for this very request stands, a borrowed one does not.
			return from === 'cache' ? {verdict, evidence} : {verdict: {kind: 'unclassified', reason: 'probe-budget'}, evidence: []};
		}
		return probe.outcome === 'failed' ? {verdict: {kind: 'network', reason: 'unreachable'}, evidence: [probe]} : {verdict, evidence: [...evidence, probe]};
	};
	// Waves in flight to the origin may teach what an unprobed failure needs (a burst at page load).
	const recallLater = async (reason: 'probe-budget' | 'not-sampled'): Promise<Finding> => {
		await Promise.allSettled(wavesTo(memory, context));
		const {sameShape} = recall(memory, context, options.cacheTtl, options.probeBudget);
		// Borrowed from another URL: this URL may be down or reset, so a reach probe must show it answers.
		return sameShape?.verdict.kind === 'cors' ? reuse(sameShape, 'origin', true, true) : {verdict: {kind: 'unclassified', reason}, evidence: []};
	};
	let finding: Finding;
	if (first.step === 'decided') {
		finding = {verdict: first.verdict, evidence: []};
	} else if (first.step === 'recall') {
		finding = await recallLater(first.reason);
	} else if (first.step === 'reuse') {
		finding = await reuse(first.finding, 'cache', first.confirm, false);
	} else {
		finding = await joinWave(memory, context, context.key, async signal => {
			// The budget is taken when a wave really starts (a failure joining one sends nothing), and it is the hard bound.
			if (!spend(memory, context, plan.send.length, waveBudget)) {
				return OVER_BUDGET;
			}
			const evidence = await runProbes(fetch, context.url, plan.send, timing, signal, settled => verdictOf(facts, plan, settled) !== undefined);
			if (signal.aborted) {
				throw signal.reason;
			}
			const wave = {verdict: verdictOf(facts, plan, evidence) ?? UNDETERMINED_TIMEOUT, evidence: [...plan.known, ...evidence]};
			remember(memory, context, wave);
			return wave;
		}, context.signal);
		if (finding === OVER_BUDGET) {
			finding = await recallLater('probe-budget');
		}
	}
	if (await csp && finding.verdict.kind !== 'not-cross-origin') {
		finding = {verdict: CSP, evidence: []};
	}
	const ask = options.devRelay === false ? undefined : options.devRelay ?? (globalThis as {__corsDoctorRelay?: unknown}).__corsDoctorRelay;
	if (typeof ask === 'function' && finding.verdict.kind === 'cors' && finding.evidence.length > 0) {
		// Development: the relay on the dev server reads the headers from Node, so a code the probes inferred becomes the
		// exact one (policy verdicts, which need no probe, are already certain). Only the shape leaves the page.
		const [answer, {relayVerdict}] = await Promise.all([
			(ask as (shape: RelayShape) => Promise<unknown>)({
				// The real path (the relay must check this URL), without query, fragment or userinfo.
				url: context.targetOrigin + new URL(context.url).pathname,
				method: context.method,
				headers: context.headers.map(header => header.name),
				credentials: context.credentials,
				pageOrigin: context.pageOrigin,
			}).catch(() => undefined),
			import('../dev/relay-verdict.js'),
		]);
		const exact = relayVerdict(answer as Parameters<typeof relayVerdict>[0]);
		if (exact) {
			return toDiagnosis(context, finding, plan.unprobed, exact);
		}
	}
	return toDiagnosis(context, finding, plan.unprobed);
};

/** Calls the user's callback and the page-wide reporter (`setReporter`) without ever letting them break the request. */
const report = (options: NormalizedOptions, diagnosis: Diagnosis): void => {
	try {
		options.onDiagnosis?.(diagnosis);
	} catch {}
	try {
		getReporter()?.(diagnosis);
	} catch {}
};

/** Classifies a failed fetch and returns what the caller should throw: the CorsError, or the platform's own error. */
export const onFailure = async (options: NormalizedOptions, memory: Memory, pageOrigin: string, input: RequestInfo | URL, init: RequestInit | undefined, error: unknown, start: number): Promise<unknown> => {
	let context;
	try {
		context = readFailure(input, init, pageOrigin, error, start);
	} catch {
		// A request fetch itself would refuse to build: not a cross-origin matter.
		return error;
	}
	const diagnosis = await diagnoseFailure(options, memory, context);
	report(options, diagnosis);
	if (diagnosis.kind === 'cors' && (options.devConsole ?? isDevelopment())) {
		try {
			// Its own chunk: a production build never downloads the printer.
			(await import('../dev/console.js')).printDiagnosis(diagnosis.error);
		} catch {}
	}
	return diagnosis.kind === 'cors' ? diagnosis.error : error;
};

/** The error for expected response headers that read as null (absent and unexposed look the same, hence only likely). */
export const hiddenHeaders = (options: NormalizedOptions, input: RequestInfo | URL, init: RequestInit | undefined, pageOrigin: string, names: string[]): CorsError => {
	const error = new CorsError({code: 'HEADER_NOT_EXPOSED', confidence: 'likely', request: readFailure(input, init, pageOrigin, undefined, 0).summary, names, mayHaveRun: true});
	report(options, {kind: 'cors', error});
	return error;
};

/** The error for reading the body of an opaque `no-cors` response through the client. */
export const opaqueResponse = (input: RequestInfo | URL, init: RequestInit | undefined, pageOrigin: string): CorsError =>
	new CorsError({code: 'OPAQUE_RESPONSE', confidence: 'certain', request: readFailure(input, init, pageOrigin, undefined, 0).summary, mayHaveRun: true});

/** `diagnose()`'s classification, sharing the default `corsFetch`'s memory. */
export const diagnoseRequest = (options: NormalizedOptions, memory: Memory, pageOrigin: string, input: RequestInfo | URL, init: RequestInit | undefined): Promise<Diagnosis> =>
	diagnoseFailure(options, memory, readFailure(input, init, pageOrigin, undefined, Date.now()));
