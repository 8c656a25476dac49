import type {CorsCode} from '../../../src/codes';
import {CHROMIUM_CORS_ERRORS} from '../../../src/node/chromium';
import type {LoggedRequest, ScenarioServer} from '../../support/scenario-server';
import {type Scenario, scenario} from '../../support/scenarios';
import {SECRET} from './classifier-runner';

/** Default `probeBudget` of `corsFetch` (docs/probes.md): probes per target origin in any 60 s. */
export const ORIGIN_BUDGET = 60;

/** Every dummy header value a probe sends contains this (src/core/plan.ts), never a real value. */
const PROBE_DUMMY = 'cors-doctor-probe';

/** The most probes one diagnosed failure may send (DESIGN.md section 6). */
export const WAVE_BUDGET = 8;

const mapping = CHROMIUM_CORS_ERRORS as Readonly<Record<string, {code: CorsCode; inferred: readonly CorsCode[]}>>;

/**
An app's `/items/:id` route that forgot CORS: every id answers 200 without `Access-Control-Allow-Origin`. Served through the
scenario server's `<route>/*` fallback, so 30 ids are 30 URLs of one misconfigured route.
*/
export const ITEMS_ROUTE: Scenario = {
	name: 'items/*',
	description: 'An /items/:id route without CORS headers, on an origin whose other routes grant CORS.',
	request: {method: 'GET'},
	options: {actual: {}},
	expect: {checker: ['ALLOW_ORIGIN_MISSING'], chromium: 'MissingAllowOriginHeader', browserOk: false},
};

/** The SPA's endpoints on its one API origin: good ones, several misconfigured in different ways, and a reset. */
export const SPA_ENDPOINTS = [
	'good-simple-get',
	'good-credentialed-get',
	'good-preflight-put',
	'good-preflight-get-header',
	'header-not-exposed',
	'allow-origin-missing',
	'allow-origin-mismatch',
	'allow-origin-multiple-lines',
	'wildcard-with-credentials',
	'allow-credentials-missing',
	'error-500-without-cors',
	'error-401-without-cors',
	'preflight-404-without-cors',
	'preflight-redirect',
	'method-not-allowed-any-header',
	'header-not-allowed',
	'redirect-to-third-without-cors',
	'network-socket-destroyed',
] as const;

/** What the page sends for one call, and what the scenario table recorded about it. */
export interface SpaCall {
	readonly key: string;
	readonly url: string;
	readonly init: RequestInit;
	/** The scenario (table entry) behind the URL; `refused` for the closed port. */
	readonly scenario: string;
	/** The table's recorded Chromium reason (`null`: success or a network failure). */
	readonly recorded: string | null;
	readonly outcome: 'success' | 'cors' | 'network';
}

/** What the page saw for one call. */
export interface SpaResult {
	readonly key: string;
	readonly url: string;
	readonly kind: 'success' | 'cors' | 'error';
	readonly status?: number;
	/** The Response corsFetch returned is the very one the native fetch resolved with. */
	readonly same?: boolean;
	readonly code?: string;
	readonly confidence?: string;
	readonly alternatives?: string[];
	readonly mayHaveRun?: boolean;
	readonly reason?: string | null;
	/** `probe:outcome[@from]` for each evidence entry. */
	readonly evidence?: string[];
	readonly name?: string;
	readonly message?: string;
}

const callFor = (server: ScenarioServer, entry: Scenario, url: string, key: string): SpaCall => {
	const {method, headers = {}, credentials} = entry.request;
	// Every header value is the secret, and unsafe methods carry a body: no probe may repeat either.
	const init: RequestInit = {
		method,
		headers: Object.fromEntries(Object.keys(headers).map(name => [name, SECRET])),
		credentials: credentials ?? 'same-origin',
		cache: 'no-store',
		...(method !== 'GET' && method !== 'HEAD' && {body: 'payload'}),
	};
	const network = entry.options.actual?.destroy === true;
	return {
		key,
		url,
		init,
		scenario: entry.name,
		recorded: entry.expect.chromium,
		outcome: entry.expect.browserOk ? 'success' : network ? 'network' : 'cors',
	};
};

