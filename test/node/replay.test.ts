import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runCli, type CliIO} from '../../src/cli/run';
import type {CorsCode} from '../../src/codes';
import type {CorsErrorJSON, RequestSummary} from '../../src/errors/types';
import {CheckInputError, replay, replayHeaders, type ReplayJSON} from '../../src/node';
import {corsUnsafeRequestHeaderNames} from '../../src/rules';
import {type ScenarioServer, startScenarioServer} from '../support/scenario-server';

let server: ScenarioServer | undefined;

beforeAll(async () => {
	server = await startScenarioServer();
});

afterAll(async () => {
	await server?.close();
});

/** A toJSON() event as the browser classifier would log it for the scenario endpoint `name`. */
function event(name: string, code: CorsCode, request: Partial<RequestSummary> = {}): CorsErrorJSON {
	return {
		schemaVersion: 2,
		name: 'CorsError',
		code,
		confidence: 'likely',
		message: 'x',
		request: {method: 'GET', url: server!.url(name), pageOrigin: server!.page, targetOrigin: server!.api, mode: 'cors', credentials: 'same-origin', preflight: false, triggers: [], ...request},
		evidence: [],
		hints: [],
		docsUrl: '',
		fingerprint: [],
		names: [],
		unprobed: [],
		alternatives: [],
		mayHaveRun: true,
		source: 'browser',
	} as CorsErrorJSON;
}

describe('replayHeaders', () => {
	test('every trigger but the method comes back CORS-unsafe, so the replayed preflight asks for the same names', () => {
		const triggers = ['PUT', 'accept', 'accept-language', 'authorization', 'content-language', 'content-type', 'range', 'x-api-key'];
		const headers = replayHeaders({request: {method: 'PUT', triggers} as unknown as RequestSummary});
		const pairs = headers.map(header => typeof header === 'string' ? [header, 'cors-doctor-dummy'] as const : header);
		expect(corsUnsafeRequestHeaderNames(pairs).map(unsafe => unsafe.name)).toEqual(triggers.slice(1));
	});
});

describe('replay', () => {
	test('agree: the checker names the browser\'s code', async () => {
		const result = await replay(event('header-not-allowed', 'HEADER_NOT_ALLOWED', {preflight: true, triggers: ['x-api-key']}));
		expect([result.verdict, result.ok, result.check?.problems.map(problem => problem.code)]).toEqual(['agree', false, ['HEADER_NOT_ALLOWED']]);
		expect(result.check?.preflight).toMatchObject({request: {headers: expect.arrayContaining([['Access-Control-Request-Headers', 'x-api-key']])}});
	});

	test('refine: an inferred code becomes the exact cause', async () => {
		const result = await replay(event('allow-origin-trailing-slash', 'ORIGIN_NOT_ALLOWED'));
		expect([result.verdict, result.check?.problems[0]?.code]).toEqual(['refine', 'ALLOW_ORIGIN_MISMATCH']);
	});

	test('contradict: fixed since, or a code the headers rule out', async () => {
		expect((await replay(event('good-simple-get', 'ORIGIN_NOT_ALLOWED'))).verdict).toBe('contradict');
		expect((await replay(event('good-simple-get', 'ORIGIN_NOT_ALLOWED'))).ok).toBe(true);
		expect((await replay(event('allow-origin-missing', 'HEADER_NOT_ALLOWED'))).verdict).toBe('contradict');
	});

	test('credentials and the method come from the event; --url and --origin override its redacted URL and origin', async () => {
		const credentialed = await replay(event('allow-credentials-missing', 'CREDENTIALS_NOT_ALLOWED', {credentials: 'include'}));
		expect([credentialed.verdict, credentialed.check?.problems[0]?.code]).toEqual(['refine', 'ALLOW_CREDENTIALS_MISSING']);
		const moved = await replay(event('allow-origin-missing', 'ORIGIN_NOT_ALLOWED'), {url: server!.url('good-simple-get')});
		expect(moved.check?.ok).toBe(true);
		const other = await replay(event('good-simple-get', 'ORIGIN_NOT_ALLOWED'), {origin: 'https://elsewhere.example'});
		expect(other.check?.problems[0]?.code).toBe('ALLOW_ORIGIN_MISMATCH');
	});

	test('rejects what is not a toJSON() event of schema 1 or 2', async () => {
		await expect(replay({})).rejects.toThrow(CheckInputError);
		await expect(replay({...event('good-simple-get', 'ORIGIN_NOT_ALLOWED'), schemaVersion: 3})).rejects.toThrow(/schemaVersion 3/);
		await expect(replay({...event('good-simple-get', 'ORIGIN_NOT_ALLOWED'), code: 'NOPE'})).rejects.toThrow(/unknown code/);
	});
});

describe('cors-doctor replay', () => {
	const io = (events: Record<string, string>) => {
		const out = {stdout: '', stderr: ''};
		const cli: CliIO = {
			stdout: text => { out.stdout += text; },
			stderr: text => { out.stderr += text; },
			env: {},
			isTTY: false,
			version: () => '0.0.0',
			readEvent: async path => events[path] ?? Promise.reject(new Error(`no ${path}`)),
		};
		return {out, cli};
	};

	test('prints both sides and the verdict; exit 1 when something is left to fix, 0 when not', async () => {
		const {out, cli} = io({'a.json': JSON.stringify(event('allow-origin-mismatch', 'ORIGIN_NOT_ALLOWED')), 'b.json': JSON.stringify(event('good-simple-get', 'ORIGIN_NOT_ALLOWED'))});
		expect(await runCli(['replay', 'a.json'], cli)).toBe(1);
		expect(out.stdout).toContain('browser inferred: ORIGIN_NOT_ALLOWED, likely');
		expect(out.stdout).toContain('checked from here: ALLOW_ORIGIN_MISMATCH, certain');
		expect(out.stdout).toContain('verdict: refine');
		out.stdout = '';
		expect(await runCli(['replay', 'b.json', '--json'], cli)).toBe(0);
		const json = JSON.parse(out.stdout) as ReplayJSON;
		expect([json.schemaVersion, json.verdict, json.check?.codes]).toEqual([1, 'contradict', []]);
	});

	test('usage errors exit 2 with one line', async () => {
		const {out, cli} = io({'bad.json': '{not json'});
		expect(await runCli(['replay'], cli)).toBe(2);
		expect(await runCli(['replay', 'bad.json'], cli)).toBe(2);
		expect(await runCli(['replay', 'x.json', '--method', 'PUT'], cli)).toBe(2);
		expect(out.stderr.trim().split('\n')).toHaveLength(3);
		expect(out.stderr).toContain('--method does not apply to replay');
	});
});
