import type {CorsCode} from '../codes.js';
import {addressSpace, isMixedContent} from '../rules/origin.js';

/** The request facts the static checks read. */
export interface StaticInput {
	readonly url: string;
	readonly mode: RequestMode;
	readonly redirect: RequestRedirect;
}

const SPACES = ['public', 'local', 'loopback'];
const rank = (url: URL) => SPACES.indexOf(addressSpace(url.hostname));

/**
A certain cause known without any network activity (pure): the browser refuses these before or instead of CORS.
`pageOrigin` is a serialized origin; `'null'` (sandboxed or file pages) skips the page-relative checks.

@example
```
staticFact({url: 'http://api.example.com/x', mode: 'cors', redirect: 'follow'}, 'https://app.example.com') // 'MIXED_CONTENT'
```
*/
export const staticFact = (x: StaticInput, pageOrigin: string): CorsCode | undefined => {
	const url = new URL(x.url);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return 'SCHEME_NOT_SUPPORTED';
	}
	if (x.mode === 'same-origin') {
		return 'MODE_SAME_ORIGIN';
	}
	if (x.mode === 'no-cors' && x.redirect !== 'follow') {
		return 'NO_CORS_REDIRECT_MODE';
	}
	if (pageOrigin !== 'null') {
		if (isMixedContent(pageOrigin, url)) {
			return 'MIXED_CONTENT';
		}
		// Local Network Access: a page may not reach a more private address space than its own.
		if (rank(url) > rank(new URL(pageOrigin))) {
			return 'LOCAL_NETWORK_ACCESS';
		}
	}
	return undefined;
};
