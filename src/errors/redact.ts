/**
An app's own rule for one path segment (percent-encoded, as in the URL): return its replacement, or `undefined` to let
the built-in rules decide. Return the segment itself to keep it as it is.
*/
export type SegmentRule = (segment: string) => string | undefined;

let appRule: SegmentRule | undefined;

/**
Adds an app-specific rule to `redactUrl` (which every `CorsError` message, stack and `toJSON()` goes through), for path
segments the built-in rules miss, such as user names or slugs. Global, like a logger's configuration; `undefined` removes it.

@example
```
// /users/alice/settings -> /users/:user/settings
setRedaction(segment => /^[a-z]+$/.test(segment) && !['users', 'settings'].includes(segment) ? ':user' : undefined);
```
*/
export const setRedaction = (rule: SegmentRule | undefined): void => {
	appRule = rule;
};

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
// A JWT or JWE: base64url JSON that starts with `{"` (`eyJ`), in 3 or 5 dot-separated parts.
const JWT = /^eyJ[\w-]*(?:\.[\w-]*){2,4}$/;

// Random-looking base64url: long, with digits and letters, and either mixed case or no word separators, so that
// `v2-release-notes-2024` stays readable while `dGhpcyBpcyBhIHRva2Vu9` and `k3j4h5g6f7d8s9a0` do not.
const isTokenShaped = (segment: string): boolean =>
	/^[\w-]{16,}={0,2}$/.test(segment) && /\d/.test(segment) && /[A-Za-z]/.test(segment)
	&& ((/[A-Z]/.test(segment) && /[a-z]/.test(segment)) || !/[-_]/.test(segment));

const templateSegment = (raw: string): string => {
	// Already a placeholder: redacting twice (the core, then CorsError) must give the same URL.
	if (raw.startsWith(':')) {
		return raw;
	}

	const custom = appRule?.(raw);
	if (custom !== undefined) {
		return custom;
	}

	// Matrix parameters (`;jsessionid=…`) carry session ids: they go, whatever their name.
	const segment = raw.replace(/;.*/s, '');
	return /^\d+$/.test(segment) ? ':id'
		: UUID.test(segment) ? ':uuid'
			: /^[\da-f]{16,}$/i.test(segment) ? ':hex'
				: JWT.test(segment) || isTokenShaped(segment) ? ':token'
					: segment;
};

/**
The form of a URL that telemetry and error messages may show: no userinfo, query or fragment, and path segments that look
like ids or secrets templated: numbers become `:id`, UUIDs `:uuid`, long hex `:hex`, JWTs and random base64url `:token`;
matrix parameters (`;jsessionid=…`) are dropped. Add rules with `setRedaction`. A URL that is not http(s) keeps only its
scheme (a `data:` URL is all payload); unparsable input gives `''` rather than leaking it.

@example
```
redactUrl('https://user:pw@api.example.com/orders/12345/items?token=s3cret#top') // 'https://api.example.com/orders/:id/items'
```
*/
export const redactUrl = (url: string): string => {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return '';
	}

	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		return parsed.protocol;
	}

	return parsed.protocol + '//' + parsed.host + parsed.pathname.split('/').map((segment, index) => index === 0 ? segment : templateSegment(segment)).join('/');
};
