import type {CraftedOrigin} from './types.js';

/** The attacker's own site: `.test` is reserved (RFC 6761), so the audit never names a real third party. */
export const UNRELATED_HOST = 'cors-doctor-evil.test';
const ATTACKER_SUFFIX = 'evil.test';
const ATTACKER_LABEL = 'evil';

function isIpHost(hostname: string): boolean {
	return hostname.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(hostname);
}

// Only strings the URL parser accepts and serializes back unchanged are origins a browser could send.
function serialized(candidate: string): string | undefined {
	try {
		const url = new URL(candidate);
		return url.origin === candidate ? candidate : undefined;
	} catch {
		return undefined;
	}
}

function variantsOf(trusted: string): CraftedOrigin[] {
	const url = new URL(trusted);
	const {protocol, hostname} = url;
	const port = url.port === '' ? '' : `:${url.port}`;
	const at = (host: string, scheme = protocol, portPart = port) => `${scheme}//${host}${portPart}`;
	const labels = hostname.split('.');
	const ip = isIpHost(hostname);
	const out: Array<{kind: CraftedOrigin['kind']; origin: string}> = [
		// `origin.startsWith(trusted)` and unanchored regexes accept the trusted host followed by anything.
		{kind: 'suffix', origin: at(`${hostname}.${ATTACKER_SUFFIX}`)},
	];
	if (!ip) {
		// `origin.endsWith('app.example.com')` and `/app\.example\.com$/` accept a host that merely ends like it...
		out.push({kind: 'prefix', origin: at(`${ATTACKER_LABEL}${hostname}`)});
		if (labels.length >= 3) {
			// ...and `endsWith('example.com')` accepts `evilexample.com`, which anyone can register.
			out.push({kind: 'prefix', origin: at(`${ATTACKER_LABEL}${labels.slice(-2).join('.')}`)});
		}

		// Trusting every subdomain trusts each one's XSS and dangling DNS record.
		out.push({kind: 'sibling', origin: at([ATTACKER_LABEL, ...(labels.length >= 3 ? labels.slice(1) : labels)].join('.'))});
		// An unescaped `.` in a regex matches any character. The last dot is left alone: `app.examplexcom` is not registrable.
		for (let index = 0; index < labels.length - 2; index++) {
			out.push({kind: 'regex-dot', origin: at([...labels.slice(0, index), `${labels[index]}x${labels[index + 1]}`, ...labels.slice(index + 2)].join('.'))});
		}

		// Browsers send lowercase hosts, so a case variant only tells how the server compares (a note, never a finding).
		out.push({kind: 'case', origin: at(`${labels[0]!.toUpperCase()}${labels.length > 1 ? `.${labels.slice(1).join('.')}` : ''}`)});
	}

	if (protocol === 'https:') {
		// A page served over http can be rewritten by anyone on the network path.
		out.push({kind: 'http', origin: at(hostname, 'http:')});
	}

	// Another port on the same host is another origin (another service, another owner).
	out.push({kind: 'port', origin: at(hostname, protocol, url.port === '8443' ? ':8444' : ':8443')});
	return out.map(item => ({...item, trusted}));
}

/**
The origins an attacker would try against an API that trusts `trusted` (serialized origins): an unrelated site, `null`, and per
trusted origin the suffix, prefix, sibling-subdomain, http, unescaped-regex-dot, letter-case and port variants. Pure; variants that
are themselves trusted, duplicates, and strings that are not valid serialized origins are left out.

@example
```
craftOrigins(['https://app.example.com']).map(({kind, origin}) => `${kind} ${origin}`);
//=> ['unrelated https://cors-doctor-evil.test', 'null null', 'suffix https://app.example.com.evil.test',
//    'prefix https://evilapp.example.com', 'prefix https://evilexample.com', 'sibling https://evil.example.com',
//    'regex-dot https://appxexample.com', 'case https://APP.example.com', 'http http://app.example.com', 'port https://app.example.com:8443']
```
*/
export function craftOrigins(trusted: readonly string[]): CraftedOrigin[] {
	const scheme = trusted.every(origin => origin.startsWith('http:')) ? 'http:' : 'https:';
	const candidates: CraftedOrigin[] = [
		{kind: 'unrelated', origin: `${scheme}//${UNRELATED_HOST}`},
		// Sandboxed iframes, `data:` documents and some redirects send `Origin: null`: any site can produce one.
		{kind: 'null', origin: 'null'},
		...trusted.flatMap(origin => variantsOf(origin)),
	];
	const seen = new Set(trusted);
	const result: CraftedOrigin[] = [];
	for (const candidate of candidates) {
		// The case variant is not a serialization (`new URL` lowercases it) but it is what the server must compare.
		const valid = candidate.kind === 'null' || candidate.kind === 'case' || serialized(candidate.origin) !== undefined;
		if (valid && !seen.has(candidate.origin)) {
			seen.add(candidate.origin);
			result.push(candidate);
		}
	}

	return result;
}

function hostParts(origin: string): {scheme: string; host: string; port: string} | undefined {
	const match = /^([a-z][\w+.-]*):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?$/i.exec(origin);
	return match ? {scheme: match[1]!.toLowerCase(), host: match[2]!.toLowerCase(), port: match[3] ?? ''} : undefined;
}

/**
How an origin seen in a request relates to the trusted ones: the passive form of `craftOrigins`, used by the server middleware to
name the pattern behind a response that trusted an origin it should not. Pure. Returns `undefined` for a trusted origin.

@example
```
classifyOrigin('https://evilexample.com', ['https://app.example.com']); //=> {kind: 'prefix', trusted: 'https://app.example.com'}
```
*/
export function classifyOrigin(origin: string, trusted: readonly string[]): Omit<CraftedOrigin, 'origin'> | undefined {
	if (trusted.includes(origin)) {
		return undefined;
	}

	if (origin === 'null') {
		return {kind: 'null'};
	}

	const seen = hostParts(origin);
	if (seen) {
		for (const candidate of trusted) {
			const base = hostParts(candidate);
			if (!base) {
				continue;
			}

			const sameHost = seen.host === base.host;
			if (origin.toLowerCase() === candidate) {
				return {kind: 'case', trusted: candidate};
			}

			if (sameHost && seen.scheme === 'http' && base.scheme === 'https') {
				return {kind: 'http', trusted: candidate};
			}

			if (sameHost) {
				return {kind: 'port', trusted: candidate};
			}

			const labels = base.host.split('.');
			const parent = labels.length >= 3 ? labels.slice(1).join('.') : base.host;
			if (seen.host.endsWith(`.${parent}`)) {
				return {kind: 'sibling', trusted: candidate};
			}

			if (seen.host.startsWith(`${base.host}.`)) {
				return {kind: 'suffix', trusted: candidate};
			}

			// One character where the trusted host has a dot: only an unescaped regex dot accepts that
			// (checked before the prefix rule: `appxexample.com` also ends like `example.com`).
			if (seen.host.length === base.host.length && [...base.host].every((char, index) => char === seen.host[index] || (char === '.' && seen.host[index] !== '.'))) {
				return {kind: 'regex-dot', trusted: candidate};
			}

			if (seen.host.endsWith(base.host) || (labels.length >= 2 && seen.host.endsWith(labels.slice(-2).join('.')))) {
				return {kind: 'prefix', trusted: candidate};
			}
		}
	}

	return {kind: 'unrelated'};
}
