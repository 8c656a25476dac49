import type {CorsCode} from '../codes.js';

/** A request's credentials mode, as in the Fetch standard. */
export type CredentialsMode = 'omit' | 'same-origin' | 'include';

/** A response as it came off the wire: the status and every header line, in order, names as sent. */
export interface RawResponse {
	readonly status: number;
	readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
}

/** What the spec-exact checks need to know about the request. */
export interface CheckedRequest {
	/** The serialized request origin, e.g. `https://app.example.com`, or `null` when redirect-tainted. */
	readonly origin: string;
	readonly credentials: CredentialsMode;
	/** The normalized method (see `normalizeMethod`). Needed by the preflight check. */
	readonly method?: string;
	/** The CORS-unsafe request-header names, lowercase (what `Access-Control-Request-Headers` lists), plus `authorization` when sent. */
	readonly headers?: readonly string[];
	/** Set when the request has a streaming body (use-CORS-preflight flag). */
	readonly useCorsPreflight?: boolean;
}

/**
An engine that departs from the spec for one rule: it lets the request through (`passes`), or it fails with another,
closest code (`code`, which names it).
*/
export type EngineNote =
	| {readonly engine: 'chromium' | 'firefox' | 'webkit'; readonly behaviour: 'passes'; readonly code?: undefined; readonly note: string}
	| {readonly engine: 'chromium' | 'firefox' | 'webkit'; readonly behaviour: 'code'; readonly code: CorsCode; readonly note: string};

/** What `detail` means, per code: a sub-hint the message and the fix key on. Codes not listed have no `detail`. */
export interface SpecFailureDetails {
	/** Which part of a valid but wrong origin differs; `null`: the server sent the literal `null`. */
	ALLOW_ORIGIN_MISMATCH: 'trailing-slash' | 'case' | 'port' | 'scheme' | 'host' | 'null';
	/** Two header lines, or one line holding a list. */
	ALLOW_ORIGIN_MULTIPLE: 'duplicate-lines' | 'list';
	/** The origin became `null` after a cross-origin redirect. */
	REDIRECT_TAINTED_ORIGIN: 'tainted';
	PREFLIGHT_STATUS: 'status';
	PREFLIGHT_REDIRECT: 'status';
	/** Why the preflight got no response (see `NetworkFailureKind`). */
	PREFLIGHT_NETWORK_ERROR: 'refused' | 'dns' | 'reset' | 'timeout' | 'other';
	/** `case`: the list has the method in another case; `wildcard-with-credentials`: `*` does not count with credentials. */
	METHOD_NOT_ALLOWED: 'case' | 'wildcard-with-credentials';
	/** `authorization-wildcard`: `*` never covers Authorization (engines let it pass; see `engines`). */
	HEADER_NOT_ALLOWED: 'wildcard-with-credentials' | 'authorization-wildcard';
	/** With credentials `*` is only a literal name. */
	HEADER_NOT_EXPOSED: 'wildcard-with-credentials';
	/** `redirect-mode-error`: the request's `redirect: 'error'` met a redirect (the testing fetch). */
	REDIRECT_NOT_ALLOWED: 'location-unparsable' | 'too-many-redirects' | 'redirect-mode-error';
	/** The scheme the redirect went to, without the colon (`ftp`, `data`, ...). */
	REDIRECT_BAD_SCHEME: string;
}

interface SpecFailureFields<C extends CorsCode> {
	readonly code: C;
	/** The response header concerned, lowercase, e.g. `access-control-allow-origin`. */
	readonly header?: string;
	/** The value seen, joined as the spec's "get" joins it (`, `), or `null` when absent. */
	readonly seen: string | null;
	/** What the spec wants, as a value (`https://app.example.com`, `true`) or in words. */
	readonly expected: string;
	/** The method or header name the failure is about (METHOD_NOT_ALLOWED, HEADER_NOT_ALLOWED, HEADER_NOT_EXPOSED). */
	readonly param?: string;
	/** A sub-hint whose meaning depends on `code` (see `SpecFailureDetails`). */
	readonly detail?: C extends keyof SpecFailureDetails ? SpecFailureDetails[C] : never;
	/** Where Chromium, Firefox or WebKit differ from the spec on this rule. */
	readonly engines?: readonly EngineNote[];
}

/** One failing rule of the CORS protocol, with the value seen and what was expected; narrowing on `code` narrows `detail`. */
export type SpecFailure<C extends CorsCode = CorsCode> = C extends CorsCode ? SpecFailureFields<C> : never;
