import {corsUnsafeRequestHeaderNames, isForbiddenRequestHeader, safelistedHeaderReason, type HeaderReason} from './headers.js';
import {asciiLower, isHttpToken, normalizeHeaderValue} from './http.js';
import {isForbiddenMethod, isSafelistedMethod, normalizeMethod} from './method.js';
import {originOf} from './origin.js';
import type {CheckedRequest, CredentialsMode} from './types.js';

/** One thing that makes a request need a CORS preflight. */
export type PreflightReason =
	/** The method is not `GET`/`HEAD`/`POST`. `lowercaseNonStandard`: a method such as `patch` keeps its case, so ACAM must list `patch` exactly. */
	| {kind: 'method'; method: string; lowercaseNonStandard: boolean}
	/** A CORS-unsafe request header, named as `Access-Control-Request-Headers` lists it. */
	| {kind: 'header'; name: string; reason: HeaderReason}
	/** A `ReadableStream` body sets the use-CORS-preflight flag: always preflighted. */
	| {kind: 'streaming-body'};

/** A fact about the request that explains the absence of a preflight, or qualifies its presence. */
export type PreflightNote =
	| {kind: 'same-origin'}
	| {kind: 'no-cors'}
	| {kind: 'mode-same-origin'}
	/** `Headers` silently dropped a forbidden request header (`Cookie`, `Origin`, `Sec-*`, ...): it is never sent. */
	| {kind: 'forbidden-header-dropped'; name: string}
	/** `Authorization` is sent: `Access-Control-Allow-Headers: *` does not cover it per spec; list it explicitly. */
	| {kind: 'authorization-needs-explicit-allow'}
	/** The browser's preflight cache may answer instead of a new OPTIONS (pure code cannot see that cache). */
	| {kind: 'may-be-cached'};

/** What `explainRequest` found out about a request, without sending it. */
export interface RequestExplanation {
	/** The normalized method (`patch` stays `patch`). */
	method: string;
	/** The absolute URL. */
	url: string;
	pageOrigin: string | undefined;
	targetOrigin: string;
	/** True when the target's origin differs from the page origin, or when there is no page origin to compare with. */
	crossOrigin: boolean;
	mode: RequestMode;
	credentials: CredentialsMode;
	/** Whether the browser sends a CORS preflight (before any preflight cache). */
	preflight: boolean;
	/** Why it preflights; empty when `preflight` is false. */
	reasons: PreflightReason[];
	notes: PreflightNote[];
	/** The sorted lowercase `Access-Control-Request-Headers` list (empty when none is sent). */
	requestHeaders: string[];
}

const MODES = new Set(['cors', 'no-cors', 'same-origin', 'navigate']);
const CREDENTIALS = new Set(['omit', 'same-origin', 'include']);
const NO_CORS_HEADER_NAMES = new Set(['accept', 'accept-language', 'content-language', 'content-type']);

type Entries = Array<[string, string]>;

function isRequest(input: unknown): input is Request {
	return typeof input === 'object' && input !== null && !(input instanceof URL) && typeof (input as Request).url === 'string' && typeof (input as Request).method === 'string';
}

function headerEntries(init: HeadersInit | undefined): Entries {
	if (init === undefined || init === null) {
		return [];
	}

	if (typeof init !== 'object') {
		throw new TypeError('The `headers` option must be a Headers object, a record or an array of [name, value] pairs');
	}

	const entries: Entries = [];
	if (Symbol.iterator in init) {
		// A Headers object yields combined values (`a, b`) for duplicate names: its separate entries are not observable.
		for (const pair of init as Iterable<unknown>) {
			if (!Array.isArray(pair) || pair.length !== 2) {
				throw new TypeError('Each entry of the `headers` option must be a [name, value] pair');
			}

			entries.push([String(pair[0]), String(pair[1])]);
		}
	} else {
		for (const [name, value] of Object.entries(init)) {
			entries.push([name, String(value)]);
		}
	}

	return entries;
}

function validHeader([name, value]: [string, string]): [string, string] {
	const normalized = normalizeHeaderValue(value);
	if (!isHttpToken(name)) {
		throw new TypeError(`Invalid header name "${name}" in the \`headers\` option`);
	}

	// eslint-disable-next-line no-control-regex
	if (/[\u0000\n\r]|[^\u0000-\u00FF]/.test(normalized)) {
		throw new TypeError(`Invalid value for header "${name}" in the \`headers\` option`);
	}

	return [name, normalized];
}

