// The lab server without a browser: its ports, its loopback-only checker endpoint, and a clean stop on Ctrl-C.
import {spawn} from 'node:child_process';
import {createServer, type Server} from 'node:http';
import {resolve} from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {isLoopbackUrl, LabPortError, startLab, type Lab} from '../../lab/server';

const ROOT = resolve(import.meta.dirname, '../..');
let busy: Server;
let busyPort: number;
let lab: Lab;

beforeAll(async () => {
	busy = createServer();
	await new Promise<void>(done => {
		busy.listen(0, '127.0.0.1', done);
	});
	busyPort = (busy.address() as {port: number}).port;
	lab = await startLab({root: ROOT, port: 0});
});

afterAll(async () => {
	await lab?.close();
	await new Promise(done => {
		busy?.close(done);
	});
});

test('a busy port given by the user is refused with a clear message', async () => {
	await expect(startLab({root: ROOT, port: busyPort, strictPort: true})).rejects.toThrow(new LabPortError(`port ${busyPort} is busy: stop what uses it, or pick another with --port <n> (or --port 0 for any free port).`));
});

test('a busy default port is replaced by a free one, and the lab says so', async () => {
	const lines: string[] = [];
	const other = await startLab({root: ROOT, port: busyPort, log: line => lines.push(line)});
	try {
		const port = new URL(other.url).port;
		expect(port).not.toBe(String(busyPort));
		expect(lines).toEqual([`port ${busyPort} is busy; using port ${port} instead`]);
		expect((await fetch(other.url)).status).toBe(200);
	} finally {
		await other.close();
	}
});

test.each([
	['http://127.0.0.1:1/x', true],
	['http://127.8.9.10/x', true],
	['http://localhost:3000/', true],
	['http://[::1]:3000/', true],
	['http://10.0.0.1/', false],
	['http://127.0.0.1.example.com/', false],
	['http://[::ffff:10.0.0.1]/', false],
	['ftp://127.0.0.1/', false],
	['not a url', false],
])('isLoopbackUrl(%s) is %s', (url, loopback) => {
	expect(isLoopbackUrl(url)).toBe(loopback);
});

test('the checker endpoint refuses a target off this machine and never sends to it', async () => {
	const response = await fetch(`${lab.url}api/check`, {method: 'POST', body: JSON.stringify({url: 'http://192.0.2.1/items', method: 'GET', headers: [], credentials: false})});
	const body = await response.json() as {outcome: {kind: string; message: string}};
	expect(body.outcome).toEqual({kind: 'refused', message: 'the lab only checks URLs on this machine (127.0.0.0/8, localhost, [::1])'});
});

test('the checker endpoint answers with the exact codes and the CLI command', async () => {
	const url = lab.server.url('header-not-allowed');
	const response = await fetch(`${lab.url}api/check`, {method: 'POST', body: JSON.stringify({url: `${url}?token=secret`, method: 'GET', headers: [['x-api-key', 'v']], credentials: false, browser: {kind: 'cors', code: 'HEADER_NOT_ALLOWED'}})});
	const body = await response.json() as {command: string; outcome: unknown; agreement: {agree: boolean}};
	expect(body.outcome).toEqual({kind: 'result', ok: false, codes: ['HEADER_NOT_ALLOWED']});
	expect(body.command).toBe(`cors-doctor check ${url} --origin ${lab.server.page} --method GET --header x-api-key`);
	expect(body.agreement.agree).toBe(true);
});

test('npm start\'s server prints its URL and stops cleanly on SIGINT', async () => {
	const child = spawn(process.execPath, [resolve(ROOT, 'scripts/lab.js'), '--port', '0'], {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe']});
	try {
		let output = '';
		const url = await new Promise<string>((done, fail) => {
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				const found = /cors-doctor lab: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
				if (found) {
					done(found[1]!);
				}
			});
			child.once('exit', code => {
				fail(new Error(`lab exited with ${code}: ${output}`));
			});
		});
		expect((await fetch(url)).status).toBe(200);
		const exited = new Promise<number | null>(done => child.once('exit', done));
		child.kill('SIGINT');
		expect(await exited).toBe(0);
		await expect(fetch(url)).rejects.toThrow();
	} finally {
		child.kill('SIGKILL');
	}
}, 60_000);
