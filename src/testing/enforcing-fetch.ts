import type {Phase} from '../codes.js';
import {corsCheck} from '../rules/cors-check.js';
import {explainRequest} from '../rules/explain.js';
import {isForbiddenRequestHeader, safelistedHeaderReason} from '../rules/headers.js';
import {getHeader} from '../rules/http.js';
import {isMixedContent, originOf} from '../rules/origin.js';
import {preflightCheck} from '../rules/preflight.js';
import {checkRedirect, serializeRequestOrigin} from '../rules/redirect.js';
import type {CheckedRequest, CredentialsMode, RawResponse, SpecFailure} from '../rules/types.js';
import {ENGINE_MESSAGES, type Engine} from './engine.js';
import {toHandlerFunction, type CorsTestHandler, type RequestHandlerFunction} from './handler.js';
import {filteredResponse} from './responses.js';

/** Why the testing fetch refused a request: the rule, and which response broke it. */
export interface CorsBlock {
	/** The URL of the hop that failed (query included: this stays in the test process). */
	readonly url: string;
	readonly phase: Phase | 'policy';
	readonly failure: SpecFailure;
}

export interface CorsEnforcingFetchOptions {
	/** The origin of the imaginary page, e.g. `https://app.example.com`. Relative URLs resolve against it. */
	readonly pageOrigin: string;
	/** The server: a function `(request) => Response`, or an msw handler list (msw is an optional peer dependency). */
	readonly handler: CorsTestHandler;
	/** Whose rejection message and spec departures to imitate. Default `chromium`. */
	readonly engine?: Engine;
	/** Called with the rule that blocked a request, before the fetch rejects (a browser would log it to the console). */
	readonly onBlock?: (block: CorsBlock) => void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
const NO_CORS_HEADER_NAMES = new Set(['accept', 'accept-language', 'content-language', 'content-type']);
const REQUEST_BODY_HEADERS = new Set(['content-encoding', 'content-language', 'content-location', 'content-type']);
type Lines = Array<[string, string]>;

/** Thrown inside the loop; becomes the engine's `TypeError` at the edge. */
class Blocked extends Error {
	constructor(readonly block?: CorsBlock, override readonly cause?: unknown) {
		super('blocked');
	}
}

function normalizeOptions(options: CorsEnforcingFetchOptions) {
	if (typeof options !== 'object' || options === null) {
		throw new TypeError('createCorsEnforcingFetch needs an options object: {pageOrigin, handler}');
	}

	const {pageOrigin, engine = 'chromium', onBlock} = options;
	let origin: string;
	try {
		origin = originOf(pageOrigin);
	} catch {
		throw new TypeError(`The \`pageOrigin\` option must be an origin such as "https://app.example.com", got "${String(pageOrigin)}"`);
	}

	if (origin === 'null') {
		throw new TypeError(`The \`pageOrigin\` option must be an http(s) origin, got "${pageOrigin}"`);
	}

	if (!Object.hasOwn(ENGINE_MESSAGES, engine)) {
		throw new TypeError(`The \`engine\` option must be "chromium", "firefox" or "webkit", got "${String(engine)}"`);
	}

	if (onBlock !== undefined && typeof onBlock !== 'function') {
		throw new TypeError('The `onBlock` option must be a function');
	}

	return {pageOrigin: origin, engine, onBlock, handle: toHandlerFunction(options.handler)};
}

// The header list `new Headers()` keeps under the request (or request-no-cors) guard. The rules decide; this only applies them.
function guardedHeaders(request: Request, mode: RequestMode): Lines {
	const kept: Lines = [];
	for (const [name, value] of request.headers) {
		if (isForbiddenRequestHeader(name, value)) {
			continue;
		}

		if (mode === 'no-cors' && (!NO_CORS_HEADER_NAMES.has(name) || safelistedHeaderReason(name, value) !== undefined)) {
			continue;
		}

		kept.push([name, value]);
	}

	return kept;
}

async function rawOf(response: unknown): Promise<Response & {raw: RawResponse}> {
	if (!(response instanceof Response)) {
		// A test bug, not a network failure: say so loudly instead of imitating the browser.
		throw new TypeError(`cors-doctor/testing: the handler must return a Response, got ${response === null ? 'null' : typeof response}`);
	}

	return Object.assign(response, {raw: {status: response.status, headers: [...response.headers] as Lines}});
}

/** A spec departure the chosen engine is known to make in the caller's favour (e.g. `*` covering Authorization). */
const engineLetsThrough = (failure: SpecFailure, engine: Engine) =>
	failure.engines?.some(note => note.engine === engine && note.behaviour === 'passes') ?? false;

/**
A `fetch` for unit tests that enforces CORS the way a browser on `pageOrigin` does, in front of any handler: the preflight
when one is needed (with `Origin`, `Access-Control-Request-Method` and `-Headers`), the CORS check on every response and
redirect hop (with the redirect taint and credentials rules), `mode: 'no-cors'` opacity, `redirect` modes, and only the
safelisted and exposed response headers readable. A blocked request rejects with the engine's opaque `TypeError`, so an
app's CORS error handling (and cors-doctor's own classifier) can be tested in plain Node.

The rules are the ones `cors-doctor/node` checks with (`rules/`). Not imitated: cookies, the preflight cache, CSP, and
timing. Unmatched msw routes answer 404 without CORS headers, as a server without that route would.

@example
```
import {http, HttpResponse} from 'msw';
import {createCorsEnforcingFetch} from 'cors-doctor/testing';

const fetch = createCorsEnforcingFetch({
	pageOrigin: 'https://app.example.com',
	handler: [http.get('https://api.example.com/items', () => HttpResponse.json([]))],
});
await fetch('https://api.example.com/items'); // rejects: TypeError: Failed to fetch (no Access-Control-Allow-Origin)
```
*/
export function createCorsEnforcingFetch(options: CorsEnforcingFetchOptions): typeof globalThis.fetch {
	const {pageOrigin, engine, onBlock, handle} = normalizeOptions(options);

	return async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
		// Throws the TypeErrors `new Request()` throws (bad URL, forbidden method, a body on GET, ...).
		const explained = explainRequest(input as string | URL | Request, init, pageOrigin);
		const request = input instanceof Request ? new Request(input, init) : new Request(explained.url, init);
		const signal = init.signal ?? (input instanceof Request ? input.signal : undefined);
		signal?.throwIfAborted();
		try {
			return await run(explained.url, request, signal ?? undefined, {
				mode: explained.mode,
				credentials: explained.credentials,
				redirect: init.redirect ?? (input instanceof Request ? input.redirect : 'follow'),
				streaming: explained.reasons.some(reason => reason.kind === 'streaming-body'),
			});
		} catch (error) {
			if (signal?.aborted) {
				throw signal.reason;
			}

			if (!(error instanceof Blocked)) {
				throw error;
			}

			if (error.block) {
				onBlock?.(error.block);
			}

			throw new TypeError(ENGINE_MESSAGES[engine], error.cause === undefined ? undefined : {cause: error.cause});
		}
	};

