import type {CorsCode, Phase} from '../codes.js';
import type {FindingId, Severity} from '../node/audit/types.js';
import type {EngineNote} from '../rules/types.js';

/** The CORS facts of one request, read by an adapter. Only CORS request headers; never a cookie or an authorization value. */
export interface ObservedRequest {
	/** The `Origin` header. */
	readonly origin: string;
	/** The request method as received (`OPTIONS` for a preflight). */
	readonly method: string;
	/** The path, without the query string (it may hold secrets). */
	readonly path: string;
	/** `Access-Control-Request-Method`, on a preflight. */
	readonly requestMethod?: string;
	/** `Access-Control-Request-Headers`, on a preflight. */
	readonly requestHeaders?: string;
	/** Whether a `Cookie` header came along: then the page used `credentials: 'include'`. Its value is never read. */
	readonly cookie: boolean;
}

/** A request browsers will reject, and why (the first rule they hit, as the spec orders them). */
export interface RejectionReport {
	readonly kind: 'rejected';
	readonly code: CorsCode;
	/** `preflight`: the OPTIONS answer failed, so the real request was never sent. */
	readonly phase: Extract<Phase, 'preflight' | 'actual'>;
	readonly origin: string;
	/** The method of the page's request (for a preflight: `Access-Control-Request-Method`). */
	readonly method: string;
	readonly path: string;
	readonly status: number;
	/** The response header at fault, lowercase, e.g. `access-control-allow-origin`. */
	readonly header?: string;
	/** The method or request-header name the failure is about. */
	readonly param?: string;
	/** The value of `header` the app sent (a CORS header), or `null` when it sent none. */
	readonly seen: string | null;
	readonly expected: string;
	/** Further failing rules on the same response: the app must fix them too. */
	readonly also: readonly CorsCode[];
	/** Where an engine reports this differently (e.g. Chromium names a missing ACAO before a bad preflight status). */
	readonly engines?: readonly EngineNote[];
	/** Reports of the same kind dropped by the rate limit since the last one that was delivered. */
	readonly suppressed?: number;
}

/** A response that trusts an origin it should not (the audit's rules applied to live traffic). */
export interface PermissiveReport {
	readonly kind: 'permissive';
	readonly id: FindingId;
	readonly severity: Severity;
	readonly origin: string;
	readonly method: string;
	readonly path: string;
	/** The response let a credentialed request read it (`Access-Control-Allow-Credentials: true`). */
	readonly credentials: boolean;
	readonly message: string;
	readonly fix: string;
	readonly suppressed?: number;
}

export type CorsReport = RejectionReport | PermissiveReport;

/** Running totals since the observer was created (or `reset()`). Counted before the rate limit. */
export interface CorsObserverStats {
	/** CORS exchanges inspected (same-origin and non-CORS requests are not counted: they are skipped before any work). */
	inspected: number;
	rejected: number;
	permissive: number;
	/** Reports the rate limit held back. */
	suppressed: number;
	/** Errors thrown by the logger callback or the inspection itself (swallowed: the app's response never suffers). */
	errors: number;
	/** Rejections per code. */
	byCode: Partial<Record<CorsCode, number>>;
}

export interface CorsObserverOptions {
	/** Receives each report. Default: one line per report on `console.warn` (see `formatReport`). */
	readonly onReport?: (report: CorsReport) => void;
	/**
	Treat every request as credentialed (`credentials: 'include'`). By default a request counts as credentialed when it carries
	a Cookie header; a preflight never carries one, so credential rules on preflights are only checked with this option.
	*/
	readonly assumeCredentials?: boolean;
	/**
	Warn about responses that trust an origin outside this list (the audit's rules, applied passively): reflected origins,
	`null`, suffix/prefix/regex-dot lookalikes, sibling subdomains, http variants, `*`. Off when absent.
	*/
	readonly trustedOrigins?: readonly string[];
	/** At most one report per (kind, code, phase, method, path, origin) per `interval` ms, and at most `max` reports per interval overall. Default 60 000 ms and 100. */
	readonly rateLimit?: {readonly interval?: number; readonly max?: number};
	/** The clock, for tests. Default `Date.now`. */
	readonly now?: () => number;
}
