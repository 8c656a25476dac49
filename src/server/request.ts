import type {ObservedRequest} from './types.js';

/** Reads one request header (lowercase name), duplicate lines joined with `, `. */
export type HeaderGetter = (name: string) => string | undefined;

function pathOf(url: string): string {
	const query = url.indexOf('?');
	return query === -1 ? url : url.slice(0, query);
}

/**
The CORS facts of a request, or `undefined` when browsers apply no CORS check to it: no `Origin`, a `Sec-Fetch-Mode` other than
`cors` (navigations, `no-cors` loads, forms), `Sec-Fetch-Site: same-origin`, or an `Origin` equal to this server's own
(`Host`). Those return after at most four header reads, before any other work.
*/
export function readCorsRequest(method: string, url: string, get: HeaderGetter): ObservedRequest | undefined {
	const origin = get('origin');
	if (origin === undefined) {
		return undefined;
	}

	const mode = get('sec-fetch-mode');
	if ((mode !== undefined && mode !== 'cors') || get('sec-fetch-site') === 'same-origin') {
		return undefined;
	}

	const host = get('host');
	if (host !== undefined && origin.endsWith(host) && (origin === `http://${host}` || origin === `https://${host}`)) {
		return undefined;
	}

	const requestMethod = method === 'OPTIONS' ? get('access-control-request-method') : undefined;
	const requestHeaders = requestMethod === undefined ? undefined : get('access-control-request-headers');
	return {
		origin,
		method,
		path: pathOf(url),
		...(requestMethod === undefined ? {} : {requestMethod}),
		...(requestHeaders === undefined ? {} : {requestHeaders}),
		cookie: get('cookie') !== undefined,
	};
}
