import type {Phase} from '../codes.js';
import {redactUrl} from '../errors/redact.js';
import {isHttpToken} from '../rules/http.js';
import type {SpecFailure} from '../rules/types.js';
import type {Problem} from './types.js';

/** What a message needs to know beyond the failure itself. */
export interface ProblemContext {
	/** The Origin the failing request carried (`null` after a tainting redirect). */
	readonly origin: string;
	readonly credentials: boolean;
	readonly method: string;
	/** CORS-unsafe request-header names, lowercase, as the preflight listed them. */
	readonly requestHeaders: readonly string[];
	readonly status?: number;
}

const where: Record<Phase, string> = {
	preflight: 'the preflight (OPTIONS) response',
	actual: 'the response',
	redirect: 'the redirect response',
};

/** Turn a spec failure into a Problem: plain words plus the exact lines that fix it. Pure. */
export function toProblem(failure: SpecFailure, phase: Phase, context: ProblemContext, hop?: number): Problem {
	const {message, fix} = explain(failure, phase, context);
	return {...failure, phase, ...(hop === undefined ? {} : {hop}), message, fix};
}

function explain(failure: SpecFailure, phase: Phase, context: ProblemContext): {message: string; fix: string[]} {
	const on = where[phase];
	const seen = failure.seen === null ? 'nothing' : `"${failure.seen}"`;
	const allowOrigin = `Access-Control-Allow-Origin: ${context.origin}`;
	switch (failure.code) {
		case 'ALLOW_ORIGIN_MISSING': {
			return {
				message: `${capitalize(on)}${context.status === undefined ? '' : ` (status ${context.status})`} has no Access-Control-Allow-Origin header, so the browser blocks it.${phase === 'preflight' ? ' CORS must also answer OPTIONS, before authentication and routing.' : ' Send it on every response, errors included.'}`,
				fix: withCredentials([allowOrigin, 'Vary: Origin'], context),
			};
		}

		case 'ALLOW_ORIGIN_MISMATCH': {
			const tainted = context.origin === 'null' ? ' The request origin became "null" because a redirect crossed origins: request the final URL directly.' : '';
			return {
				message: `${capitalize(on)} allows origin ${seen}, but the request came from "${context.origin}"; they must match exactly (scheme, host, port, no trailing slash${failure.detail ? `; here: ${failure.detail}` : ''}).${tainted}`,
				fix: withCredentials([allowOrigin, 'Vary: Origin'], context),
			};
		}

		case 'ALLOW_ORIGIN_INVALID': {
			return {
				message: `${capitalize(on)} sends Access-Control-Allow-Origin ${seen}, which is not an origin (it needs the scheme, e.g. "${context.origin}").`,
				fix: withCredentials([allowOrigin, 'Vary: Origin'], context),
			};
		}

		case 'ALLOW_ORIGIN_MULTIPLE': {
			const lines = failure.detail === 'duplicate-lines' ? 'more than one Access-Control-Allow-Origin line (often the app and a proxy both add it)' : `a list in Access-Control-Allow-Origin (${seen})`;
			return {
				message: `${capitalize(on)} sends ${lines}; browsers accept exactly one origin. Echo the request's Origin when it is on your allow-list.`,
				fix: withCredentials([allowOrigin, 'Vary: Origin'], context),
			};
		}

		case 'WILDCARD_ORIGIN_WITH_CREDENTIALS': {
			return {
				message: `${capitalize(on)} uses Access-Control-Allow-Origin "*", which browsers refuse for requests with credentials (cookies). Echo the exact origin instead.`,
				fix: [allowOrigin, 'Access-Control-Allow-Credentials: true', 'Vary: Origin'],
			};
		}

		case 'ALLOW_CREDENTIALS_MISSING': {
			return {
				message: `The request sends credentials, but ${on} has Access-Control-Allow-Credentials ${seen}; it must be exactly "true" (lowercase).`,
				fix: ['Access-Control-Allow-Credentials: true'],
			};
		}

		case 'PREFLIGHT_STATUS': {
			return {
				message: `The preflight (OPTIONS) got status ${failure.seen ?? context.status ?? '?'}; it needs a 2xx. Answer OPTIONS with 204 before authentication and routing (a preflight never carries credentials).`,
				fix: ['HTTP/1.1 204 No Content'],
			};
		}

		case 'PREFLIGHT_REDIRECT': {
			return {
				message: `The preflight (OPTIONS) was redirected${failure.seen ? ` to ${failure.seen}` : ''}; browsers never follow a redirect on a preflight. Call the final URL directly (watch trailing slashes and http -> https).`,
				fix: [],
			};
		}

		case 'PREFLIGHT_NETWORK_ERROR': {
			return {
				message: 'The preflight (OPTIONS) got no response: the connection closed. A server or proxy drops OPTIONS requests; make it answer them.',
				fix: ['HTTP/1.1 204 No Content'],
			};
		}

		case 'METHOD_NOT_ALLOWED': {
			const method = failure.param ?? context.method;
			const caseHint = method !== method.toUpperCase() ? ` Methods match case-sensitively, and fetch sends "${method}" as written: send "${method.toUpperCase()}" from the page, or list "${method}".` : '';
			return {
				message: `The preflight does not allow method ${method}: Access-Control-Allow-Methods is ${seen}.${caseHint}`,
				fix: [`Access-Control-Allow-Methods: ${addToList(failure.seen, method, false)}`],
			};
		}

		case 'HEADER_NOT_ALLOWED': {
			const name = failure.param ?? context.requestHeaders[0] ?? '';
			const star = name === 'authorization' && (failure.seen ?? '').split(',').some(item => item.trim() === '*') ? ' A "*" never covers Authorization: list it by name.' : '';
			return {
				message: `The preflight does not allow request header "${name}": Access-Control-Allow-Headers is ${seen}.${star}`,
				fix: [`Access-Control-Allow-Headers: ${addToList(failure.seen, name, true)}`],
			};
		}

		case 'ALLOW_METHODS_INVALID': {
			return {
				message: `The preflight's Access-Control-Allow-Methods ${seen} cannot be parsed: it must be a comma-separated list of method names.`,
				fix: [`Access-Control-Allow-Methods: ${context.method}`],
			};
		}

		case 'ALLOW_HEADERS_INVALID': {
			return {
				message: `The preflight's Access-Control-Allow-Headers ${seen} cannot be parsed: it must be a comma-separated list of header names.`,
				fix: [`Access-Control-Allow-Headers: ${context.requestHeaders.join(', ') || 'content-type'}`],
			};
		}

		case 'REDIRECT_HAS_USERINFO': {
			return {
				message: 'The redirect Location contains a user name or password; browsers refuse to follow it for a CORS request. Send credentials in the Authorization header instead.',
				// `seen` is already redacted (no userinfo, query or ids): the fix shows the shape of the Location to send.
				fix: failure.seen ? [`Location: ${redactUrl(failure.seen)}`] : [],
			};
		}

		case 'HEADER_NOT_EXPOSED': {
			const name = failure.param ?? '';
			const star = failure.detail === 'wildcard-with-credentials' ? ' With credentials, "*" is only the literal name "*": list the header by name.' : '';
			return {
				message: `The response sends header "${name}", but Access-Control-Expose-Headers is ${seen}: page JavaScript reads it as null.${star}`,
				fix: [`Access-Control-Expose-Headers: ${addToList(failure.seen, name, true)}`],
			};
		}

		case 'REDIRECT_BAD_SCHEME': {
			return {message: `The redirect goes to ${seen}, which is not an http(s) URL; CORS requests only follow http(s) redirects.`, fix: []};
		}

		case 'REDIRECT_TAINTED_ORIGIN': {
			return {
				message: 'A redirect crossed origins, so the browser now sends "Origin: null"; the next response must allow "null" or "*". Request the final URL directly instead.',
				fix: ['Access-Control-Allow-Origin: *'],
			};
		}

		case 'REDIRECT_NOT_ALLOWED': {
			return {message: `The request was redirected too many times (${failure.seen ?? 'more than allowed'}); browsers stop after 20.`, fix: []};
		}

		default: {
			return {message: `${failure.code}: ${on} has ${failure.header ?? 'a value'} ${seen}; expected ${failure.expected}.`, fix: []};
		}
	}
}

function withCredentials(lines: string[], context: ProblemContext): string[] {
	return context.credentials ? [lines[0]!, 'Access-Control-Allow-Credentials: true', ...lines.slice(1)] : lines;
}

/** The seen list (minus unparsable items) plus the missing item; header names compare case-insensitively. */
function addToList(seen: string | null, item: string, caseInsensitive: boolean): string {
	const items = (seen ?? '').split(',').map(entry => entry.trim()).filter(entry => entry !== '' && isHttpToken(entry));
	const same = (a: string, b: string) => caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
	if (!items.some(entry => same(entry, item))) {
		items.push(item);
	}

	return items.join(', ');
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
