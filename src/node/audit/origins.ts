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
