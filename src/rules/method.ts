import {asciiUpper} from './http.js';

// The only methods `new Request()` upper-cases; everything else keeps its case and is then matched byte-exactly.
const NORMALIZED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const FORBIDDEN = new Set(['CONNECT', 'TRACE', 'TRACK']);
const SAFELISTED = new Set(['GET', 'HEAD', 'POST']);

/**
Normalizes a method as `new Request()` does: only `DELETE`, `GET`, `HEAD`, `OPTIONS`, `POST` and `PUT` are upper-cased.

Spec: https://fetch.spec.whatwg.org/#concept-method-normalize

@example
```
normalizeMethod('delete'); //=> 'DELETE'
normalizeMethod('patch'); //=> 'patch' (so `Access-Control-Allow-Methods: PATCH` does not allow it)
```
*/
export function normalizeMethod(method: string): string {
	const upper = asciiUpper(method);
	return NORMALIZED.has(upper) ? upper : method;
}

/**
Whether `new Request()` throws for this method: `CONNECT`, `TRACE`, `TRACK`, in any case.

Spec: https://fetch.spec.whatwg.org/#forbidden-method
*/
export function isForbiddenMethod(method: string): boolean {
	return FORBIDDEN.has(asciiUpper(method));
}

/**
Whether the method is a CORS-safelisted method (`GET`, `HEAD`, `POST`), compared byte-exactly after normalization.
Normalizing first is idempotent, so passing an already normalized method is fine.

Spec: https://fetch.spec.whatwg.org/#cors-safelisted-method

@example
```
isSafelistedMethod('get'); //=> true (fetch sends it as GET)
isSafelistedMethod('PATCH'); //=> false
```
*/
export function isSafelistedMethod(method: string): boolean {
	return SAFELISTED.has(normalizeMethod(method));
}
