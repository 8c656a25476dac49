import {describe, expect, it} from 'vitest';
import {runCli, type CliIO} from '../../src/cli/run';
import type {CheckResult} from '../../src/node/types';

// In-process runs with an injected checker: the Node checker itself is covered by test/cli/cli.test.ts on real servers.
const failing: CheckResult = {
	ok: false, url: 'http://127.0.0.1:9/items', origin: 'https://app.test', method: 'PUT', credentials: true,
	preflight: {url: 'http://127.0.0.1:9/items', request: {method: 'OPTIONS', headers: [['access-control-request-headers', 'x-api-key']]}, status: 204, headers: []},
	actual: {skipped: 'unsafe-method'},
	problems: [{code: 'HEADER_NOT_ALLOWED', phase: 'preflight', seen: null, expected: 'x-api-key', param: 'x-api-key', message: 'not allowed', fix: ['Access-Control-Allow-Headers: x-api-key']}],
	notes: [],
};

async function cli(argv: string[], result: CheckResult = failing) {
	let stdout = '';
	let stderr = '';
	const io: CliIO = {stdout: text => (stdout += text), stderr: text => (stderr += text), env: {}, isTTY: false, version: () => '0.0.0', check: async () => result};
	const code = await runCli(argv, io);
	return {code, stdout, stderr};
}

describe('cors-doctor check --framework', () => {
	it('prints the stack snippet filled from the request after the report', async () => {
		const {code, stdout} = await cli(['check', 'http://127.0.0.1:9/items', '--origin', 'https://app.test', '--method', 'PUT', '--header', 'x-api-key', '--credentials', '--framework', 'fastify']);
		expect(code).toBe(1);
		expect(stdout).toContain('Fastify (@fastify/cors):');
		expect(stdout).toContain('allowedHeaders: [\'x-api-key\']');
		expect(stdout).toContain('origin: [\'https://app.test\']');
		expect(stdout).not.toContain('Express (cors):');
	});

	it('prints no snippet without --framework, and none when nothing fails', async () => {
		expect((await cli(['check', 'http://127.0.0.1:9/items', '--origin', 'https://app.test'])).stdout).not.toContain('app.use(');
		const ok = await cli(['check', 'http://127.0.0.1:9/items', '--origin', 'https://app.test', '--framework', 'express'], {...failing, ok: true, problems: []});
		expect(ok.code).toBe(0);
		expect(ok.stdout).not.toContain('Express (cors):');
	});

	it('carries the structured fixes in --json', async () => {
		const {stdout} = await cli(['check', 'http://127.0.0.1:9/items', '--origin', 'https://app.test', '--json', '--framework', 'koa']);
		const json = JSON.parse(stdout) as {codes: string[]; fixes: {code: string; headers: Array<{name: string; value: string}>; stacks: Array<{stack: string}>}};
		expect(json.codes).toEqual(['HEADER_NOT_ALLOWED']);
		expect(json.fixes.code).toBe('HEADER_NOT_ALLOWED');
		expect(json.fixes.headers[0]).toMatchObject({name: 'Access-Control-Allow-Headers', value: 'x-api-key'});
		expect(json.fixes.stacks.map(stack => stack.stack)).toEqual(['koa']);
	});

	it('rejects an unknown framework', async () => {
		const {code, stderr} = await cli(['check', 'http://127.0.0.1:9/items', '--origin', 'https://app.test', '--framework', 'rocket']);
		expect(code).toBe(2);
		expect(stderr).toContain('Unknown --framework "rocket"');
	});
});

describe('cors-doctor fixes <CODE>', () => {
	it('prints a code\'s fixes for one stack without a request', async () => {
		const {code, stdout} = await cli(['fixes', 'method_not_allowed', '--framework', 'hono', '--origin', 'https://app.test', '--method', 'DELETE']);
		expect(code).toBe(0);
		expect(stdout).toContain('METHOD_NOT_ALLOWED: The preflight does not allow the method');
		expect(stdout).toContain('Access-Control-Allow-Methods: GET, HEAD, POST, DELETE');
		expect(stdout).toContain('allowMethods: [\'GET\', \'HEAD\', \'POST\', \'DELETE\']');
		expect(stdout).not.toContain('placeholders:');
	});

	it('says which facts are placeholders', async () => {
		const {stdout} = await cli(['fixes', 'HEADER_NOT_ALLOWED', '--framework', 'express']);
		expect(stdout).toContain('placeholders: origin, headers');
	});

	it('says "not applicable" with the reason for codes no server config fixes', async () => {
		const {stdout} = await cli(['fixes', 'OPAQUE_RESPONSE', '--framework', 'nginx']);
		expect(stdout).toMatch(/nginx:\n {2}not applicable: .+no-cors/);
	});

	it('gives JSON with every stack when none is chosen', async () => {
		const json = JSON.parse((await cli(['fixes', 'ALLOW_ORIGIN_MISSING', '--json'])).stdout) as {schemaVersion: number; stacks: unknown[]};
		expect(json.schemaVersion).toBe(1);
		expect(json.stacks).toHaveLength(20);
	});

	it('rejects an unknown code and a missing one', async () => {
		expect((await cli(['fixes', 'NOPE'])).stderr).toContain('Unknown code "NOPE"');
		expect((await cli(['fixes'])).stderr).toContain('Missing <CODE>');
	});
});
