import type {CorsCode} from '../codes.js';
import type {CorsError} from '../errors/CorsError.js';
import type {Confidence, Probe, RequestSummary, UndeterminedReason} from '../errors/types.js';
import type {HeaderReason} from '../rules/headers.js';

/**
The outcome of classifying one failed request:
- `cors`: a `CorsError` (thrown by `corsFetch`);
- `network`: not CORS (the server or the path to it failed, or the browser is offline): the platform's own error is
  rethrown unchanged, so retries and offline handling still apply;
- `unclassified`: a cross-origin failure that the probe budget or sampling left unprobed and that nothing the page has
  learned explains: the platform's own error is rethrown;
- `not-cross-origin`: a request CORS does not govern (same-origin, `data:`/`blob:`, or no page).

@example
```
const diagnosis = await diagnose('https://api.example.com/items', {headers: {'x-api-key': '...'}});
if (diagnosis.kind === 'cors') console.warn(diagnosis.error.message);
```
*/
export type Diagnosis =
	| {readonly kind: 'cors'; readonly error: CorsError}
	| {readonly kind: 'network'; readonly reason: 'offline' | 'unreachable' | 'aborted' | 'error'; readonly evidence: readonly Probe[]}
	| {readonly kind: 'unclassified'; readonly reason: 'probe-budget' | 'not-sampled'}
	| {readonly kind: 'not-cross-origin'};

/**
Options of `createCorsFetch` (and the CORS part of `createClient`/`withCors`). Unknown keys and wrong types throw a
`TypeError` at creation, so a typo never silently switches a feature off.

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
	/** The page origin, e.g. `'https://app.example.com'` (a trailing slash or path is dropped). Default `location.origin`; without either (Node, Deno, Bun) the fetch is a pure pass-through. */
	readonly pageOrigin?: string;
	/** Called for every classified failure, CORS or not. Its errors are swallowed: it never breaks the request. */
	readonly onDiagnosis?: (diagnosis: Diagnosis) => void;
	/** Response headers the caller reads: one that reads `null` on a CORS response throws `HEADER_NOT_EXPOSED`. */
	readonly expectHeaders?: readonly string[];
	/** How long a verdict is reused for a failure of the same request shape, in ms. Default `30000`. */
	readonly cacheTtl?: number;
	/**
	The most probe requests sent to one target origin in any 60 s, a hard bound (see docs/probes.md). Failures past it are
	classified from what earlier probes on that origin proved, or keep the platform's error. Default `60`.
	*/
	readonly probeBudget?: number;
	/** The share of failures (0-1) allowed to send probes, for very large audiences. Unsampled failures still use what the page learned. Default `1`. */
	readonly probeSampleRate?: number;
	/** Time in ms, from the call, within which a failure must be classified (`createClient` sets it from ky's `timeout`). Default: none. */
	readonly diagnosisTimeout?: number;
	/**
	Asks the development relay (`cors-doctor/vite`, or the `cors-doctor/dev` middleware on your dev server) about a failed
	request's shape; the classifier then takes its exact, certain answer. Default: the hook the Vite plugin installs on dev
	pages (`globalThis.__corsDoctorRelay`), else off. With the middleware: `shape => askRelay('/__cors-doctor/relay', shape)`
	(from `cors-doctor/dev`). `false` turns it off.
	*/
	readonly devRelay?: ((shape: RelayShape) => Promise<unknown>) | false;
	/** Print one grouped console line per diagnosis (code, fix, and that the neighbouring CORS errors are probes). Default: on in development builds. */
	readonly devConsole?: boolean;
}

export interface NormalizedOptions {
	readonly fetch: typeof globalThis.fetch | undefined;
	readonly probes: boolean;
	readonly probeTimeout: number;
	readonly pageOrigin: string | undefined;
	readonly onDiagnosis: ((diagnosis: Diagnosis) => void) | undefined;
	readonly expectHeaders: readonly string[];
	readonly cacheTtl: number;
	readonly probeBudget: number;
	readonly probeSampleRate: number;
	readonly diagnosisTimeout: number;
	readonly devRelay: ((shape: RelayShape) => Promise<unknown>) | false | undefined;
	readonly devConsole: boolean | undefined;
}

/** What the classifier tells the development relay: the failed request's shape, never a value, body or query. */
export interface RelayShape {
	readonly url: string;
	readonly method: string;
	readonly headers: readonly string[];
	readonly credentials: RequestCredentials;
	readonly pageOrigin: string;
}

/** A CORS-unsafe request header of the failed request: its name and why it triggers a preflight (never its value). */
export interface UnsafeHeader {
	readonly name: string;
	readonly reason: HeaderReason;
}

/** Everything known about one failed request, read once from `(input, init)`; the one value passed through the pipeline. */
export interface FailureContext {
	/** The full URL: only ever passed to `fetch` for probes, never stored or reported (see `summary.url`). */
	readonly url: string;
	readonly method: string;
	readonly mode: RequestMode;
	readonly credentials: RequestCredentials;
	readonly redirect: RequestRedirect;
	/** CORS-unsafe headers, sorted by name. */
	readonly headers: readonly UnsafeHeader[];
	/** The method itself triggers a preflight (not GET/HEAD/POST). */
	readonly methodPreflight: boolean;
	readonly pageOrigin: string;
	readonly targetOrigin: string;
	readonly crossOrigin: boolean;
	/** `pageOrigin targetOrigin`: what a server grants depends on who asks, so the page's memory is kept per pair. */
	readonly scope: string;
	/** Method, credentials and header names: requests of one shape on one origin fail alike under one CORS config. */
	readonly shape: string;
	/** The redacted URL plus the shape: failures with one key share a wave and a cached verdict. */
	readonly key: string;
	readonly summary: RequestSummary;
	readonly signal: AbortSignal | undefined;
	/** When the original request started (ms epoch), for the CSP report and the time budget. */
	readonly start: number;
	readonly cause: unknown;
}

/** A cause consistent with the evidence besides the verdict's code. `ran`: under this cause the request reached the server. */
export interface Alternative {
	readonly code: CorsCode;
	readonly why: AlternativeWhy;
	readonly ran: boolean;
}

/** Keys of the plain-words "what tells them apart" texts (failure.ts). */
export type AlternativeWhy =
	| 'error-status'
	| 'origin-route'
	| 'redirect-hop'
	| 'preflight-redirect'
	| 'preflight-broken'
	| 'response-after-preflight'
	| 'method'
	| 'unprobed-headers'
	| 'credentials-literal-wildcard';

/** A decision of the pipeline's pure steps. */
export type Verdict =
	| {
		readonly kind: 'cors';
		readonly code: CorsCode;
		readonly confidence: Confidence;
		/** The header or method names the code is about. */
		readonly names?: readonly string[];
		readonly reason?: UndeterminedReason;
		readonly alternatives: readonly Alternative[];
		/** Whether the failed request may have reached the server (and run there). */
		readonly mayHaveRun: boolean;
	}
	| {readonly kind: 'network'; readonly reason: 'offline' | 'unreachable'}
	| {readonly kind: 'unclassified'; readonly reason: 'probe-budget' | 'not-sampled'}
	| {readonly kind: 'not-cross-origin'};
