import {classifyOrigin} from '../node/audit/origins.js';
import {FINDINGS, KIND_FINDING} from '../node/audit/rules.js';
import {corsCheck, extractTokenList, getHeader, preflightCheck} from '../rules/index.js';
import type {CredentialsMode, RawResponse, SpecFailure} from '../rules/types.js';
import type {CorsReport, ObservedRequest, PermissiveReport, RejectionReport} from './types.js';

// A failure every engine lets through (`*` covering Authorization without credentials) is no rejection: nothing to log.
const everyEnginePasses = (failure: SpecFailure) => failure.engines !== undefined && failure.engines.filter(note => note.behaviour === 'passes').length === 3;

function listOf(value: string | undefined): string[] {
	if (value === undefined) {
		return [];
	}

	// Parsed with the spec's own list parser, so `x-a,X-B` gives the names the browser sent.
	const list = extractTokenList({status: 200, headers: [['access-control-request-headers', value]]}, 'access-control-request-headers');
	return Array.isArray(list) ? list : [];
}

/** Whether a request is a CORS preflight: `OPTIONS` with `Origin` and `Access-Control-Request-Method`. */
export function isPreflight(request: ObservedRequest): boolean {
	return request.method === 'OPTIONS' && request.requestMethod !== undefined;
}

function rejection(request: ObservedRequest, response: RawResponse, credentials: CredentialsMode): RejectionReport | undefined {
	const preflight = isPreflight(request);
	const checked = {origin: request.origin, credentials};
	const failures = (preflight
		? preflightCheck(response, {...checked, method: request.requestMethod!, headers: listOf(request.requestHeaders)})
		: [corsCheck(response, checked)].filter(failure => failure !== undefined)
	).filter(failure => !everyEnginePasses(failure));
	const [first, ...rest] = failures;
	if (!first) {
		return undefined;
	}

	return {
		kind: 'rejected',
		code: first.code,
		phase: preflight ? 'preflight' : 'actual',
		origin: request.origin,
		method: preflight ? request.requestMethod! : request.method,
		path: request.path,
		status: response.status,
		...(first.header === undefined ? {} : {header: first.header}),
		...(first.param === undefined ? {} : {param: first.param}),
		seen: first.seen,
		expected: first.expected,
		also: rest.map(failure => failure.code),
		...(first.engines === undefined ? {} : {engines: first.engines}),
	};
}

function permissive(request: ObservedRequest, response: RawResponse, trusted: readonly string[]): PermissiveReport | undefined {
	const credentialed = corsCheck(response, {origin: request.origin, credentials: 'include'}) === undefined;
	if (!credentialed && corsCheck(response, {origin: request.origin, credentials: 'omit'}) !== undefined) {
		return undefined;
	}

	const relation = classifyOrigin(request.origin, trusted);
	if (!relation || relation.kind === 'case') {
		return undefined;
	}

	const wildcard = !credentialed && getHeader(response, 'access-control-allow-origin') === '*';
	const id = wildcard ? 'wildcard-origin' : KIND_FINDING[relation.kind];
	const info = FINDINGS[id];
	return {
		kind: 'permissive',
		id,
		severity: info.severity[credentialed ? 'credentials' : 'plain'],
		origin: request.origin,
		method: isPreflight(request) ? request.requestMethod! : request.method,
		path: request.path,
		credentials: credentialed,
		message: info.message(request.origin, relation.trusted),
		fix: info.fix(relation.trusted ?? trusted[0]),
	};
}

/**
What browsers will make of one CORS exchange, from the request's CORS headers and the response the app actually sent: a
rejection (the spec's CORS check or CORS-preflight check from src/rules/, first failing rule first), and, when `trustedOrigins`
is given, a warning for a response that trusts an origin it should not. Pure; an empty array means nothing to report.

@example
```
inspectExchange(
	{origin: 'https://app.example.com', method: 'GET', path: '/items', cookie: false},
	{status: 200, headers: [['Access-Control-Allow-Origin', 'https://www.example.com']]},
);
//=> [{kind: 'rejected', code: 'ALLOW_ORIGIN_MISMATCH', phase: 'actual', ...}]
```
*/
export function inspectExchange(request: ObservedRequest, response: RawResponse, options: {readonly assumeCredentials?: boolean; readonly trustedOrigins?: readonly string[]} = {}): CorsReport[] {
	const credentials = options.assumeCredentials || request.cookie ? 'include' : 'omit';
	const reports: CorsReport[] = [];
	const rejected = rejection(request, response, credentials);
	if (rejected) {
		reports.push(rejected);
	} else if (options.trustedOrigins) {
		const warning = permissive(request, response, options.trustedOrigins);
		if (warning) {
			reports.push(warning);
		}
	}

	return reports;
}