// The Content-Type `new Request()` derives from a body (BodyInit extract), or 'stream' for a ReadableStream.
function bodyContentType(body: unknown): string | 'stream' | undefined {
	if (typeof body === 'string') {
		return 'text/plain;charset=UTF-8';
	}

	if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) {
		return 'application/x-www-form-urlencoded;charset=UTF-8';
	}

	if (typeof FormData !== 'undefined' && body instanceof FormData) {
		// The real boundary is random; only the essence matters for CORS.
		return 'multipart/form-data; boundary=----cors-doctor';
	}

	if (typeof Blob !== 'undefined' && body instanceof Blob) {
		return body.type === '' ? undefined : body.type;
	}

	if (typeof body === 'object' && body !== null && typeof (body as ReadableStream).getReader === 'function') {
		return 'stream';
	}

	return undefined;
}

function parses(input: string | URL, base: string): boolean {
	try {
		return Boolean(new URL(input, base));
	} catch {
		return false;
	}
}

function resolveUrl(input: string | URL, base: string | undefined): URL {
	try {
		return new URL(input, base);
	} catch {
		// Tell "relative, with nothing to resolve it against" from a malformed URL (not `URL.canParse`: Safari < 17 lacks it).
		throw new TypeError(base === undefined && parses(input, 'http://base.invalid/')
			? `Cannot resolve the relative URL "${String(input)}" without a page origin: pass \`pageOrigin\``
			: `Invalid URL "${String(input)}"`);
	}
}

function resolvePageOrigin(pageOrigin: string | undefined): string | undefined {
	const origin = pageOrigin ?? (globalThis as {location?: {origin?: string}}).location?.origin;
	if (origin === undefined || origin === 'null') {
		return origin;
	}

	try {
		return originOf(origin);
	} catch {
		throw new TypeError(`The \`pageOrigin\` option must be an origin such as "https://app.example.com", got "${origin}"`);
	}
}

