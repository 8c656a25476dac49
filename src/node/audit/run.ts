import {CheckInputError} from '../errors/CheckInputError.js';
import {parseOrigin, parseTarget} from '../options.js';
import {fetchTransport, nodeTransport} from '../transport.js';
import type {Transport, TransportRequest} from '../types.js';
import {craftOrigins} from './origins.js';
import {bySeverity, grants, judge, type Observation, PREFLIGHT_HEADERS, PREFLIGHT_METHOD} from './rules.js';
import type {AuditCorsOptions, AuditExchange, AuditFinding, AuditResult, CraftedOrigin, ProbeKind} from './types.js';

/** A fake cookie: the credentialed request must look like a browser's, and no real credential is ever sent. */
export const AUDIT_COOKIE = 'cors-doctor-audit=1';

interface NormalizedAuditOptions {
	readonly url: URL;
	readonly trusted: readonly string[];
	readonly method: 'GET' | 'HEAD';
	readonly timeout: number;
	readonly concurrency: number;
	readonly transport: Transport;
}

function normalize(url: string | URL, options: AuditCorsOptions): NormalizedAuditOptions {
	if (typeof options !== 'object' || options === null || !Array.isArray(options.origins) || options.origins.length === 0) {
		throw new CheckInputError('INVALID_OPTION', 'The `origins` option is required: the origins the API trusts, e.g. {origins: [\'https://app.example.com\']}.');
	}

	const method = options.method ?? 'GET';
	if (method !== 'GET' && method !== 'HEAD') {
		throw new CheckInputError('INVALID_METHOD', `Invalid method "${String(method)}": the audit sends only GET or HEAD (and OPTIONS preflights).`);
	}

	const positive = (name: string, value: unknown, fallback: number) => {
		const result = value ?? fallback;
		if (typeof result !== 'number' || !Number.isInteger(result) || result <= 0) {
			throw new CheckInputError('INVALID_OPTION', `The \`${name}\` option must be a positive integer.`);
		}

		return result;
	};

	return {
		url: parseTarget(url),
		trusted: [...new Set(options.origins.map(origin => parseOrigin(origin)))],
		method,
		timeout: positive('timeout', options.timeout, 10_000),
		concurrency: positive('concurrency', options.concurrency, 4),
		transport: options.transport ?? (options.fetch ? fetchTransport(options.fetch) : nodeTransport),
	};
}

function requestFor(options: NormalizedAuditOptions, origin: string, probe: ProbeKind): {wire: TransportRequest; exchange: Omit<AuditExchange, 'status' | 'headers'>} {
	const headers: Array<[string, string]> = [['Origin', origin], ['Accept', '*/*']];
	if (probe === 'preflight') {
		headers.push(['Access-Control-Request-Method', PREFLIGHT_METHOD], ['Access-Control-Request-Headers', PREFLIGHT_HEADERS]);
		return {
			wire: {url: options.url.href, method: 'OPTIONS', headers, timeout: options.timeout},
			exchange: {probe, request: {method: 'OPTIONS', origin, credentials: false, accessControlRequestMethod: PREFLIGHT_METHOD, accessControlRequestHeaders: PREFLIGHT_HEADERS}},
		};
	}

	const credentials = probe === 'actual-credentialed';
	if (credentials) {
		headers.push(['Cookie', AUDIT_COOKIE]);
	}

	return {wire: {url: options.url.href, method: options.method, headers, timeout: options.timeout}, exchange: {probe, request: {method: options.method, origin, credentials}}};
}

const isCorsHeader = (name: string) => {
	const lower = name.toLowerCase();
	return lower.startsWith('access-control-') || lower === 'vary';
};

async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = Array.from({length: items.length});
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!);
		}
	};

	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

const PROBES: readonly ProbeKind[] = ['actual', 'actual-credentialed', 'preflight'];

/**
Audits a URL for CORS configurations that are too permissive: sends requests with crafted `Origin` values (an unrelated site,
`null`, and suffix, prefix, sibling-subdomain, http, unescaped-regex-dot, case and port variants of each trusted origin), each
as a plain GET (or HEAD), a GET with a dummy cookie, and a preflight (`OPTIONS` with `Access-Control-Request-Method: PUT`),
and reports every origin the server trusts that it should not, with a severity, the evidence and the fix.
Only `OPTIONS` and `GET`/`HEAD` are sent: nothing the audit does can change data on a well-behaved server.
Throws `CheckInputError` for bad input and `CheckNetworkError` when the URL does not answer.

@example
```
import {auditCors} from 'cors-doctor/node';

const result = await auditCors('https://api.example.com/me', {origins: ['https://app.example.com']});
if (!result.ok) {
	for (const finding of result.findings) console.log(`${finding.severity} ${finding.id}: ${finding.message}\n  fix: ${finding.fix}`);
}
```
*/
export async function auditCors(url: string | URL, options: AuditCorsOptions): Promise<AuditResult> {
	const normalized = normalize(url, options);
	// The trusted origins go first as a baseline: if they are not granted either, the URL or --origin is wrong.
	const subjects: CraftedOrigin[] = [
		...normalized.trusted.map(origin => ({kind: 'unrelated' as const, origin, trusted: origin})),
		...craftOrigins(normalized.trusted),
	];
	const baselineCount = normalized.trusted.length;
	const jobs = subjects.flatMap((subject, index) => PROBES.map(probe => ({index, probe, ...requestFor(normalized, subject.origin, probe)})));
	const observed = await pool(jobs, normalized.concurrency, async job => {
		const response = await normalized.transport(job.wire);
		const exchange: AuditExchange = {...job.exchange, status: response.status, headers: response.headers.filter(([name]) => isCorsHeader(name))};
		return {index: job.index, observation: {probe: job.probe, exchange, response} satisfies Observation};
	});

	const perSubject = subjects.map((_, index) => observed.filter(item => item.index === index).map(item => item.observation));
	const notes: string[] = [];
	for (const [index, origin] of normalized.trusted.entries()) {
		const observations = perSubject[index]!;
		if (!observations.some(observation => observation.probe === 'actual' && grants(observation, origin, false))) {
			notes.push(`The trusted origin ${origin} itself is not granted by the ${normalized.method} response: check the URL and --origin, or the audit proves little.`);
		}

		const redirect = observations.find(observation => observation.response.status >= 300 && observation.response.status < 400);
		if (redirect) {
			notes.push(`The URL answered ${redirect.response.status} (a redirect); the audit judges that response only. Audit the redirect target too.`);
		}
	}

	const findings: AuditFinding[] = [];
	for (const [index, subject] of subjects.entries()) {
		if (index < baselineCount) {
			continue;
		}

		const verdict = judge(subject, perSubject[index]!);
		if (verdict.finding) {
			findings.push(verdict.finding);
		}

		if (verdict.note) {
			notes.push(verdict.note);
		}
	}

	findings.sort(bySeverity);
	return {ok: findings.length === 0, url: normalized.url.href, trusted: normalized.trusted, findings, notes: [...new Set(notes)], requests: jobs.length};
}
