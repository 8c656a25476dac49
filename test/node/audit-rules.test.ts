import {describe, expect, test} from 'vitest';
import {judge, type Observation} from '../../src/node/audit/rules';
import type {CraftedOrigin, ProbeKind} from '../../src/node/audit/types';

type Lines = Array<[string, string]>;

function observation(probe: ProbeKind, origin: string, headers: Lines, status = probe === 'preflight' ? 204 : 200): Observation {
	return {
		probe,
		response: {status, headers},
		exchange: {probe, request: {method: probe === 'preflight' ? 'OPTIONS' : 'GET', origin, credentials: probe === 'actual-credentialed'}, status, headers},
	};
}

// A server's answer to one origin, the same for the three probes unless told otherwise.
function answers(origin: string, actual: Lines, preflight: Lines = actual, credentialed: Lines = actual): Observation[] {
	return [observation('actual', origin, actual), observation('actual-credentialed', origin, credentialed), observation('preflight', origin, preflight)];
}

const trusted = 'https://app.example.com';
const echo = (origin: string): Lines => [['Access-Control-Allow-Origin', origin]];
const echoWithCredentials = (origin: string): Lines => [...echo(origin), ['Access-Control-Allow-Credentials', 'true']];
const crafted = (kind: CraftedOrigin['kind'], origin: string): CraftedOrigin => kind === 'unrelated' || kind === 'null' ? {kind, origin} : {kind, origin, trusted};

const table: Array<[name: string, subject: CraftedOrigin, responses: (origin: string) => Observation[], expected: {id?: string; severity?: string; credentials?: boolean; preflight?: boolean; evidence?: number; note?: boolean}]> = [
	['reflected with credentials is critical', crafted('unrelated', 'https://cors-doctor-evil.test'), origin => answers(origin, echoWithCredentials(origin)), {id: 'reflected-origin', severity: 'critical', credentials: true, preflight: true, evidence: 3}],
	['reflected without credentials is low', crafted('unrelated', 'https://cors-doctor-evil.test'), origin => answers(origin, echo(origin)), {id: 'reflected-origin', severity: 'low', credentials: false, evidence: 3}],
	['reflected only when a cookie comes along is still critical', crafted('unrelated', 'https://cors-doctor-evil.test'), origin => answers(origin, [], [], echoWithCredentials(origin)), {id: 'reflected-origin', severity: 'critical', credentials: true, preflight: false, evidence: 1}],
	['a preflight-only grant with credentials counts (cross-site writes)', crafted('unrelated', 'https://cors-doctor-evil.test'), origin => answers(origin, [], [...echoWithCredentials(origin), ['Access-Control-Allow-Methods', 'PUT']]), {id: 'reflected-origin', severity: 'critical', preflight: true, evidence: 1}],
	['a preflight granting the origin but not PUT still trusts the origin', crafted('null', 'null'), origin => answers(origin, [], [...echoWithCredentials(origin), ['Access-Control-Allow-Methods', 'POST']]), {id: 'null-origin', severity: 'high', preflight: true}],
	['a non-2xx preflight grants nothing', crafted('null', 'null'), origin => [observation('preflight', origin, echoWithCredentials(origin), 403)], {}],
	['* is one low finding, on the unrelated origin', crafted('unrelated', 'https://cors-doctor-evil.test'), origin => answers(origin, [['Access-Control-Allow-Origin', '*']]), {id: 'wildcard-origin', severity: 'low', credentials: false}],
	['* on a variant is not reported again', crafted('suffix', 'https://app.example.com.evil.test'), origin => answers(origin, [['Access-Control-Allow-Origin', '*']]), {}],
	['* with credentials true grants no credentialed read (browsers refuse it)', crafted('unrelated', 'https://cors-doctor-evil.test'), origin => answers(origin, [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Credentials', 'true']]), {id: 'wildcard-origin', credentials: false}],
	['null with credentials is high', crafted('null', 'null'), origin => answers(origin, echoWithCredentials(origin)), {id: 'null-origin', severity: 'high', credentials: true}],
	['suffix with credentials is high', crafted('suffix', 'https://app.example.com.evil.test'), origin => answers(origin, echoWithCredentials(origin)), {id: 'suffix-match', severity: 'high'}],
	['prefix with credentials is high', crafted('prefix', 'https://evilexample.com'), origin => answers(origin, echoWithCredentials(origin)), {id: 'prefix-match', severity: 'high'}],
	['regex dot with credentials is high', crafted('regex-dot', 'https://appxexample.com'), origin => answers(origin, echoWithCredentials(origin)), {id: 'regex-dot', severity: 'high'}],
	['sibling with credentials is medium', crafted('sibling', 'https://evil.example.com'), origin => answers(origin, echoWithCredentials(origin)), {id: 'subdomain-trust', severity: 'medium'}],
	['http with credentials is medium', crafted('http', 'http://app.example.com'), origin => answers(origin, echoWithCredentials(origin)), {id: 'http-origin', severity: 'medium'}],
	['http without credentials is low', crafted('http', 'http://app.example.com'), origin => answers(origin, echo(origin)), {id: 'http-origin', severity: 'low', credentials: false}],
	['port with credentials is low', crafted('port', 'https://app.example.com:8443'), origin => answers(origin, echoWithCredentials(origin)), {id: 'port-variant', severity: 'low'}],
	['a case-insensitive match is a note, not a finding', crafted('case', 'https://APP.example.com'), origin => answers(origin, echoWithCredentials(origin)), {note: true}],
	['the trusted origin echoed to everyone grants no crafted origin', crafted('unrelated', 'https://cors-doctor-evil.test'), () => answers('https://cors-doctor-evil.test', echoWithCredentials(trusted)), {}],
	['no CORS headers: nothing', crafted('unrelated', 'https://cors-doctor-evil.test'), origin => answers(origin, []), {}],
	['credentials "True" is not "true": no credentialed grant', crafted('null', 'null'), origin => answers(origin, [...echo(origin), ['Access-Control-Allow-Credentials', 'True']]), {id: 'null-origin', severity: 'low', credentials: false}],
];

describe('judge', () => {
	test.each(table)('%s', (_name, subject, responses, expected) => {
		const verdict = judge(subject, responses(subject.origin));
		expect(verdict.finding?.id).toBe(expected.id);
		expect(Boolean(verdict.note)).toBe(expected.note ?? false);
		if (expected.id) {
			const finding = verdict.finding!;
			expect(finding.origin).toBe(subject.origin);
			for (const key of ['severity', 'credentials', 'preflight'] as const) {
				if (expected[key] !== undefined) {
					expect(finding[key]).toBe(expected[key]);
				}
			}

			if (expected.evidence !== undefined) {
				expect(finding.evidence).toHaveLength(expected.evidence);
			}

			expect(finding.fix).toMatch(/allowlist/);
			expect(finding.message.length).toBeGreaterThan(20);
		}
	});
});
