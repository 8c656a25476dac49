import {CODE_INFO, CORS_CODES, type CorsCode} from '../codes.js';
import type {CorsErrorJSON} from '../errors/types.js';
import {safelistedHeaderReason} from '../rules/headers.js';
import {checkCors} from './check.js';
import {CHROMIUM_CORS_ERRORS} from './chromium.js';
import {CheckInputError} from './errors/CheckInputError.js';
import type {CheckCorsOptions, CheckResult, HeaderInput, Problem} from './types.js';

/**
How the certain answer relates to what the browser inferred.
- `agree`: the checker names the browser's code.
- `refine`: the checker names an exact cause the browser's (inferred, or page-policy) code covers, e.g. `ORIGIN_NOT_ALLOWED` -> `ALLOW_ORIGIN_MISMATCH`.
- `contradict`: the checker finds no problem, or one the browser's code cannot stand for (fixed since, another route, or cookies/state the replay cannot send).
*/
export type ReplayVerdict = 'agree' | 'refine' | 'contradict';

/** What `replay` rebuilt, sent, and concluded. */
export interface ReplayResult {
	/**
	True when nothing is left to fix: the checker finds no problem and the browser's code is one that headers decide. A page
	policy or misuse code (mixed content, CSP, `mode`, ...) is a certain fact about the page, so it is never ok.
	*/
	readonly ok: boolean;
	readonly verdict: ReplayVerdict;
	/** The browser's side, from the event. */
	readonly browser: {readonly code: CorsCode; readonly confidence: string; readonly names: readonly string[]};
	/** The request the checker replayed: header names only (their dummy values keep the same safelist status). */
	readonly request: {readonly url: string; readonly origin: string; readonly method: string; readonly headers: readonly string[]; readonly credentials: boolean};
	/** The checker's result; absent when the URL has a scheme CORS does not apply to (the event's own code is then certain). */
	readonly check?: CheckResult;
	/** One line on why the verdict is what it is. */
	readonly why: string;
}

/** Options of `replay`: where the replayed request goes, and how the checker sends it. */
export type ReplayOptions = Omit<CheckCorsOptions, 'origin' | 'method' | 'headers' | 'credentials'> & {
	/** Send to this URL instead of the event's (redacted) one: e.g. when templating replaced an id in the path. */
	readonly url?: string;
	/** Check for this page origin instead of the event's. */
	readonly origin?: string;
};

// Safelisted names the browser only counted as triggers because of their value: a dummy that breaks the same rule class.
const UNSAFE_DUMMIES: Readonly<Record<string, string>> = {
	accept: 'cors-doctor/"dummy"',
	'accept-language': 'cors-doctor_dummy',
	'content-language': 'cors-doctor_dummy',
	'content-type': 'application/json',
	range: 'bytes=0-1,2-3',
};

const isCode = (value: unknown): value is CorsCode => typeof value === 'string' && (CORS_CODES as readonly string[]).includes(value);

const fail = (message: string): never => {
	throw new CheckInputError('INVALID_OPTION', `Not a CorsError.toJSON() event: ${message}`);
};

function parseEvent(event: unknown): CorsErrorJSON {
	if (typeof event !== 'object' || event === null) {
		return fail('expected an object.');
	}

	const json = event as Omit<Partial<CorsErrorJSON>, 'schemaVersion'> & {schemaVersion?: number};
	// Version 1 events (logged before alternatives and mayHaveRun existed) carry everything replay reads.
	if (json.schemaVersion !== 1 && json.schemaVersion !== 2) {
		fail(`unsupported schemaVersion ${JSON.stringify(json.schemaVersion)} (this version reads 1 and 2).`);
	}

	if (!isCode(json.code)) {
		fail(`unknown code ${JSON.stringify(json.code)}.`);
	}

	const request = json.request as Partial<CorsErrorJSON['request']> | undefined;
	for (const field of ['method', 'url', 'pageOrigin', 'credentials'] as const) {
		if (typeof request?.[field] !== 'string') {
			fail(`request.${field} is missing.`);
		}
	}

	if (!Array.isArray(request!.triggers) || request!.triggers.some(trigger => typeof trigger !== 'string')) {
		fail('request.triggers must be a list of names.');
	}

	return json as CorsErrorJSON;
}

/**
The request headers to replay: every trigger that is not the method, with a dummy value that keeps it CORS-unsafe (so the
replayed preflight asks for exactly the names the browser's did).
*/
export function replayHeaders(event: Pick<CorsErrorJSON, 'request'>): HeaderInput[] {
	const {method, triggers} = event.request;
	return triggers.filter(trigger => trigger !== method).map(name => {
		const dummy = UNSAFE_DUMMIES[name.toLowerCase()];
		return dummy !== undefined && safelistedHeaderReason(name, dummy) !== undefined ? [name, dummy] as const : name;
	});
}

