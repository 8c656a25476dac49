import {describe, expect, test} from 'vitest';
import {CODE_INFO, CORS_CODES} from '../../src/codes';
import {CHROMIUM_CORS_ERRORS, chromiumReasonToCode} from '../../src/node/chromium';
import {scenarios} from '../support/scenarios';

// devtools-protocol Network.pdl at 5ee78b32 (2026-08): the 28 current Network.CorsError values.
const CURRENT = [
	'DisallowedByMode', 'InvalidResponse', 'WildcardOriginNotAllowed', 'MissingAllowOriginHeader', 'MultipleAllowOriginValues',
	'InvalidAllowOriginValue', 'AllowOriginMismatch', 'InvalidAllowCredentials', 'CorsDisabledScheme', 'PreflightInvalidStatus',
	'PreflightDisallowedRedirect', 'PreflightWildcardOriginNotAllowed', 'PreflightMissingAllowOriginHeader', 'PreflightMultipleAllowOriginValues',
	'PreflightInvalidAllowOriginValue', 'PreflightAllowOriginMismatch', 'PreflightInvalidAllowCredentials', 'PreflightMissingAllowExternal',
	'PreflightInvalidAllowExternal', 'InvalidAllowMethodsPreflightResponse', 'InvalidAllowHeadersPreflightResponse',
	'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse', 'RedirectContainsCredentials', 'InsecureLocalNetwork',
	'InvalidLocalNetworkAccess', 'NoCorsRedirectModeNotFollow', 'LocalNetworkAccessPermissionDenied',
];
// Renamed (r1581282) or removed (r1572739) names that older Chromium and recorded traces still carry.
const OLD = [
	'InsecurePrivateNetwork', 'InvalidPrivateNetworkAccess', 'UnexpectedPrivateNetworkAccess', 'PreflightMissingAllowPrivateNetwork',
	'PreflightInvalidAllowPrivateNetwork', 'PreflightMissingPrivateNetworkAccessId', 'PreflightMissingPrivateNetworkAccessName',
	'PrivateNetworkAccessPermissionUnavailable', 'PrivateNetworkAccessPermissionDenied',
];

describe('CHROMIUM_CORS_ERRORS', () => {
	test('covers the 28 current CDP names and the old ones, and nothing else', () => {
		expect(CURRENT).toHaveLength(28);
		expect(Object.keys(CHROMIUM_CORS_ERRORS).sort()).toEqual([...CURRENT, ...OLD].sort());
	});

	test.each([...CURRENT, ...OLD])('%s maps to a known code, and its inferred codes are known', name => {
		const code = chromiumReasonToCode(name);
		expect(code).toBeDefined();
		expect(CORS_CODES).toContain(code);
		const info = CHROMIUM_CORS_ERRORS[name as keyof typeof CHROMIUM_CORS_ERRORS];
		expect(info.inferred.length).toBeGreaterThan(0);
		for (const inferred of info.inferred) {
			expect(CORS_CODES).toContain(inferred);
		}
	});

	test('only current names are unmarked; old ones say they were renamed or removed', () => {
		for (const name of OLD) {
			expect(CHROMIUM_CORS_ERRORS[name as keyof typeof CHROMIUM_CORS_ERRORS]).toHaveProperty('removed');
		}

		for (const name of CURRENT) {
			expect(CHROMIUM_CORS_ERRORS[name as keyof typeof CHROMIUM_CORS_ERRORS]).not.toHaveProperty('removed');
		}
	});

	test('the code is exact where Chromium read a header, and every Preflight* name has the preflight phase', () => {
		for (const [name, info] of Object.entries(CHROMIUM_CORS_ERRORS)) {
			if (name.startsWith('Preflight') || name.endsWith('PreflightResponse')) {
				expect(info, name).toMatchObject({phase: 'preflight'});
			}

			expect(CODE_INFO[info.code][1], name).not.toBe('inferred');
		}
	});

	test.each([
		['MissingAllowOriginHeader', 'ALLOW_ORIGIN_MISSING', ['ORIGIN_NOT_ALLOWED', 'ERROR_RESPONSE_WITHOUT_CORS', 'REDIRECT_NOT_ALLOWED']],
		['HeaderDisallowedByPreflightResponse', 'HEADER_NOT_ALLOWED', ['HEADER_NOT_ALLOWED', 'PREFLIGHT_REJECTED']],
		['WildcardOriginNotAllowed', 'WILDCARD_ORIGIN_WITH_CREDENTIALS', ['CREDENTIALS_NOT_ALLOWED']],
		['PreflightMissingAllowOriginHeader', 'ALLOW_ORIGIN_MISSING', ['PREFLIGHT_REJECTED']],
		['RedirectContainsCredentials', 'REDIRECT_HAS_USERINFO', ['REDIRECT_NOT_ALLOWED']],
	] as const)('%s -> %s, inferred %j', (name, code, inferred) => {
		expect(CHROMIUM_CORS_ERRORS[name]).toMatchObject({code, inferred});
	});

	test('an unknown name and inherited keys map to undefined', () => {
		expect(chromiumReasonToCode('SomethingNew')).toBeUndefined();
		expect(chromiumReasonToCode('toString')).toBeUndefined();
	});

	test('each scenario\'s Chromium reason maps to the checker\'s first code (the Chromium-visible one)', () => {
		for (const entry of scenarios) {
			if (entry.expect.chromium === null || !entry.expect.checker) {
				continue;
			}

			const info = CHROMIUM_CORS_ERRORS[entry.expect.chromium as keyof typeof CHROMIUM_CORS_ERRORS];
			const accepted: readonly string[] = [info.code, ...(('refinedBy' in info && info.refinedBy) || [])];
			expect(entry.expect.checker.some(code => accepted.includes(code)), entry.name).toBe(true);
		}
	});
});
