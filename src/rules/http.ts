import type {RawResponse} from './types.js';

// RFC 9110 tchar. Methods and header names are tokens; `*` is a tchar, which is why the wildcard parses as one.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
Whether `value` is an HTTP token (RFC 9110 `token`), the grammar of methods and header names.

Spec: https://www.rfc-editor.org/rfc/rfc9110#name-tokens
*/
export function isHttpToken(value: string): boolean {
	return TOKEN.test(value);
}

/** ASCII-only lower-casing: the spec's "byte-lowercase" must not fold non-ASCII letters (`'İ'.toLowerCase()` does). */
export function asciiLower(value: string): string {
	return value.replace(/[A-Z]/g, letter => String.fromCharCode(letter.charCodeAt(0) + 32));
}

/** ASCII-only upper-casing ("byte-uppercase"); `'ſ'.toUpperCase()` is `'S'`, which would turn a non-method into one. */
export function asciiUpper(value: string): string {
	return value.replace(/[a-z]/g, letter => String.fromCharCode(letter.charCodeAt(0) - 32));
}

/** Strips leading and trailing HTTP tab or space, as an HTTP parser does with field values (OWS). */
export function trimTabSpace(value: string): string {
	return value.replace(/^[\t ]+|[\t ]+$/g, '');
}

/**
Header value normalization from the Fetch standard: strip leading and trailing HTTP whitespace (HT, LF, CR, SP).

Spec: https://fetch.spec.whatwg.org/#concept-header-value-normalize
*/
export function normalizeHeaderValue(value: string): string {
	return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

/** A value's length in bytes. Header values are byte strings; a character above U+00FF only gets here from a caller that skipped `Headers`, and it travels as UTF-8. */
export function byteLength(value: string): number {
	// eslint-disable-next-line no-control-regex
	return /[^\u0000-\u00FF]/.test(value) ? new TextEncoder().encode(value).length : value.length;
}

/**
Every value of the header lines named `name` (case-insensitive), in order, each trimmed of tab and space.

@example
```
headerLines({status: 200, headers: [['ACAO', 'a'], ['acao', ' b ']]}, 'acao'); //=> ['a', 'b']
```
*/
export function headerLines(response: RawResponse, name: string): string[] {
	const wanted = asciiLower(name);
	const lines: string[] = [];
	for (const [lineName, value] of response.headers) {
		if (asciiLower(lineName) === wanted) {
			lines.push(trimTabSpace(value));
		}
	}

	return lines;
}

/**
The Fetch standard's "get": the lines named `name` joined with `, `, or `null` when there is none.
Two `Access-Control-Allow-Origin` lines therefore read as `a, b`, which is how the spec rejects duplicates.

Spec: https://fetch.spec.whatwg.org/#concept-header-list-get

@example
```
getHeader({status: 200, headers: [['Vary', 'Origin'], ['vary', 'Accept']]}, 'vary'); //=> 'Origin, Accept'
```
*/
export function getHeader(response: RawResponse, name: string): string | null {
	const lines = headerLines(response, name);
	return lines.length === 0 ? null : lines.join(', ');
}

/** The result of parsing a `#token` list header: `null` when absent, `{failure}` with the first bad item when it does not parse. */
export type TokenList = string[] | null | {readonly failure: string};

/**
The spec's "extract header list values" for the `#method` / `#field-name` headers (ACAM, ACAH, ACEH): split on commas, trim, drop
empty elements (RFC 9110 lets recipients ignore them, and Chromium does), and fail when an item is not a token.

Spec: https://fetch.spec.whatwg.org/#concept-header-list-get-structured-header (the ABNF of #method and #field-name), https://fetch.spec.whatwg.org/#cors-preflight-fetch step 7
*/
export function extractTokenList(response: RawResponse, name: string): TokenList {
	const value = getHeader(response, name);
	if (value === null) {
		return null;
	}

	const items: string[] = [];
	for (const raw of value.split(',')) {
		const item = trimTabSpace(raw);
		if (item === '') {
			continue;
		}

		if (!isHttpToken(item)) {
			return {failure: item};
		}

		items.push(item);
	}

	return items;
}

/** Whether a parsed token list failed to parse. */
export function isListFailure(list: TokenList): list is {readonly failure: string} {
	return list !== null && !Array.isArray(list);
}

/**
The Fetch standard's "get, decode, and split" of one value: commas split it, except inside quoted strings.
Used for `X-HTTP-Method-Override`, where `"GET,CONNECT"` style tricks must still be seen.

Spec: https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split
*/
export function decodeAndSplit(input: string): string[] {
	const values: string[] = [];
	let position = 0;
	let temporary = '';
	for (;;) {
		while (position < input.length && input[position] !== '"' && input[position] !== ',') {
			temporary += input[position++];
		}

		if (position < input.length && input[position] === '"') {
			const start = position++;
			for (;;) {
				while (position < input.length && input[position] !== '"' && input[position] !== '\\') {
					position++;
				}

				if (position >= input.length) {
					break;
				}

				const quoteOrBackslash = input[position++];
				if (quoteOrBackslash === '\\') {
					if (position >= input.length) {
						break;
					}

					position++;
				} else {
					break;
				}
			}

			temporary += input.slice(start, position);
			if (position < input.length) {
				continue;
			}
		}

		values.push(trimTabSpace(temporary));
		temporary = '';
		if (position >= input.length) {
			return values;
		}

		position++;
	}
}
