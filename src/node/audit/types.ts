import type {Transport} from '../types.js';

/** How bad a permissive finding is; the CLI's `--fail-on` compares against this order. */
export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** The severities from least to most severe. */
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** How a crafted origin relates to the trusted origin it was derived from. */
export type OriginKind = 'unrelated' | 'null' | 'suffix' | 'prefix' | 'sibling' | 'http' | 'regex-dot' | 'case' | 'port';

/** An origin the audit sends in `Origin`, and why. */
export interface CraftedOrigin {
	readonly kind: OriginKind;
	/** The value sent in `Origin`, e.g. `https://app.example.com.evil.test`. */
	readonly origin: string;
	/** The trusted origin it imitates (`undefined` for `unrelated` and `null`). */
	readonly trusted?: string;
}

/** Which of the three requests per origin an exchange is. */
export type ProbeKind = 'actual' | 'actual-credentialed' | 'preflight';

/** One request the audit sent and the CORS headers that came back: the evidence of a finding. */
export interface AuditExchange {
	readonly probe: ProbeKind;
	readonly request: {
		readonly method: string;
		readonly origin: string;
		/** A dummy `Cookie: cors-doctor-audit=1` was sent, as a browser sends cookies with `credentials: 'include'`. */
		readonly credentials: boolean;
		readonly accessControlRequestMethod?: string;
		readonly accessControlRequestHeaders?: string;
	};
	readonly status: number;
	/** Only the CORS response lines (`access-control-*`, `vary`), in order, names as sent. */
	readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
}

/** The permissive patterns the audit reports. Each is documented in docs/security.md. */
export type FindingId =
	| 'reflected-origin'
	| 'wildcard-origin'
	| 'null-origin'
	| 'suffix-match'
	| 'prefix-match'
	| 'subdomain-trust'
	| 'http-origin'
	| 'regex-dot'
	| 'port-variant';

/** One permissive pattern, proven by the exchanges in `evidence`. */
export interface AuditFinding {
	readonly id: FindingId;
	readonly severity: Severity;
	/** The crafted origin the server trusted. */
	readonly origin: string;
	readonly kind: OriginKind;
	/** The trusted origin it imitates, when there is one. */
	readonly trusted?: string;
	/** A page on `origin` can read responses to requests that carry the user's cookies. */
	readonly credentials: boolean;
	/** The preflight lets `origin` send unsafe methods/headers (e.g. a `PUT` with `Content-Type: application/json`). */
	readonly preflight: boolean;
	/** What is wrong, in one sentence. */
	readonly message: string;
	/** The fix, self-contained. */
	readonly fix: string;
	/** The exchanges that granted `origin`. */
	readonly evidence: readonly AuditExchange[];
}

export interface AuditCorsOptions {
	/** The origins the API is meant to trust (at least one), e.g. `['https://app.example.com']`. */
	readonly origins: readonly string[];
	/** The method of the actual requests: `GET` (default) or `HEAD`. Preflights are `OPTIONS`; nothing else is ever sent. */
	readonly method?: 'GET' | 'HEAD';
	/** Per request, in milliseconds. Default 10 000. */
	readonly timeout?: number;
	/** Requests in flight at once. Default 4. */
	readonly concurrency?: number;
	/** Send requests with this fetch instead of node:http (tests). */
	readonly fetch?: typeof globalThis.fetch;
	/** Full control over the wire. Takes precedence over `fetch`. */
	readonly transport?: Transport;
}

/**
What `auditCors` found.

@example
```
const result = await auditCors('https://api.example.com/me', {origins: ['https://app.example.com']});
for (const finding of result.findings) console.log(finding.severity, finding.id, finding.origin);
```
*/
export interface AuditResult {
	/** True when no crafted origin was trusted. */
	readonly ok: boolean;
	readonly url: string;
	readonly trusted: readonly string[];
	/** Most severe first. */
	readonly findings: readonly AuditFinding[];
	/** Facts that are not findings (e.g. the trusted origin itself is not granted, so the audit proves little). */
	readonly notes: readonly string[];
	/** How many requests were sent. */
	readonly requests: number;
}
