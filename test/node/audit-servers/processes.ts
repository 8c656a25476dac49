import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** A server process the test started, and how to stop it (also when the test failed). */
export interface Subprocess {
	readonly origin: string;
	close(): Promise<void>;
}

// Debian's interpreter, not a pyenv or venv shim: python3-flask and python3-flask-cors are installed for it (.ci/run).
const PYTHON = '/usr/bin/python3';
const NGINX = '/usr/sbin/nginx';

function requireFile(path: string, install: string): void {
	if (!existsSync(path)) {
		throw new Error(`${path} is missing: run "apt-get install ${install}" (bash .ci/run installs it as root).`);
	}
}

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return;
	}

	const exited = new Promise(resolve => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
	await exited;
	clearTimeout(timer);
}

/** Starts the Flask app; it binds port 0 and prints the port it got. */
export async function startFlask(): Promise<Subprocess> {
	requireFile(PYTHON, 'python3-flask python3-flask-cors');
	const child = spawn(PYTHON, [join(import.meta.dirname, 'flask_app.py')], {stdio: ['ignore', 'pipe', 'pipe']});
	let stderr = '';
	child.stderr!.on('data', chunk => {
		stderr += String(chunk);
	});
	try {
		const port = await new Promise<string>((resolve, reject) => {
			child.stdout!.once('data', chunk => resolve(String(chunk).trim()));
			child.once('exit', code => reject(new Error(`flask exited with ${code}: ${stderr}`)));
		});
		return {origin: `http://127.0.0.1:${port}`, close: async () => stop(child)};
	} catch (error) {
		await stop(child);
		throw error;
	}
}

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise(resolve => server.close(resolve));
	return port;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		if (child.exitCode !== null) {
			throw new Error(`nginx exited with ${child.exitCode}: ${log()}`);
		}

		try {
			await fetch(`http://127.0.0.1:${port}/`);
			return;
		} catch {
			if (Date.now() > deadline) {
				throw new Error(`nginx did not listen on ${port}: ${log()}`);
			}

			await new Promise(resolve => setTimeout(resolve, 50));
		}
	}
}

/** Runs nginx in the foreground with the test config, a temp prefix dir, and a free port. */
export async function startNginx(): Promise<Subprocess> {
	requireFile(NGINX, 'nginx');
	const prefix = await mkdtemp(join(tmpdir(), 'cors-doctor-nginx-'));
	await mkdir(join(prefix, 'tmp'));
	const port = await freePort();
	const config = (await readFile(join(import.meta.dirname, 'nginx.conf'), 'utf8')).replaceAll('__PORT__', String(port));
	await writeFile(join(prefix, 'nginx.conf'), config);
	const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', 'stderr'], {stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr!.on('data', chunk => {
		stderr += String(chunk);
	});
	const close = async () => {
		await stop(child);
		await rm(prefix, {recursive: true, force: true});
	};

	try {
		await waitForPort(port, child, () => stderr);
	} catch (error) {
		await close();
		throw error;
	}

	return {origin: `http://127.0.0.1:${port}`, close};
}
