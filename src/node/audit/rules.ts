import {corsCheck, headerLines, preflightCheck} from '../../rules/index.js';
import type {CorsCode} from '../../codes.js';
import type {RawResponse} from '../../rules/types.js';
import type {AuditExchange, AuditFinding, CraftedOrigin, FindingId, OriginKind, ProbeKind, Severity} from './types.js';

/** One request of the audit and the raw response it got. */
export interface Observation {
	readonly probe: ProbeKind;
	readonly exchange: AuditExchange;
	readonly response: RawResponse;
}

/** The method and header of the audit's preflight: what a cross-site page needs for a JSON write. */
export const PREFLIGHT_METHOD = 'PUT';
export const PREFLIGHT_HEADERS = 'content-type';

interface FindingInfo {
	/** Severity when the origin is trusted with credentials, and without. */
	readonly severity: {readonly credentials: Severity; readonly plain: Severity};
	readonly message: (origin: string, trusted: string | undefined) => string;
	readonly fix: (trusted: string | undefined) => string;
}

const allowlist = (trusted: string | undefined) => `Compare the Origin header byte for byte against an allowlist of full origins (${trusted ? `e.g. ['${trusted}']` : 'e.g. [\'https://app.example.com\']'}); echo it in Access-Control-Allow-Origin only on an exact match, send Access-Control-Allow-Credentials: true only then, and add Vary: Origin.`;

/**
Why each pattern is dangerous and how bad, as data (docs/security.md explains each row). Credentials decide most
severities: with `Access-Control-Allow-Credentials: true` a page on the trusted-by-mistake origin reads the user's own data.
*/
export const FINDINGS: {readonly [Id in FindingId]: FindingInfo} = {
	'reflected-origin': {
		severity: {credentials: 'critical', plain: 'low'},
		message: origin => `Any origin is trusted: the server echoed the unrelated origin ${origin}.`,
		fix: trusted => `Stop echoing the Origin header unchecked. ${allowlist(trusted)}`,
	},
	'wildcard-origin': {
		severity: {credentials: 'low', plain: 'low'},
		message: () => 'Access-Control-Allow-Origin: * lets every site read the responses (without cookies).',
		fix: trusted => `Keep * only for public data that needs no cookie, token or network position (intranet, VPN, IP allowlist) to read. Otherwise: ${allowlist(trusted)}`,
	},
	'null-origin': {
		severity: {credentials: 'high', plain: 'low'},
		message: () => 'The origin `null` is trusted: any site can send it from a sandboxed iframe or a data: URL.',
		fix: trusted => `Remove \`null\` from the allowed origins; never treat a missing or \`null\` Origin as trusted. ${allowlist(trusted)}`,
	},
	'suffix-match': {
		severity: {credentials: 'high', plain: 'low'},
		message: (origin, trusted) => `${origin} is trusted because it starts with ${trusted}: the origin check matches a prefix (startsWith, or an unanchored regex).`,
		fix: trusted => `Anchor the comparison at both ends: compare the whole origin, not its beginning. ${allowlist(trusted)}`,
	},
	'prefix-match': {
		severity: {credentials: 'high', plain: 'low'},
		message: (origin, trusted) => `${origin} is trusted because it ends like ${trusted}: the origin check matches a suffix (endsWith, or a regex without ^).`,
		fix: trusted => `Compare whole origins; to allow subdomains, parse the origin and require the host to equal the domain or end with "." + the domain. ${allowlist(trusted)}`,
	},
	'subdomain-trust': {
		severity: {credentials: 'medium', plain: 'low'},
		message: origin => `${origin}, a sibling subdomain, is trusted: any subdomain with an XSS or a dangling DNS record can read the API.`,
		fix: trusted => `List the subdomains that need access instead of a wildcard. ${allowlist(trusted)}`,
	},
	'http-origin': {
		severity: {credentials: 'medium', plain: 'low'},
		message: origin => `The plain-http origin ${origin} is trusted: anyone on the network path can inject a script into that page and read the API.`,
		fix: trusted => `Trust only https origins in production. ${allowlist(trusted)}`,
	},
	'regex-dot': {
		severity: {credentials: 'high', plain: 'low'},
		message: (origin, trusted) => `${origin} is trusted: the check is a regex whose "." is unescaped, so it matches any character in ${trusted}.`,
		fix: trusted => `Escape every dot in the regex (\\.) and anchor it (^...$), or better use a plain list. ${allowlist(trusted)}`,
	},
	'port-variant': {
		severity: {credentials: 'low', plain: 'low'},
		message: (origin, trusted) => `${origin} is trusted though only ${trusted} should be: the check ignores the port, so another service on that host can read the API.`,
		fix: trusted => `Compare the full origin, port included. ${allowlist(trusted)}`,
	},
};

