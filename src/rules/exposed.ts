import {asciiLower, extractTokenList, getHeader, headerLines, isListFailure} from './http.js';
import type {CredentialsMode, RawResponse, SpecFailure} from './types.js';

const SAFELISTED_RESPONSE_HEADERS = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);
const FORBIDDEN_RESPONSE_HEADERS = new Set(['set-cookie', 'set-cookie2']);

const ACEH = 'access-control-expose-headers';

/**
The response's CORS-exposed header names, from `Access-Control-Expose-Headers`, lower-cased. `all` is true when `*` exposes every
header, which it does only without credentials (with credentials `*` matches a header literally named `*`). An unparsable value
exposes nothing extra.

Spec: https://fetch.spec.whatwg.org/#concept-response-cors-exposed-header-name-list

@example
```
exposedHeaderNames({status: 200, headers: [['Access-Control-Expose-Headers', 'X-Total, ETag']]}, 'omit');
//=> {all: false, names: ['x-total', 'etag']}
```
*/
export function exposedHeaderNames(response: RawResponse, credentials: CredentialsMode): {all: boolean; names: string[]} {
	const list = extractTokenList(response, ACEH);
	if (list === null || isListFailure(list)) {
		return {all: false, names: []};
	}

	if (credentials !== 'include' && list.includes('*')) {
		return {all: true, names: [...new Set(response.headers.map(([name]) => asciiLower(name)))]};
	}

	return {all: false, names: [...new Set(list.map(name => asciiLower(name)))]};
}

/**
Spec: https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name and the CORS filtered response
(https://fetch.spec.whatwg.org/#concept-filtered-response-cors).

Whether page JS can read this response header (when present) through `response.headers.get()` on a CORS response: a safelisted
response-header name or an exposed one, never `Set-Cookie`/`Set-Cookie2`.

@example
```
isReadableResponseHeader('Content-Type', {status: 200, headers: []}, 'omit'); //=> true
isReadableResponseHeader('X-Total', {status: 200, headers: [['X-Total', '3']]}, 'omit'); //=> false
```
*/
export function isReadableResponseHeader(name: string, response: RawResponse, credentials: CredentialsMode): boolean {
	const lower = asciiLower(name);
	if (FORBIDDEN_RESPONSE_HEADERS.has(lower)) {
		return false;
	}

	if (SAFELISTED_RESPONSE_HEADERS.has(lower)) {
		return true;
	}

	const exposed = exposedHeaderNames(response, credentials);
	return exposed.all || exposed.names.includes(lower);
}

/**
`HEADER_NOT_EXPOSED` for each name the page reads that the response sends but does not expose, so that
`response.headers.get(name)` is `null` in the page. A header the response does not send at all is no exposure problem
(it reads `null` anyway) and is not reported here.

@example
```
unexposedHeaders({status: 200, headers: [['X-Total', '3']]}, 'omit', ['x-total']);
//=> [{code: 'HEADER_NOT_EXPOSED', header: 'access-control-expose-headers', seen: null, expected: 'x-total', param: 'x-total'}]
```
*/
export function unexposedHeaders(response: RawResponse, credentials: CredentialsMode, names: readonly string[]): SpecFailure[] {
	const seen = getHeader(response, ACEH);
	const wildcard = seen !== null && seen.split(',').some(item => item.trim() === '*');
	return names
		.filter(name => headerLines(response, name).length > 0 && !isReadableResponseHeader(name, response, credentials))
		.map(name => ({
			code: 'HEADER_NOT_EXPOSED',
			header: ACEH,
			seen,
			expected: asciiLower(name),
			param: asciiLower(name),
			// With credentials `*` is the literal name "*": it exposes nothing.
			...(wildcard && credentials === 'include' ? {detail: 'wildcard-with-credentials'} : {}),
		}));
}
