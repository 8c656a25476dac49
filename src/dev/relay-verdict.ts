import type {CorsCode, Phase} from '../codes.js';
import type {RelayAnswer} from './relay-types.js';

/** The certain verdict a relay answer gives: the code a browser reports first, and where it came from. */
export interface RelayVerdict {
	readonly code: CorsCode;
	readonly confidence: 'certain';
	readonly source: 'relay';
	readonly phase: Phase;
	readonly fix: readonly string[];
	/** Every exact code the relay found, in the order a browser meets them. */
	readonly codes: readonly CorsCode[];
}

// The order Chromium checks a response in (services/network/public/cpp/cors/cors.cc, preflight_result.cc): a redirected
// preflight, then the access check (origin, then credentials), then the preflight status, then parsing ACAM and ACAH,
// then the method and the headers; on a redirect, the hop's access check before its URL rules.
const RANK: {readonly [C in CorsCode]?: number} = {
	PREFLIGHT_REDIRECT: 0,
	ALLOW_ORIGIN_MISSING: 1,
	WILDCARD_ORIGIN_WITH_CREDENTIALS: 2,
	ALLOW_ORIGIN_MULTIPLE: 3,
	ALLOW_ORIGIN_INVALID: 4,
	ALLOW_ORIGIN_MISMATCH: 5,
	REDIRECT_TAINTED_ORIGIN: 5,
	ALLOW_CREDENTIALS_MISSING: 6,
	PREFLIGHT_STATUS: 7,
	PREFLIGHT_NETWORK_ERROR: 7,
	ALLOW_METHODS_INVALID: 8,
	ALLOW_HEADERS_INVALID: 9,
	METHOD_NOT_ALLOWED: 10,
	HEADER_NOT_ALLOWED: 11,
	REDIRECT_HAS_USERINFO: 12,
	REDIRECT_BAD_SCHEME: 12,
};

/**
Turns a relay answer into the certain verdict the classifier puts on its `CorsError`: the first finding in the order a
browser meets them (earlier hops first, a hop's preflight before its response, then Chromium's check order). `undefined`
when there is no usable answer (no relay, a network failure, or no finding: then the inferred verdict stands).

@example
```
relayVerdict({source: 'relay', ok: false, codes: ['PREFLIGHT_STATUS', 'ALLOW_ORIGIN_MISSING'], findings: [
	{code: 'PREFLIGHT_STATUS', phase: 'preflight', fix: []},
	{code: 'ALLOW_ORIGIN_MISSING', phase: 'preflight', fix: ['Access-Control-Allow-Origin: http://localhost:5173']},
]});
//=> {code: 'ALLOW_ORIGIN_MISSING', confidence: 'certain', source: 'relay', phase: 'preflight', ...}
```
*/
export function relayVerdict(answer: RelayAnswer | undefined): RelayVerdict | undefined {
	if (!answer || !('findings' in answer) || answer.findings.length === 0) {
		return undefined;
	}

	const key = (finding: (typeof answer.findings)[number]) => [finding.hop ?? 0, finding.phase === 'preflight' ? 0 : 1, RANK[finding.code] ?? 20];
	const ordered = [...answer.findings].sort((a, b) => {
		const [x, y] = [key(a), key(b)];
		return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
	});
	const first = ordered[0]!;
	return {code: first.code, confidence: 'certain', source: 'relay', phase: first.phase, fix: first.fix, codes: ordered.map(finding => finding.code)};
}
