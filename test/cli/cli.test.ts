import {execFile} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runCli} from '../../src/cli/run';
import type {CheckResult} from '../../src/node/types';
import {cliArgumentsFor} from '../support/check-options';
import {startScenarioServer, type ScenarioServer} from '../support/scenario-server';
import {scenario, scenarios} from '../support/scenarios';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
const run = promisify(execFile);

function newestSource(directory: string): number {
	let newest = 0;
	for (const entry of readdirSync(directory, {withFileTypes: true})) {
		const path = join(directory, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
	}

	return newest;
}

function isStale(): boolean {
	try {
		return statSync(cli).mtimeMs < newestSource(join(root, 'src'));
	} catch {
		return true;
	}
}

async function cors(args: string[], env: Record<string, string> = {}): Promise<{code: number; stdout: string; stderr: string}> {
	try {
		const {stdout, stderr} = await run(process.execPath, [cli, ...args], {env: {...process.env, ...env}, timeout: 15_000});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}

let server: ScenarioServer;
beforeAll(async () => {
	// Test the shipped artefact; rebuild only when a source is newer (npm test builds first anyway).
	if (isStale()) {
		await run(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js'), '--silent'], {cwd: root});
	}

	server = await startScenarioServer();
}, 120_000);
afterAll(async () => {
	await server?.close();
});

describe('cors-doctor check, built, against every scenario', () => {
	const checked = scenarios.filter(entry => entry.expect.checker !== undefined);
	test.each(checked.map(entry => [entry.name, entry] as const))('%s', async (_, entry) => {
		const {code, stdout, stderr} = await cors([...cliArgumentsFor(entry, server), '--json']);
		expect(stderr).toBe('');
		expect(code).toBe(entry.expect.checker!.length === 0 ? 0 : 1);
		const json = JSON.parse(stdout) as CheckResult & {schemaVersion: number; codes: string[]};
		expect(json.schemaVersion).toBe(1);
		expect(json.codes).toEqual(entry.expect.checker);
	});

	test('the human report names the problem and the fix line', async () => {
		const {code, stdout} = await cors(cliArgumentsFor(scenario('header-not-allowed'), server));
		expect(code).toBe(1);
		expect(stdout).toContain('HEADER_NOT_ALLOWED');
		expect(stdout).toContain('Access-Control-Allow-Headers: content-type, x-api-key');
		expect(stdout).not.toContain('\u001B[');
	});

	test('--expect-header reports an unexposed response header with its fix, and the docs line is a versioned URL', async () => {
		const {code, stdout} = await cors(['check', server.url('header-not-exposed'), '--origin', server.page, '--expect-header', 'X-Total-Count']);
		expect(code).toBe(1);
		expect(stdout).toContain('HEADER_NOT_EXPOSED');
		expect(stdout).toContain('Access-Control-Expose-Headers: x-total-count');
		const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string};
		expect(stdout).toContain(`docs: https://unpkg.com/cors-doctor@${version}/docs/errors/HEADER_NOT_EXPOSED.md`);
		// Control: without the flag the same response is fine (the request itself succeeds).
		expect((await cors(['check', server.url('header-not-exposed'), '--origin', server.page])).code).toBe(0);
	});

	test('--header "name: value" passes a safelisted value', async () => {
		const {code} = await cors(['check', server.url('good-simple-get'), '--origin', server.page, '--header', 'content-type: text/plain']);
		expect(code).toBe(0);
	});
});

describe('bad input: exit 2, one line on stderr, no stack trace', () => {
	const cases: Array<[string, () => string[]]> = [
		['invalid URL', () => ['check', 'not a url', '--origin', server.page]],
		['origin with a path', () => ['check', server.url('good-simple-get'), '--origin', `${server.page}/app`]],
		['forbidden method', () => ['check', server.url('good-simple-get'), '--origin', server.page, '--method', 'TRACE']],
		['header name with spaces', () => ['check', server.url('good-simple-get'), '--origin', server.page, '--header', 'x api key']],
		['non-http scheme', () => ['check', 'ftp://127.0.0.1/file', '--origin', server.page]],
		['unreachable host', () => ['check', server.refusedUrl, '--origin', server.page]],
		['timeout', () => ['check', server.url('network-hang'), '--origin', server.page, '--timeout', '200']],
		['missing --origin', () => ['check', server.url('good-simple-get')]],
		['unknown option', () => ['check', server.url('good-simple-get'), '--origin', server.page, '--frobnicate']],
		['unknown command', () => ['doctor', server.url('good-simple-get')]],
		['bad --timeout', () => ['check', server.url('good-simple-get'), '--origin', server.page, '--timeout', 'soon']],
	];
	test.each(cases)('%s', async (_, args) => {
		const {code, stdout, stderr} = await cors(args());
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(/^cors-doctor: /);
		expect(stderr).not.toMatch(/\n\s+at /);
	});
});

describe('help, version, colours', () => {
	test('--help prints usage and exits 0', async () => {
		const {code, stdout} = await cors(['--help']);
		expect(code).toBe(0);
		expect(stdout).toContain('Usage: cors-doctor check <url> --origin <origin>');
	});

	test('--version prints the package.json version', async () => {
		const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string};
		const {code, stdout} = await cors(['--version']);
		expect(code).toBe(0);
		expect(stdout.trim()).toBe(version);
	});

	const io = (isTTY: boolean, env: Record<string, string>) => {
		const out: string[] = [];
		const result: CheckResult = {ok: false, url: 'https://api.example/', origin: 'https://app.example', method: 'GET', credentials: false, actual: [], notes: [], problems: [{code: 'ALLOW_ORIGIN_MISSING', seen: null, expected: 'https://app.example', phase: 'actual', message: 'no ACAO', fix: ['Access-Control-Allow-Origin: https://app.example']}]};
		return {
			out,
			io: {stdout: (text: string) => out.push(text), stderr: (text: string) => out.push(text), env, isTTY, version: () => '0', check: async () => result},
		};
	};

	test('colours on a TTY, none with NO_COLOR or without a TTY', async () => {
		const args = ['check', 'https://api.example/', '--origin', 'https://app.example'];
		const tty = io(true, {});
		expect(await runCli(args, tty.io)).toBe(1);
		expect(tty.out.join('')).toContain('\u001B[31m');
		const noColor = io(true, {NO_COLOR: '1'});
		await runCli(args, noColor.io);
		expect(noColor.out.join('')).not.toContain('\u001B[');
		const pipe = io(false, {});
		await runCli(args, pipe.io);
		expect(pipe.out.join('')).not.toContain('\u001B[');
	});

	test('NO_COLOR on the built CLI', async () => {
		const {stdout} = await cors(cliArgumentsFor(scenario('allow-origin-missing'), server), {NO_COLOR: '1'});
		expect(stdout).toContain('ALLOW_ORIGIN_MISSING');
		expect(stdout).not.toContain('\u001B[');
	});
});
