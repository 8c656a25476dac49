import {redactUrl} from '../errors/redact.js';
import type {RequestSummary} from '../errors/types.js';
import {corsUnsafeRequestHeaderNames} from '../rules/headers.js';
import {isSafelistedMethod, normalizeMethod} from '../rules/method.js';
import type {FailureContext} from './types.js';

/**
Reads a failed request the way `fetch` reads `(input, init)`: `init` wins over a `Request` input (ky passes a built
`Request` and an almost empty `init`). Header values are read only to know *why* a header is CORS-unsafe (so a probe can
reproduce the reason with a dummy value); they are never kept. Throws for input `fetch` itself would refuse.

Uses the rules' header safelist rather than `explainRequest`: the page bundle exports explainRequest eagerly, and a
bundler would hoist everything the two share into the eager chunk (measured: 5.7 kB). The request already went through
`fetch`, so it is valid; the cost is that a streaming body or a Blob's type is not counted as a preflight trigger here.
*/
export const readFailure = (input: RequestInfo | URL, init: RequestInit = {}, pageOrigin: string, cause: unknown, start: number): FailureContext => {
	const request = typeof Request === 'function' && input instanceof Request ? input : undefined;
	const target = new URL(request?.url ?? String(input), pageOrigin === 'null' ? undefined : pageOrigin);
	const url = target.href;
	const method = normalizeMethod(init.method ?? request?.method ?? 'GET');
	const mode = init.mode ?? request?.mode ?? 'cors';
	const credentials = init.credentials ?? request?.credentials ?? 'same-origin';
	const cors = mode === 'cors';
	const methodPreflight = cors && !isSafelistedMethod(method);
	const headers = cors ? corsUnsafeRequestHeaderNames(new Headers(init.headers ?? request?.headers)) : [];
	const names = headers.map(header => header.name);
	const redacted = redactUrl(url);
	const summary: RequestSummary = {
		method,
		url: redacted,
		pageOrigin,
		targetOrigin: target.origin,
		mode,
		credentials,
		preflight: methodPreflight || names.length > 0,
		triggers: methodPreflight ? [method, ...names] : names,
	};
	// Only `include` sends credentials cross-origin; `same-origin` behaves as `omit` there.
	const shape = [method, mode, credentials === 'include' ? 'include' : 'omit', ...names].join(' ');
	return {
		url,
		method,
		mode,
		credentials,
		redirect: init.redirect ?? request?.redirect ?? 'follow',
		headers,
		methodPreflight,
		pageOrigin,
		targetOrigin: target.origin,
		crossOrigin: target.origin !== pageOrigin,
		scope: pageOrigin + ' ' + target.origin,
		shape,
		key: pageOrigin + ' ' + redacted + ' ' + shape,
		summary,
		signal: init.signal ?? request?.signal ?? undefined,
		start,
		cause,
	};
};
