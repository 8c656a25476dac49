import {asciiLower} from './http.js';

/** A parsed single byte range; either end may be absent (`bytes=5-`, `bytes=-5`), never both. */
export interface SingleRange {
	readonly start: bigint | null;
	readonly end: bigint | null;
}

/**
The Fetch standard's "parse a single range header value" with whitespace not allowed: `bytes=N-M`, `bytes=N-` or `bytes=-M`,
digits only, one range, start not after end. Returns `undefined` on failure.

Spec: https://fetch.spec.whatwg.org/#simple-range-header-value

@example
```
parseSingleRange('bytes=100-200'); //=> {start: 100n, end: 200n}
parseSingleRange('bytes=100-200,300-400'); //=> undefined
```
*/
export function parseSingleRange(value: string): SingleRange | undefined {
	// Numbers are bigint: a 30-digit range is still well-formed and must compare correctly.
	const match = /^([A-Za-z]*)=(\d*)-(\d*)$/.exec(value);
	if (!match || asciiLower(match[1]!) !== 'bytes') {
		return undefined;
	}

	const start = match[2] ? BigInt(match[2]) : null;
	const end = match[3] ? BigInt(match[3]) : null;
	if (start === null && end === null) {
		return undefined;
	}

	if (start !== null && end !== null && start > end) {
		return undefined;
	}

	return {start, end};
}

/**
Whether a `Range` value is CORS-safelisted: a single range that parses and has a start (suffix ranges need a preflight).

Spec: https://fetch.spec.whatwg.org/#cors-safelisted-request-header (the `range` case)
*/
export function isSimpleRange(value: string): boolean {
	const range = parseSingleRange(value);
	return range !== undefined && range.start !== null;
}
