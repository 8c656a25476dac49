import {corsCheck} from './cors-check.js';
import {asciiLower, extractTokenList, getHeader, isListFailure} from './http.js';
import {isSafelistedMethod} from './method.js';
import {isRedirectStatus} from './redirect.js';
import type {CheckedRequest, RawResponse, SpecFailure} from './types.js';

const ACAM = 'access-control-allow-methods';
const ACAH = 'access-control-allow-headers';

/**
Validates a CORS-preflight response (the `OPTIONS` answer) for `request`, in the spec's order, returning every failing rule.
The first element is the failure the browser hits first; the rest are what the server must also fix. An empty array means the
preflight passes.

A redirect status (301, 302, 303, 307, 308) stops the check after `PREFLIGHT_REDIRECT`: the headers of a redirect say nothing
about the real endpoint. Any other non-2xx status (300, 304 and 305 included) is `PREFLIGHT_STATUS`, and the headers are still
checked, since the same handler answers the fixed OPTIONS.

Spec: https://fetch.spec.whatwg.org/#cors-preflight-fetch (steps 6-7: a CORS check and an ok status, no redirect is followed)

@example
```
preflightCheck(
	{status: 204, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'PATCH']]},
	{origin: 'https://app.example', credentials: 'omit', method: 'patch'},
);
//=> [{code: 'METHOD_NOT_ALLOWED', param: 'patch', detail: 'case', ...}]
```
*/
export function preflightCheck(response: RawResponse, request: CheckedRequest): SpecFailure[] {
	const failures: SpecFailure[] = [];
	const {status} = response;
	if (isRedirectStatus(status)) {
		const location = getHeader(response, 'location');
		return [{code: 'PREFLIGHT_REDIRECT', seen: location === null ? `${status}` : `${status} ${location}`, expected: 'a 2xx status, not a redirect', detail: 'status'}];
	}

	const originFailure = corsCheck(response, request);
	if (status < 200 || status > 299) {
		failures.push({
			code: 'PREFLIGHT_STATUS',
			seen: `${status}`,
			expected: 'an ok status (200-299)',
			detail: 'status',
			// Observed in Chromium 156: a 401 OPTIONS without ACAO is reported as PreflightMissingAllowOriginHeader.
			...(originFailure?.code === 'ALLOW_ORIGIN_MISSING'
				? {engines: [{engine: 'chromium', behaviour: 'code', code: 'ALLOW_ORIGIN_MISSING', note: 'Chromium reports a non-2xx preflight without Access-Control-Allow-Origin as PreflightMissingAllowOriginHeader.'}] as const}
				: {}),
		});
	}

	// The preflight's CORS check uses the ORIGINAL request's credentials mode, though the OPTIONS itself carries none.
	if (originFailure) {
		failures.push(originFailure);
	}

	const include = request.credentials === 'include';
	let methods = extractTokenList(response, ACAM);
	const headerNames = extractTokenList(response, ACAH);
	if (isListFailure(methods)) {
		failures.push({code: 'ALLOW_METHODS_INVALID', header: ACAM, seen: getHeader(response, ACAM), expected: `a comma-separated list of method tokens ("${methods.failure}" is not one)`});
	}

	if (isListFailure(headerNames)) {
		failures.push({code: 'ALLOW_HEADERS_INVALID', header: ACAH, seen: getHeader(response, ACAH), expected: `a comma-separated list of header names ("${headerNames.failure}" is not one)`});
	}

	const {method} = request;
	if (methods === null && request.useCorsPreflight && method !== undefined) {
		methods = [method];
	}

	if (method !== undefined && !isListFailure(methods) && !isSafelistedMethod(method)) {
		const list = methods ?? [];
		const wildcard = list.includes('*');
		// Method names are compared byte-exactly: `PATCH` does not allow `patch`, and `put` does not allow `PUT`.
		if (!list.includes(method) && (include || !wildcard)) {
			const lower = asciiLower(method);
			const detail = list.some(item => asciiLower(item) === lower) ? 'case' : wildcard ? 'wildcard-with-credentials' : undefined;
			failures.push({code: 'METHOD_NOT_ALLOWED', header: ACAM, seen: getHeader(response, ACAM), expected: method, param: method, ...(detail ? {detail} : {})});
		}
	}

	if (!isListFailure(headerNames)) {
		const allowed = new Set((headerNames ?? []).map(name => asciiLower(name)));
		const wildcard = allowed.has('*');
		const seen = getHeader(response, ACAH);
		for (const name of new Set((request.headers ?? []).map(header => asciiLower(header)))) {
			if (allowed.has(name)) {
				continue;
			}

			if (name === 'authorization') {
				// Authorization is a CORS non-wildcard request-header name: `*` never covers it, credentials or not.
				if (!wildcard) {
					failures.push({code: 'HEADER_NOT_ALLOWED', header: ACAH, seen, expected: name, param: name});
				} else if (include) {
					failures.push({code: 'HEADER_NOT_ALLOWED', header: ACAH, seen, expected: name, param: name, detail: 'wildcard-with-credentials'});
				} else {
					failures.push({
						code: 'HEADER_NOT_ALLOWED',
						header: ACAH,
						seen,
						expected: name,
						param: name,
						detail: 'authorization-wildcard',
						engines: [
							{engine: 'chromium', behaviour: 'passes', note: 'Chromium 156 lets `*` cover Authorization (it only logs a deprecation issue).'},
							{engine: 'firefox', behaviour: 'passes', note: 'Firefox ESR 153 lets `*` cover Authorization (measured; it is behind a pref that now defaults to on).'},
							{engine: 'webkit', behaviour: 'passes', note: 'WebKit lets `*` cover Authorization.'},
						],
					});
				}

				continue;
			}

			if (include || !wildcard) {
				failures.push({code: 'HEADER_NOT_ALLOWED', header: ACAH, seen, expected: name, param: name, ...(wildcard ? {detail: 'wildcard-with-credentials'} : {})});
			}
		}
	}

	return failures;
}
