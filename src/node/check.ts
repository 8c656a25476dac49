import {redactUrl} from '../errors/redact.js';
import {
	checkedRequestOf,
	checkRedirect,
	corsCheck,
	explainRequest,
	getHeader,
	headerLines,
	isRedirectStatus,
	isSafelistedMethod,
	preflightCheck,
	serializeRequestOrigin,
	unexposedHeaders,
	type PreflightReason,
} from '../rules/index.js';
import type {CheckedRequest, RawResponse} from '../rules/types.js';
import {CheckNetworkError} from './errors/CheckNetworkError.js';
import {normalizeCheckOptions, type NormalizedCheckOptions} from './options.js';
import {toProblem, type ProblemContext} from './problems.js';
import type {CheckCorsOptions, CheckResult, Exchange, Problem} from './types.js';

const USER_AGENT = 'cors-doctor';

/**
Check a URL's CORS configuration for a page origin, spec-exactly, from Node.

It sends the preflight a browser would send (only when one is needed), and for GET/HEAD the actual request,
following redirects hop by hop. Unsafe methods (PUT, DELETE, PATCH, POST with a preflight) are never sent:
a passing preflight is as far as the checker goes, because the real request could change data.

@throws {CheckInputError} The input cannot describe a browser request (bad URL, origin, method or header).
@throws {CheckNetworkError} No response at all (refused, DNS, reset, timeout).

@example
```
import {checkCors} from 'cors-doctor/node';

const result = await checkCors('https://api.example.com/items', {
	origin: 'https://app.example.com',
	method: 'PUT',
	headers: ['x-api-key'],
});
result.problems.map(problem => problem.code); //=> ['HEADER_NOT_ALLOWED']
```
*/
export async function checkCors(url: string | URL, options: CheckCorsOptions): Promise<CheckResult> {
	const input = normalizeCheckOptions(url, options);
	const credentials = input.credentials ? 'include' : 'omit';
	const explained = explainRequest(input.url.href, {method: input.method, headers: input.headers.map(([name, value]) => [name, value]), credentials, mode: 'cors'}, input.origin);
	const unsafeNames = explained.requestHeaders;
	const request = checkedRequestOf(explained);
	if (!explained.crossOrigin) {
		return {
			ok: true,
			url: input.url.href,
			origin: input.origin,
			method: input.method,
			credentials: input.credentials,
			preflight: {skipped: 'not-needed', reasons: ['same-origin request']},
			actual: [],
			problems: [],
			notes: ['The URL is on the page origin itself: CORS does not apply, so nothing was sent.'],
		};
	}

	const problems: Problem[] = [];
	const notes: string[] = [];
	const context = (origin: string, status?: number): ProblemContext => ({origin, credentials: input.credentials, method: input.method, requestHeaders: unsafeNames, ...(status === undefined ? {} : {status})});

	let preflight: CheckResult['preflight'];
	const preflightPassed = async (target: string, origin: string, hop?: number): Promise<{exchange?: Exchange; passed: boolean}> => {
		const sent = preflightHeaders(origin, input.method, unsafeNames);
		let response: RawResponse;
		try {
			response = await input.transport({url: target, method: 'OPTIONS', headers: sent, timeout: input.timeout});
		} catch (error) {
			// A reset after connecting means the server is there but drops OPTIONS: that is a CORS finding, not an outage.
			if (error instanceof CheckNetworkError && error.kind === 'reset') {
				problems.push(toProblem({code: 'PREFLIGHT_NETWORK_ERROR', seen: null, expected: 'an HTTP response to OPTIONS', detail: error.kind}, 'preflight', context(origin), hop));
				return {passed: false};
			}

			throw error;
		}

		const failures = preflightCheck(response, {...request, origin});
		problems.push(...failures.map(failure => toProblem(failure, 'preflight', context(origin, response.status), hop)));
		return {exchange: exchange(target, 'OPTIONS', sent, response), passed: failures.length === 0};
	};

	if (explained.preflight) {
		notes.push(`A preflight is needed: ${explained.reasons.map(reason => describeReason(reason)).join('; ')}.`);
		const {exchange: sent, passed} = await preflightPassed(input.url.href, input.origin);
		preflight = sent;
		if (!passed && isSafelistedMethod(input.method)) {
			notes.push('A browser stops at the failed preflight; the checker still sent the safe actual request so you can fix everything at once.');
		}
	} else {
		preflight = {skipped: 'not-needed', reasons: [`${input.method} is CORS-safelisted`, input.headers.length === 0 ? 'no request headers' : 'every request header is CORS-safelisted']};
	}

	let actual: CheckResult['actual'];
	const redirectPreflights: Exchange[] = [];
	if (input.method === 'GET' || input.method === 'HEAD') {
		actual = await followActual(input, request, explained.preflight, problems, notes, context, async (target, origin, hop) => {
			const {exchange: sent, passed} = await preflightPassed(target, origin, hop);
			if (sent) {
				redirectPreflights.push(sent);
			}

			return passed;
		});
	} else {
		actual = {skipped: 'unsafe-method'};
		notes.push(`The actual ${input.method} request was not sent: it could change data on the server. Only the preflight was checked${input.expectHeaders.length > 0 ? ', so the exposed headers were not' : ''}.`);
	}

	for (const problem of problems) {
		for (const engine of problem.engines ?? []) {
			notes.push(`${engine.engine}: ${engine.note}`);
		}
	}

	return {
		ok: problems.length === 0,
		url: input.url.href,
		origin: input.origin,
		method: input.method,
		credentials: input.credentials,
		...(preflight === undefined ? {} : {preflight}),
		...(redirectPreflights.length > 0 ? {redirectPreflights} : {}),
		actual,
		problems,
		notes: [...new Set(notes)],
	};
}

