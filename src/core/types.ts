import type {CorsError} from '../errors/CorsError.js';
import type {Probe} from '../errors/types.js';

/**
The outcome of classifying one failed request: a `CorsError`, a network failure that is not CORS (the platform's error is
rethrown unchanged, so retries and offline handling still apply), or a request CORS does not govern (same-origin, or no page).

@example
```
const diagnosis = await diagnose('https://api.example.com/items', {headers: {'x-api-key': '...'}});
if (diagnosis.kind === 'cors') console.warn(diagnosis.error.message);
```
*/
export type Diagnosis =
	| {readonly kind: 'cors'; readonly error: CorsError}
	| {readonly kind: 'network'; readonly reason: 'offline' | 'unreachable' | 'aborted' | 'error'; readonly evidence: readonly Probe[]}
	| {readonly kind: 'not-cross-origin'};

/**
Options of `createCorsFetch` (and the CORS part of `createClient`/`withCors`).

@example
```
const fetch = createCorsFetch({
	probeTimeout: 1500,
	onDiagnosis: diagnosis => diagnosis.kind === 'cors' && telemetry.track(diagnosis.error.toJSON()),
});
```
*/
export interface CorsFetchOptions {
	/** The native fetch used for the request and the probes. Default: `globalThis.fetch`, resolved at call time. */
	readonly fetch?: typeof globalThis.fetch;
	/** Send safe diagnostic probes after a failure. When `false` only static facts classify (else `UNDETERMINED`). Default `true`. */
	readonly probes?: boolean;
	/** Per-probe timeout in ms. Default `3000`. */
	readonly probeTimeout?: number;
	/** The page origin. Default `location.origin`; without either (Node, Deno, Bun) the fetch is a pure pass-through. */
	readonly pageOrigin?: string;
	/** Called for every classified failure, CORS or not. Its errors are swallowed: it never breaks the request. */
	readonly onDiagnosis?: (diagnosis: Diagnosis) => void;
	/** Response headers the caller reads: one that reads `null` on a CORS response throws `HEADER_NOT_EXPOSED`. */
	readonly expectHeaders?: readonly string[];
	/** How long a verdict is reused for an identical failure, in ms. Default `30000`. */
	readonly cacheTtl?: number;
	/** Probe waves per target origin per minute; beyond it the verdict is `UNDETERMINED` (`rate-limited`). Default `6`. */
	readonly rateLimit?: number;
	/** Time in ms, from the call, within which a failure must be classified (`createClient` sets it from ky's `timeout`). */
	readonly budget?: number;
}

export interface NormalizedOptions {
	readonly fetch: typeof globalThis.fetch | undefined;
	readonly probes: boolean;
	readonly probeTimeout: number;
	readonly pageOrigin: string | undefined;
	readonly onDiagnosis: ((diagnosis: Diagnosis) => void) | undefined;
	readonly expectHeaders: readonly string[];
	readonly cacheTtl: number;
	readonly rateLimit: number;
	readonly budget: number;
}
