import type {CorsCode} from '../codes.js';

/** How sure the classifier is: `certain` (a static fact or a header), `likely` (inferred from probes), `possible` (a fallback). */
export type Confidence = 'certain' | 'likely' | 'possible';

/** The name of a diagnostic probe (see DESIGN section 6). */
export type ProbeName = 'reach' | 'simple' | 'simple-manual' | 'credentialed' | 'header' | 'control';

/**
What a probe ended with. `ok` is a readable CORS response of any status. `withheld`: never sent, because the URL answered
an uncredentialed probe with 401 or 407 and a credentialed request could raise a login prompt (docs/probes.md).
*/
export type ProbeOutcome = 'ok' | 'opaque' | 'opaqueredirect' | 'failed' | 'withheld' | 'timeout' | 'aborted' | 'cancelled';

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
	Where the fact came from: `probe` (sent for this failure; the default when absent), `original` (the failed request was
	this very probe: a plain GET is the simple probe), `origin` (learned from an earlier wave on another URL of the same
	origin), `cache` (a verdict for an identical failure, reused).
	*/
	readonly from?: 'probe' | 'original' | 'origin' | 'cache';
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

/**
Another code the same failure could be, and how to tell them apart. The page cannot read the headers the browser hid, so
an inferred verdict can have rivals; the Node checker reads those headers and settles it.

@example
```
{code: 'ERROR_RESPONSE_WITHOUT_CORS', tellsApart: 'the URL answers an error status without CORS headers',
	check: 'cors-doctor check https://api.example.com/items --origin https://app.example.com'}
```
*/
export interface Alternative {
	readonly code: CorsCode;
	/** What distinguishes it from the verdict, in plain words. */
	readonly tellsApart: string;
	/** The exact `cors-doctor check <url> --origin … [--method …] [--header …]` command that settles it. */
	readonly check: string;
}

/**
What each code adds to a `CorsError`, in the manner of zod's issue union: narrowing on `code` narrows these fields.
Codes not listed here have `names: []` and no `reason`.
*/
export interface CorsErrorDetails {
	/** The method the preflight does not allow. */
	METHOD_NOT_ALLOWED: {readonly names: readonly [method: string]; readonly reason?: undefined};
	/** The request-header names the preflight does not allow (at least one). */
	HEADER_NOT_ALLOWED: {readonly names: readonly [string, ...string[]]; readonly reason?: undefined};
	/** The response-header names that read `null` on a CORS response (at least one). */
	HEADER_NOT_EXPOSED: {readonly names: readonly [string, ...string[]]; readonly reason?: undefined};
	UNDETERMINED: {readonly names: readonly []; readonly reason: UndeterminedReason};
}

/** The fields `code` decides (see `CorsErrorDetails`). */
export type CorsErrorDetail<C extends CorsCode> = C extends keyof CorsErrorDetails ? CorsErrorDetails[C] : {readonly names: readonly []; readonly reason?: undefined};

/** The data fields every `CorsError` has, whatever its code. Declared once: the class, `toJSON()` and `CorsErrorJSON` derive from it. */
export interface CorsErrorBase {
	/** How sure the verdict is: `certain` (a static fact or a header), `likely` (from probes), `possible` (a fallback). */
	readonly confidence: Confidence;
	/** The failed request, redacted (see `redactUrl`). */
	readonly request: RequestSummary;
	/** The probes that support the verdict (empty for static facts). */
	readonly evidence: readonly Probe[];
	/** The response headers that fix it, and on which response. */
	readonly hints: readonly Hint[];
	/** The page explaining the code, for this version: `https://unpkg.com/cors-doctor@<version>/docs/errors/<CODE>.md`. */
	readonly docsUrl: string;
	/** Stable grouping key for error trackers: `['CorsError', code, method, targetOrigin]`. */
	readonly fingerprint: readonly string[];
	/** Unsafe header names the probes did not cover (over the cap of 3): the verdict cannot speak for them. */
	readonly unprobed: readonly string[];
	/** Other codes the same failure could be, most likely first, each with the checker command that tells them apart. Empty when the verdict is certain. */
	readonly alternatives: readonly Alternative[];
	/**
	Whether the failed request may have reached the server and run there. `false` only when the browser provably stopped it
	before sending (a static fact, or a failed preflight). Matters before retrying a non-idempotent request (POST, PATCH).
	*/
	readonly mayHaveRun: boolean;
	/** Where the verdict comes from: `browser` (static facts and probes in the page) or `relay` (the development relay's exact check). */
	readonly source: 'browser' | 'relay';
}

/** Every data field of a `CorsError` with code `C`. Adding a field fails to compile until `toJSON()` lists it (`JSON_FIELDS` in CorsError.ts). */
export type CorsErrorFields<C extends CorsCode = CorsCode> = CorsErrorBase & {readonly code: C} & CorsErrorDetail<C>;

/** The redacted, versioned telemetry form of a `CorsError` (`error.toJSON()`). Version 2 added `alternatives` and `mayHaveRun`. */
export type CorsErrorJSON<C extends CorsCode = CorsCode> = C extends CorsCode ? CorsErrorFields<C> & {
	readonly schemaVersion: 2;
	readonly name: 'CorsError';
	/** The redacted message (see `redactUrl`). */
	readonly message: string;
} : never;
