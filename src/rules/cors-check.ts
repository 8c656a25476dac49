import {getHeader, headerLines} from './http.js';
import type {CheckedRequest, EngineNote, RawResponse, SpecFailure, SpecFailureDetails} from './types.js';

const ACAO = 'access-control-allow-origin';
const ACAC = 'access-control-allow-credentials';

function tryUrl(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}

// Which part of a wrong-but-valid ACAO differs from the request origin: the sub-hint the remediation text keys on.
function mismatchDetail(value: string, origin: string): SpecFailureDetails['ALLOW_ORIGIN_MISMATCH'] {
	const allowed = tryUrl(value);
	const requested = tryUrl(origin);
	if (!allowed || !requested) {
		return 'host';
	}

	if (allowed.origin === origin) {
		// Same origin once parsed, so the text differs: letter case, a default port written out, a path, or a malformed `scheme:/`.
		const lowerValue = value.toLowerCase();
		const lowerOrigin = origin.toLowerCase();
		if (lowerValue === lowerOrigin) {
			return 'case';
		}

		if (lowerValue.startsWith(lowerOrigin)) {
			return lowerValue[lowerOrigin.length] === ':' ? 'port' : 'trailing-slash';
		}

		return lowerValue.startsWith(`${requested.protocol}//`) ? 'case' : 'scheme';
	}

	if (allowed.protocol !== requested.protocol) {
		return 'scheme';
	}

	return allowed.hostname === requested.hostname ? 'port' : 'host';
}

const WEBKIT_NO_MISSING: EngineNote = {
	engine: 'webkit',
	behaviour: 'code',
	code: 'ALLOW_ORIGIN_MISMATCH',
	note: 'WebKit reports a missing Access-Control-Allow-Origin as "Origin … is not allowed by Access-Control-Allow-Origin", like a mismatch.',
};

const TAINT_NOTES: EngineNote[] = (['chromium', 'firefox', 'webkit'] as const).map(engine => ({
	engine,
	behaviour: 'code',
	code: 'ALLOW_ORIGIN_MISMATCH',
	note: 'Reported as an Access-Control-Allow-Origin mismatch against the origin `null`.',
}));

function originFailure(response: RawResponse, request: CheckedRequest): SpecFailure | undefined {
	const lines = headerLines(response, ACAO);
	const expected = request.origin;
	if (lines.length === 0) {
		return {code: 'ALLOW_ORIGIN_MISSING', header: ACAO, seen: null, expected, engines: [WEBKIT_NO_MISSING]};
	}

	const value = lines.join(', ');
	if (value === '*' && request.credentials !== 'include') {
		return undefined;
	}

	// Byte-exact and case-sensitive: the spec compares serializations, it does not parse the header.
	if (value === request.origin) {
		return undefined;
	}

	const base = {header: ACAO, seen: value, expected};
	if (value === '*') {
		return {code: 'WILDCARD_ORIGIN_WITH_CREDENTIALS', ...base};
	}

	if (lines.length > 1) {
		return {code: 'ALLOW_ORIGIN_MULTIPLE', ...base, detail: 'duplicate-lines'};
	}

	if (/[ ,]/.test(value)) {
		// Chromium tests `find_first_of(" ,")`; Firefox only counts header lines; WebKit only looks for a comma.
		const engines: EngineNote[] = [
			{engine: 'firefox', behaviour: 'code', code: 'ALLOW_ORIGIN_MISMATCH', note: 'Firefox reports a one-line list as CORSAllowOriginNotMatchingOrigin.'},
		];
		if (!value.includes(',')) {
			engines.push({engine: 'webkit', behaviour: 'code', code: 'ALLOW_ORIGIN_MISMATCH', note: 'WebKit only treats a comma as a list; it reports a space-separated value as a mismatch.'});
		}

		return {code: 'ALLOW_ORIGIN_MULTIPLE', ...base, detail: 'list', engines};
	}

	if (value === 'null') {
		return {code: 'ALLOW_ORIGIN_MISMATCH', ...base, detail: 'null'};
	}

	// The URL parser silently strips C0 controls at the ends, so check them first: such a value is no origin serialization.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001F\u007F]/.test(value) || !tryUrl(value)) {
		return {
			code: 'ALLOW_ORIGIN_INVALID',
			...base,
			engines: [
				{engine: 'firefox', behaviour: 'code', code: 'ALLOW_ORIGIN_MISMATCH', note: 'Firefox reports an invalid value as CORSAllowOriginNotMatchingOrigin.'},
				{engine: 'webkit', behaviour: 'code', code: 'ALLOW_ORIGIN_MISMATCH', note: 'WebKit reports an invalid value as "Origin … is not allowed by Access-Control-Allow-Origin".'},
			],
		};
	}

	if (request.origin === 'null') {
		// A cross-origin redirect tainted the origin: the server echoed an origin, but the request now says `null`.
		// Naming the redirect points at the real fix; every engine words it as a plain mismatch.
		return {code: 'REDIRECT_TAINTED_ORIGIN', ...base, detail: 'tainted', engines: TAINT_NOTES};
	}

	return {code: 'ALLOW_ORIGIN_MISMATCH', ...base, detail: mismatchDetail(value, request.origin)};
}

/**
The Fetch standard's CORS check of one response (an actual response, a redirect hop, or a preflight), refined into the exact reason.
Returns `undefined` on success. `request.origin` must already be the serialized request origin (`'null'` after a tainting redirect).

Spec: https://fetch.spec.whatwg.org/#concept-cors-check

@example
```
corsCheck({status: 200, headers: [['Access-Control-Allow-Origin', '*']]}, {origin: 'https://app.example', credentials: 'include'});
//=> {code: 'WILDCARD_ORIGIN_WITH_CREDENTIALS', header: 'access-control-allow-origin', seen: '*', expected: 'https://app.example'}
```
*/
export function corsCheck(response: RawResponse, request: CheckedRequest): SpecFailure | undefined {
	const failure = originFailure(response, request);
	if (failure || request.credentials !== 'include') {
		return failure;
	}

	const credentials = getHeader(response, ACAC);
	// `%s"true"`: case-sensitive, so `True`, `TRUE`, `"true"` and `1` all fail.
	if (credentials === 'true') {
		return undefined;
	}

	return {code: 'ALLOW_CREDENTIALS_MISSING', header: ACAC, seen: credentials, expected: 'true'};
}
