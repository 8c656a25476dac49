import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

// Process groups still alive in this worker. Each helper runs in its own group (detached) so killing the
// group also reaches what it spawned itself (WebKitWebDriver starts MiniBrowser and its WebKit processes).
const live = new Set<number>();
const dirs = new Set<string>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}

// Last resort when a worker exits without reaching close() (a crashed test, a timeout): never leave an
// Xvfb or a browser behind on the CI box.
process.once('exit', () => {
	for (const pid of live) {
		killGroup(pid, 'SIGKILL');
	}

	for (const dir of dirs) {
		rmSync(dir, {recursive: true, force: true});
	}
});

/** A temporary directory removed by `remove()`, or at process exit if nobody got that far. */
export function tempDir(prefix: string): {path: string; remove(): void} {
	const path = mkdtempSync(join(tmpdir(), prefix));
	dirs.add(path);
	return {
		path,
		remove() {
			rmSync(path, {recursive: true, force: true});
			dirs.delete(path);
		},
	};
}

export interface Helper {
	readonly process: ChildProcess;
	/** stderr so far, for error messages. */
	stderr(): string;
	/** Kills the whole process group: SIGTERM, then SIGKILL after `graceMs`. */
	stop(graceMs?: number): Promise<void>;
}

export function spawnHelper(command: string, args: string[], options: {env?: NodeJS.ProcessEnv; extraFd?: boolean} = {}): Helper {
	const child = spawn(command, args, {
		detached: true,
		env: options.env ?? process.env,
		stdio: options.extraFd ? ['ignore', 'ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe'],
	});
	const pid = child.pid;
	if (pid === undefined) {
		throw new Error(`could not start ${command}`);
	}

	live.add(pid);
	let stderr = '';
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
		// Keep the tail only: WebKit is chatty and a long suite must not grow this without bound.
		stderr = (stderr + chunk).slice(-4000);
	});
	const exited = new Promise<void>(resolve => {
		child.once('exit', () => {
			resolve();
		});
	});
	return {
		process: child,
		stderr: () => stderr,
		async stop(graceMs = 2000) {
			if (!live.has(pid)) {
				return;
			}

			killGroup(pid, 'SIGTERM');
			const timer = setTimeout(() => {
				killGroup(pid, 'SIGKILL');
			}, graceMs);
			await exited;
			clearTimeout(timer);
			// The leader may be gone while a grandchild still holds the group.
			killGroup(pid, 'SIGKILL');
			live.delete(pid);
		},
	};
}

/** A loopback port that was free a moment ago. The helper binds it right after, so the race is short. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') {
					resolve(address.port);
				} else {
					reject(new Error('no port'));
				}
			});
		});
	});
}

/** Polls until `check` resolves true, or throws `message` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: () => string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check().catch(() => false)) {
			return;
		}

		await new Promise(resolve => setTimeout(resolve, 50));
	}

	throw new Error(message());
}
