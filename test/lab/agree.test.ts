import {expect, test} from 'vitest';
import {agreement} from '../../lab/agree';
import {CODE_INFO} from '../../src/codes';
import {CHROMIUM_CORS_ERRORS} from '../../src/node/chromium';

const tables = {codeInfo: CODE_INFO, chromium: CHROMIUM_CORS_ERRORS};
const result = (...codes: string[]) => ({kind: 'result', ok: codes.length === 0, codes}) as const;

test.each([
	['same exact code', {kind: 'cors', code: 'HEADER_NOT_ALLOWED'}, result('HEADER_NOT_ALLOWED'), true],
	['inferred for the exact code', {kind: 'cors', code: 'ORIGIN_NOT_ALLOWED'}, result('ALLOW_ORIGIN_MISSING'), true],
	['inferred for a refinement', {kind: 'cors', code: 'REDIRECT_NOT_ALLOWED'}, result('REDIRECT_TAINTED_ORIGIN'), true],
	['preflight rejected for a reset preflight', {kind: 'cors', code: 'PREFLIGHT_REJECTED'}, result('PREFLIGHT_NETWORK_ERROR'), true],
	['another class', {kind: 'cors', code: 'CREDENTIALS_NOT_ALLOWED'}, result('ALLOW_ORIGIN_MISSING'), false],
	['browser error, checker ok', {kind: 'cors', code: 'ORIGIN_NOT_ALLOWED'}, result(), false],
	['both pass', {kind: 'success'}, result(), true],
	['browser passes what the spec refuses', {kind: 'success'}, result('HEADER_NOT_ALLOWED'), false],
	['both unreachable', {kind: 'error', name: 'TypeError'}, {kind: 'network', code: 'UNREACHABLE'}, true],
	['page policy', {kind: 'cors', code: 'MIXED_CONTENT'}, result('ALLOW_ORIGIN_MISSING'), null],
	['undetermined', {kind: 'cors', code: 'UNDETERMINED'}, result('ALLOW_ORIGIN_MISSING'), null],
	['checker refused', {kind: 'success'}, {kind: 'refused', message: 'not loopback'}, null],
] as const)('%s', (_, browser, node, agree) => {
	const verdict = agreement(browser, node as Parameters<typeof agreement>[1], tables);
	expect(verdict.agree).toBe(agree);
	expect(verdict.why.length).toBeGreaterThan(0);
});
