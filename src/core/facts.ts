import type {CorsCode} from '../codes.js';
import {addressSpace, isMixedContent, type AddressSpace} from '../rules/origin.js';

const SPACES: readonly AddressSpace[] = ['public', 'local', 'loopback'];

/**
The address space a host provably belongs to: an IP literal's, or loopback for `localhost`/`*.localhost` (the URL standard
pins those). Any other name may resolve anywhere (`app.test` and `lvh.me` point at 127.0.0.1), so it proves nothing.
*/
export const provenSpace = (hostname: string): AddressSpace | undefined => {
	const name = hostname.replace(/\.$/, '');
	const literal = /^[\d.]+$/.test(name) || name.startsWith('[');
	return literal || name === 'localhost' || name.endsWith('.localhost') ? addressSpace(name) : undefined;
};

/** Whether a request from `pageOrigin` to `url` crosses into a more private address space, as far as the addresses prove. */
export const entersLocalNetwork = (url: URL, pageOrigin: string): boolean => {
	const target = provenSpace(url.hostname);
	const page = pageOrigin === 'null' ? undefined : provenSpace(new URL(pageOrigin).hostname);
	return target !== undefined && page !== undefined && SPACES.indexOf(target) > SPACES.indexOf(page);
};

/** Whether `url` is on a private or loopback address (proven by the address itself). */
export const isLocalTarget = (url: URL): boolean => {
	const space = provenSpace(url.hostname);
	return space === 'local' || space === 'loopback';
};

/** The request facts the static checks read. */
export interface StaticInput {
	readonly url: string;
	readonly mode: RequestMode;
	readonly redirect: RequestRedirect;
}

/**
A certain cause known without any network activity (pure): the browser refuses these before or instead of CORS.
`pageOrigin` is a serialized origin; `'null'` (sandboxed or file pages) skips the page-relative checks. Local Network
Access is not here: it depends on the permission state too (see triage.ts).

@example
```
staticFact({url: 'http://api.example.com/x', mode: 'cors', redirect: 'follow'}, 'https://app.example.com') // 'MIXED_CONTENT'
```
*/
export const staticFact = (input: StaticInput, pageOrigin: string): CorsCode | undefined => {
	const url = new URL(input.url);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return 'SCHEME_NOT_SUPPORTED';
	}
	if (input.mode === 'same-origin') {
		return 'MODE_SAME_ORIGIN';
	}
	if (input.mode === 'no-cors' && input.redirect !== 'follow') {
		return 'NO_CORS_REDIRECT_MODE';
	}
	return pageOrigin !== 'null' && isMixedContent(pageOrigin, url) ? 'MIXED_CONTENT' : undefined;
};
