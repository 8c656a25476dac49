import {asciiLower, byteLength, decodeAndSplit, normalizeHeaderValue} from './http.js';
import {isForbiddenMethod} from './method.js';
import {mimeEssence} from './mime.js';
import {isSimpleRange} from './range.js';

const FORBIDDEN_NAMES = new Set([
	'accept-charset',
	'accept-encoding',
	'access-control-request-headers',
	'access-control-request-method',
	'connection',
	'content-length',
	'cookie',
	'cookie2',
	'date',
	'dnt',
	'expect',
	'host',
	'keep-alive',
	'origin',
	'referer',
	'set-cookie',
	'te',
	'trailer',
	'transfer-encoding',
	'upgrade',
	'via',
]);

// These let a page smuggle a method past the forbidden-method check, so they are forbidden only when they carry one.
const METHOD_OVERRIDE_NAMES = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);

const SAFELISTED_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

// CORS-unsafe request-header byte: controls other than HT, and these delimiters.
// eslint-disable-next-line no-control-regex
const UNSAFE_BYTE = /[\u0000-\u0008\u000A-\u001F"():<>?@[\\\]{}\u007F]/;
const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;

/**
Whether `new Headers()` under the `request` guard silently drops this header (a forbidden request-header).

Spec: https://fetch.spec.whatwg.org/#forbidden-request-header

@example
```
isForbiddenRequestHeader('Sec-Fetch-Mode', 'cors'); //=> true
isForbiddenRequestHeader('X-HTTP-Method-Override', 'TRACE'); //=> true
isForbiddenRequestHeader('X-HTTP-Method-Override', 'PATCH'); //=> false
```
*/
export function isForbiddenRequestHeader(name: string, value: string): boolean {
	const lower = asciiLower(name);
	if (FORBIDDEN_NAMES.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) {
		return true;
	}

	return METHOD_OVERRIDE_NAMES.has(lower) && decodeAndSplit(value).some(method => isForbiddenMethod(method));
}

/** Why a request header is not CORS-safelisted, and so triggers a preflight. */
export type HeaderReason =
	| 'not-safelisted-name'
	| 'value-too-long'
	| 'unsafe-byte'
	| 'content-type-not-safelisted'
	| 'content-type-unparsable'
	| 'range-not-simple'
	| 'total-size-over-1024';

/**
Why (name, value) is not a CORS-safelisted request-header, or `undefined` when it is. The value is normalized first, as `Headers` does.
An unknown name reports `not-safelisted-name` before any value rule, because shortening its value would not help.

Spec: https://fetch.spec.whatwg.org/#cors-safelisted-request-header

@example
```
safelistedHeaderReason('Content-Type', 'text/plain;charset=UTF-8'); //=> undefined
safelistedHeaderReason('Content-Type', 'application/json'); //=> 'content-type-not-safelisted'
safelistedHeaderReason('X-Api-Key', 'k'); //=> 'not-safelisted-name'
```
*/
export function safelistedHeaderReason(name: string, value: string): HeaderReason | undefined {
	const lower = asciiLower(name);
	const normalized = normalizeHeaderValue(value);
	if (lower !== 'accept' && lower !== 'accept-language' && lower !== 'content-language' && lower !== 'content-type' && lower !== 'range') {
		return 'not-safelisted-name';
	}

	if (byteLength(normalized) > 128) {
		return 'value-too-long';
	}

	switch (lower) {
		case 'accept': {
			return UNSAFE_BYTE.test(normalized) ? 'unsafe-byte' : undefined;
		}

		case 'accept-language':
		case 'content-language': {
			return LANGUAGE_VALUE.test(normalized) ? undefined : 'unsafe-byte';
		}

		case 'content-type': {
			if (UNSAFE_BYTE.test(normalized)) {
				return 'unsafe-byte';
			}

			const essence = mimeEssence(normalized);
			if (essence === undefined) {
				return 'content-type-unparsable';
			}

			return SAFELISTED_CONTENT_TYPES.has(essence) ? undefined : 'content-type-not-safelisted';
		}

		default: {
			return isSimpleRange(normalized) ? undefined : 'range-not-simple';
		}
	}
}

/**
The CORS-unsafe request-header names of a header list, sorted, lower-cased and unique, each with the first reason found.
The names are exactly what `Access-Control-Request-Headers` lists (joined with `,`). Pass the list as the browser holds it:
forbidden headers already dropped (see `isForbiddenRequestHeader`), duplicates as separate entries.

When the safelisted values add up to more than 1024 bytes, all of those names become unsafe too (`total-size-over-1024`).

Spec: https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names

@example
```
corsUnsafeRequestHeaderNames([['X-B', '1'], ['Accept', 'a'], ['x-a', '2']]);
//=> [{name: 'x-a', reason: 'not-safelisted-name'}, {name: 'x-b', reason: 'not-safelisted-name'}]
```
*/
export function corsUnsafeRequestHeaderNames(headers: Iterable<readonly [string, string]>): Array<{name: string; reason: HeaderReason}> {
	const unsafe = new Map<string, HeaderReason>();
	const potentiallyUnsafe: string[] = [];
	let safelistValueSize = 0;
	for (const [name, value] of headers) {
		const lower = asciiLower(name);
		const reason = safelistedHeaderReason(name, value);
		if (reason === undefined) {
			potentiallyUnsafe.push(lower);
			safelistValueSize += byteLength(normalizeHeaderValue(value));
		} else if (!unsafe.has(lower)) {
			unsafe.set(lower, reason);
		}
	}

	if (safelistValueSize > 1024) {
		for (const name of potentiallyUnsafe) {
			if (!unsafe.has(name)) {
				unsafe.set(name, 'total-size-over-1024');
			}
		}
	}

	return [...unsafe.keys()].sort().map(name => ({name, reason: unsafe.get(name)!}));
}
