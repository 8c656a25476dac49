import {CORS_CODES, type CorsCode} from '../codes.js';
import type {CheckResult} from '../node/types.js';
import {isSafelistedMethod, normalizeMethod} from '../rules/method.js';
import type {CorsErrorLike, FixFacts, FixInput} from './model.js';

/** Everything the catalog needs, normalized once: the input kinds differ only here. */
export interface Facts {
	readonly code: CorsCode;
	readonly others: ReadonlyArray<{readonly code: CorsCode; readonly relation: 'alternative' | 'also'}>;
	readonly origin: string;
	readonly targetOrigin?: string;
	/** Normalized (`patch` keeps its case, as browsers send it). */
	readonly method: string;
	readonly headers: readonly string[];
	readonly credentials: boolean;
	readonly exposeHeaders: readonly string[];
	readonly placeholders: readonly string[];
}

/** Shown where the page origin is unknown; `.example` never resolves (RFC 2606). */
export const PLACEHOLDER_ORIGIN = 'https://app.example';
const PLACEHOLDER_HEADER = 'x-custom-header';
const PLACEHOLDER_METHOD = 'PUT';
const PLACEHOLDER_EXPOSED = 'x-custom-header';
const CREDENTIAL_CODES = new Set<CorsCode>(['WILDCARD_ORIGIN_WITH_CREDENTIALS', 'ALLOW_CREDENTIALS_MISSING', 'CREDENTIALS_NOT_ALLOWED']);
const KNOWN = new Set<string>(CORS_CODES);

const isCheckResult = (input: FixInput): input is CheckResult => Array.isArray((input as CheckResult).problems);
const isErrorLike = (input: FixInput): input is CorsErrorLike => typeof (input as CorsErrorLike).request === 'object' && (input as CorsErrorLike).request !== null;

const lower = (names: readonly string[]): string[] => [...new Set(names.map(name => name.trim().toLowerCase()).filter(Boolean))];

/** Reads any accepted input into Facts; throws a TypeError naming what is wrong. */
export function factsOf(input: FixInput): Facts {
	if (typeof input !== 'object' || input === null) {
		throw new TypeError('`getFixes` expects a CorsError, its toJSON() object, a checkCors result, or {code, ...facts}');
	}

	if (isCheckResult(input)) {
		return fromCheck(input);
	}

	const code = (input as {code?: unknown}).code;
	if (typeof code !== 'string' || !KNOWN.has(code)) {
		throw new TypeError(`Unknown code ${JSON.stringify(code)}: expected one of CORS_CODES (e.g. "HEADER_NOT_ALLOWED")`);
	}

	return isErrorLike(input) ? fromError(input) : fromFacts(input as FixFacts);
}

function fromError(error: CorsErrorLike): Facts {
	const {request} = error;
	const names = error.names ?? [];
	const method = normalizeMethod(request.method || 'GET');
	// `triggers` mixes the non-safelisted method with the header names; the method is the entry equal to it.
	const triggerHeaders = (request.triggers ?? []).filter(name => name !== method && name.toUpperCase() !== method.toUpperCase());
	const headers = [...triggerHeaders, ...(error.code === 'HEADER_NOT_ALLOWED' ? names : [])];
	return complete({
		code: error.code,
		others: (error.alternatives ?? []).filter(other => KNOWN.has(other.code) && other.code !== error.code).map(other => ({code: other.code, relation: 'alternative' as const})),
		origin: request.pageOrigin || undefined,
		targetOrigin: request.targetOrigin,
		method: error.code === 'METHOD_NOT_ALLOWED' && names[0] ? names[0] : method,
		headers,
		credentials: request.credentials === 'include',
		exposeHeaders: error.code === 'HEADER_NOT_EXPOSED' ? names : [],
	});
}

function fromCheck(result: CheckResult): Facts {
	const [first, ...rest] = result.problems;
	if (!first) {
		throw new TypeError('This check result has no problems: a browser on that origin can read the response, there is nothing to fix');
	}

	const preflight = result.preflight && !('skipped' in result.preflight) ? result.preflight : undefined;
	const requested = preflight?.request.headers.find(([name]) => name.toLowerCase() === 'access-control-request-headers')?.[1] ?? '';
	const others = [...new Set(rest.map(problem => problem.code))].filter(code => code !== first.code);
	return complete({
		code: first.code,
		others: others.map(code => ({code, relation: 'also' as const})),
		origin: result.origin,
		targetOrigin: safeOrigin(result.url),
		method: result.method,
		headers: [...requested.split(','), ...result.problems.flatMap(problem => problem.code === 'HEADER_NOT_ALLOWED' && problem.param ? [problem.param] : [])],
		credentials: result.credentials,
		exposeHeaders: [],
	});
}

function fromFacts(facts: FixFacts): Facts {
	return complete({
		code: facts.code,
		others: (facts.alternatives ?? []).filter(other => KNOWN.has(other.code) && other.code !== facts.code).map(other => ({code: other.code, relation: 'alternative' as const})),
		origin: facts.origin,
		method: facts.method,
		headers: facts.headers ?? [],
		credentials: facts.credentials,
		exposeHeaders: facts.exposeHeaders ?? [],
	});
}

interface Partial {
	code: CorsCode;
	others: Facts['others'];
	origin: string | undefined;
	targetOrigin?: string | undefined;
	method: string | undefined;
	headers: readonly string[];
	credentials: boolean | undefined;
	exposeHeaders: readonly string[];
}

// Fills the gaps with placeholders the reader can spot and replace, and records which ones.
function complete(partial: Partial): Facts {
	const placeholders: string[] = [];
	const {code} = partial;
	let origin = partial.origin?.trim();
	if (!origin || origin === 'null') {
		origin = PLACEHOLDER_ORIGIN;
		placeholders.push('origin');
	}

	let method = normalizeMethod(partial.method?.trim() || 'GET');
	if (code === 'METHOD_NOT_ALLOWED' && isSafelistedMethod(method)) {
		method = PLACEHOLDER_METHOD;
		placeholders.push('method');
	}

	let headers = lower(partial.headers);
	if (code === 'HEADER_NOT_ALLOWED' && headers.length === 0) {
		headers = [PLACEHOLDER_HEADER];
		placeholders.push('headers');
	}

	let exposeHeaders = lower(partial.exposeHeaders);
	if (code === 'HEADER_NOT_EXPOSED' && exposeHeaders.length === 0) {
		exposeHeaders = [PLACEHOLDER_EXPOSED];
		placeholders.push('exposeHeaders');
	}

	return {
		code,
		others: partial.others,
		origin,
		...(partial.targetOrigin ? {targetOrigin: partial.targetOrigin} : {}),
		method,
		headers,
		// A credentials code is only ever about a credentialed request.
		credentials: (partial.credentials ?? false) || CREDENTIAL_CODES.has(code),
		exposeHeaders,
		placeholders,
	};
}

function safeOrigin(url: string): string | undefined {
	try {
		return new URL(url).origin;
	} catch {
		return undefined;
	}
}
