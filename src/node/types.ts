import type {Phase} from '../codes.js';
import type {RawResponse, SpecFailure} from '../rules/types.js';

/** One request on the wire, as the checker hands it to a transport. */
export interface TransportRequest {
	readonly url: string;
	readonly method: string;
	readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
	/** Milliseconds before the transport gives up with a `CheckNetworkError` of code `TIMEOUT`. */
	readonly timeout: number;
}

/**
Sends one request without following redirects and returns the raw status and header lines.
It must reject with a `CheckNetworkError` when no response arrives.
*/
export type Transport = (request: TransportRequest) => Promise<RawResponse>;

/** A request header given to the checker: a name (a dummy value is sent) or a `[name, value]` pair. */
export type HeaderInput = string | readonly [name: string, value: string];

export interface CheckCorsOptions {
	/** The page origin the browser would send, e.g. `https://app.example.com`. Required. */
	readonly origin: string;
	/** Default `GET`. Unsafe methods are only preflighted, never sent. */
	readonly method?: string;
	/**
	Request headers the page sends. Give names: the checker sends dummy values on the wire, never your secrets.
	A `[name, value]` pair only matters for the safelist rules (e.g. `['content-type', 'text/plain']`).
	*/
	readonly headers?: readonly HeaderInput[];
	/** The page uses `credentials: 'include'`. Default false. The checker never sends cookies. */
	readonly credentials?: boolean;
	/**
	Response-header names the page reads (`response.headers.get(name)`): each one the response sends without exposing it
	through `Access-Control-Expose-Headers` is a `HEADER_NOT_EXPOSED` problem. Checked on the final GET/HEAD response.
	*/
	readonly expectHeaders?: readonly string[];
	/** Per request, in milliseconds. Default 10 000. */
	readonly timeout?: number;
	/** Default 20, like browsers. */
	readonly maxRedirects?: number;
	/**
	Send requests with this fetch instead of node:http (e.g. an msw-mocked fetch in tests).
	Note: fetch joins duplicate header lines, so two `Access-Control-Allow-Origin` lines read as a list.
	*/
	readonly fetch?: typeof globalThis.fetch;
	/** Full control over the wire (tests, proxies). Takes precedence over `fetch`. */
	readonly transport?: Transport;
}

/** One request the checker sent and what came back. */
export interface Exchange {
	readonly url: string;
	readonly request: {readonly method: string; readonly headers: ReadonlyArray<readonly [string, string]>};
	readonly status: number;
	/** Only the CORS-relevant response lines (`access-control-*`, `vary`) and `location`, in order. */
	readonly headers: ReadonlyArray<readonly [string, string]>;
}

/** A failing CORS rule, in words, with the header lines that fix it. */
export type Problem = SpecFailure & {
	readonly phase: Phase;
	/** Which response of the redirect chain (0 = the URL itself). */
	readonly hop?: number;
	/** Plain-words explanation. */
	readonly message: string;
	/** Exact lines to send, e.g. `Access-Control-Allow-Headers: x-api-key`. */
	readonly fix: readonly string[];
};

/**
What `checkCors` found.

@example
```
const result = await checkCors('https://api.example.com/items', {origin: 'https://app.example.com', headers: ['x-api-key']});
if (!result.ok) {
	for (const problem of result.problems) console.log(problem.code, problem.fix.join('\n'));
}
```
*/
export interface CheckResult {
	/** True when a browser would let the page read the response. */
	readonly ok: boolean;
	readonly url: string;
	readonly origin: string;
	readonly method: string;
	readonly credentials: boolean;
	/** The OPTIONS exchange, or why none was needed; absent when the preflight got no response (`PREFLIGHT_NETWORK_ERROR`). */
	readonly preflight?: Exchange | {readonly skipped: 'not-needed'; readonly reasons: readonly string[]};
	/** Preflights sent after a redirect, one per later hop that needed it. */
	readonly redirectPreflights?: readonly Exchange[];
	/** One exchange per hop, or skipped because the method could change data on the server. */
	readonly actual: readonly Exchange[] | {readonly skipped: 'unsafe-method'};
	readonly problems: readonly Problem[];
	readonly notes: readonly string[];
}
