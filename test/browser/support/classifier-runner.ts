import type {LoggedRequest, ScenarioServer} from '../../support/scenario-server';
import {scenario} from '../../support/scenarios';
import {BUNDLE_ENTRY, CLASSIFIER_PAGE, CSP_PAGE} from './bundle';
import type {ClassifierCase} from './classifier-expectations';
import type {BrowserSession} from './session';

/** Every header value the page sends is secret: no probe may ever repeat it. Also set as a cookie on the loopback host. */
export const SECRET = 'SECRET-123';

/** The probe budget per failure (DESIGN.md section 6: reach, simple, simple-manual, credentialed, four headers). */
export const PROBE_BUDGET = 8;

/** Same-origin request the page sends once the original has failed and before the first probe: splits the server log. */
export const MARKER = '/__probe-marker';

/** What the page saw. `probeFetches`: calls the library made to `fetch` after the original (the probes). */
export interface PageResult {
	readonly kind: 'cors' | 'success' | 'error';
	readonly code?: string;
	readonly confidence?: string;
	readonly names?: string[];
	readonly unprobed?: string[];
	readonly reason?: string | null;
	/** The evidence entries that are this diagnosis's own probes (not the original request or earlier knowledge). */
	readonly evidence?: number;
	readonly alternatives?: string[];
	/** `probe:outcome` of every evidence entry (e.g. `credentialed:timeout`). */
	readonly outcomes?: string[];
	readonly mayHaveRun?: boolean;
	readonly typeError?: boolean;
	readonly name?: string;
	readonly message?: string;
	readonly status?: number;
	readonly probeFetches: number;
	readonly ms: number;
}

export interface CaseRun {
	readonly url: string;
	readonly init: RequestInit;
	readonly result: PageResult;
	/** Requests the warm-up and the original caused (API and third origins only). */
	readonly original: LoggedRequest[];
	/** Requests after the marker: the probes. */
	readonly probes: LoggedRequest[];
	/** The endpoint resets connections (engines may retry those on their own). */
	readonly resets: boolean;
	/** Chromium: CDP's CORS reason for the original request; `undefined` in other engines. */
	readonly cdpReason?: string | null;
}

// Runs in the page (also used by the middleware suites). The injected fetch is the native one; it only counts calls and, before the first probe, sends the
// marker, so the server log splits into "original" and "probes" without delaying the original's rejection (the CSP
// event must still arrive after it, as in an app).
export const PAGE_RUN = `async ({entry, url, init, options, warmup, primer, via, timeout, marker, cookie}) => {
	const cd = await import(entry);
	document.cookie = cookie;
	if (primer) await cd.createCorsFetch({probes: false})(primer, {cache: 'no-store'}).catch(() => {});
	const native = globalThis.fetch.bind(globalThis);
	const direct = warmup ? 2 : 1;
	let calls = 0;
	let mark;
	const fetch = (input, i) => {
		if (++calls <= direct) return native(input, i);
		mark ??= native(marker, {cache: 'no-store'}).then(r => r.arrayBuffer(), () => {});
		return mark.then(() => native(input, i));
	};
	const start = performance.now();
	const done = value => ({...value, probeFetches: Math.max(0, calls - direct), ms: Math.round(performance.now() - start)});
	try {
		const corsFetch = cd.createCorsFetch({...options, fetch});
		if (warmup) await (await corsFetch(warmup.url, warmup.init)).arrayBuffer();
		const signal = timeout ? AbortSignal.timeout(timeout) : undefined;
		if (via === 'client') {
			await cd.createClient({...options, fetch, retry: 0}).get(url, init).json();
			return done({kind: 'success'});
		}
		const response = await corsFetch(url, {...init, signal});
		await response.arrayBuffer();
		return done({kind: 'success', status: response.status});
	} catch (error) {
		if (cd.isCorsError(error)) {
			const e = cd.getCorsError(error);
			return done({kind: 'cors', code: e.code, confidence: e.confidence, names: [...e.names], unprobed: [...e.unprobed], reason: e.reason ?? null,
				evidence: e.evidence.filter(p => !p.from).length, outcomes: e.evidence.map(p => p.probe + ':' + p.outcome), alternatives: e.alternatives.map(a => a.code), mayHaveRun: e.mayHaveRun,
				typeError: e instanceof TypeError, name: e.name, message: e.message});
		}
		return done({kind: 'error', name: error.name, message: error.message, typeError: error instanceof TypeError});
	}
}`;

const secretHeaders = (headers: Readonly<Record<string, string>> = {}): Record<string, string> =>
	Object.fromEntries(Object.keys(headers).map(name => [name, SECRET]));

