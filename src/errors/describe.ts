import type {CorsCode} from '../codes';
import type {Hint} from './types';

// Short reasons per code, `$` is replaced by the quoted names. Kept terse: this table ships in the 3 kB core;
// the long explanations live in docs/errors/<CODE>.md.
const REASONS: {readonly [C in CorsCode]?: string} = {
	ORIGIN_NOT_ALLOWED: 'the response does not allow this origin',
	ERROR_RESPONSE_WITHOUT_CORS: 'this response lacks CORS headers, though the server allows this origin (typically an error status)',
	CREDENTIALS_NOT_ALLOWED: 'the response does not allow credentials',
	METHOD_NOT_ALLOWED: 'the preflight does not allow method $',
	HEADER_NOT_ALLOWED: 'the preflight does not allow request header $',
	PREFLIGHT_REJECTED: 'the preflight (OPTIONS) was rejected',
	REDIRECT_NOT_ALLOWED: 'the URL redirects and the redirect fails CORS',
	MIXED_CONTENT: 'an https page cannot fetch insecure http',
	CSP_BLOCKED: 'the page\'s Content-Security-Policy (connect-src) blocks it',
	LOCAL_NETWORK_ACCESS: 'a public page cannot reach a private or loopback address',
	SCHEME_NOT_SUPPORTED: 'only http(s) URLs can be fetched cross-origin',
	MODE_SAME_ORIGIN: 'mode "same-origin" forbids cross-origin requests',
	NO_CORS_REDIRECT_MODE: 'mode "no-cors" requires redirect "follow"',
	OPAQUE_RESPONSE: 'a "no-cors" response is opaque: its body and headers cannot be read',
	HEADER_NOT_EXPOSED: 'response header $ is not exposed (or absent)',
	UNDETERMINED: 'the cause is undetermined ($)',
};

/** The reason part of a CorsError message. */
export const describe = (code: CorsCode, names: readonly string[] = []): string =>
	(REASONS[code] ?? `the request failed (${code})`).replace('$', code === 'UNDETERMINED' ? names.join() : '"' + names.join('", "') + '"');

const ACAO = 'Access-Control-Allow-Origin';

/** The response headers that fix a code, derived from the request. */
export const hintsFor = (code: CorsCode, names: readonly string[], pageOrigin: string, targetOrigin: string, credentials: boolean): Hint[] => {
	const origin: Hint = {header: ACAO, value: pageOrigin, on: 'actual'};
	const list = names.join(', ');
	switch (code) {
		case 'ORIGIN_NOT_ALLOWED':
		case 'ERROR_RESPONSE_WITHOUT_CORS':
		case 'REDIRECT_NOT_ALLOWED':
			return credentials ? [origin, {header: 'Access-Control-Allow-Credentials', value: 'true', on: 'actual'}] : [origin];
		case 'CREDENTIALS_NOT_ALLOWED':
			return [origin, {header: 'Access-Control-Allow-Credentials', value: 'true', on: 'actual'}];
		case 'METHOD_NOT_ALLOWED':
			return [{header: 'Access-Control-Allow-Methods', value: list, on: 'preflight'}];
		case 'HEADER_NOT_ALLOWED':
			return [{header: 'Access-Control-Allow-Headers', value: list, on: 'preflight'}];
		case 'PREFLIGHT_REJECTED':
			return [{header: ACAO, value: pageOrigin, on: 'preflight'}, ...(list ? [{header: 'Access-Control-Allow-Headers', value: list, on: 'preflight'} as const] : [])];
		case 'HEADER_NOT_EXPOSED':
			return [{header: 'Access-Control-Expose-Headers', value: list, on: 'actual'}];
		case 'CSP_BLOCKED':
			return [{header: 'Content-Security-Policy', value: 'connect-src ' + targetOrigin, on: 'page'}];
		default:
			return [];
	}
};

/**
Renders a hint as the header line to add.

@example
```
formatHint({header: 'Access-Control-Allow-Headers', value: 'x-api-key', on: 'preflight'}) // 'Access-Control-Allow-Headers: x-api-key'
```
*/
export const formatHint = (hint: Hint): string => hint.header + ': ' + hint.value;
