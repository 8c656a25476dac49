import type {CorsCode} from '../codes.js';
import {BRAND, isBranded} from './brand.js';
import {describe, hintsFor} from './describe.js';
import type {Alternative, Confidence, CorsErrorJSON, Hint, Probe, RequestSummary, UndeterminedReason} from './types.js';


/** What a `CorsError` is built from. `request.url` must already be redacted (see `redactUrl`). */
export interface CorsErrorInit {
	readonly code: CorsCode;
	readonly confidence: Confidence;
	readonly request: RequestSummary;
	readonly evidence?: readonly Probe[];
	/** The header or method names the code is about. */
	readonly names?: readonly string[];
	readonly reason?: UndeterminedReason;
	/** Unsafe header names left unprobed (over the cap of 3). */
	readonly unprobed?: readonly string[];
	/** Defaults to the one-line header fixes for the code. */
	readonly hints?: readonly Hint[];
	/** Other causes consistent with the evidence, most likely first. */
	readonly alternatives?: readonly Alternative[];
	/** Whether the failed request may have reached the server and run there. Default `true`. */
	readonly mayHaveRun?: boolean;
	/** `relay`: the exact answer of the development relay (the headers read from Node). Default `browser`. */
	readonly source?: 'browser' | 'relay';
}

/**
A fetch failure that cors-doctor attributes to CORS or to the browser's cross-origin policy.

It extends `TypeError`, so code written for plain `fetch` (`error instanceof TypeError`) keeps working, while its
`name` (`'CorsError'`) keeps ky and is-network-error from treating it as a retriable network error.

@example
```
try {
	await corsFetch('https://api.example.com/items', {headers: {'x-api-key': key}});
} catch (error) {
	if (error instanceof CorsError && error.code === 'HEADER_NOT_ALLOWED') {
		console.warn(error.message, error.hints.map(formatHint));
	}
}
```
*/
export class CorsError extends TypeError {
	declare readonly name: 'CorsError';
	readonly code: CorsCode;
	readonly confidence: Confidence;
	/** The probes that support the verdict (empty for static facts). */
	readonly evidence: readonly Probe[];
	readonly request: RequestSummary;
	readonly hints: readonly Hint[];
	/** `https://unpkg.com/cors-doctor/docs/errors/<CODE>.md` */
	readonly docsUrl: string;
	/** Stable grouping key for error trackers: `['CorsError', code, method, targetOrigin]`. */
	readonly fingerprint: readonly string[];
	/** The header or method names the code is about. */
	readonly names: readonly string[];
	readonly reason?: UndeterminedReason;
	/** Unsafe header names the probes did not cover (over the cap of 3): the verdict cannot speak for them. */
	readonly unprobed: readonly string[];
	/** Other causes consistent with the evidence, most likely first, each with what tells it apart and the `cors-doctor check` command that settles it. */
	readonly alternatives: readonly Alternative[];
	/**
	Whether the failed request may have reached the server and run there. `false` only when every consistent cause stops
	it before it is sent (a refused preflight, a policy block). Check it before retrying a non-idempotent request.
	*/
	readonly mayHaveRun: boolean;
	/** Where the verdict comes from: `browser` (static facts and probes in the page) or `relay` (the development relay's exact check). */
	readonly source: 'browser' | 'relay';

	constructor(init: CorsErrorInit, options?: {cause?: unknown}) {
		const {code, request, names = []} = init;
		// Passing `options` through lets the engine define `cause` as a non-enumerable own property.
		super(`[cors-doctor] ${code}: ${request.method} ${request.url} was blocked: ${describe(code, init.reason ? [init.reason] : names)}.`, options);
		this.code = code;
		this.confidence = init.confidence;
		this.evidence = init.evidence ?? [];
		this.request = request;
		this.names = names;
		this.unprobed = init.unprobed ?? [];
		this.alternatives = init.alternatives ?? [];
		this.mayHaveRun = init.mayHaveRun ?? true;
		this.source = init.source ?? 'browser';
		if (init.reason) {
			this.reason = init.reason;
		}
		this.hints = init.hints ?? hintsFor(code, names, request.pageOrigin, request.targetOrigin, request.credentials === 'include', request.method);
		this.docsUrl = `https://unpkg.com/cors-doctor/docs/errors/${code}.md`;
		this.fingerprint = ['CorsError', code, request.method, request.targetOrigin];
	}

	/** The brand check, so `instanceof` also works across two copies of the library. */
	static override [Symbol.hasInstance](value: unknown): boolean {
		return isBranded(value);
	}

	/**
	A redacted, versioned plain object for telemetry: no query strings, userinfo, header values, bodies or `cause`.

	@example
	```
	Sentry.captureException(error, {extra: {cors: error.toJSON()}, fingerprint: [...error.fingerprint]});
	```
	*/
	toJSON(): CorsErrorJSON {
		// Own enumerable fields only: `cause` and `stack` are non-enumerable, and every field is already redacted.
		return {...this, schemaVersion: 1, name: this.name, message: this.message};
	}
}

// On the prototype and non-enumerable: invisible to JSON and Object.keys, shared by every instance.
Object.defineProperty(CorsError.prototype, BRAND, {value: true});
Object.defineProperty(CorsError.prototype, 'name', {value: 'CorsError', writable: true, configurable: true});
