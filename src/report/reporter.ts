import type {Diagnosis} from '../core/types.js';
import type {CorsError} from '../errors/CorsError.js';
import type {CorsErrorJSON} from '../errors/types.js';

/**
What a reporter sends: one classified failure, standing for itself plus `suppressed` identical ones (same fingerprint)
that deduplication dropped since the previous event of that fingerprint.

@example
```
// What `send` receives: {error: error.toJSON(), suppressed: 41, sampleRate: 0.5}
```
*/
export interface ReportEvent {
	/** `error.toJSON()`: redacted (no query, fragment, userinfo, header values or bodies) and versioned. */
	readonly error: CorsErrorJSON;
	/** Failures of this fingerprint dropped as duplicates since the last event of it. */
	readonly suppressed: number;
	/** The sample rate in force: a backend counts `(1 + suppressed) / sampleRate` failures per event. */
	readonly sampleRate: number;
}

/**
Options of `createReporter`.

@example
```
createReporter({send: event => fetch('/telemetry', {method: 'POST', body: JSON.stringify(event)}), windowMs: 60_000, sampleRate: 0.25});
```
*/
export interface ReporterOptions {
	/** Delivers one event. Called in a microtask, never inside the request; what it throws or rejects is swallowed. */
	readonly send: (event: ReportEvent) => unknown;
	/** Identical failures (same fingerprint) within this many ms of an event are counted, not sent. Default `60000`. */
	readonly windowMs?: number;
	/** The share of windows that send an event, from 0 to 1. Sampled per window, so a storm does not raise the odds. Default `1`. */
	readonly sampleRate?: number;
	/** The app's last word on an event: return it (changed or not) to send it, `null` to drop it. Errors drop it too. */
	readonly redact?: (event: ReportEvent) => ReportEvent | null;
	/** The sampling source, a number in [0, 1). Default `Math.random`; inject a deterministic one in tests. */
	readonly random?: () => number;
}

/** A `Diagnosis` sink (fits `onDiagnosis` and `setReporter`), plus `flush` for the counts still held back. */
export interface Reporter {
	(diagnosis: Diagnosis): void;
	/** Sends one event per fingerprint whose duplicates are not yet reported (e.g. on `pagehide`). */
	flush(): void;
}

interface Window {
	until: number;
	sampled: boolean;
	/** Duplicates not yet reported; the newest of them in `last`. */
	pending: number;
	last?: CorsError;
}

// A bound on remembered fingerprints, so a page producing endless distinct ones cannot grow the map without limit.
const MAX_KEYS = 1000;

const fail = (name: string, what: string): never => {
	throw new TypeError(`The \`${name}\` option must be ${what}`);
};

const normalize = (options: ReporterOptions) => {
	const o = {windowMs: 60_000, sampleRate: 1, random: Math.random, ...options};
	if (typeof o.send !== 'function') {
		fail('send', 'a function');
	}
	for (const name of ['redact', 'random'] as const) {
		if (o[name] !== undefined && typeof o[name] !== 'function') {
			fail(name, 'a function');
		}
	}
	if (!(o.windowMs >= 0)) {
		fail('windowMs', 'a non-negative number');
	}
	if (!(o.sampleRate >= 0 && o.sampleRate <= 1)) {
		fail('sampleRate', 'a number from 0 to 1');
	}
	return o;
};

/**
Creates a reporter for classified CORS failures: one event per fingerprint per window (the duplicates counted in the
next event), sampled, and delivered off the request path. Pass it as `onDiagnosis` to one client, or to `setReporter`
for every client in the page. Network failures and same-origin requests are not reported.

@example
```
import {createCorsFetch, createReporter} from 'cors-doctor';

const reporter = createReporter({
	send: event => navigator.sendBeacon('/telemetry', JSON.stringify(event)),
	windowMs: 60_000,
	sampleRate: 0.5,
	redact: event => event.error.code === 'UNDETERMINED' ? null : event,
});
const fetch = createCorsFetch({onDiagnosis: reporter});
addEventListener('pagehide', () => reporter.flush());
```
*/
export const createReporter = (options: ReporterOptions): Reporter => {
	const o = normalize(options);
	const windows = new Map<string, Window>();

	const emit = (error: CorsError, suppressed: number): void => {
		// A microtask: the request path only pays for the map lookup above; toJSON, the app's hook and send run after it.
		queueMicrotask(() => {
			try {
				let event: ReportEvent | null = {error: error.toJSON(), suppressed, sampleRate: o.sampleRate};
				if (o.redact) {
					event = o.redact(event);
					if (event === null || typeof event !== 'object') {
						return;
					}
				}
				const sent = o.send(event) as {then?: unknown} | undefined;
				if (typeof sent?.then === 'function') {
					(sent as PromiseLike<unknown>).then(undefined, () => {});
				}
			} catch {}
		});
	};

	const prune = (now: number): void => {
		for (const [key, window] of windows) {
			if (windows.size < MAX_KEYS) {
				return;
			}
			if (window.until <= now) {
				windows.delete(key);
			}
		}
		// Still full of live windows with pending counts: forget the oldest.
		const oldest = windows.keys().next();
		if (windows.size >= MAX_KEYS && !oldest.done) {
			windows.delete(oldest.value);
		}
	};

	const report = (diagnosis: Diagnosis): void => {
		try {
			if (diagnosis?.kind !== 'cors') {
				return;
			}
			const {error} = diagnosis;
			const key = error.fingerprint.join('\n');
			const now = Date.now();
			const window = windows.get(key);
			if (window && now < window.until) {
				if (window.sampled) {
					window.pending++;
					window.last = error;
				}
				return;
			}
			const pending = window?.pending ?? 0;
			const sampled = o.sampleRate >= 1 || o.random() < o.sampleRate;
			if (!window && windows.size >= MAX_KEYS) {
				prune(now);
			}
			// Re-inserting keeps the map in order of last window start, so pruning drops the stalest first.
			windows.delete(key);
			// An unsampled window keeps the earlier duplicates' count for the next sampled event (or flush).
			windows.set(key, sampled ? {until: now + o.windowMs, sampled, pending: 0} : {until: now + o.windowMs, sampled, pending, last: window?.last});
			if (sampled) {
				emit(error, pending);
			}
		} catch {}
	};

	return Object.assign(report, {
		flush(): void {
			for (const window of windows.values()) {
				if (window.pending > 0 && window.last) {
					// `last` is one of the pending duplicates: it is the event, the rest are its count.
					emit(window.last, window.pending - 1);
					window.pending = 0;
					window.last = undefined;
				}
			}
		},
	});
};
