import {asciiLower, isHttpToken, normalizeHeaderValue} from './http.js';

/**
The essence (`type/subtype`, lower-cased) of a MIME type per the WHATWG MIME Sniffing "parse a MIME type", or `undefined` on failure.

Only the type and subtype steps of that algorithm can fail; a bad parameter is skipped, never fatal. So the essence is all the
CORS safelist needs, and the parameters are not parsed at all (`text/plain;garbage` is fine, `text/plain,` is not).

Spec: https://mimesniff.spec.whatwg.org/#parse-a-mime-type

@example
```
mimeEssence(' Text/Plain ;charset=utf-8'); //=> 'text/plain'
mimeEssence('text /plain'); //=> undefined
```
*/
export function mimeEssence(input: string): string | undefined {
	// "Remove any leading and trailing HTTP whitespace": the same trim as header value normalization.
	const value = normalizeHeaderValue(input);
	const slash = value.indexOf('/');
	if (slash === -1) {
		return undefined;
	}

	const type = value.slice(0, slash);
	const semicolon = value.indexOf(';', slash + 1);
	// Only trailing whitespace is removed from the subtype; leading whitespace makes it a non-token.
	const subtype = value.slice(slash + 1, semicolon === -1 ? undefined : semicolon).replace(/[\t\n\r ]+$/, '');
	if (!isHttpToken(type) || !isHttpToken(subtype)) {
		return undefined;
	}

	return asciiLower(`${type}/${subtype}`);
}