export const KIND_FINDING: {readonly [Kind in Exclude<OriginKind, 'case'>]: FindingId} = {
	unrelated: 'reflected-origin',
	null: 'null-origin',
	suffix: 'suffix-match',
	prefix: 'prefix-match',
	sibling: 'subdomain-trust',
	http: 'http-origin',
	'regex-dot': 'regex-dot',
	port: 'port-variant',
};

// The failures that mean "this origin may not do this"; a preflight that only lacks the method still trusts the origin.
const ORIGIN_CODES = new Set<CorsCode>(['ALLOW_ORIGIN_MISSING', 'ALLOW_ORIGIN_MISMATCH', 'ALLOW_ORIGIN_INVALID', 'ALLOW_ORIGIN_MULTIPLE', 'WILDCARD_ORIGIN_WITH_CREDENTIALS', 'ALLOW_CREDENTIALS_MISSING', 'PREFLIGHT_STATUS', 'PREFLIGHT_REDIRECT', 'REDIRECT_TAINTED_ORIGIN']);

/** Whether a browser on `origin` gets this response, in the given credentials mode (spec check from src/rules/). */
export function grants(observation: Observation, origin: string, credentials: boolean): boolean {
	const request = {origin, credentials: credentials ? 'include' : 'omit'} as const;
	if (observation.probe === 'preflight') {
		return !preflightCheck(observation.response, {...request, method: PREFLIGHT_METHOD, headers: [PREFLIGHT_HEADERS]}).some(failure => ORIGIN_CODES.has(failure.code));
	}

	return corsCheck(observation.response, request) === undefined;
}

/** What the audit concludes about one crafted origin: a finding, a note, or nothing. */
export interface Verdict {
	readonly finding?: AuditFinding;
	readonly note?: string;
}

/**
Judges the responses to one crafted origin. Pure: the same observations always give the same verdict.
The uncredentialed GET is judged without credentials, the GET that carried a cookie and the preflight with them, since a
page's credentialed `fetch` needs both; a response granting `*` is reported once, for the unrelated origin.

@example
```
judge({kind: 'null', origin: 'null'}, []).finding; //=> undefined: no answer granted the crafted origin
```
*/
export function judge(crafted: CraftedOrigin, observations: readonly Observation[]): Verdict {
	const granting: Observation[] = [];
	let credentials = false;
	let preflight = false;
	let wildcardOnly = true;
	for (const observation of observations) {
		const withCredentials = observation.probe !== 'actual' && grants(observation, crafted.origin, true);
		if (withCredentials || grants(observation, crafted.origin, false)) {
			granting.push(observation);
			credentials ||= withCredentials;
			preflight ||= observation.probe === 'preflight';
			wildcardOnly &&= !withCredentials && headerLines(observation.response, 'access-control-allow-origin').join(', ') === '*';
		}
	}

	if (granting.length === 0) {
		return {};
	}

	if (crafted.kind === 'case') {
		return {note: `The server compares origins case-insensitively (it trusted ${crafted.origin}); harmless, since browsers send lowercase origins.`};
	}

	if (wildcardOnly && crafted.kind !== 'unrelated') {
		return {};
	}

	const id = wildcardOnly ? 'wildcard-origin' : KIND_FINDING[crafted.kind];
	const info = FINDINGS[id];
	return {
		finding: {
			id,
			severity: info.severity[credentials ? 'credentials' : 'plain'],
			origin: crafted.origin,
			kind: crafted.kind,
			...(crafted.trusted === undefined ? {} : {trusted: crafted.trusted}),
			credentials,
			preflight,
			message: `${info.message(crafted.origin, crafted.trusted)}${credentials ? ' With Access-Control-Allow-Credentials: true, a page there reads the user\'s own data.' : ''}`,
			fix: info.fix(crafted.trusted),
			evidence: granting.map(observation => observation.exchange),
		},
	};
}

/** Most severe first, then by id, so output is stable. */
export function bySeverity(a: AuditFinding, b: AuditFinding): number {
	const order: Severity[] = ['critical', 'high', 'medium', 'low'];
	return order.indexOf(a.severity) - order.indexOf(b.severity) || a.id.localeCompare(b.id) || a.origin.localeCompare(b.origin);
}
