import type {CorsCode} from '../../../src/codes';
import type {Engine} from './session';

/** What the classifier must do with one request: throw a `CorsError` with `code` (naming `names`), resolve, or rethrow a platform error. */
export type ClassifierOutcome =
	| {readonly code: CorsCode; readonly names?: readonly string[]}
	| {readonly success: true}
	| {readonly network: true};

/** Where the case sends its request, besides a scenario endpoint on the API origin. */
export type Target =
	| 'scenario'
	/** A port nobody listens on. */
	| 'refused'
	/** The scenario endpoint through the IPv4-mapped IPv6 loopback: a real request, but not a potentially trustworthy URL. */
	| 'mapped-ipv6'
	/** `ftp://` on the API host: fetch supports no such scheme. */
	| 'ftp';

/** One classifier case: a scenario endpoint plus how the page calls it, and what every engine must see. */
export interface ClassifierCase {
	readonly name: string;
	/** The scenario-table endpoint (and its request: method, headers, credentials). Default: `name`. */
	readonly scenario?: string;
	readonly target?: Target;
	/** Page served with `Content-Security-Policy: connect-src 'self'`. */
	readonly csp?: boolean;
	/** Through `createClient(...).get(url).json()` instead of `createCorsFetch()(url)`. */
	readonly via?: 'client';
	/** Merged over the scenario's request. */
	readonly init?: {readonly mode?: RequestMode};
	/** `createCorsFetch` options (JSON only). */
	readonly options?: {readonly probes?: boolean; readonly pageOrigin?: string; readonly expectHeaders?: readonly string[]};
	/** A scenario fetched first through the same instance, successfully (evidence that the origin grants CORS). */
	readonly warmup?: string;
	/** A scenario fetched first by a separate, probe-less instance whose failure is ignored (it primes the CSP listener). */
	readonly primer?: string;
	/** Abort the original after this many ms (for an endpoint that never answers). */
	readonly timeout?: number;
	readonly expect: ClassifierOutcome;
	/** Where an engine measurably differs, with the reason. The suites assert the override (never skip). */
	readonly engines?: Partial<Record<Engine, {readonly expect: ClassifierOutcome; readonly why: string}>>;
	/**
	Chromium's CDP reason for the original request when it is not the scenario's `expect.chromium` (static facts,
	successes), with why the classifier's code need not be in its mapping.
	*/
	readonly cdp?: {readonly reason: string | null; readonly why: string};
}

const origin: ClassifierOutcome = {code: 'ORIGIN_NOT_ALLOWED'};
const rejected: ClassifierOutcome = {code: 'PREFLIGHT_REJECTED'};
const success: ClassifierOutcome = {success: true};
const network: ClassifierOutcome = {network: true};