/**
The page's calls for one run: `load` fires together (page load, a bad deploy failing everything at once: every endpoint,
30 ids of the items route and a refused port), `sequence` one after another (every endpoint again and 10 other ids).
`tag` makes every URL unique to the run (no preflight cache or verdict carries over between runs).
*/
export function spaCalls(server: ScenarioServer, tag: string): {load: SpaCall[]; sequence: SpaCall[]} {
	const phase = (name: string, ids: number[]) => [
		...SPA_ENDPOINTS.map(endpoint => callFor(server, scenario(endpoint), `${server.url(endpoint)}?spa=${tag}-${name}`, `${name} ${endpoint}`)),
		...ids.map(id => callFor(server, ITEMS_ROUTE, `${server.api}/s/items/${id}?spa=${tag}-${name}`, `${name} items/${id}`)),
		{...callFor(server, scenario('good-simple-get'), `${server.refusedUrl}spa?spa=${tag}-${name}`, `${name} refused`), scenario: 'refused', outcome: 'network' as const},
	];
	return {
		load: phase('load', Array.from({length: 30}, (_, index) => index + 1)),
		sequence: phase('sequence', Array.from({length: 10}, (_, index) => index + 101)),
	};
}

/**
Runs in the page: `control` sends every call through the native fetch (the traffic the app itself causes); otherwise through
the DEFAULT `corsFetch` singleton of the built bundle. `globalThis.fetch` is wrapped only to remember the first Response per
URL, so a success can be checked to be the very Response the native fetch gave.
*/
export const SPA_RUN = `async ({entry, load, sequence, control, cookie}) => {
	document.cookie = cookie;
	const cd = await import(entry);
	const native = globalThis.fetch;
	const responses = new Map();
	globalThis.fetch = function (input, init) {
		const promise = native.call(globalThis, input, init);
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		promise.then(response => { if (!responses.has(url)) responses.set(url, response); }, () => {});
		return promise;
	};
	const send = control ? (url, init) => native.call(globalThis, url, init) : cd.corsFetch;
	const one = async ({key, url, init}) => {
		try {
			const response = await send(url, init);
			const same = response === responses.get(url);
			await response.arrayBuffer();
			return {key, url, kind: 'success', status: response.status, same};
		} catch (error) {
			if (cd.isCorsError(error)) {
				const e = cd.getCorsError(error);
				return {key, url, kind: 'cors', code: e.code, confidence: e.confidence, alternatives: e.alternatives.map(a => a.code),
					mayHaveRun: e.mayHaveRun, reason: e.reason ?? null, name: e.name, message: e.message,
					evidence: e.evidence.map(p => p.probe + (p.sent.header ? '[' + p.sent.header + ']' : '') + ':' + p.outcome + (p.from ? '@' + p.from : ''))};
			}
			return {key, url, kind: 'error', name: error.name, message: error.message};
		}
	};
	try {
		const loaded = await Promise.all(load.map(one));
		const sequential = [];
		for (const call of sequence) sequential.push(await one(call));
		return [...loaded, ...sequential];
	} finally {
		globalThis.fetch = native;
	}
}`;

/**
Whether the classifier's answer fits Chromium's reason for the same failure: its code is the reason's mapped code or one
the classifier may infer for it, or, where it honestly cannot tell (`possible`), one of its alternatives is.
*/
export function fitsReason(reason: string, result: Pick<SpaResult, 'code' | 'confidence' | 'alternatives'>): boolean {
	const info = mapping[reason];
	if (!info) {
		return false;
	}

	const allowed: readonly string[] = [info.code, ...info.inferred];
	return allowed.includes(result.code ?? '')
		|| (result.confidence === 'possible' && (result.alternatives ?? []).some(code => allowed.includes(code)));
}

