import {asciiLower} from './http.js';

/**
The serialized origin of a URL (`https://host[:port]`), or `'null'` for an opaque origin (`file:`, `data:`, ...).
Throws a `TypeError` for an invalid URL.

Spec: https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin

@example
```
originOf('HTTPS://Example.com:443/a?b'); //=> 'https://example.com'
```
*/
export function originOf(url: string | URL): string {
	return new URL(url).origin;
}

function isLoopbackHost(hostname: string): boolean {
	if (hostname === '[::1]') {
		return true;
	}

	// The URL parser has already canonicalized IPv4 (`127.1` is `127.0.0.1`).
	if (/^127\.\d+\.\d+\.\d+$/.test(hostname)) {
		return true;
	}

	// "Let localhost be localhost": all current engines resolve these names to loopback only.
	const name = hostname.replace(/\.$/, '');
	return name === 'localhost' || name.endsWith('.localhost');
}

/**
Whether a URL is potentially trustworthy (Secure Contexts): `https:`/`wss:`, `localhost` and `*.localhost`, `127.0.0.0/8`, `[::1]`,
`file:`, `data:`, `about:blank`/`about:srcdoc`. Such a URL is never mixed content.

Spec: https://w3c.github.io/webappsec-secure-contexts/#is-url-trustworthy

@example
```
isPotentiallyTrustworthy('http://127.0.0.1:8080/'); //=> true
isPotentiallyTrustworthy('http://192.168.1.10/'); //=> false
```
*/
export function isPotentiallyTrustworthy(url: string | URL): boolean {
	const parsed = new URL(url);
	const scheme = parsed.protocol.slice(0, -1);
	if (scheme === 'https' || scheme === 'wss' || scheme === 'file' || scheme === 'data') {
		return true;
	}

	if (scheme === 'about') {
		return parsed.pathname === 'blank' || parsed.pathname === 'srcdoc';
	}

	return (scheme === 'http' || scheme === 'ws') && isLoopbackHost(parsed.hostname);
}

/** Local Network Access address spaces, from most to least private. */
export type AddressSpace = 'loopback' | 'local' | 'public';

function ipv4Space(address: number[]): AddressSpace {
	const [a = 0, b = 0] = address;
	if (a === 127) {
		return 'loopback';
	}

	// 10/8, 172.16/12, 192.168/16, link-local 169.254/16, and CGNAT 100.64/10 (LNA counts it as local).
	if (a === 10 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b < 128)) {
		return 'local';
	}

	return 'public';
}

// Expands the URL parser's canonical IPv6 text (lower-case hex, `::` compression, never dotted) into 8 groups.
function ipv6Groups(text: string): number[] | undefined {
	const [head = '', tail] = text.split('::');
	const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map(group => Number.parseInt(group, 16)));
	const first = parse(head);
	const last = tail === undefined ? [] : parse(tail);
	const groups = tail === undefined ? first : [...first, ...Array.from({length: 8 - first.length - last.length}, () => 0), ...last];
	return groups.length === 8 && groups.every(group => Number.isInteger(group) && group >= 0 && group <= 0xFFFF) ? groups : undefined;
}

// Accepts `hostname` or `host` (with a port), bracketed or bare IPv6, and returns the URL parser's canonical hostname.
function canonicalHost(host: string): string {
	const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host);
	let bare = bracketed ? bracketed[1]! : host;
	if (!bracketed && /^[^:]*:\d*$/.test(bare)) {
		bare = bare.slice(0, bare.indexOf(':'));
	}

	// A zone id (`fe80::1%eth0`) names an interface, not an address; the URL parser rejects it.
	if (bare.includes(':')) {
		bare = bare.replace(/%.*$/, '');
	}

	try {
		return new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`).hostname;
	} catch {
		return asciiLower(bare);
	}
}

/**
The Local Network Access address space of a host: an IP literal by its range, `localhost`/`*.localhost` as loopback, `*.local` (mDNS)
as local, and any other name as public (the real answer depends on DNS, which pure code cannot see).
IPv4 is canonicalized first (`127.1`, `0x7f.1`), and IPv4-mapped IPv6 takes the space of its IPv4 address.

Spec: https://wicg.github.io/local-network-access/#ip-address-space-heading

@example
```
addressSpace('192.168.0.1'); //=> 'local'
addressSpace('[::ffff:127.0.0.1]'); //=> 'loopback'
addressSpace('printer.local'); //=> 'local'
```
*/
export function addressSpace(host: string): AddressSpace {
	const hostname = canonicalHost(host);
	const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(hostname);
	if (ipv4) {
		return ipv4Space(ipv4.slice(1).map(Number));
	}

	if (hostname.startsWith('[')) {
		const groups = ipv6Groups(hostname.slice(1, -1));
		if (!groups) {
			return 'public';
		}

		const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = groups;
		if (groups.slice(0, 5).every(group => group === 0) && g5 === 0xFFFF) {
			return ipv4Space([g6 >> 8, g6 & 0xFF, g7 >> 8, g7 & 0xFF]);
		}

		if (groups.slice(0, 7).every(group => group === 0) && g7 === 1) {
			return 'loopback';
		}

		// fc00::/7 unique local, fe80::/10 link-local.
		return (g0 & 0xFE_00) === 0xFC_00 || (g0 & 0xFF_C0) === 0xFE_80 ? 'local' : 'public';
	}

	const name = hostname.replace(/\.$/, '');
	if (name === 'localhost' || name.endsWith('.localhost')) {
		return 'loopback';
	}

	return name.endsWith('.local') ? 'local' : 'public';
}

/**
Whether fetching `target` from a page at `pageUrl` is blocked as mixed content: an `https:` page and a target that is not
potentially trustworthy (so `http://localhost` and `http://127.0.0.1` stay allowed). A relative target resolves against the page.

Spec: https://w3c.github.io/webappsec-mixed-content/#should-block-fetch

@example
```
isMixedContent('https://app.example.com/', 'http://api.example.com/'); //=> true
```
*/
export function isMixedContent(pageUrl: string | URL, target: string | URL): boolean {
	const page = new URL(pageUrl);
	if (page.protocol !== 'https:') {
		return false;
	}

	return !isPotentiallyTrustworthy(new URL(target, page));
}
