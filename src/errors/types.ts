import type {CorsCode} from '../codes.js';

/** How sure the classifier is: `certain` (a static fact or a header), `likely` (inferred from probes), `possible` (a fallback). */
export type Confidence = 'certain' | 'likely' | 'possible';

/** The name of a diagnostic probe (see DESIGN section 6). */
export type ProbeName = 'reach' | 'simple' | 'simple-manual' | 'credentialed' | 'header' | 'control';

/**
What a probe ended with. `ok` is a readable CORS response of any status; `cancelled`: sent, then cancelled because the
verdict no longer depended on its answer.
*/
export type ProbeOutcome = 'ok' | 'opaque' | 'opaqueredirect' | 'failed' | 'timeout' | 'aborted' | 'cancelled';

/**
One diagnostic request and what came back. Never holds bodies or header values: only the header name.

@example
```
{probe: 'header', sent: {method: 'GET', mode: 'cors', credentials: 'omit', header: 'x-api-key'}, outcome: 'failed', ms: 12}
```
*/
export interface Probe {
	readonly probe: ProbeName;
	readonly sent: {
		readonly method: string;
		readonly mode: RequestMode;
		readonly credentials: RequestCredentials;
		readonly redirect?: RequestRedirect;
		readonly header?: string;
	};
	readonly outcome: ProbeOutcome;
	/** The response status, when the response was readable. */
	readonly status?: number;
	readonly ms: number;
	/**
	Where the outcome comes from when it is not this diagnosis's own probe: `original` (the failed request was this very
	probe), `cache` (an earlier verdict for the same request, reused), `origin` (an earlier wave on another URL of the
	same origin, used when the probe budget was spent).
	*/
	readonly from?: 'original' | 'cache' | 'origin';
}

/** Another cause consistent with the evidence, and how to tell it from the verdict's. */
export interface Alternative {
	readonly code: CorsCode;
	/** What distinguishes it, in plain words. */
	readonly tellsApart: string;
	/** The exact `cors-doctor check` command that settles it from a machine that can read the headers. */
	readonly check: string;
}

/**
The failed request, redacted: the URL has no query, fragment or userinfo; headers appear by name only.

@example
```
{method: 'GET', url: 'https://api.example.com/items', pageOrigin: 'https://app.example.com', targetOrigin: 'https://api.example.com',
	mode: 'cors', credentials: 'same-origin', preflight: true, triggers: ['x-api-key']}
```
*/
export interface RequestSummary {
	readonly method: string;
	readonly url: string;
	readonly pageOrigin: string;
	readonly targetOrigin: string;
	readonly mode: RequestMode;
	readonly credentials: RequestCredentials;
	/** Whether the browser sends a CORS preflight (OPTIONS) before this request. */
	readonly preflight: boolean;
	/** What triggers the preflight: the non-safelisted method and the CORS-unsafe header names. */
	readonly triggers: readonly string[];
}

/**
One line of the fix: a response header to add, and on which response.

@example
```
{header: 'Access-Control-Allow-Headers', value: 'x-api-key', on: 'preflight'}
// formatHint(hint) === 'Access-Control-Allow-Headers: x-api-key'
```
*/
export interface Hint {
	readonly header: string;
	readonly value: string;
	/** `preflight`: the OPTIONS response; `actual`: every response of the URL, errors included; `page`: the page's own response. */
	readonly on: 'preflight' | 'actual' | 'page';
}

/** Why a classification is `UNDETERMINED`. */
export type UndeterminedReason = 'probes-disabled' | 'timeout';

/** The redacted, versioned telemetry form of a `CorsError` (`error.toJSON()`). */
export interface CorsErrorJSON {
	readonly schemaVersion: 1;
	readonly name: 'CorsError';
	readonly code: CorsCode;
	readonly confidence: Confidence;
	readonly message: string;
	readonly request: RequestSummary;
	readonly evidence: readonly Probe[];
	readonly hints: readonly Hint[];
	readonly docsUrl: string;
	readonly fingerprint: readonly string[];
	/** The header or method names the code is about (HEADER_NOT_ALLOWED, METHOD_NOT_ALLOWED, HEADER_NOT_EXPOSED). */
	readonly names: readonly string[];
	readonly reason?: UndeterminedReason;
	/** Unsafe header names the probes did not cover. */
	readonly unprobed: readonly string[];
	readonly alternatives: readonly Alternative[];
	readonly mayHaveRun: boolean;
	readonly source: 'browser' | 'relay';
}
