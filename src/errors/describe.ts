import type {CorsCode} from '../codes.js';
import type {Hint} from './types.js';

// Per code: the message reason (`$` marks where the quoted names go), then the fix as header letters (see `fix` in
// hintsFor). Terse on purpose: this table loads with the diagnosis, the explanations live in docs/errors/<CODE>.md.
const TABLE: {readonly [C in CorsCode]?: readonly [reason: string, fix?: string]} = {
	ORIGIN_NOT_ALLOWED: ['the response does not allow this origin', 'o'],
	ERROR_RESPONSE_WITHOUT_CORS: ['this response lacks CORS headers (likely an error status)', 'o'],
	REDIRECT_NOT_ALLOWED: ['a redirect fails CORS', 'o'],
	CREDENTIALS_NOT_ALLOWED: ['the response does not allow credentials', 'oc'],
	METHOD_NOT_ALLOWED: ['the preflight does not allow method $', 'm'],
	HEADER_NOT_ALLOWED: ['the preflight does not allow request header $', 'h'],
	PREFLIGHT_REJECTED: ['the preflight for $ was rejected', 'pmhk'],
	HEADER_NOT_EXPOSED: ['response header $ is not exposed to the page', 'e'],
	CSP_BLOCKED: ['the page\'s Content-Security-Policy forbids it', 's'],
	MIXED_CONTENT: ['an https page cannot fetch http'],
	LOCAL_NETWORK_ACCESS: ['a public page cannot reach a private address'],
	SCHEME_NOT_SUPPORTED: ['only http(s) can be fetched cross-origin'],
	MODE_SAME_ORIGIN: ['mode "same-origin" forbids cross-origin requests'],
	NO_CORS_REDIRECT_MODE: ['mode "no-cors" needs redirect "follow"'],
	OPAQUE_RESPONSE: ['its "no-cors" response cannot be read'],
	UNDETERMINED: ['the cause is undetermined ($)'],
};

// The request itself went through for these: only reading the response failed, so the message must not say "blocked".
const SUCCEEDED: ReadonlySet<CorsCode> = new Set(['HEADER_NOT_EXPOSED', 'OPAQUE_RESPONSE']);

/**
The message after the request line: `was blocked: <reason>`, or `succeeded, but <reason>` for a request that went through.
The names go in through a replacer function: a string replacement would expand `$&`, `` $` `` and `$'` inside a header name.
*/
export const messageReason = (code: CorsCode, names: readonly string[] = []): string => {
	const reason = TABLE[code]?.[0] ?? 'CORS failed';
	// A refused preflight names its triggers when known: `the preflight for "PUT", "x-api-key" was rejected`.
	const text = code === 'PREFLIGHT_REJECTED' && names.length === 0 ? reason.replace(' for $', '') : reason;
	return (SUCCEEDED.has(code) ? 'succeeded, but ' : 'was blocked: ')
		+ text.replace('$', () => code === 'UNDETERMINED' ? names.join() : '"' + names.join('", "') + '"');
};

/**
The response headers that fix a code, derived from the request. For a refused preflight that is everything the OPTIONS
response needs for this request: the origin, the method and every header it triggers with, and credentials.
*/
export const hintsFor = (code: CorsCode, names: readonly string[], pageOrigin: string, targetOrigin: string, credentials: boolean, method = 'GET'): Hint[] => {
	const methods = names.filter(name => name === method);
	const list = names.filter(name => name !== method || code !== 'PREFLIGHT_REJECTED').join(', ');
	const fix: Record<string, Hint> = {
		o: {header: 'Access-Control-Allow-Origin', value: pageOrigin, on: 'actual'},
		p: {header: 'Access-Control-Allow-Origin', value: pageOrigin, on: 'preflight'},
		c: {header: 'Access-Control-Allow-Credentials', value: 'true', on: 'actual'},
		m: {header: 'Access-Control-Allow-Methods', value: code === 'PREFLIGHT_REJECTED' ? methods.join(', ') : list, on: 'preflight'},
		k: {header: 'Access-Control-Allow-Credentials', value: credentials ? 'true' : '', on: 'preflight'},
		h: {header: 'Access-Control-Allow-Headers', value: list, on: 'preflight'},
		e: {header: 'Access-Control-Expose-Headers', value: list, on: 'actual'},
		s: {header: 'Content-Security-Policy', value: 'connect-src ' + targetOrigin, on: 'page'},
	};
	// A credentialed request needs Allow-Credentials as well as the exact origin (never `*`).
	const letters = (TABLE[code]?.[1] ?? '') + (credentials && code !== 'CREDENTIALS_NOT_ALLOWED' && TABLE[code]?.[1] === 'o' ? 'c' : '');
	return [...letters].map(letter => fix[letter]!).filter(hint => hint.value);
};

/**
Renders a hint as the header line to add.

@example
```
formatHint({header: 'Access-Control-Allow-Headers', value: 'x-api-key', on: 'preflight'}) // 'Access-Control-Allow-Headers: x-api-key'
```
*/
export const formatHint = (hint: Hint): string => hint.header + ': ' + hint.value;
