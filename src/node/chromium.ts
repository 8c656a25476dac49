import type {CorsCode, Phase} from '../codes.js';

/** What one Chromium `Network.CorsError` value means in cors-doctor's vocabulary. */
export interface ChromiumCorsErrorInfo {
	/** The exact code the Node checker reports for the same cause. */
	readonly code: CorsCode;
	/** Which response Chromium found at fault, when the name says so. */
	readonly phase?: Phase;
	/** The codes the in-browser classifier may reach by probing for the same failure (it cannot read headers). */
	readonly inferred: readonly CorsCode[];
	/** Exact codes the checker may use instead of `code` because it sees more than Chromium's reason says (e.g. a mismatch caused by a redirect taint). */
	readonly refinedBy?: readonly CorsCode[];
	/** Set for names that Chromium no longer reports (kept so old browsers and recorded traces still map). */
	readonly removed?: string;
}

const allowOrigin = ['ORIGIN_NOT_ALLOWED', 'REDIRECT_NOT_ALLOWED'] as const;
const rejected = ['PREFLIGHT_REJECTED'] as const;
const pna = (removed?: string): ChromiumCorsErrorInfo => ({code: 'LOCAL_NETWORK_ACCESS', inferred: ['LOCAL_NETWORK_ACCESS'], ...(removed ? {removed} : {})});

