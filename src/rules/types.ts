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

/** An engine that departs from the spec for one rule. */
export interface EngineNote {
	readonly engine: 'chromium' | 'firefox' | 'webkit';
	/** `passes`: the engine lets the request through; `code`: it fails with another (closest) code. */
	readonly behaviour: 'passes' | 'code';
	readonly code?: CorsCode;
	readonly note: string;
}

/** One failing rule of the CORS protocol, with the value seen and what was expected. */
export interface SpecFailure {
	readonly code: CorsCode;
	/** The response header concerned, lowercase, e.g. `access-control-allow-origin`. */
	readonly header?: string;
	/** The value seen, joined as the spec's "get" joins it (`, `), or `null` when absent. */
	readonly seen: string | null;
	/** What the spec wants, as a value (`https://app.example.com`, `true`) or in words. */
	readonly expected: string;
	/** The method or request-header name the failure is about (METHOD_NOT_ALLOWED, HEADER_NOT_ALLOWED). */
	readonly param?: string;
	/** A sub-hint: `trailing-slash`, `case`, `port`, `scheme`, `host`, `null`, `duplicate-lines`, `list`, `status`, ... */
	readonly detail?: string;
	/** Where Chromium, Firefox or WebKit differ from the spec on this rule. */
	readonly engines?: readonly EngineNote[];
}