/** The URL and init the page sends for `entry`. Header values are all `SECRET`. */
export function requestFor(entry: ClassifierCase, server: ScenarioServer): {url: string; init: RequestInit} {
	const table = scenario(entry.scenario ?? entry.name);
	const endpoint = new URL(server.url(table.name));
	const url = entry.target === 'refused' ? `${server.refusedUrl}x`
		: entry.target === 'ftp' ? `ftp://${endpoint.host}${endpoint.pathname}`
			: entry.target === 'mapped-ipv6' ? new URL(endpoint.pathname, `http://[::ffff:127.0.0.1]:${endpoint.port}`).href
				: endpoint.href;
	const init: RequestInit = {
		method: table.request.method,
		headers: secretHeaders(table.request.headers),
		credentials: table.request.credentials ?? 'same-origin',
		cache: 'no-store',
		...entry.init,
	};
	return {url, init};
}

/** The page a case runs on. Switch only when needed: navigation costs a round trip per case. */
export const pageFor = (entry: ClassifierCase, server: ScenarioServer) =>
	// A fresh CSP document per case: the library's CSP listener is page-global, so one case must not prime the next.
	server.page + (entry.csp ? `${CSP_PAGE}?case=${entry.name}` : CLASSIFIER_PAGE);

async function cdpReason(session: BrowserSession, url: string, expectOne: boolean): Promise<string | null> {
	// CDP events travel apart from the page's result: poll briefly when one is expected. The original failed before any
	// probe was sent, so the first event for the URL is the original's.
	const deadline = Date.now() + (expectOne ? 1000 : 50);
	for (;;) {
		const found = session.cdpCorsErrors!().find(event => event.url === url);
		if (found || Date.now() >= deadline) {
			return found?.corsError ?? null;
		}

		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

/**
Runs one case in `session` (already on `pageFor(entry)`) with a fresh `createCorsFetch` instance, so no verdict cache,
dedupe or rate limit carries over between cases. Returns what the page saw and the server log split at the marker.
*/
export async function runCase(session: BrowserSession, server: ScenarioServer, entry: ClassifierCase, options: {expectCdp?: boolean} = {}): Promise<CaseRun> {
	const {url, init} = requestFor(entry, server);
	const primer = entry.primer ? `${requestFor({name: entry.primer, expect: {success: true}}, server).url}?primer` : undefined;
	const warmup = entry.warmup ? requestFor({name: entry.warmup, expect: {success: true}}, server) : undefined;
	server.clear();
	session.clearCdp?.();
	const result = await session.evaluate<PageResult>(PAGE_RUN, {
		entry: BUNDLE_ENTRY,
		url,
		init,
		options: entry.options ?? {},
		warmup,
		primer,
		via: entry.via,
		timeout: entry.timeout ?? 0,
		marker: MARKER,
		cookie: `session=${SECRET}; path=/`,
	});
	// Late probe requests (a probe aborted by the page may still be arriving) must be in the log: let it settle.
	await new Promise(resolve => setTimeout(resolve, 30));
	const log = [...server.log];
	const split = log.findIndex(request => request.path === MARKER);
	const remote = (requests: LoggedRequest[]) => requests.filter(request => request.origin !== 'page');
	const original = remote(split < 0 ? log : log.slice(0, split));
	const probes = remote(split < 0 ? [] : log.slice(split + 1));
	const reason = session.cdpCorsErrors ? await cdpReason(session, url, options.expectCdp ?? result.kind !== 'success') : undefined;
	const {options: answers} = scenario(entry.scenario ?? entry.name);
	const resets = Boolean(answers.actual?.destroy ?? answers.preflight?.destroy);
	return {url, init, result, original, probes, resets, ...(reason !== undefined && {cdpReason: reason})};
}

/**
Everything unsafe in a probe wave, as readable lines (empty = safe): probes are GET/HEAD or OPTIONS preflights only, carry
no body, never repeat a secret header value or the query, carry cookies only when the original did, and stay within the budget.
*/
export function probeViolations(run: CaseRun): string[] {
	const problems: string[] = [];
	const credentialed = run.init.credentials === 'include';
	const path = new URL(run.url).pathname;
	for (const request of run.probes) {
		const what = `${request.method} ${request.origin}${request.path}`;
		const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
		if (request.method !== 'GET' && request.method !== 'HEAD' && !preflight) {
			problems.push(`${what}: method not allowed for a probe`);
		}

		if (request.bodyLength !== 0) {
			problems.push(`${what}: body of ${request.bodyLength} bytes`);
		}

		for (const [name, value] of Object.entries(request.headers)) {
			if (name !== 'cookie' && value.includes(SECRET)) {
				problems.push(`${what}: repeats the secret value of ${name}`);
			}
		}

		if (request.headers.cookie !== undefined && !credentialed) {
			problems.push(`${what}: sends cookies the original did not`);
		}
	}

	const actual = run.probes.filter(request => request.method !== 'OPTIONS' && request.path === path).length;
	const preflights = run.probes.filter(request => request.method === 'OPTIONS').length;
	// Firefox silently retries a request whose connection is reset (up to ~10 times): there only the page-side count binds.
	const serverSide = !run.resets && (actual > PROBE_BUDGET || preflights > PROBE_BUDGET);
	if (serverSide || run.result.probeFetches > PROBE_BUDGET) {
		problems.push(`over the budget: ${run.result.probeFetches} probe fetches, ${actual} requests, ${preflights} preflights`);
	}

	return problems;
}