/**
Every Chromium DevTools `Network.CorsError` name (current and removed ones) mapped to exactly one code.
Sources: devtools-protocol `Network.pdl` (28 current names) and Chromium's `cors.mojom` history
(Private Network Access names removed in r1572739, renamed to Local Network in r1581282).

@example
```
CHROMIUM_CORS_ERRORS.HeaderDisallowedByPreflightResponse.code; //=> 'HEADER_NOT_ALLOWED'
```
*/
export const CHROMIUM_CORS_ERRORS = {
	DisallowedByMode: {code: 'MODE_SAME_ORIGIN', inferred: ['MODE_SAME_ORIGIN']},
	// Chromium only uses it in DevTools warnings: the preflight failed with a net error (e.g. ERR_EMPTY_RESPONSE).
	InvalidResponse: {code: 'PREFLIGHT_NETWORK_ERROR', phase: 'preflight', inferred: ['PREFLIGHT_REJECTED']},
	WildcardOriginNotAllowed: {code: 'WILDCARD_ORIGIN_WITH_CREDENTIALS', phase: 'actual', inferred: ['CREDENTIALS_NOT_ALLOWED']},
	MissingAllowOriginHeader: {code: 'ALLOW_ORIGIN_MISSING', phase: 'actual', inferred: ['ORIGIN_NOT_ALLOWED', 'ERROR_RESPONSE_WITHOUT_CORS', 'REDIRECT_NOT_ALLOWED']},
	MultipleAllowOriginValues: {code: 'ALLOW_ORIGIN_MULTIPLE', phase: 'actual', inferred: allowOrigin},
	InvalidAllowOriginValue: {code: 'ALLOW_ORIGIN_INVALID', phase: 'actual', inferred: allowOrigin},
	AllowOriginMismatch: {code: 'ALLOW_ORIGIN_MISMATCH', phase: 'actual', inferred: allowOrigin, refinedBy: ['REDIRECT_TAINTED_ORIGIN']},
	InvalidAllowCredentials: {code: 'ALLOW_CREDENTIALS_MISSING', phase: 'actual', inferred: ['CREDENTIALS_NOT_ALLOWED']},
	CorsDisabledScheme: {code: 'SCHEME_NOT_SUPPORTED', inferred: ['SCHEME_NOT_SUPPORTED']},
	PreflightInvalidStatus: {code: 'PREFLIGHT_STATUS', phase: 'preflight', inferred: rejected},
	// The classifier names it when a GET of the URL answers with a redirect that passes CORS (opaqueredirect).
	PreflightDisallowedRedirect: {code: 'PREFLIGHT_REDIRECT', phase: 'preflight', inferred: ['PREFLIGHT_REJECTED', 'PREFLIGHT_REDIRECT']},
	PreflightWildcardOriginNotAllowed: {code: 'WILDCARD_ORIGIN_WITH_CREDENTIALS', phase: 'preflight', inferred: ['CREDENTIALS_NOT_ALLOWED', 'PREFLIGHT_REJECTED']},
	PreflightMissingAllowOriginHeader: {code: 'ALLOW_ORIGIN_MISSING', phase: 'preflight', inferred: rejected},
	PreflightMultipleAllowOriginValues: {code: 'ALLOW_ORIGIN_MULTIPLE', phase: 'preflight', inferred: rejected},
	PreflightInvalidAllowOriginValue: {code: 'ALLOW_ORIGIN_INVALID', phase: 'preflight', inferred: rejected},
	PreflightAllowOriginMismatch: {code: 'ALLOW_ORIGIN_MISMATCH', phase: 'preflight', inferred: rejected},
	PreflightInvalidAllowCredentials: {code: 'ALLOW_CREDENTIALS_MISSING', phase: 'preflight', inferred: ['CREDENTIALS_NOT_ALLOWED', 'PREFLIGHT_REJECTED']},
	// CDP-only precursors of the Private Network Access preflight names, still listed in Network.pdl.
	PreflightMissingAllowExternal: {code: 'LOCAL_NETWORK_ACCESS', phase: 'preflight', inferred: ['LOCAL_NETWORK_ACCESS']},
	PreflightInvalidAllowExternal: {code: 'LOCAL_NETWORK_ACCESS', phase: 'preflight', inferred: ['LOCAL_NETWORK_ACCESS']},
	InvalidAllowMethodsPreflightResponse: {code: 'ALLOW_METHODS_INVALID', phase: 'preflight', inferred: rejected},
	InvalidAllowHeadersPreflightResponse: {code: 'ALLOW_HEADERS_INVALID', phase: 'preflight', inferred: rejected},
	// The classifier never probes an unsafe method, so it names the method by elimination.
	MethodDisallowedByPreflightResponse: {code: 'METHOD_NOT_ALLOWED', phase: 'preflight', inferred: ['METHOD_NOT_ALLOWED', 'PREFLIGHT_REJECTED']},
	HeaderDisallowedByPreflightResponse: {code: 'HEADER_NOT_ALLOWED', phase: 'preflight', inferred: ['HEADER_NOT_ALLOWED', 'PREFLIGHT_REJECTED']},
	RedirectContainsCredentials: {code: 'REDIRECT_HAS_USERINFO', phase: 'redirect', inferred: ['REDIRECT_NOT_ALLOWED']},
	InsecureLocalNetwork: pna(),
	InvalidLocalNetworkAccess: pna(),
	NoCorsRedirectModeNotFollow: {code: 'NO_CORS_REDIRECT_MODE', inferred: ['NO_CORS_REDIRECT_MODE']},
	LocalNetworkAccessPermissionDenied: pna(),
	// Renamed in r1581282 (Feb 2026).
	InsecurePrivateNetwork: pna('renamed InsecureLocalNetwork'),
	InvalidPrivateNetworkAccess: pna('renamed InvalidLocalNetworkAccess'),
	// Removed in r1572739 (Jan 2026) with the Private Network Access preflight and permission flow.
	UnexpectedPrivateNetworkAccess: pna('removed'),
	PreflightMissingAllowPrivateNetwork: {...pna('removed'), phase: 'preflight'},
	PreflightInvalidAllowPrivateNetwork: {...pna('removed'), phase: 'preflight'},
	PreflightMissingPrivateNetworkAccessId: {...pna('removed'), phase: 'preflight'},
	PreflightMissingPrivateNetworkAccessName: {...pna('removed'), phase: 'preflight'},
	PrivateNetworkAccessPermissionUnavailable: pna('removed'),
	PrivateNetworkAccessPermissionDenied: pna('removed'),
} as const satisfies Record<string, ChromiumCorsErrorInfo>;

export type ChromiumCorsErrorName = keyof typeof CHROMIUM_CORS_ERRORS;

/**
The cors-doctor code for a Chromium `Network.CorsError` name (from CDP `loadingFailed.corsErrorStatus.corsError`),
or `undefined` for a name Chromium has not used so far.

@example
```
chromiumReasonToCode('PreflightMissingAllowOriginHeader'); //=> 'ALLOW_ORIGIN_MISSING'
```
*/
export function chromiumReasonToCode(name: string): CorsCode | undefined {
	return Object.hasOwn(CHROMIUM_CORS_ERRORS, name) ? CHROMIUM_CORS_ERRORS[name as ChromiumCorsErrorName].code : undefined;
}
