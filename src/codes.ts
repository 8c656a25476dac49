/**
The closed vocabulary of cors-doctor. Codes are a stable public contract: they are never renamed, only
deprecated. Each one is documented in `docs/errors/<CODE>.md`.

- `exact` codes are proven from the response headers (the Node checker, or a static fact).
- `inferred` codes are what page JavaScript can prove with safe probes, where the browser hides the headers.
- `static` codes come from facts about the request and the page, with no network activity.
*/
export const CORS_CODES = [
	// allow-origin
	'ALLOW_ORIGIN_MISSING',
	'ALLOW_ORIGIN_MISMATCH',
	'ALLOW_ORIGIN_INVALID',
	'ALLOW_ORIGIN_MULTIPLE',
	'ORIGIN_NOT_ALLOWED',
	'ERROR_RESPONSE_WITHOUT_CORS',
	// credentials
	'WILDCARD_ORIGIN_WITH_CREDENTIALS',
	'ALLOW_CREDENTIALS_MISSING',
	'CREDENTIALS_NOT_ALLOWED',
	// preflight
	'PREFLIGHT_STATUS',
	'PREFLIGHT_REDIRECT',
	'PREFLIGHT_NETWORK_ERROR',
	'METHOD_NOT_ALLOWED',
	'HEADER_NOT_ALLOWED',
	'ALLOW_METHODS_INVALID',
	'ALLOW_HEADERS_INVALID',
	'PREFLIGHT_REJECTED',
	// redirect
	'REDIRECT_HAS_USERINFO',
	'REDIRECT_BAD_SCHEME',
	'REDIRECT_TAINTED_ORIGIN',
	'REDIRECT_NOT_ALLOWED',
	// policy
	'MIXED_CONTENT',
	'CSP_BLOCKED',
	'LOCAL_NETWORK_ACCESS',
	'SCHEME_NOT_SUPPORTED',
	'MODE_SAME_ORIGIN',
	// misuse
	'NO_CORS_REDIRECT_MODE',
	'OPAQUE_RESPONSE',
	'HEADER_NOT_EXPOSED',
	// unknown
	'UNDETERMINED',
] as const;

export type CorsCode = (typeof CORS_CODES)[number];

export type CodeClass = 'allow-origin' | 'credentials' | 'preflight' | 'redirect' | 'policy' | 'misuse' | 'unknown';

/** How a code is established: from headers (`exact`), from probes (`inferred`), or from request/page facts (`static`). */
export type CodeKind = 'exact' | 'inferred' | 'static';

/** Where in the exchange a header problem was seen. */
export type Phase = 'preflight' | 'actual' | 'redirect';

// Codes as data: [class, kind] per code; the prose lives in docs/ and in the hints entry. Not for size: measured with
// esbuild + gzip -9, CODE_INFO is not in the corsFetch bundle at all, and `{class, kind}` objects would cost 15 bytes
// more (598 vs 583 B with CORS_CODES) where it is imported. The tuple stays because it is public and indexed as such.
export const CODE_INFO: {readonly [C in CorsCode]: readonly [CodeClass, CodeKind]} = {
	ALLOW_ORIGIN_MISSING: ['allow-origin', 'exact'],
	ALLOW_ORIGIN_MISMATCH: ['allow-origin', 'exact'],
	ALLOW_ORIGIN_INVALID: ['allow-origin', 'exact'],
	ALLOW_ORIGIN_MULTIPLE: ['allow-origin', 'exact'],
	ORIGIN_NOT_ALLOWED: ['allow-origin', 'inferred'],
	ERROR_RESPONSE_WITHOUT_CORS: ['allow-origin', 'inferred'],
	WILDCARD_ORIGIN_WITH_CREDENTIALS: ['credentials', 'exact'],
	ALLOW_CREDENTIALS_MISSING: ['credentials', 'exact'],
	CREDENTIALS_NOT_ALLOWED: ['credentials', 'inferred'],
	PREFLIGHT_STATUS: ['preflight', 'exact'],
	PREFLIGHT_REDIRECT: ['preflight', 'exact'],
	PREFLIGHT_NETWORK_ERROR: ['preflight', 'exact'],
	// Exact from the checker; the browser classifier also reaches them by elimination.
	METHOD_NOT_ALLOWED: ['preflight', 'exact'],
	HEADER_NOT_ALLOWED: ['preflight', 'exact'],
	ALLOW_METHODS_INVALID: ['preflight', 'exact'],
	ALLOW_HEADERS_INVALID: ['preflight', 'exact'],
	PREFLIGHT_REJECTED: ['preflight', 'inferred'],
	REDIRECT_HAS_USERINFO: ['redirect', 'exact'],
	REDIRECT_BAD_SCHEME: ['redirect', 'exact'],
	REDIRECT_TAINTED_ORIGIN: ['redirect', 'exact'],
	REDIRECT_NOT_ALLOWED: ['redirect', 'inferred'],
	MIXED_CONTENT: ['policy', 'static'],
	CSP_BLOCKED: ['policy', 'static'],
	LOCAL_NETWORK_ACCESS: ['policy', 'static'],
	SCHEME_NOT_SUPPORTED: ['policy', 'static'],
	MODE_SAME_ORIGIN: ['policy', 'static'],
	NO_CORS_REDIRECT_MODE: ['misuse', 'static'],
	OPAQUE_RESPONSE: ['misuse', 'static'],
	HEADER_NOT_EXPOSED: ['misuse', 'static'],
	UNDETERMINED: ['unknown', 'inferred'],
};
