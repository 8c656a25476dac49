import {isReadableResponseHeader} from '../rules/exposed.js';
import type {CredentialsMode, RawResponse} from '../rules/types.js';

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const FORBIDDEN_RESPONSE_HEADERS = /^set-cookie2?$/i;

/** `Response` cannot be constructed with status 0 or a `type`, so those read-only getters are shadowed on the instance. */
function shape(response: Response, fields: Partial<Record<'type' | 'url' | 'redirected' | 'status' | 'ok' | 'statusText', unknown>>): Response {
	for (const [key, value] of Object.entries(fields)) {
		Object.defineProperty(response, key, {value, enumerable: false, configurable: true});
	}

	return response;
}

/**
The response page JavaScript gets. `basic`: every header but `Set-Cookie`; `cors`: only the safelisted and exposed headers
(the rule lives in `rules/exposed.ts`); `opaque` / `opaqueredirect`: status 0, no headers, no body.
*/
export function filteredResponse(
	type: ResponseType,
	raw: RawResponse & {statusText: string; body: ReadableStream<Uint8Array> | null},
	context: {url: string; redirected: boolean; credentials: CredentialsMode},
): Response {
	if (type === 'opaque' || type === 'opaqueredirect') {
		return shape(new Response(null, {status: 200}), {type, url: type === 'opaqueredirect' ? context.url : '', redirected: false, status: 0, ok: false, statusText: ''});
	}

	const headers = new Headers();
	for (const [name, value] of raw.headers) {
		if (!FORBIDDEN_RESPONSE_HEADERS.test(name) && (type === 'basic' || isReadableResponseHeader(name, raw, context.credentials))) {
			headers.append(name, value);
		}
	}

	// The Response constructor refuses statuses outside 200-599 and bodies on null-body statuses.
	const status = raw.status >= 200 && raw.status <= 599 ? raw.status : 200;
	const response = new Response(NULL_BODY_STATUSES.has(raw.status) ? null : raw.body, {status, statusText: raw.statusText, headers});
	return shape(response, {type, url: context.url, redirected: context.redirected, ...(status === raw.status ? {} : {status: raw.status})});
}
