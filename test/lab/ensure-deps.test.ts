// scripts/ensure-deps.sh, the set-up behind `npm start` and `npm test`, in a scratch copy of the repository with fake
// npm, id and apt-get on PATH: it installs only what is missing and says what it does.
import {execFile} from 'node:child_process';
import {chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterEach, beforeEach, expect, test} from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;

const fake = (name: string, body: string) => {
	writeFileSync(join(dir, 'fake', name), `#!/bin/sh\necho "${name} $*" >> "${join(dir, 'calls')}"\n${body}\n`);
	chmodSync(join(dir, 'fake', name), 0o755);
};

const run = async (args: string[], env: Record<string, string> = {}) => new Promise<{code: number; stderr: string; calls: string[]}>(done => {
	execFile('sh', [join(dir, 'scripts/ensure-deps.sh'), ...args], {env: {PATH: `${join(dir, 'fake')}:/usr/bin:/bin`, CORS_DOCTOR_BIN_DIR: join(dir, 'no-browsers'), ...env}}, (error, _stdout, stderr) => {
		let calls: string[] = [];
		try {
			calls = readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n');
			rmSync(join(dir, 'calls'));
		} catch {}

		done({code: error ? Number(error.code) : 0, stderr, calls});
	});
});

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cors-doctor-setup-'));
	mkdirSync(join(dir, 'scripts'));
	mkdirSync(join(dir, 'fake'));
	copyFileSync(join(ROOT, 'scripts/ensure-deps.sh'), join(dir, 'scripts/ensure-deps.sh'));
	writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion": 3}');
	fake('npm', `mkdir -p "${join(dir, 'node_modules')}"`);
	fake('id', 'echo 1000');
	fake('apt-get', '');
});

afterEach(() => {
	rmSync(dir, {recursive: true, force: true});
});

test('installs the npm dependencies when node_modules is missing, then not again until the lock changes', async () => {
	const first = await run([]);
	expect(first).toMatchObject({code: 0, calls: ['npm ci --no-audit --no-fund --loglevel=error']});
	expect(first.stderr).toBe('cors-doctor: node_modules is missing; installing npm dependencies (npm ci)\n');
	expect(await run([])).toEqual({code: 0, stderr: '', calls: []});
	writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion": 3, "changed": true}');
	const stale = await run([]);
	expect(stale.calls).toEqual(['npm ci --no-audit --no-fund --loglevel=error']);
	expect(stale.stderr).toBe('cors-doctor: package-lock.json changed since the last install; installing npm dependencies (npm ci)\n');
});

test('without root, missing browsers give one line saying exactly what to run, and a failure', async () => {
	await run([]);
	const {code, stderr, calls} = await run(['browsers']);
	expect(code).toBe(1);
	expect(stderr).toBe('cors-doctor: the real-browser and real-server tests need Debian packages; run: sudo apt-get install -y chromium firefox-esr webkit2gtk-driver xvfb\n');
	expect(calls).toEqual(['id -u']);
});

test('as root, missing browsers are installed with apt-get, saying so', async () => {
	await run([]);
	fake('id', 'echo 0');
	const {code, stderr, calls} = await run(['browsers']);
	expect(code).toBe(0);
	expect(stderr).toContain('cors-doctor: installing Debian packages for the real-browser and real-server tests: chromium firefox-esr webkit2gtk-driver xvfb (apt-get)\n');
	expect(calls).toEqual(['id -u', 'apt-get update -qq', 'apt-get install -y -qq chromium firefox-esr webkit2gtk-driver xvfb']);
});

test('with every browser present, nothing is installed', async () => {
	await run([]);
	const {code, calls} = await run(['browsers'], {CORS_DOCTOR_BIN_DIR: '/usr/bin'});
	expect(code).toBe(0);
	expect(calls).toEqual([]);
});