	async function send(handler: RequestHandlerFunction, request: Request, signal: AbortSignal | undefined) {
		let response: unknown;
		const abort = signal ? aborted(signal) : undefined;
		try {
			const pending = Promise.resolve().then(async () => handler(request));
			response = await (abort ? Promise.race([pending, abort.promise]) : pending);
		} catch (error) {
			if (signal?.aborted) {
				throw signal.reason;
			}

			// The server was unreachable, reset the connection, or the handler threw: a network error, like in a browser.
			throw new Blocked(undefined, error);
		} finally {
			abort?.dispose();
		}

		return rawOf(response);
	}

	async function run(
		startUrl: string,
		request: Request,
		signal: AbortSignal | undefined,
		o: {mode: RequestMode; credentials: CredentialsMode; redirect: RequestRedirect; streaming: boolean},
	): Promise<Response> {
		let url = startUrl;
		let method = request.method;
		let headers = guardedHeaders(request, o.mode);
		// Read once: 307/308 send it again to the next hop.
		let body: ArrayBuffer | null = request.body ? await request.arrayBuffer() : null;
		let tainted = false;
		let tainting: 'basic' | 'cors' | 'opaque' = 'basic';
		let redirects = 0;
		const block = (phase: CorsBlock['phase'], failure: SpecFailure) => new Blocked({url, phase, failure});

		for (;;) {
			const current = new URL(url);
			if (isMixedContent(pageOrigin, current)) {
				throw block('policy', {code: 'MIXED_CONTENT', seen: current.protocol, expected: 'https: (the page is https)'});
			}

			// Main fetch: same-origin and untainted stays basic; otherwise the mode decides.
			const sameOrigin = tainting === 'basic' && current.origin === pageOrigin;
			if (!sameOrigin) {
				if (o.mode === 'same-origin') {
					throw block('policy', {code: 'MODE_SAME_ORIGIN', seen: current.origin, expected: pageOrigin});
				}

				if (o.mode === 'no-cors') {
					if (o.redirect !== 'follow') {
						throw block('policy', {code: 'NO_CORS_REDIRECT_MODE', seen: o.redirect, expected: 'follow'});
					}

					tainting = 'opaque';
				} else if (current.protocol !== 'http:' && current.protocol !== 'https:') {
					throw block('policy', {code: 'SCHEME_NOT_SUPPORTED', seen: current.protocol, expected: 'http: or https:'});
				} else {
					tainting = 'cors';
				}
			}

			const origin = serializeRequestOrigin(pageOrigin, tainted);
			let checked: CheckedRequest | undefined;
			if (tainting === 'cors') {
				// Re-explained per hop: a 303 turns the request into a GET without body headers, which may need no preflight.
				// Page origin 'null': once response tainting is cors, even a hop back to the page origin is a CORS request.
				const hop = explainRequest(url, {method, headers, mode: 'cors', credentials: o.credentials}, 'null');
				checked = {origin, credentials: o.credentials, method: hop.method, headers: hop.requestHeaders, useCorsPreflight: o.streaming};
				if (hop.preflight || o.streaming) {
					await preflight(url, checked, signal, block);
				}
			}

			// Browsers send Origin on CORS requests and on every non-GET/HEAD request.
			const sent: Lines = tainting === 'cors' || (method !== 'GET' && method !== 'HEAD') ? [...headers, ['Origin', origin]] : headers;
			const response = await send(handle, new Request(url, {method, headers: sent, body, redirect: 'manual', credentials: o.credentials, ...(signal ? {signal} : {})}), signal);
			const location = getHeader(response.raw, 'location');
			const isRedirect = REDIRECTS.has(response.status) && location !== null;
			if (checked) {
				const failure = corsCheck(response.raw, checked);
				if (failure && !engineLetsThrough(failure, engine)) {
					await response.body?.cancel();
					throw block(isRedirect ? 'redirect' : 'actual', failure);
				}
			}

			if (!isRedirect || o.redirect === 'manual') {
				if (isRedirect) {
					await response.body?.cancel();
				}

				const type = isRedirect ? 'opaqueredirect' : tainting;
				return filteredResponse(type, {...response.raw, statusText: response.statusText, body: response.body}, {url, redirected: redirects > 0, credentials: o.credentials});
			}

			await response.body?.cancel();
			if (o.redirect === 'error') {
				throw block('redirect', {code: 'REDIRECT_NOT_ALLOWED', header: 'location', seen: location, expected: 'no redirect (`redirect: \'error\'`)', detail: 'redirect-mode-error'});
			}

			if (++redirects > MAX_REDIRECTS) {
				throw block('redirect', {code: 'REDIRECT_NOT_ALLOWED', header: 'location', seen: `${redirects} redirects`, expected: `at most ${MAX_REDIRECTS}`, detail: 'too-many-redirects'});
			}

			// Measured in Chromium 156: a redirect to a user:password@ URL fails even in no-cors mode (the spec only refuses it in cors).
			const ruleMode = engine === 'chromium' && o.mode === 'no-cors' ? 'cors' : o.mode;
			const next = checkRedirect({from: url, location, status: response.status}, {requestOrigin: pageOrigin, tainted, mode: ruleMode});
			if (next.failure) {
				throw block('redirect', next.failure);
			}

			// HTTP-redirect fetch: 303 (and 301/302 after POST) become a bodiless GET; leaving the origin drops Authorization.
			if ((response.status === 303 && method !== 'GET' && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST')) {
				method = 'GET';
				body = null;
				headers = headers.filter(([name]) => !REQUEST_BODY_HEADERS.has(name));
			}

			if (new URL(next.next!).origin !== current.origin) {
				headers = headers.filter(([name]) => name !== 'authorization');
			}

			url = next.next!;
			tainted = next.tainted;
		}
	}

	async function preflight(url: string, checked: CheckedRequest, signal: AbortSignal | undefined, block: (phase: Phase, failure: SpecFailure) => Blocked) {
		const lines: Lines = [['Accept', '*/*'], ['Origin', checked.origin], ['Access-Control-Request-Method', checked.method!]];
		if (checked.headers!.length > 0) {
			// Sorted, lowercase, comma-joined without spaces: explainRequest already serialized the list that way.
			lines.push(['Access-Control-Request-Headers', checked.headers!.join(',')]);
		}

		// The preflight never carries credentials, whatever the request's mode.
		const response = await send(handle, new Request(url, {method: 'OPTIONS', headers: lines, redirect: 'manual', credentials: 'omit', ...(signal ? {signal} : {})}), signal);
		await response.body?.cancel();
		const failure = preflightCheck(response.raw, checked).find(found => !engineLetsThrough(found, engine));
		if (failure) {
			throw block('preflight', failure);
		}
	}
}

// Rejects when `signal` aborts; `dispose` removes the listener so a later abort leaves no dangling rejection.
function aborted(signal: AbortSignal): {promise: Promise<never>; dispose: () => void} {
	let listener = () => {};
	const promise = new Promise<never>((_resolve, reject) => {
		listener = () => {
			reject(signal.reason);
		};

		if (signal.aborted) {
			listener();
		}

		signal.addEventListener('abort', listener, {once: true});
	});
	return {promise, dispose: () => signal.removeEventListener('abort', listener)};
}