// The inferred codes the browser classifier may show for an exact problem: Chromium's table lists them per (code, phase).
function coveringCodes(problem: Problem): Set<CorsCode> {
	const covering = new Set<CorsCode>(['UNDETERMINED']);
	const phase = problem.phase === 'redirect' ? 'actual' : problem.phase;
	for (const info of Object.values(CHROMIUM_CORS_ERRORS)) {
		const refined = 'refinedBy' in info && (info.refinedBy as readonly CorsCode[]).includes(problem.code);
		if ((info.code === problem.code || refined) && (!('phase' in info) || info.phase === phase)) {
			for (const code of info.inferred) {
				covering.add(code);
			}
		}
	}

	// A failing hop of a redirect chain is what the classifier names REDIRECT_NOT_ALLOWED.
	if (problem.phase === 'redirect' || (problem.hop ?? 0) > 0) {
		covering.add('REDIRECT_NOT_ALLOWED');
	}

	return covering;
}

const isPageDecided = (code: CorsCode) => CODE_INFO[code][0] === 'policy' || CODE_INFO[code][0] === 'misuse';

function judge(code: CorsCode, check: CheckResult): {verdict: ReplayVerdict; why: string} {
	const codes = check.problems.map(problem => problem.code);
	if (isPageDecided(code)) {
		// A page policy (mixed content, CSP, ...) or a misuse is decided in the page: headers can only add to it.
		return check.ok
			? {verdict: 'agree', why: `${code} is decided by the page, not by headers; the URL's CORS headers are fine for this request.`}
			: {verdict: 'refine', why: `${code} is decided by the page; once it is fixed, the headers still fail with ${codes.join(', ')}.`};
	}

	if (check.ok) {
		return {verdict: 'contradict', why: 'The URL passes CORS from here now: fixed since the event, another route or method, or state the replay cannot send (cookies, auth).'};
	}

	if (codes.includes(code)) {
		return {verdict: 'agree', why: `The checker finds ${code} too.`};
	}

	const refining = check.problems.find(problem => coveringCodes(problem).has(code));
	if (refining) {
		return {verdict: 'refine', why: `${code} was the browser's inference; the headers show exactly ${refining.code} (${refining.phase}).`};
	}

	return {verdict: 'contradict', why: `The browser inferred ${code}, but the checker finds ${codes.join(', ')}.`};
}

/**
Turns a production event (a `CorsError.toJSON()` object, as logged or found in Sentry) into a certain answer: rebuilds the
request's shape (method, page origin, credentials mode, the preflight-triggering header names with dummy values), runs
`checkCors` from here against the event's URL, and sets the exact findings beside the browser's inference.

The event's URL is redacted (no query, maybe templated path segments): pass `url` to replay against the real one.

@throws {CheckInputError} The event is not a `toJSON()` object of a version this release reads.
@throws {CheckNetworkError} The URL does not answer from here.

@example
```
import {readFile} from 'node:fs/promises';
import {replay} from 'cors-doctor/node';

const result = await replay(JSON.parse(await readFile('event.json', 'utf8')));
result.verdict; //=> 'refine'
result.check?.problems[0]?.code; //=> 'ALLOW_ORIGIN_MISMATCH' (the browser said ORIGIN_NOT_ALLOWED)
```
*/
export async function replay(event: unknown, options: ReplayOptions = {}): Promise<ReplayResult> {
	const json = parseEvent(event);
	const {request} = json;
	const headers = replayHeaders(json);
	const url = options.url ?? request.url;
	const origin = options.origin ?? request.pageOrigin;
	const credentials = request.credentials === 'include';
	const {url: _url, origin: _origin, ...checkOptions} = options;
	const base = {
		browser: {code: json.code, confidence: json.confidence, names: json.names ?? []},
		request: {url, origin, method: request.method, headers: headers.map(header => typeof header === 'string' ? header : header[0]), credentials},
	};
	if (json.code === 'SCHEME_NOT_SUPPORTED' && !/^https?:/i.test(url)) {
		return {...base, ok: false, verdict: 'agree', why: `${url.split(':')[0]}: is not http(s): fetch refuses it in the page, and there are no CORS headers to check.`};
	}

	const check = await checkCors(url, {...checkOptions, origin, method: request.method, headers, credentials});
	return {...base, ...judge(json.code, check), ok: check.ok && !isPageDecided(json.code), check};
}