/**
Predicts, without sending anything, whether `fetch(input, init)` from a page at `pageOrigin` sends a CORS preflight, and why, following the
Fetch standard: the method and header normalization of `new Request()`, forbidden headers dropped, the implicit `Content-Type` of the body,
the request-header safelist (128-byte values, unsafe bytes, content-type essence, `Range`, the 1024-byte total) and streaming bodies.

`pageOrigin` defaults to `globalThis.location?.origin`. Throws a `TypeError` where `new Request()` would (invalid URL or header, forbidden
or invalid method, a body on GET/HEAD, ...) and for a relative URL with no page origin.

Limits: for a `Request` input the body's type is gone (a stream body cannot be seen; its `Content-Type` header still counts), and a
`Headers` object joins duplicate names into one value, where a record or array keeps them as separate entries.

Spec: https://fetch.spec.whatwg.org/#main-fetch (step 5 of "main fetch": the CORS-preflight flag), https://fetch.spec.whatwg.org/#dom-request (the Request constructor)

@example
```
explainRequest('https://api.example.com/items', {method: 'patch', headers: {'X-Api-Key': 'k'}}, 'https://app.example.com');
//=> {method: 'patch', preflight: true, requestHeaders: ['x-api-key'], reasons: [
//     {kind: 'method', method: 'patch', lowercaseNonStandard: true},
//     {kind: 'header', name: 'x-api-key', reason: 'not-safelisted-name'}], ...}
```
*/
export function explainRequest(input: string | URL | Request, init: RequestInit = {}, pageOrigin?: string): RequestExplanation {
	const page = resolvePageOrigin(pageOrigin);
	const request = isRequest(input) ? input : undefined;
	const url = resolveUrl(request ? request.url : (input as string | URL), page === 'null' ? undefined : page);
	if (url.username !== '' || url.password !== '') {
		throw new TypeError(`A request URL cannot include credentials: "${url.protocol}//${url.host}${url.pathname}"`);
	}

	const rawMethod = init.method ?? request?.method ?? 'GET';
	if (!isHttpToken(rawMethod)) {
		throw new TypeError(`"${rawMethod}" is not a valid HTTP method`);
	}

	if (isForbiddenMethod(rawMethod)) {
		throw new TypeError(`"${rawMethod}" is a forbidden method: fetch() refuses it`);
	}

	const method = normalizeMethod(rawMethod);
	const mode = init.mode ?? (request?.mode === 'navigate' ? 'same-origin' : request?.mode) ?? 'cors';
	if (!MODES.has(mode) || init.mode === 'navigate') {
		throw new TypeError(`The \`mode\` option must be "cors", "no-cors" or "same-origin", got "${mode}"`);
	}

	const credentials = init.credentials ?? request?.credentials ?? 'same-origin';
	if (!CREDENTIALS.has(credentials)) {
		throw new TypeError(`The \`credentials\` option must be "omit", "same-origin" or "include", got "${credentials}"`);
	}

	if (mode === 'no-cors' && !isSafelistedMethod(method)) {
		throw new TypeError(`The method "${method}" is not allowed with \`mode: 'no-cors'\` (only GET, HEAD and POST are)`);
	}

	const notes: PreflightNote[] = [];
	const dropped = new Set<string>();
	const headers: Entries = [];
	for (const entry of headerEntries(init.headers ?? request?.headers)) {
		const [name, value] = validHeader(entry);
		const lower = asciiLower(name);
		if (isForbiddenRequestHeader(name, value)) {
			dropped.add(lower);
		} else if (mode !== 'no-cors' || (NO_CORS_HEADER_NAMES.has(lower) && safelistedHeaderReason(name, value) === undefined)) {
			// `no-cors` guards its headers: anything beyond the no-CORS safelist is silently dropped.
			headers.push([name, value]);
		}
	}

	const body = init.body ?? undefined;
	if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
		throw new TypeError(`A ${method} request cannot have a body`);
	}

	const implicit = bodyContentType(body);
	const stream = implicit === 'stream';
	if (stream) {
		if ((init as {duplex?: string}).duplex !== 'half') {
			throw new TypeError('A ReadableStream body needs the `duplex: \'half\'` option');
		}

		if (mode !== 'cors' && mode !== 'same-origin') {
			throw new TypeError(`A ReadableStream body is not allowed with \`mode: '${mode}'\``);
		}
	} else if (implicit !== undefined && !headers.some(([name]) => asciiLower(name) === 'content-type')) {
		headers.push(['Content-Type', implicit]);
	}

	const targetOrigin = url.origin;
	const crossOrigin = page === undefined || page === 'null' || page !== targetOrigin;
	const httpScheme = url.protocol === 'http:' || url.protocol === 'https:';
	const corsRequest = crossOrigin && mode === 'cors' && httpScheme;
	const unsafe = corsRequest ? corsUnsafeRequestHeaderNames(headers) : [];
	const reasons: PreflightReason[] = [];
	if (corsRequest && !isSafelistedMethod(method)) {
		reasons.push({kind: 'method', method, lowercaseNonStandard: /[a-z]/.test(method)});
	}

	for (const {name, reason} of unsafe) {
		reasons.push({kind: 'header', name, reason});
	}

	if (corsRequest && stream) {
		reasons.push({kind: 'streaming-body'});
	}

	const preflight = reasons.length > 0;
	if (!crossOrigin) {
		notes.push({kind: 'same-origin'});
	}

	if (mode === 'no-cors') {
		notes.push({kind: 'no-cors'});
	}

	if (mode === 'same-origin' && crossOrigin) {
		notes.push({kind: 'mode-same-origin'});
	}

	for (const name of dropped) {
		notes.push({kind: 'forbidden-header-dropped', name});
	}

	if (preflight && headers.some(([name]) => asciiLower(name) === 'authorization')) {
		notes.push({kind: 'authorization-needs-explicit-allow'});
	}

	if (preflight) {
		notes.push({kind: 'may-be-cached'});
	}

	return {
		method,
		url: url.href,
		pageOrigin: page,
		targetOrigin,
		crossOrigin,
		mode,
		credentials,
		preflight,
		reasons,
		notes,
		requestHeaders: preflight ? unsafe.map(({name}) => name) : [],
	};
}

/**
The `CheckedRequest` that `corsCheck` and `preflightCheck` need, from an explanation. Without a page origin the origin is `'null'`.

Spec: https://fetch.spec.whatwg.org/#cors-preflight-fetch

@example
```
preflightCheck(response, checkedRequestOf(explainRequest(url, {method: 'PUT', headers: {'x-api-key': key}}, 'https://app.example.com')));
```
*/
export function checkedRequestOf(explanation: RequestExplanation): CheckedRequest {
	return {
		origin: explanation.pageOrigin ?? 'null',
		credentials: explanation.credentials,
		method: explanation.method,
		headers: explanation.requestHeaders,
		useCorsPreflight: explanation.reasons.some(reason => reason.kind === 'streaming-body'),
	};
}
