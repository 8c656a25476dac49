import {asciiLower, extractTokenList, isListFailure} from './http.js';
import type {CredentialsMode, RawResponse} from './types.js';

const SAFELISTED_RESPONSE_HEADERS = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);
const FORBIDDEN_RESPONSE_HEADERS = new Set(['set-cookie', 'set-cookie2']);

/**
The response's CORS-exposed header names, from `Access-Control-Expose-Headers`, lower-cased. `all` is true when `*` exposes every
header, which it does only without credentials (with credentials `*` matches a header literally named `*`). An unparsable value
exposes nothing extra.

@example
```
exposedHeaderNames({status: 200, headers: [['Access-Control-Expose-Headers', 'X-Total, ETag']]}, 'omit');
//=> {all: false, names: ['x-total', 'etag']}
```
*/
export function exposedHeaderNames(response: RawResponse, credentials: CredentialsMode): {all: boolean; names: string[]} {
	const list = extractTokenList(response, 'access-control-expose-headers');
	if (list === null || isListFailure(list)) {
		return {all: false, names: []};
	}

	if (credentials !== 'include' && list.includes('*')) {
		return {all: true, names: [...new Set(response.headers.map(([name]) => asciiLower(name)))]};
	}

	return {all: false, names: [...new Set(list.map(name => asciiLower(name)))]};
}

/**
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
