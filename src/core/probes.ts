import type {Probe, ProbeOutcome} from '../errors/types.js';
import {sentOf, type PlannedProbe} from './plan.js';

/** How long a probe may take: `timeout` of silence, extended while `busy()` says the origin is answering others, never past `limit`. */
export interface ProbeTiming {
	readonly timeout: number;
	readonly limit: number;
	readonly busy: () => boolean;
}

const outcomeOf = (type: ResponseType): ProbeOutcome => type === 'opaque' || type === 'opaqueredirect' ? type : 'ok';

/**
Sends the wave through the native `fetch`: the uncredentialed probes in parallel, then, if their answers leave the verdict
open, the credentialed ones; each probe with `cache: 'no-store'`, its own timeout and the wave's `signal`. After each answer `decided(settled)` may end the wave: the probes still in flight are cancelled and
recorded as `cancelled` (the server may have seen them; their answer was no longer needed). Never rejects.

Each probe gets its own AbortController linked by listeners rather than `AbortSignal.any`/`AbortSignal.timeout`, which
Safari < 17.4, Chrome < 116 and Firefox < 124 lack.
*/
export const runProbes = (
	fetch: typeof globalThis.fetch,
	url: string,
	plan: readonly PlannedProbe[],
	timing: ProbeTiming,
	signal: AbortSignal,
	decided: (settled: readonly Probe[]) => boolean,
): Promise<Probe[]> => new Promise(resolve => {
	const settled: Probe[] = [];
	const controllers = plan.map(() => new AbortController());
	let done = false;
	const starts: number[] = [];
	const finish = () => {
		done = true;
		plan.forEach((planned, index) => {
			// Only probes that were sent: a probe never sent is no evidence at all.
			if (starts[index] !== undefined && !settled.some(probe => probe.probe === planned.probe && probe.sent.header === planned.header)) {
				settled.push({probe: planned.probe, sent: sentOf(planned), outcome: 'cancelled', ms: Date.now() - starts[index]!});
			}
		});
		signal.removeEventListener('abort', cancel);
		for (const controller of controllers) {
			controller.abort();
		}
		resolve(settled);
	};
	const cancel = () => {
		for (const controller of controllers) {
			controller.abort(signal.reason);
		}
	};
	signal.addEventListener('abort', cancel, {once: true});
	if (plan.length === 0) {
		finish();
	}
	// Credentialed probes go second, only when the uncredentialed ones leave the verdict open. A server that answers 401
	// with `WWW-Authenticate: Basic` makes a credentialed request wait on (Chromium) or raise (Firefox) a login prompt;
	// the uncredentialed probes never can, and they usually decide alone (auth before CORS fails them all).
	const first = plan.map((planned, index) => index).filter(index => plan[index]!.init.credentials !== 'include');
	const second = plan.map((planned, index) => index).filter(index => plan[index]!.init.credentials === 'include');
	const launch = async (index: number, planned = plan[index]!) => {
		const controller = controllers[index]!;
		const start = starts[index] = Date.now();
		let timedOut = false;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const arm = (ms: number) => {
			timer = setTimeout(() => {
				// While the origin keeps answering the page's own requests, a silent probe is queued behind them (a burst
				// fills the browser's 6 connections per host): give it more time, up to the hard limit.
				const left = timing.limit - (Date.now() - start);
				if (left > 0 && timing.busy()) {
					arm(Math.min(timing.timeout, left));
					return;
				}
				timedOut = true;
				controller.abort();
			}, ms);
		};
		arm(Math.min(timing.timeout, timing.limit));
		let outcome: ProbeOutcome;
		let status: number | undefined;
		try {
			if (signal.aborted) {
				throw signal.reason;
			}
			const response = await fetch(url, {...planned.init, cache: 'no-store', signal: controller.signal});
			outcome = outcomeOf(response.type);
			if (outcome === 'ok') {
				status = response.status;
			}
			// Free the connection: only the outcome matters, never the body.
			response.body?.cancel().catch(() => {});
		} catch {
			outcome = signal.aborted ? 'aborted' : timedOut ? 'timeout' : 'failed';
		}
		clearTimeout(timer);
		if (done) {
			return;
		}
		settled.push({probe: planned.probe, sent: sentOf(planned), outcome, ...(status !== undefined && {status}), ms: Date.now() - start});
		if (settled.length === plan.length || decided(settled)) {
			// All answered, or decided: the rest is cancelled (and recorded so).
			finish();
		} else if (settled.length === first.length) {
			if (signal.aborted) {
				finish();
				return;
			}
			// A URL that answered 401/407 challenges credentialed requests, and a challenge may raise a login prompt (or make
			// the engine wait on one): the credentialed GET is withheld, the header and control probes go without credentials.
			const challenged = settled.some(probe => probe.status === 401 || probe.status === 407);
			for (const next of second) {
				if (!challenged) {
					void launch(next);
				} else if (plan[next]!.probe === 'credentialed') {
					settled.push({probe: 'credentialed', sent: sentOf(plan[next]!), outcome: 'withheld', ms: 0});
				} else {
					void launch(next, {...plan[next]!, init: {...plan[next]!.init, credentials: 'omit'}});
				}
			}
			if (settled.length === plan.length) {
				finish();
			}
		}
	};
	for (const index of first.length > 0 ? first : second) {
		void launch(index);
	}
});
