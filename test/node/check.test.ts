import {afterAll, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {checkCors} from '../../src/node/check';
import {CheckInputError} from '../../src/node/errors/CheckInputError';
import {CheckNetworkError} from '../../src/node/errors/CheckNetworkError';
import type {CheckResult, Exchange} from '../../src/node/types';
import {checkArgumentsFor} from '../support/check-options';
import {startScenarioServer, type ScenarioServer} from '../support/scenario-server';
import {scenario, scenarios} from '../support/scenarios';

let server: ScenarioServer;
beforeAll(async () => {
	server = await startScenarioServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => {
	server.clear();
});

const run = async (name: string): Promise<CheckResult> => {
	const {url, options} = checkArgumentsFor(scenario(name), server);
	return checkCors(url, options);
};

const isExchange = (value: CheckResult['preflight']): value is Exchange => value !== undefined && !('skipped' in value);

describe('checkCors against every scenario', () => {
	const checked = scenarios.filter(entry => entry.expect.checker !== undefined);
	test.each(checked.map(entry => [entry.name, entry] as const))('%s', async (name, entry) => {
		const result = await run(name);
		expect(result.problems.map(problem => problem.code)).toEqual(entry.expect.checker);
		expect(result.ok).toBe(entry.expect.checker!.length === 0);
		for (const problem of result.problems) {
			expect(problem.message.length).toBeGreaterThan(20);
		}
	});

	test.each(scenarios.filter(entry => entry.expect.network !== undefined).map(entry => [entry.name, entry.expect.network] as const))('%s throws CheckNetworkError %s', async (name, code) => {
		const {url, options} = checkArgumentsFor(scenario(name), server, {timeout: 300});
		const error = await checkCors(url, options).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(CheckNetworkError);
		expect((error as CheckNetworkError).code).toBe(code);
		expect((error as CheckNetworkError).cause).toBeDefined();
	});

	test('a refused port is UNREACHABLE, with the cause kept', async () => {
		const error = await checkCors(server.refusedUrl, {origin: server.page}).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(CheckNetworkError);
		expect(error).toMatchObject({code: 'UNREACHABLE', kind: 'refused'});
		expect(((error as Error).cause as {code?: string}).code).toBe('ECONNREFUSED');
	});
});

describe('what the checker sends', () => {
	test('an unsafe method is only preflighted, never sent, and the result says so', async () => {
		const result = await run('good-preflight-put');
		expect(result.actual).toEqual({skipped: 'unsafe-method'});
		expect(server.log.map(entry => entry.method)).toEqual(['OPTIONS']);
		const [preflight] = server.log;
		expect(preflight!.headers).toMatchObject({
			origin: server.page,
			'access-control-request-method': 'PUT',
			'access-control-request-headers': 'x-api-key',
			accept: '*/*',
		});
		expect(preflight!.headers.cookie).toBeUndefined();
		expect(preflight!.bodyLength).toBe(0);
	});

	test('a failing preflight for DELETE still never sends DELETE', async () => {
		const result = await checkCors(server.url('method-not-allowed'), {origin: server.page, method: 'delete', headers: ['authorization']});
		expect(result.method).toBe('DELETE');
		expect(server.log.every(entry => entry.method === 'OPTIONS')).toBe(true);
		expect(server.log[0]!.headers['access-control-request-headers']).toBe('authorization');
	});

	test('ACRH lists unsafe names sorted, lowercase, comma-joined; the actual GET carries dummies, never the given values', async () => {
		await checkCors(server.url('good-preflight-get-header'), {
			origin: server.page,
			headers: ['X-Zeta', ['Authorization', 'Bearer real-secret-token'], ['content-type', 'text/plain'], 'x-api-key'],
		});
		const [preflight, actual] = server.log;
		expect(preflight!.method).toBe('OPTIONS');
		expect(preflight!.headers['access-control-request-headers']).toBe('authorization,x-api-key,x-zeta');
		expect(actual!.method).toBe('GET');
		expect(actual!.headers.authorization).toBe('cors-doctor-dummy');
		expect(actual!.headers['content-type']).toBe('text/plain');
		expect(JSON.stringify(server.log)).not.toContain('real-secret-token');
		expect(actual!.bodyLength).toBe(0);
	});

	test('a simple GET sends no preflight and reports why', async () => {
		const result = await run('good-simple-get');
		expect(server.log.map(entry => entry.method)).toEqual(['GET']);
		expect(result.preflight).toMatchObject({skipped: 'not-needed'});
		expect(server.log[0]!.headers.origin).toBe(server.page);
	});

	test('redirects are followed hop by hop, with Origin: null after a cross-origin hop', async () => {
		const result = await run('redirect-tainted-origin');
		expect(server.log.map(entry => `${entry.origin} ${entry.path} ${entry.headers.origin}`)).toEqual([
			`api /s/redirect-tainted-origin ${server.page}`,
			'third /t/bounce null',
			'api /t/page null',
		]);
		expect(Array.isArray(result.actual) && result.actual.map(hop => hop.status)).toEqual([302, 302, 200]);
		expect(result.problems[0]).toMatchObject({code: 'REDIRECT_TAINTED_ORIGIN', phase: 'actual', hop: 2, seen: server.page, detail: 'tainted'});
	});

	test('a non-simple GET is preflighted again after a redirect', async () => {
		await checkCors(server.url('good-redirect-same-origin'), {origin: server.page, headers: ['x-api-key']});
		expect(server.log.map(entry => `${entry.method} ${entry.path}`)).toEqual([
			'OPTIONS /s/good-redirect-same-origin',
			'GET /s/good-redirect-same-origin',
			'OPTIONS /t/echo',
			'GET /t/echo',
		]);
	});

	test('a same-origin URL sends nothing', async () => {
		const result = await checkCors(`${server.page}/`, {origin: server.page});
		expect(result.ok).toBe(true);
		expect(server.log).toHaveLength(0);
	});
});

describe('findings carry phase, seen values and fixes', () => {
	test('header not allowed: the preflight phase, the header, the fix line', async () => {
		const result = await run('header-not-allowed');
		expect(result.problems[0]).toMatchObject({code: 'HEADER_NOT_ALLOWED', phase: 'preflight', param: 'x-api-key', seen: 'content-type'});
		expect(result.problems[0]!.fix).toEqual(['Access-Control-Allow-Headers: content-type, x-api-key']);
		expect(isExchange(result.preflight) && result.preflight.status).toBe(204);
	});

	test('method case mismatch keeps patch lowercase', async () => {
		const result = await run('method-case-mismatch');
		expect(result.method).toBe('patch');
		expect(server.log[0]!.headers['access-control-request-method']).toBe('patch');
		expect(result.problems[0]).toMatchObject({code: 'METHOD_NOT_ALLOWED', param: 'patch', detail: 'case', seen: 'GET, PATCH'});
	});

	test('duplicate ACAO lines are told apart from a one-line list', async () => {
		expect((await run('allow-origin-multiple-lines')).problems[0]).toMatchObject({detail: 'duplicate-lines', phase: 'actual'});
		expect((await run('allow-origin-list')).problems[0]).toMatchObject({detail: 'list'});
	});

	test('wildcard with credentials: the fix echoes the origin and allows credentials', async () => {
		const [problem] = (await run('wildcard-with-credentials')).problems;
		expect(problem!.fix).toEqual([`Access-Control-Allow-Origin: ${server.page}`, 'Access-Control-Allow-Credentials: true', 'Vary: Origin']);
	});

	test('redirect userinfo: reported on the redirect phase, password redacted everywhere', async () => {
		const result = await run('redirect-userinfo');
		expect(result.problems[0]).toMatchObject({code: 'REDIRECT_HAS_USERINFO', phase: 'redirect', hop: 0});
		expect(JSON.stringify(result)).not.toContain('secret');
	});

	test('the preflight 401 reports the status first and the missing ACAO, with the Chromium note', async () => {
		const result = await run('preflight-401-without-cors');
		expect(result.problems[0]).toMatchObject({code: 'PREFLIGHT_STATUS', seen: '401', phase: 'preflight'});
		expect(result.notes.join('\n')).toContain('PreflightMissingAllowOriginHeader');
	});

	test('authorization against * notes the engine deviation', async () => {
		const result = await run('authorization-wildcard');
		expect(result.problems[0]).toMatchObject({detail: 'authorization-wildcard'});
		expect(result.notes.some(note => note.startsWith('chromium:'))).toBe(true);
		expect(result.problems[0]!.fix).toEqual(['Access-Control-Allow-Headers: *, authorization']);
	});
});

describe('expectHeaders: the response headers the page reads', () => {
	test('a header the response sends without exposing it is HEADER_NOT_EXPOSED, with certainty from the real headers', async () => {
		const result = await checkCors(server.url('header-not-exposed'), {origin: server.page, expectHeaders: ['X-Total-Count']});
		expect(result.ok).toBe(false);
		expect(result.problems).toEqual([expect.objectContaining({
			code: 'HEADER_NOT_EXPOSED', phase: 'actual', header: 'access-control-expose-headers', seen: null, param: 'x-total-count',
			fix: ['Access-Control-Expose-Headers: x-total-count'],
		})]);
	});

	test('control: a safelisted response header needs no exposing', async () => {
		const result = await checkCors(server.url('good-simple-get'), {origin: server.page, expectHeaders: ['content-type']});
		expect(result.problems).toEqual([]);
	});

	test('a header the response does not send at all is a note, not an exposure problem', async () => {
		const result = await checkCors(server.url('good-simple-get'), {origin: server.page, expectHeaders: ['x-missing']});
		expect(result.ok).toBe(true);
		expect(result.notes.join('\n')).toContain('no x-missing header at all');
	});

	test.each([
		['exposed by name', [['Access-Control-Expose-Headers', 'X-Total']], false, []],
		['* without credentials', [['Access-Control-Expose-Headers', '*']], false, []],
		['* with credentials is only a literal name', [['Access-Control-Expose-Headers', '*'], ['Access-Control-Allow-Credentials', 'true']], true, ['HEADER_NOT_EXPOSED:wildcard-with-credentials']],
		['not listed', [['Access-Control-Expose-Headers', 'x-other']], false, ['HEADER_NOT_EXPOSED:undefined']],
	] as const)('%s', async (_, lines, credentials, expected) => {
		const origin = 'https://app.example';
		const transport = async () => ({status: 200, headers: [['Access-Control-Allow-Origin', origin], ['X-Total', '3'], ...lines] as Array<[string, string]>});
		const result = await checkCors('https://api.example/x', {origin, credentials, expectHeaders: ['x-total'], transport});
		expect(result.problems.map(problem => `${problem.code}:${problem.detail}`)).toEqual(expected);
	});

	test('an invalid name is refused like any header name', async () => {
		await expect(checkCors('https://api.example/x', {origin: 'https://app.example', expectHeaders: ['x total']})).rejects.toMatchObject({code: 'INVALID_HEADER_NAME'});
	});
});

describe('input validation', () => {
	const cases: Array<[string, string, Parameters<typeof checkCors>[1], string]> = [
		['invalid URL', 'not a url', {origin: 'https://app.example'}, 'INVALID_URL'],
		['URL with userinfo', 'https://user:pw@api.example/x', {origin: 'https://app.example'}, 'INVALID_URL'],
		['non-http scheme', 'ftp://example.com/x', {origin: 'https://app.example'}, 'UNSUPPORTED_SCHEME'],
		['origin with a path', 'https://api.example/x', {origin: 'https://app.example/page'}, 'INVALID_ORIGIN'],
		['origin with a query', 'https://api.example/x', {origin: 'https://app.example?x=1'}, 'INVALID_ORIGIN'],
		['origin not http', 'https://api.example/x', {origin: 'file:///tmp'}, 'INVALID_ORIGIN'],
		['missing origin', 'https://api.example/x', {origin: ''}, 'INVALID_ORIGIN'],
		['forbidden method', 'https://api.example/x', {origin: 'https://app.example', method: 'TRACE'}, 'FORBIDDEN_METHOD'],
		['method with a space', 'https://api.example/x', {origin: 'https://app.example', method: 'GE T'}, 'INVALID_METHOD'],
		['header name with spaces', 'https://api.example/x', {origin: 'https://app.example', headers: ['x api key']}, 'INVALID_HEADER_NAME'],
		['forbidden header', 'https://api.example/x', {origin: 'https://app.example', headers: ['Cookie']}, 'FORBIDDEN_HEADER'],
		['forbidden sec- header', 'https://api.example/x', {origin: 'https://app.example', headers: ['sec-fetch-mode']}, 'FORBIDDEN_HEADER'],
		['negative timeout', 'https://api.example/x', {origin: 'https://app.example', timeout: -1}, 'INVALID_OPTION'],
	];
	test.each(cases)('%s -> CheckInputError', async (_, url, options, code) => {
		const error = await checkCors(url, options).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(CheckInputError);
		expect(error).toBeInstanceOf(TypeError);
		expect((error as CheckInputError).code).toBe(code);
		expect((error as Error).message).not.toContain('\n');
	});

	test('a trailing slash on the origin is accepted and normalized', async () => {
		const result = await checkCors(server.url('good-simple-get'), {origin: `${server.page}/`});
		expect(result.origin).toBe(server.page);
		expect(result.ok).toBe(true);
	});
});
