import {isForbiddenMethod, isForbiddenRequestHeader, isHttpToken, normalizeMethod} from '../rules/index.js';
import {CheckInputError} from './errors/CheckInputError.js';
import {fetchTransport, nodeTransport} from './transport.js';
import type {CheckCorsOptions, Transport} from './types.js';

export interface NormalizedCheckOptions {
	readonly url: URL;
	/** Serialized origin, e.g. `https://app.example.com`. */
	readonly origin: string;
	/** Normalized as fetch does: `put` -> `PUT`, but `patch` stays `patch`. */
	readonly method: string;
	/** The header entries a page would set: names as given, value given or a harmless dummy. */
	readonly headers: ReadonlyArray<readonly [string, string]>;
	readonly credentials: boolean;
	/** Response-header names the page reads, lowercase. */
	readonly expectHeaders: readonly string[];
	readonly timeout: number;
	readonly maxRedirects: number;
	readonly transport: Transport;
}

/**
The value sent for a header given by name only. It must never be a real secret, and it should make the
header count the way a real value would: a typical JSON content type is not safelisted, so it preflights.
*/
export function dummyValue(name: string): string {
	switch (name.toLowerCase()) {
		case 'content-type': {
			return 'application/json';
		}

		case 'authorization': {
			return 'Bearer cors-doctor-dummy';
		}

		default: {
			return 'cors-doctor-dummy';
		}
	}
}

/** Validate and fill defaults once; everything after this sees only normalized options. */
export function normalizeCheckOptions(url: string | URL, options: CheckCorsOptions): NormalizedCheckOptions {
	if (typeof options !== 'object' || options === null) {
		throw new CheckInputError('INVALID_OPTION', 'The `options` argument must be an object with an `origin`.');
	}

	return {
		url: parseTarget(url),
		origin: parseOrigin(options.origin),
		method: parseMethod(options.method ?? 'GET'),
		headers: (options.headers ?? []).map(header => parseHeader(header)),
		credentials: parseBoolean('credentials', options.credentials ?? false),
		expectHeaders: parseExpectHeaders(options.expectHeaders ?? []),
		timeout: parsePositive('timeout', options.timeout ?? 10_000),
		maxRedirects: parsePositive('maxRedirects', options.maxRedirects ?? 20, true),
		// Resolved at call time so a fetch patched after import (msw) is the one used.
		transport: options.transport ?? (options.fetch ? fetchTransport(options.fetch) : nodeTransport),
	};
}

export function parseTarget(input: string | URL): URL {
	let url: URL;
	try {
		url = new URL(String(input));
	} catch {
		throw new CheckInputError('INVALID_URL', `Invalid URL "${String(input)}": give an absolute http(s) URL, e.g. https://api.example.com/items.`);
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new CheckInputError('UNSUPPORTED_SCHEME', `Unsupported scheme "${url.protocol}" in "${url.href}": CORS applies to http and https URLs only.`);
	}

	if (url.username || url.password) {
		// fetch() itself throws on such a URL, so no browser request could look like this.
		throw new CheckInputError('INVALID_URL', `Invalid URL "${url.protocol}//${url.host}${url.pathname}": a request URL cannot include a user name or password.`);
	}

	url.hash = '';
	return url;
}

export function parseOrigin(input: unknown): string {
	if (typeof input !== 'string' || input === '') {
		throw new CheckInputError('INVALID_ORIGIN', 'The `origin` option is required: the page origin, e.g. https://app.example.com.');
	}

	let url: URL;
	try {
		url = new URL(input);
	} catch {
		throw new CheckInputError('INVALID_ORIGIN', `Invalid origin "${input}": write it as scheme://host[:port], e.g. https://app.example.com.`);
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new CheckInputError('INVALID_ORIGIN', `Invalid origin "${input}": the page origin must be http or https.`);
	}

	// A lone trailing slash is harmless to accept; a real path, query or fragment means the user pasted a page URL.
	if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || input.endsWith('?') || input.endsWith('#') || url.username || url.password) {
		throw new CheckInputError('INVALID_ORIGIN', `Invalid origin "${input}": an origin has no path, query or fragment; did you mean ${url.origin}?`);
	}

	return url.origin;
}

function parseMethod(input: unknown): string {
	if (typeof input !== 'string' || !isHttpToken(input)) {
		throw new CheckInputError('INVALID_METHOD', `Invalid method "${String(input)}": a method is a single token such as GET or PUT.`);
	}

	if (isForbiddenMethod(input)) {
		throw new CheckInputError('FORBIDDEN_METHOD', `Forbidden method "${input}": browsers refuse to send CONNECT, TRACE and TRACK.`);
	}

	return normalizeMethod(input);
}

function parseHeader(input: unknown): readonly [string, string] {
	const [name, value] = typeof input === 'string' ? [input, undefined] : (Array.isArray(input) ? input as unknown[] : [undefined, undefined]);
	if (typeof name !== 'string' || !isHttpToken(name)) {
		throw new CheckInputError('INVALID_HEADER_NAME', `Invalid header name "${String(name)}": a header name is a single token with no spaces or colons, e.g. x-api-key.`);
	}

	if (value !== undefined && typeof value !== 'string') {
		throw new CheckInputError('INVALID_OPTION', `The value of header "${name}" must be a string.`);
	}

	const entry = [name, value?.trim() ?? dummyValue(name)] as const;
	if (isForbiddenRequestHeader(entry[0], entry[1])) {
		throw new CheckInputError('FORBIDDEN_HEADER', `Forbidden header "${name}": browsers do not let page scripts set it, so it cannot take part in CORS.`);
	}

	return entry;
}

function parseExpectHeaders(input: unknown): string[] {
	if (!Array.isArray(input)) {
		throw new CheckInputError('INVALID_OPTION', 'The `expectHeaders` option must be an array of response-header names.');
	}

	return input.map((name: unknown) => {
		if (typeof name !== 'string' || !isHttpToken(name)) {
			throw new CheckInputError('INVALID_HEADER_NAME', `Invalid response-header name "${String(name)}" in \`expectHeaders\`: a header name is a single token, e.g. x-total-count.`);
		}

		return name.toLowerCase();
	});
}

function parseBoolean(option: string, value: unknown): boolean {
	if (typeof value !== 'boolean') {
		throw new CheckInputError('INVALID_OPTION', `The \`${option}\` option must be a boolean.`);
	}

	return value;
}

function parsePositive(option: string, value: unknown, allowZero = false): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
		throw new CheckInputError('INVALID_OPTION', `The \`${option}\` option must be a positive number.`);
	}

	return value;
}
