import {redactUrl} from '../errors/redact.js';
import type {RequestSummary} from '../errors/types.js';
import {corsUnsafeRequestHeaderNames} from '../rules/headers.js';
import {isSafelistedMethod, normalizeMethod} from '../rules/method.js';

/**
The facts of a failed request, read the way `fetch` reads `(input, init)`: `init` wins over a `Request` input (ky passes a
built `Request` and an almost empty `init`). Uses the spec's header safelist rather than `explainRequest`: the page
bundle exports explainRequest eagerly, so a bundler would hoist everything the two share into the eager chunk and break
the 3 kB budget (measured: 5.7 kB). The request already went through `fetch`, so it is valid; the cost is that a
streaming body or a Blob body's type is not counted as a preflight trigger here.
*/
export const summarize = (input: RequestInfo | URL, init: RequestInit = {}, pageOrigin: string) => {
	const request = typeof Request === 'function' && input instanceof Request ? input : undefined;
	const target = new URL(request?.url ?? String(input), pageOrigin === 'null' ? undefined : pageOrigin);
	const url = target.href;
	const method = normalizeMethod(init.method ?? request?.method ?? 'GET');
	const mode = init.mode ?? request?.mode ?? 'cors';
	const credentials = init.credentials ?? request?.credentials ?? 'same-origin';
	const cors = mode === 'cors';
	const methodPreflight = cors && !isSafelistedMethod(method);
	const headers = cors ? corsUnsafeRequestHeaderNames(new Headers(init.headers ?? request?.headers)).map(h => h.name) : [];
	const summary: RequestSummary = {
		method,
		url: redactUrl(url),
		pageOrigin,
		targetOrigin: target.origin,
		mode,
		credentials,
		preflight: methodPreflight || headers.length > 0,
		triggers: methodPreflight ? [method, ...headers] : headers,
	};
	return {
		x: {url, method, mode, credentials, methodPreflight, targetOrigin: target.origin, crossOrigin: target.origin !== pageOrigin},
		headers,
		summary,
		redirect: init.redirect ?? request?.redirect ?? 'follow',
		signal: init.signal ?? request?.signal,
	};
};
