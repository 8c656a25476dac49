import {isIP} from 'node:net';
import type {RequestShape} from './relay-types.js';

// Pure checks of the dev relay, apart from its I/O so each refusal is tested on its own.

/** Bounds on what the relay reads: a shape is a few hundred bytes; anything larger is not from cors-doctor. */
export const LIMITS = {body: 4096, url: 2048, method: 32, headers: 32, headerName: 128, origin: 256} as const;

/** Whether a socket's remote address is this machine (IPv4 127/8, IPv6 ::1, and IPv4-mapped 127/8). */
export function isLoopbackAddress(address: string | undefined): boolean {
	if (!address) {
		return false;
	}

	const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
	return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

/** Normalizes an allowlist entry (an origin or a URL) to its origin; throws a TypeError naming a bad entry. */
export function toOrigin(entry: string): string {
	let url: URL;
	try {
		url = new URL(entry);
	} catch {
		throw new TypeError(`cors-doctor relay: "${entry}" in \`origins\` is not a URL or origin`);
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new TypeError(`cors-doctor relay: "${entry}" in \`origins\` is not http(s)`);
	}

	return url.origin;
}

/** Why a shape is refused, or undefined when it is a valid, bounded request shape. */
export function shapeProblem(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) {
		return 'expected a JSON object';
	}

	const shape = value as Record<string, unknown>;
	const {url, method, headers, credentials, pageOrigin} = shape;
	if (typeof url !== 'string' || url.length > LIMITS.url) {
		return `url must be a string of at most ${LIMITS.url} characters`;
	}

	if (typeof method !== 'string' || method.length > LIMITS.method || !/^[!#$%&'*+.^`|~\w-]+$/.test(method)) {
		return 'method must be a method token';
	}

	if (!Array.isArray(headers) || headers.length > LIMITS.headers || !headers.every(name => typeof name === 'string' && name.length <= LIMITS.headerName && /^[!#$%&'*+.^`|~\w-]+$/.test(name))) {
		return `headers must be at most ${LIMITS.headers} header names`;
	}

	if (credentials !== 'omit' && credentials !== 'same-origin' && credentials !== 'include') {
		return 'credentials must be omit, same-origin or include';
	}

	if (typeof pageOrigin !== 'string' || pageOrigin.length > LIMITS.origin) {
		return 'pageOrigin must be an origin';
	}

	const extra = Object.keys(shape).find(key => !['url', 'method', 'headers', 'credentials', 'pageOrigin'].includes(key));
	return extra ? `unexpected field "${extra}" (the relay takes a request shape only)` : undefined;
}

/** The shape's target origin when it is in the allowlist, else undefined. */
export function allowedTarget(shape: RequestShape, allowlist: ReadonlySet<string>): string | undefined {
	try {
		const {origin} = new URL(shape.url);
		return allowlist.has(origin) ? origin : undefined;
	} catch {
		return undefined;
	}
}

/** The only methods the relay ever sends: preflights and the checker's safe actual requests. */
export const RELAY_METHODS: ReadonlySet<string> = new Set(['OPTIONS', 'GET', 'HEAD']);