/** Requests per `origin path` key (API and third origins: the page origin serves only the page and the bundle). */
export function countBy(log: readonly LoggedRequest[], pick: (request: LoggedRequest) => boolean = () => true): Map<string, number> {
	const counts = new Map<string, number>();
	for (const request of log) {
		if (request.origin !== 'page' && pick(request)) {
			const key = `${request.origin} ${request.method} ${request.path}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
	}

	return counts;
}

const UNSAFE_SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
What the probes added to the server log, and every probe-safety rule checked on the server's side: the run's log minus the
control's (the app's own traffic, same calls through the native fetch), per origin, method and path.
- probes are GET/HEAD or OPTIONS preflights: no extra request of any other method, every OPTIONS carries ACRM;
- no extra request with a body, none repeating a secret header value;
- no cookie on a path whose original request did not send credentials.
`skipPaths`: paths whose own retries make the counts noisy (Firefox silently retries a reset connection up to ~10 times).
*/
export function probeTraffic(run: readonly LoggedRequest[], control: readonly LoggedRequest[], uncredentialedPaths: ReadonlySet<string>, skipPaths: ReadonlySet<string> = new Set()) {
	const violations: string[] = [];
	const diff = (pick: (request: LoggedRequest) => boolean) => {
		const after = countBy(run, pick);
		const before = countBy(control, pick);
		const extra = new Map<string, number>();
		for (const key of new Set([...after.keys(), ...before.keys()])) {
			const path = key.split(' ')[2]!;
			if (!skipPaths.has(path)) {
				extra.set(key, (after.get(key) ?? 0) - (before.get(key) ?? 0));
			}
		}

		return extra;
	};

	for (const [key, count] of diff(request => !UNSAFE_SAFE.has(request.method))) {
		if (count > 0) {
			violations.push(`${key}: ${count} more than the app sent itself (probes are GET/HEAD/OPTIONS only)`);
		}
	}

	for (const [key, count] of diff(request => request.bodyLength > 0)) {
		if (count > 0) {
			violations.push(`${key}: ${count} more requests with a body than the app sent itself`);
		}
	}

	for (const [key, count] of diff(request => Object.entries(request.headers).some(([name, value]) => name !== 'cookie' && value.includes(SECRET)))) {
		if (count > 0) {
			violations.push(`${key}: ${count} more requests repeating a secret header value than the app sent itself`);
		}
	}

	for (const request of run) {
		if (request.origin === 'page') {
			continue;
		}

		if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] === undefined) {
			violations.push(`OPTIONS ${request.origin} ${request.path}: not a preflight`);
		}

		if (request.headers.cookie !== undefined && uncredentialedPaths.has(request.path)) {
			violations.push(`${request.method} ${request.origin} ${request.path}: cookies, while the original sent none`);
		}
	}

	// Probe fetches per path: each begins with an OPTIONS (preflighted) or a GET/HEAD of its own; the request after a passing
	// probe preflight carries the probe's dummy header value (src/core/plan.ts), so it is the same probe's second request.
	const perPath = new Map<string, number>();
	for (const [key, count] of diff(request => request.method === 'OPTIONS' || !Object.values(request.headers).some(value => value.includes(PROBE_DUMMY)))) {
		const [origin, , path] = key.split(' ');
		perPath.set(`${origin} ${path}`, (perPath.get(`${origin} ${path}`) ?? 0) + count);
	}

	const totals = new Map<string, number>();
	for (const [key, count] of perPath) {
		const origin = key.split(' ')[0]!;
		totals.set(origin, (totals.get(origin) ?? 0) + Math.max(0, count));
	}

	const requests = [...diff(() => true).values()].reduce((sum, count) => sum + Math.max(0, count), 0);
	return {violations, perPath, totals, requests};
}
