import type {Probe, ProbeName, ProbeOutcome} from '../errors/types.js';

/** What the planner needs to know about the failed request. */
export interface ProbePlanInput {
	/** The normalized method of the failed request. */
	readonly method: string;
	readonly credentials: RequestCredentials;
	/** The CORS-unsafe request-header names (lowercase), in request order. */
	readonly headers: readonly string[];
	/** Whether the method itself triggers a preflight. */
	readonly methodPreflight: boolean;
}

export interface PlannedProbe {
	readonly probe: ProbeName;
	readonly init: RequestInit;
	readonly header?: string;
}

/** At most 3 header probes (with reach, simple, simple-manual, credentialed and the control: 8 in all); the rest are reported as not probed. */
export const MAX_HEADER_PROBES = 3;

const DUMMY = 'cors-doctor-probe';
// A non-safelisted MIME type, so a content-type probe triggers the preflight the original did.
const DUMMY_MIME = 'application/x-cors-doctor-probe';

/**
The probe wave for one failure. Safety rules: never the original method unless GET/HEAD, never a body, never a real
header value, never credentials the original did not carry (a passing preflight lets the real request run).
*/
export const planProbes = (x: ProbePlanInput): PlannedProbe[] => {
	const method = x.method === 'HEAD' ? 'HEAD' : 'GET';
	const simple: RequestInit = {method, mode: 'cors', credentials: 'omit'};
	const header = (probe: ProbeName, name: string): PlannedProbe =>
		({probe, header: name, init: {...simple, headers: {[name]: name === 'content-type' ? DUMMY_MIME : DUMMY}}});
	const plan: PlannedProbe[] = [
		{probe: 'reach', init: {method, mode: 'no-cors', credentials: 'omit'}},
		{probe: 'simple', init: simple},
		{probe: 'simple-manual', init: {...simple, redirect: 'manual'}},
	];
	if (x.credentials === 'include') {
		plan.push({probe: 'credentialed', init: {...simple, credentials: 'include'}});
	}
	for (const name of x.headers.slice(0, MAX_HEADER_PROBES)) {
		plan.push(header('header', name));
	}
	// The control tells "these headers are refused" from "the preflight itself is refused", and with a method-only
	// preflight it is the only way to see whether OPTIONS works at all. It asks for `content-type` (with a
	// non-safelisted value) because nearly every server that answers preflights allows it; a made-up header is
	// refused by the common allow-list setups and would blame the preflight for one missing header.
	if (x.headers.length > 0 || x.methodPreflight) {
		plan.push(header('control', x.headers.includes('content-type') ? 'x-' + DUMMY : 'content-type'));
	}
	return plan;
};

const outcomeOf = (type: ResponseType): ProbeOutcome => type === 'opaque' || type === 'opaqueredirect' ? type : 'ok';

/**
Sends the wave in parallel through the native `fetch`, each probe with `cache: 'no-store'` and its own timeout, all
cancelled by `signal`. Never rejects: a probe's failure is its outcome.
*/
export const runProbes = (fetch: typeof globalThis.fetch, url: string, plan: readonly PlannedProbe[], timeout: number, signal: AbortSignal): Promise<Probe[]> =>
	Promise.all(plan.map(async ({probe, init, header}): Promise<Probe> => {
		const start = Date.now();
		const timer = AbortSignal.timeout(timeout);
		const sent = {method: init.method!, mode: init.mode!, credentials: init.credentials!, ...(init.redirect && {redirect: init.redirect}), ...(header && {header})};
		let outcome: ProbeOutcome;
		let status: number | undefined;
		try {
			const response = await fetch(url, {...init, cache: 'no-store', signal: AbortSignal.any([signal, timer])});
			outcome = outcomeOf(response.type);
			if (outcome === 'ok') {
				status = response.status;
			}
			// Free the connection: only the outcome matters, never the body.
			response.body?.cancel().catch(() => {});
		} catch {
			outcome = signal.aborted ? 'aborted' : timer.aborted ? 'timeout' : 'failed';
		}
		return {probe, sent, outcome, ...(status !== undefined && {status}), ms: Date.now() - start};
	}));