/**
The classifier's expected verdict for every scenario of `test/support/scenarios.ts` (by name), then the cases that need
a page setting (CSP, a claimed page origin, probes off, the ky client) rather than a new endpoint.

Why each verdict: the probe table of DESIGN.md section 6, as measured in all three engines (research/browsers.md).
The control probe asks for `content-type` (non-safelisted value): where the preflight refuses it too, the classifier
cannot tell "this header is refused" from "the preflight is refused" and says PREFLIGHT_REJECTED, which Chromium's
mapping lists as consistent with a header or method refusal.
*/
export const CLASSIFIER_CASES: readonly ClassifierCase[] = [
	// Good controls: the very Response, no CorsError.
	{name: 'good-simple-get', expect: success},
	{name: 'good-credentialed-get', expect: success},
	{name: 'good-preflight-put', expect: success},
	{name: 'good-preflight-get-header', expect: success},
	{name: 'good-redirect-same-origin', expect: success},
	{name: 'header-not-exposed', expect: success},
	{
		name: 'authorization-wildcard',
		expect: success,
		cdp: {reason: null, why: 'All three engines here let `Access-Control-Allow-Headers: *` cover Authorization (only the spec-exact checker refuses it).'},
	},
	// Allow-origin: the simple probe fails too.
	{name: 'allow-origin-missing', expect: origin},
	{name: 'allow-origin-mismatch', expect: origin},
	{name: 'allow-origin-trailing-slash', expect: origin},
	{name: 'allow-origin-multiple-lines', expect: origin},
	{name: 'allow-origin-list', expect: origin},
	{name: 'allow-origin-invalid', expect: origin},
	// Without a CORS success on this origin first, an error response without ACAO looks like any allow-origin failure.
	{name: 'error-500-without-cors', expect: origin},
	{name: 'error-401-without-cors', expect: origin},
	{name: 'error-401-after-success', scenario: 'error-401-without-cors', warmup: 'good-simple-get', expect: {code: 'ERROR_RESPONSE_WITHOUT_CORS'}},
	{name: 'error-500-after-success', scenario: 'error-500-without-cors', warmup: 'good-simple-get', expect: {code: 'ERROR_RESPONSE_WITHOUT_CORS'}},
	// Credentials: the simple (omit) probe passes, the credentialed one fails.
	{name: 'wildcard-with-credentials', expect: {code: 'CREDENTIALS_NOT_ALLOWED'}},
	{name: 'allow-credentials-missing', expect: {code: 'CREDENTIALS_NOT_ALLOWED'}},
	{name: 'allow-credentials-capitalized', expect: {code: 'CREDENTIALS_NOT_ALLOWED'}},
	// Preflight: every header probe and the control fail.
	{name: 'preflight-401-without-cors', expect: rejected},
	{name: 'preflight-404-without-cors', expect: rejected},
	{name: 'preflight-405-without-cors', expect: rejected},
	{name: 'preflight-404-with-cors', expect: rejected},
	{name: 'preflight-redirect', expect: rejected},
	{name: 'allow-origin-only-on-get', expect: rejected},
	{name: 'allow-methods-invalid', expect: rejected},
	{name: 'allow-headers-invalid', expect: rejected},
	// ACAM lacks PUT and ACAH lacks the control header: the broken preflight is all the probes can prove.
	{name: 'method-not-allowed', expect: rejected},
	{name: 'method-case-mismatch', expect: rejected},
	{name: 'method-not-allowed-any-header', expect: {code: 'METHOD_NOT_ALLOWED', names: ['PUT']}},
	// The control probe asks for content-type, which this ACAH allows: so x-api-key alone is refused.
	{name: 'header-not-allowed', expect: {code: 'HEADER_NOT_ALLOWED', names: ['x-api-key']}},
	{name: 'header-one-of-two-not-allowed', expect: {code: 'HEADER_NOT_ALLOWED', names: ['x-api-key']}},
	// Five headers: three probed (x-h4, x-h5 left unprobed, so the wave stays within 8 probes), x-h3 refused.
	{name: 'five-headers-credentialed', expect: {code: 'HEADER_NOT_ALLOWED', names: ['x-h3']}},
	// Reset preflight: the actual route answers, a preflighted probe fails.
	{
		name: 'preflight-socket-destroyed',
		expect: rejected,
		cdp: {reason: null, why: 'CDP reports a reset preflight as a network failure on the request (no corsErrorStatus); the classifier sees a refused preflight.'},
	},
	// Redirects: simple fails, simple-manual gives opaqueredirect when the first hop passes CORS.
	{name: 'redirect-to-third-without-cors', expect: {code: 'REDIRECT_NOT_ALLOWED'}},
	{name: 'redirect-tainted-origin', expect: {code: 'REDIRECT_NOT_ALLOWED'}},
	// The 302 itself lacks ACAO: no opaqueredirect, so it reads as an allow-origin failure of the URL.
	{name: 'redirect-without-cors', expect: origin},
	// Chromium refuses a redirect to a user:password@ URL even in no-cors mode, so its reach probe fails; the
	// opaqueredirect of simple-manual still proves the server reachable (issue 7).
	{name: 'redirect-userinfo', expect: {code: 'REDIRECT_NOT_ALLOWED'}},
	// Network failures: never a CorsError.
	{name: 'network-socket-destroyed', expect: network},
	{name: 'network-hang', timeout: 300, expect: network},
	{name: 'network-refused', scenario: 'good-simple-get', target: 'refused', expect: network, cdp: {reason: null, why: 'Connection refused: a network failure.'}},
	// Policy codes: static facts, no probes.
	{
		name: 'csp-connect-src',
		scenario: 'good-simple-get',
		csp: true,
		expect: {code: 'CSP_BLOCKED'},
		cdp: {reason: null, why: 'CSP blocks before any network activity: CDP raises a ContentSecurityPolicyIssue, no loadingFailed CORS status.'},
	},
	{
		// A page where the CSP listener was already installed by an earlier failure.
		name: 'csp-connect-src-after-failure',
		scenario: 'good-simple-get',
		primer: 'allow-origin-missing',
		csp: true,
		expect: {code: 'CSP_BLOCKED'},
		cdp: {reason: null, why: 'CSP blocks before any network activity: CDP raises a ContentSecurityPolicyIssue, no loadingFailed CORS status.'},
	},
	{
		name: 'mode-same-origin',
		scenario: 'good-simple-get',
		init: {mode: 'same-origin'},
		expect: {code: 'MODE_SAME_ORIGIN'},
	},
	{
		name: 'scheme-ftp',
		scenario: 'good-simple-get',
		target: 'ftp',
		expect: {code: 'SCHEME_NOT_SUPPORTED'},
	},
	{
		// No https page can be served here (no certificate): the page claims an https origin through `pageOrigin`.
		name: 'mixed-content-claimed-https',
		scenario: 'allow-origin-missing',
		target: 'mapped-ipv6',
		options: {pageOrigin: 'https://app.example'},
		expect: {code: 'MIXED_CONTENT'},
		cdp: {reason: 'MissingAllowOriginHeader', why: 'The real page is http, so the browser sees a plain CORS failure; only the claimed https origin makes it mixed content.'},
	},
	{
		// A public IP literal: only addresses prove an address space (a host name may resolve to loopback).
		name: 'local-network-claimed-public',
		scenario: 'allow-origin-missing',
		options: {pageOrigin: 'http://203.0.113.9'},
		expect: {code: 'LOCAL_NETWORK_ACCESS'},
		cdp: {reason: 'MissingAllowOriginHeader', why: 'The real page is on loopback too; only the claimed public origin makes the target more private.'},
	},
	// Misuse: a successful response the caller cannot use.
	{
		name: 'opaque-response-json',
		scenario: 'good-simple-get',
		via: 'client',
		init: {mode: 'no-cors'},
		expect: {code: 'OPAQUE_RESPONSE'},
		cdp: {reason: null, why: 'The no-cors request succeeds (opaque); only reading its body is refused, by the client.'},
	},
	{
		name: 'header-not-exposed-expected',
		scenario: 'header-not-exposed',
		options: {expectHeaders: ['x-total-count']},
		expect: {code: 'HEADER_NOT_EXPOSED', names: ['x-total-count']},
		cdp: {reason: null, why: 'The request succeeds; the header is merely filtered from page JavaScript.'},
	},
	// Probes off: no evidence, no verdict beyond "it failed".
	{name: 'undetermined-probes-off', scenario: 'allow-origin-missing', options: {probes: false}, expect: {code: 'UNDETERMINED'}},
];

/** The expectation for `engine`: its override when the engine measurably differs. */
export const expectationFor = (entry: ClassifierCase, engine: Engine): ClassifierOutcome => entry.engines?.[engine]?.expect ?? entry.expect;

/** What the page reported, as far as the expectations look at it. */
export interface ObservedOutcome {
	readonly kind: 'cors' | 'success' | 'error';
	readonly code?: string;
	readonly names?: readonly string[];
}

/** Whether `result` is `expected`: the same code (and names, when the expectation gives them), a success, or a platform error. */
export const outcomeMatches = (expected: ClassifierOutcome, result: ObservedOutcome): boolean => {
	if ('code' in expected) {
		return result.kind === 'cors' && result.code === expected.code
			&& (!expected.names || JSON.stringify(result.names) === JSON.stringify(expected.names));
	}

	return 'success' in expected ? result.kind === 'success' : result.kind === 'error';
};


/** Printable form of an outcome, for tables and messages. */
export const outcomeLabel = (outcome: ClassifierOutcome): string =>
	'code' in outcome ? outcome.code : 'success' in outcome ? 'success' : 'network';
