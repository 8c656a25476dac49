import type {CorsCode} from '../codes.js';
import type {CorsErrorJSON} from '../errors/types.js';
import type {CheckResult} from '../node/types.js';
import type {CorsPolicy, Snippet, StackId} from './types.js';

/**
The facts of a failing request, for when there is no `CorsError` or check result at hand (a code from a log line, a
support ticket, the `cors-doctor fixes` command). Whatever is missing is filled with a visible placeholder and listed
in `Fixes.placeholders`.

@example
```
getFixes({code: 'HEADER_NOT_ALLOWED', origin: 'https://app.example.com', method: 'PUT', headers: ['x-api-key'], credentials: true});
```
*/
export interface FixFacts {
	readonly code: CorsCode;
	/** The page origin, e.g. `https://app.example.com`. */
	readonly origin?: string;
	/** The request method, e.g. `PUT`. */
	readonly method?: string;
	/** The request header names the page sends that are not CORS-safelisted (`x-api-key`, `content-type` for JSON). */
	readonly headers?: readonly string[];
	/** The page sends cookies or HTTP auth (`credentials: 'include'`). */
	readonly credentials?: boolean;
	/** Response header names page JavaScript needs to read. */
	readonly exposeHeaders?: readonly string[];
	/** Other codes consistent with the evidence, as a `CorsError` lists them. */
	readonly alternatives?: ReadonlyArray<{readonly code: CorsCode}>;
}

/** A `CorsError`-like object: the error itself, or its `toJSON()` (optionally with `alternatives`, as newer versions add). */
export type CorsErrorLike = Pick<CorsErrorJSON, 'code' | 'request'> & Partial<Pick<CorsErrorJSON, 'names'>> & {
	readonly alternatives?: ReadonlyArray<{readonly code: CorsCode}>;
};

/** What `getFixes` and `describe` accept. */
export type FixInput = CorsErrorLike | CheckResult | FixFacts;

/**
One response header line to send. `on` says which response: `preflight` (the OPTIONS answer), `actual` (the
response to the real request, error statuses included), `every` (both), or `page` (the page's own HTML response,
for a Content-Security-Policy).
*/
export interface HeaderLine {
	readonly name: string;
	readonly value: string;
	readonly on: 'preflight' | 'actual' | 'every' | 'page';
	/** True for the line(s) this code is about; the others are what the same request needs besides. */
	readonly focus: boolean;
}

/** A stack's fix for one code: its snippets, or why no configuration of that stack can fix the code. */
export type StackFix =
	| {
		readonly stack: StackId;
		readonly name: string;
		readonly applicable: true;
		/** `runtime`: tested against the real framework in headless Chromium; `docs`: checked against the official documentation, not run. */
		readonly verified: 'runtime' | 'docs';
		readonly snippets: readonly Snippet[];
	}
	| {
		readonly stack: StackId;
		readonly name: string;
		readonly applicable: false;
		readonly reason: string;
	};

/** A short, titled piece of advice. `id` is stable, for UIs that want their own wording. */
export interface Note {
	readonly id: string;
	readonly text: string;
}

/** The fixes for one code. */
export interface CodeFixes {
	readonly code: CorsCode;
	readonly title: string;
	/** What the browser checked, in one sentence. */
	readonly checked: string;
	/** What it got instead, in one sentence, with the request's own values. */
	readonly got: string;
	/**
	Where the fix lives: `server` (the API's CORS configuration), `redirect` (the URL or its redirects), `page` (the
	page's own headers, e.g. CSP), `client` (the calling code), `browser` (the browser or its user), `unknown`.
	*/
	readonly fixIn: 'server' | 'redirect' | 'page' | 'client' | 'browser' | 'unknown';
	/** The exact response header lines, filled in from the request. Empty only when `fixIn` is not `server` or `page`. */
	readonly headers: readonly HeaderLine[];
	/** Ordered steps, whoever owns the server. */
	readonly steps: readonly string[];
	/** When you own (or can change) the server. */
	readonly ownServer: readonly string[];
	/** When you do not: a third-party API that does not grant your origin. */
	readonly notYourServer: readonly string[];
	/** Per stack: snippets, or an explicit "not applicable" with the reason. One entry per requested stack. */
	readonly stacks: readonly StackFix[];
	/** Things that commonly defeat a correct configuration: look at them before changing it. */
	readonly checkFirst: readonly Note[];
	readonly security: readonly Note[];
	/** File-upload advice, when the request can carry a body. */
	readonly uploads: readonly string[];
	/** `https://unpkg.com/cors-doctor@<version>/docs/errors/<CODE>.md` (see `docsUrl`) */
	readonly docsUrl: string;
}

/** What `getFixes` returns: the fixes for the diagnosed code, plus those of the other codes in play. */
export interface Fixes extends CodeFixes {
	/** The policy the snippets were rendered from (origin, methods, headers, credentials, exposed headers). */
	readonly policy: CorsPolicy;
	/** Facts that were not known and got a placeholder value, e.g. `['origin']`. */
	readonly placeholders: readonly string[];
	/**
	Other codes: `alternative` when the diagnosis could not tell them apart (fix whichever `cors-doctor check`
	confirms), `also` when a check found several problems at once (fix all of them).
	*/
	readonly others: ReadonlyArray<CodeFixes & {readonly relation: 'alternative' | 'also'}>;
}

export interface GetFixesOptions {
	/** The server stack(s) to render snippets for. Default: every stack. */
	readonly framework?: StackId | readonly StackId[];
}
