import type {CorsCode, Phase} from '../codes.js';

/**
What the page tells the dev relay about a failed request: its shape only. Never a body, a header value, a query
string or a credential: the relay asks the server the same CORS question from Node with dummy values.

@example
```
{url: 'http://localhost:8080/items', method: 'PUT', headers: ['x-api-key'], credentials: 'include', pageOrigin: 'http://localhost:5173'}
```
*/
export interface RequestShape {
	/** The request URL without query, fragment or userinfo. */
	readonly url: string;
	readonly method: string;
	/** Request header names (lowercase), no values. */
	readonly headers: readonly string[];
	readonly credentials: RequestCredentials;
	/** The page's origin, as the browser sends it in `Origin`. */
	readonly pageOrigin: string;
}

/** One exact finding of the relay's `checkCors`: the code, where, and the header lines that fix it. */
export interface RelayFinding {
	readonly code: CorsCode;
	readonly phase: Phase;
	/** Which response of the redirect chain (0 = the URL itself); absent on the first preflight. */
	readonly hop?: number;
	readonly fix: readonly string[];
}

/**
The relay's answer: the exact findings of `checkCors` for the shape, or why it could not check (`network`). No
response bodies, no header values beyond the CORS fix lines.
*/
export type RelayAnswer =
	| {readonly source: 'relay'; readonly ok: boolean; readonly codes: readonly CorsCode[]; readonly findings: readonly RelayFinding[]}
	| {readonly source: 'relay'; readonly network: 'UNREACHABLE' | 'TIMEOUT'};

/** The path the Vite plugin and the middleware serve the relay on, unless told otherwise. */
export const RELAY_PATH = '/__cors-doctor/relay';