async function followActual(
	input: NormalizedCheckOptions,
	request: CheckedRequest,
	needsPreflight: boolean,
	problems: Problem[],
	notes: string[],
	context: (origin: string, status?: number) => ProblemContext,
	preflightAt: (target: string, origin: string, hop: number) => Promise<boolean>,
): Promise<Exchange[]> {
	const exchanges: Exchange[] = [];
	let target = input.url.href;
	let tainted = false;
	for (let hop = 0; ; hop++) {
		const origin = serializeRequestOrigin(input.origin, tainted);
		const sent = actualHeaders(origin, input.headers, new Set(request.headers));
		const response = await input.transport({url: target, method: input.method, headers: sent, timeout: input.timeout});
		exchanges.push(exchange(target, input.method, sent, response));
		const location = getHeader(response, 'location');
		const isRedirect = isRedirectStatus(response.status) && location !== null;
		const failure = corsCheck(response, {...request, origin});
		if (failure) {
			problems.push(toProblem(failure, isRedirect ? 'redirect' : 'actual', context(origin, response.status), hop));
			return exchanges;
		}

		if (!isRedirect) {
			// The page can read the response: now the headers it reads must be exposed to it.
			const unexposed = unexposedHeaders(response, request.credentials, input.expectHeaders);
			problems.push(...unexposed.map(exposure => toProblem(exposure, 'actual', context(origin, response.status), hop)));
			for (const name of input.expectHeaders.filter(name => headerLines(response, name).length === 0)) {
				notes.push(`The response has no ${name} header at all: the page reads null whatever Access-Control-Expose-Headers says.`);
			}

			return exchanges;
		}

		const next = checkRedirect({from: target, location, status: response.status}, {requestOrigin: input.origin, tainted, mode: 'cors'});
		if (next.failure) {
			problems.push(toProblem(next.failure, 'redirect', context(origin, response.status), hop));
			return exchanges;
		}

		if (next.next === undefined) {
			return exchanges;
		}

		if (hop + 1 > input.maxRedirects) {
			problems.push(toProblem({code: 'REDIRECT_NOT_ALLOWED', header: 'location', seen: `${hop + 1} redirects`, expected: `at most ${input.maxRedirects}`, detail: 'too-many-redirects'}, 'redirect', context(origin, response.status), hop));
			return exchanges;
		}

		target = next.next;
		tainted = next.tainted;
		// Main fetch runs again for the new URL, so a non-simple request is preflighted again there.
		if (needsPreflight && !(await preflightAt(target, serializeRequestOrigin(input.origin, tainted), hop + 1))) {
			return exchanges;
		}
	}
}

function describeReason(reason: PreflightReason): string {
	switch (reason.kind) {
		case 'method': {
			return `method ${reason.method} is not GET, HEAD or POST${reason.lowercaseNonStandard ? ' (and it is sent lowercase, exactly as written)' : ''}`;
		}

		case 'header': {
			return `header ${reason.name} (${reason.reason})`;
		}

		default: {
			return 'a streaming body';
		}
	}
}

function preflightHeaders(origin: string, method: string, unsafeNames: readonly string[]): Array<[string, string]> {
	const headers: Array<[string, string]> = [
		['Origin', origin],
		['Access-Control-Request-Method', method],
	];
	if (unsafeNames.length > 0) {
		// Sorted, lowercase, joined by "," with no space: exactly the spec's serialization.
		headers.push(['Access-Control-Request-Headers', unsafeNames.join(',')]);
	}

	headers.push(['Accept', '*/*'], ['User-Agent', USER_AGENT]);
	return headers;
}

function actualHeaders(origin: string, headers: NormalizedCheckOptions['headers'], unsafe: ReadonlySet<string>): Array<[string, string]> {
	const sent: Array<[string, string]> = [['Origin', origin], ['Accept', '*/*'], ['User-Agent', USER_AGENT]];
	for (const [name, value] of headers) {
		// Unsafe headers carry secrets (API keys, tokens): send a dummy; safelisted ones are plain content negotiation.
		sent.push([name, unsafe.has(name.toLowerCase()) ? 'cors-doctor-dummy' : value]);
	}

	return sent;
}

function exchange(url: string, method: string, headers: ReadonlyArray<readonly [string, string]>, response: RawResponse): Exchange {
	return {
		url,
		request: {method, headers},
		status: response.status,
		headers: response.headers
			.filter(([name]) => /^(?:access-control-|vary$|location$)/i.test(name))
			.map(([name, value]) => [name, name.toLowerCase() === 'location' ? redactUrl(value) : value] as const),
	};
}
