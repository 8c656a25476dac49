import type {CorsCode} from '../codes.js';
import type {Fixes, GetFixesOptions} from '../hints/model.js';
import {BRAND, isBranded} from './brand.js';
import {hintsFor, messageReason} from './describe.js';
import {docsUrl} from './docs-url.js';
import {redactUrl} from './redact.js';
import type {Alternative, Confidence, CorsErrorBase, CorsErrorFields, CorsErrorJSON, Hint, Probe, RequestSummary, UndeterminedReason} from './types.js';

/** What a `CorsError` is built from. `request.url` should already be redacted (see `redactUrl`); the constructor redacts it again. */
export interface CorsErrorInit<C extends CorsCode = CorsCode> {
	readonly code: C;
	readonly confidence: Confidence;
	readonly request: RequestSummary;
	readonly evidence?: readonly Probe[];
	/** The header or method names the code is about (see `CorsErrorDetails`). */
	readonly names?: readonly string[];
	/** Why the code is `UNDETERMINED`. */
	readonly reason?: UndeterminedReason | undefined;
	/** Unsafe header names left unprobed (over the cap of 3). */
	readonly unprobed?: readonly string[];
	/** Defaults to the one-line header fixes for the code. */
	readonly hints?: readonly Hint[];
	/** Rival codes, most likely first. Default `[]`. */
	readonly alternatives?: readonly Alternative[];
	/** Default `true`: only say `false` when the browser provably never sent the request. */
	readonly mayHaveRun?: boolean;
	/** `relay`: the exact answer of the development relay (the headers read from Node). Default `browser`. */
	readonly source?: 'browser' | 'relay';
}

// A checker command holds the URL too: every URL in it that is more than an origin goes through redactUrl.
const redactCommand = (command: string): string =>
	command.replace(/https?:\/\/\S+/g, url => /^https?:\/\/[^/?#@\s]+\/?$/.test(url) ? url : redactUrl(url));

/** A `CorsError` narrowed to one of its codes; `CorsErrorOf` (all codes) narrows further on `error.code`, like zod's issue union. */
export type CorsErrorOf<C extends CorsCode = CorsCode> = C extends CorsCode ? CorsError<C> : never;

// Every field toJSON() copies. Typed as a registry of CorsErrorFields' keys (as ky's option registries are), so a field
// added to the type fails to compile until it is listed here, and a field that is not listed never reaches telemetry.
const JSON_FIELDS: {readonly [K in keyof CorsErrorFields]-?: 0} = {
	code: 0, confidence: 0, request: 0, evidence: 0, hints: 0, docsUrl: 0, fingerprint: 0, names: 0, reason: 0, unprobed: 0, alternatives: 0, mayHaveRun: 0, source: 0,
};

/**
A fetch failure that cors-doctor attributes to CORS or to the browser's cross-origin policy. Its fields are documented on
`CorsErrorBase` and, per code, on `CorsErrorDetails`.

It extends `TypeError`, so code written for plain `fetch` (`error instanceof TypeError`) keeps working, while its
`name` (`'CorsError'`) keeps ky and is-network-error from treating it as a retriable network error.

Prefer `isCorsError(error)` to `error instanceof CorsError`: both work across two copies of the library, but `instanceof`
imports the class with its message texts and redaction into your eager bundle, where the diagnosis would load them only on
the first failure. Measured with Vite 8 next to `import {corsFetch}` (1.2 kB min+gzip eager): `isCorsError` adds 0.1 kB,
`instanceof CorsError` 1.8 kB.

@example
```
try {
	await corsFetch('https://api.example.com/items', {headers: {'x-api-key': key}});
} catch (error) {
	if (isCorsError(error, 'HEADER_NOT_ALLOWED')) {
		console.warn(error.message, error.names, error.hints.map(formatHint));
	}
}
```
*/
export class CorsError<C extends CorsCode = CorsCode> extends TypeError {
	declare readonly name: 'CorsError';
	declare readonly code: C;
	/** The header or method names the code is about (see `CorsErrorDetails`). */
	declare readonly names: CorsErrorFields<C>['names'];
	/** Why the code is `UNDETERMINED`; absent for every other code. */
	declare readonly reason: CorsErrorFields<C>['reason'];

	constructor(init: CorsErrorInit<C>, options?: {cause?: unknown}) {
		const {code, names = [], reason} = init;
		const request = {...init.request, url: redactUrl(init.request.url)};
		// Passing `options` through lets the engine define `cause` as a non-enumerable own property.
		super(`[cors-doctor] ${code}: ${request.method} ${request.url} ${messageReason(code, reason ? [reason] : names)}.`, options);
		const fields: CorsErrorBase & {code: C; names: readonly string[]; reason?: UndeterminedReason} = {
			code,
			confidence: init.confidence,
			request,
			evidence: init.evidence ?? [],
			hints: init.hints ?? hintsFor(code, names, request.pageOrigin, request.targetOrigin, request.credentials === 'include', request.method),
			docsUrl: docsUrl(code),
			fingerprint: ['CorsError', code, request.method, request.targetOrigin],
			names,
			...(reason ? {reason} : {}),
			unprobed: init.unprobed ?? [],
			alternatives: (init.alternatives ?? []).map(alternative => ({...alternative, check: redactCommand(alternative.check)})),
			mayHaveRun: init.mayHaveRun ?? true,
			source: init.source ?? 'browser',
		};
		Object.assign(this, fields);
	}

	/** The brand check, so `instanceof` also works across two copies of the library. */
	static override [Symbol.hasInstance](value: unknown): boolean {
		return isBranded(value);
	}

	/**
	A redacted, versioned plain object for telemetry: only the fields listed in `CorsErrorFields` plus `schemaVersion`, `name`
	and `message`; never a query string, userinfo, header value, body or `cause`.

	@example
	```
	Sentry.captureException(error, {extra: {cors: error.toJSON()}, fingerprint: [...error.fingerprint]});
	```
	*/
	toJSON(): CorsErrorJSON<C> {
		const json: Record<string, unknown> = {schemaVersion: 2, name: this.name, message: this.message};
		for (const key of Object.keys(JSON_FIELDS) as Array<keyof CorsErrorFields>) {
			if (this[key] !== undefined) {
				json[key] = this[key];
			}
		}

		return json as CorsErrorJSON<C>;
	}

	/**
	The fixes for this failure from the `cors-doctor/hints` catalog (the exact header lines, per-stack snippets, what to
	check first, security notes), loaded on first use so the catalog never weighs on the page until asked for.

	@example
	```
	const fixes = await error.fixes({framework: 'express'});
	console.log(fixes.title, fixes.headers.map(line => `${line.name}: ${line.value}`));
	```
	*/
	async fixes(options?: GetFixesOptions): Promise<Fixes> {
		return (await import('../hints/get-fixes.js')).getFixes(this, options);
	}
}

// Merged into the class: the shared fields are declared once, on CorsErrorBase.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface CorsError<C extends CorsCode = CorsCode> extends CorsErrorBase {}

// On the prototype and non-enumerable: invisible to JSON and Object.keys, shared by every instance.
Object.defineProperty(CorsError.prototype, BRAND, {value: true});
Object.defineProperty(CorsError.prototype, 'name', {value: 'CorsError', writable: true, configurable: true});
