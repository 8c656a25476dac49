import {redactUrl} from '../errors/redact.js';
import {originOf} from './origin.js';
import type {SpecFailure} from './types.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
Whether `status` is a redirect status (https://fetch.spec.whatwg.org/#redirect-status): 301, 302, 303, 307 or 308.
300, 304 and 305 are not: fetch hands them to the page as ordinary responses, and a preflight gets them as a non-ok status.

@example
```
isRedirectStatus(308); //=> true
isRedirectStatus(304); //=> false
```
*/
export function isRedirectStatus(status: number): boolean {
	return REDIRECT_STATUSES.has(status);
}

function tryOrigin(url: string): string | undefined {
	try {
		return originOf(url);
	} catch {
		return undefined;
	}
}

// Opaque origins ('null') are never same-origin with anything, themselves included.
function sameOrigin(a: string | undefined, b: string | undefined): boolean {
	return a !== undefined && a !== 'null' && a === b;
}

/**
The `Origin` value a request sends: its serialized origin, or `'null'` once a redirect has tainted it.

Spec: https://fetch.spec.whatwg.org/#serializing-a-request-origin

@example
```
serializeRequestOrigin('https://app.example', true); //=> 'null'
```
*/
export function serializeRequestOrigin(requestOrigin: string, tainted: boolean): string {
	return tainted ? 'null' : requestOrigin;
}

/**
Follows one redirect hop the way HTTP-redirect fetch does for a request that follows redirects, and updates the redirect taint.
Run `corsCheck` on the 3xx response itself (with `serializeRequestOrigin(requestOrigin, tainted)` as the origin) before calling this:
the spec checks every hop.

- Not a redirect status, or no `Location`: no `next`; the 3xx is the final response.
- `Location` that does not parse: `REDIRECT_NOT_ALLOWED` (inferred-class code; the spec just returns a network error).
- A scheme other than http(s): `REDIRECT_BAD_SCHEME`.
- Userinfo in the location of a `cors` request that is, or has become, cross-origin: `REDIRECT_HAS_USERINFO`.
- `mode: 'same-origin'` leaving the request origin: `MODE_SAME_ORIGIN`.
- Taint: a hop from `lastURL` to another origin, where the request origin is not `lastURL`'s origin, makes later hops send `Origin: null`
  (A→B→A sends `null`; A→A and A→B keep `A`).

Spec: https://fetch.spec.whatwg.org/#http-redirect-fetch

@example
```
checkRedirect({from: 'https://b.example/x', location: 'https://a.example/y', status: 302}, {requestOrigin: 'https://a.example', tainted: false});
//=> {next: 'https://a.example/y', tainted: true}
```
*/
export function checkRedirect(
	hop: {from: string; location: string | null; status: number},
	state: {requestOrigin: string; tainted: boolean; mode?: RequestMode},
): {failure?: SpecFailure; next?: string; tainted: boolean} {
	const {tainted} = state;
	if (!isRedirectStatus(hop.status) || hop.location === null) {
		return {tainted};
	}

	let next: URL;
	try {
		next = new URL(hop.location, hop.from);
	} catch {
		return {tainted, failure: {code: 'REDIRECT_NOT_ALLOWED', header: 'location', seen: hop.location, expected: 'a valid URL', detail: 'location-unparsable'}};
	}

	// A Location without a fragment inherits the current URL's fragment.
	const fromFragment = new URL(hop.from).hash;
	if (next.hash === '' && fromFragment !== '' && !hop.location.includes('#')) {
		next.hash = fromFragment;
	}

	if (next.protocol !== 'http:' && next.protocol !== 'https:') {
		return {tainted, failure: {code: 'REDIRECT_BAD_SCHEME', header: 'location', seen: hop.location, expected: 'an http: or https: URL', detail: next.protocol.slice(0, -1)}};
	}

	const mode = state.mode ?? 'cors';
	const fromOrigin = tryOrigin(hop.from);
	const nextOrigin = next.origin;
	const requestOrigin = state.requestOrigin;
	if (mode === 'cors' && (next.username !== '' || next.password !== '')) {
		// Response tainting is sticky: once a hop was cross-origin, even a redirect back home may not carry credentials.
		if (!sameOrigin(requestOrigin, nextOrigin) || !sameOrigin(requestOrigin, fromOrigin) || tainted) {
			// Never echo the user name or password into reports or telemetry.
			return {tainted, failure: {code: 'REDIRECT_HAS_USERINFO', header: 'location', seen: redactUrl(next.href), expected: 'a location without user:password@'}};
		}
	}

	if (mode === 'same-origin' && !sameOrigin(requestOrigin, nextOrigin)) {
		return {tainted, failure: {code: 'MODE_SAME_ORIGIN', header: 'location', seen: hop.location, expected: `a URL on ${requestOrigin}`}};
	}

	const taints = !sameOrigin(nextOrigin, fromOrigin) && !sameOrigin(requestOrigin, fromOrigin);
	return {next: next.href, tainted: tainted || taints};
}
