import {expect, test} from 'vitest';
import type {CorsCode, Phase} from '../../src/codes';
import {relayVerdict} from '../../src/dev/relay-verdict';

const answer = (...findings: Array<[CorsCode, Phase, number?]>) => ({
	source: 'relay' as const,
	ok: findings.length === 0,
	codes: findings.map(([code]) => code),
	findings: findings.map(([code, phase, hop]) => ({code, phase, ...(hop === undefined ? {} : {hop}), fix: [`fix ${code}`]})),
});

// The checker's findings for the scenarios, and the code Chromium reports (test/support/scenarios.ts, CDP).
test.each([
	['a 401 preflight without CORS', answer(['PREFLIGHT_STATUS', 'preflight'], ['ALLOW_ORIGIN_MISSING', 'preflight'], ['METHOD_NOT_ALLOWED', 'preflight'], ['HEADER_NOT_ALLOWED', 'preflight']), 'ALLOW_ORIGIN_MISSING'],
	['invalid ACAH and a refused method', answer(['METHOD_NOT_ALLOWED', 'preflight'], ['ALLOW_HEADERS_INVALID', 'preflight']), 'ALLOW_HEADERS_INVALID'],
	['a redirect hop without ACAO, then a later problem', answer(['ALLOW_ORIGIN_MISMATCH', 'actual', 1], ['ALLOW_ORIGIN_MISSING', 'redirect', 0]), 'ALLOW_ORIGIN_MISSING'],
	['userinfo in the redirect after a good access check', answer(['REDIRECT_HAS_USERINFO', 'redirect', 0]), 'REDIRECT_HAS_USERINFO'],
	['the preflight before the actual response', answer(['ALLOW_ORIGIN_MISSING', 'actual', 0], ['HEADER_NOT_ALLOWED', 'preflight']), 'HEADER_NOT_ALLOWED'],
	['credentials after the origin', answer(['ALLOW_CREDENTIALS_MISSING', 'actual', 0], ['ALLOW_ORIGIN_MISMATCH', 'actual', 0]), 'ALLOW_ORIGIN_MISMATCH'],
] as const)('%s', (_, relay, code) => {
	const verdict = relayVerdict(relay);
	expect(verdict).toMatchObject({code, confidence: 'certain', source: 'relay', fix: [`fix ${code}`]});
	expect([...verdict!.codes].sort()).toEqual([...relay.codes].sort());
});

test('no verdict without a usable answer', () => {
	expect(relayVerdict(undefined)).toBeUndefined();
	expect(relayVerdict({source: 'relay', network: 'UNREACHABLE'})).toBeUndefined();
	expect(relayVerdict(answer())).toBeUndefined();
});
