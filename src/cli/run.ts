import {formatFixes} from '../hints/format.js';
import {getFixes} from '../hints/get-fixes.js';
import {checkCors} from '../node/check.js';
import {CheckInputError} from '../node/errors/CheckInputError.js';
import {CheckNetworkError} from '../node/errors/CheckNetworkError.js';
import {formatCheckResult} from '../node/format.js';
import {toCheckJSON} from '../node/json.js';
import {auditCors} from '../node/audit/run.js';
import {failsAt, formatAuditResult, toAuditJSON} from '../node/audit/format.js';
import {proxyBanner, startCorsProxy} from '../node/proxy.js';
import {formatReplayResult, toReplayJSON} from '../node/format-replay.js';
import {replay} from '../node/replay.js';
import {parseCommand, usage, UsageError} from './args.js';

/** Where the CLI writes and what it knows about its terminal; injected so tests need no child process. */
export interface CliIO {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly isTTY: boolean;
	readonly version: () => string;
	readonly check?: typeof checkCors;
	readonly audit?: typeof auditCors;
	readonly proxy?: typeof startCorsProxy;
	/** Reads the replay event (a path, or `-` for stdin). Default: node:fs, and stdin for `-`. */
	readonly readEvent?: (path: string) => Promise<string>;
}

/** Exit codes: 0 no CORS problem, 1 CORS problems, 2 usage or network error. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<0 | 1 | 2> {
	try {
		const command = parseCommand(argv);
		switch (command.kind) {
			case 'help': {
				io.stdout(`${usage}\n`);
				return 0;
			}

			case 'version': {
				io.stdout(`${io.version()}\n`);
				return 0;
			}

			case 'check': {
				const result = await (io.check ?? checkCors)(command.url, {
					origin: command.origin,
					headers: command.headers,
					credentials: command.credentials,
					expectHeaders: command.expectHeaders,
					...(command.method === undefined ? {} : {method: command.method}),
					...(command.timeout === undefined ? {} : {timeout: command.timeout}),
				});
				// NO_COLOR (no-color.org): any non-empty value turns colours off.
				const color = io.isTTY && !io.env.NO_COLOR;
				// The structured fixes ride along in --json whenever there is something to fix; snippets only for --framework.
				const fixes = result.ok ? undefined : getFixes(result, {framework: command.framework ?? []});
				if (command.json) {
					io.stdout(`${JSON.stringify(fixes ? {...toCheckJSON(result), fixes} : toCheckJSON(result), null, 2)}\n`);
				} else {
					io.stdout(`${formatCheckResult(result, {color})}\n`);
					if (fixes && command.framework) {
						io.stdout(`\n${formatFixes(fixes, {color})}\n`);
					}
				}

				return result.ok ? 0 : 1;
			}

			case 'fixes': {
				const fixes = getFixes({
					code: command.code,
					headers: command.headers,
					credentials: command.credentials,
					...(command.origin === undefined ? {} : {origin: command.origin}),
					...(command.method === undefined ? {} : {method: command.method}),
				}, command.framework === undefined ? {} : {framework: command.framework});
				const color = io.isTTY && !io.env.NO_COLOR;
				io.stdout(command.json ? `${JSON.stringify({schemaVersion: 1, ...fixes}, null, 2)}\n` : `${formatFixes(fixes, {color})}\n`);
				return 0;
			}

			case 'audit': {
				const result = await (io.audit ?? auditCors)(command.url, {origins: command.origins, ...(command.timeout === undefined ? {} : {timeout: command.timeout})});
				const color = io.isTTY && !io.env.NO_COLOR;
				io.stdout(command.json ? `${JSON.stringify(toAuditJSON(result), null, 2)}\n` : `${formatAuditResult(result, {color})}\n`);
				return failsAt(result, command.failOn) ? 1 : 0;
			}
			case 'proxy': {
				// The listening server keeps the process alive after this returns; Ctrl-C ends it.
				const proxy = await (io.proxy ?? startCorsProxy)({target: command.target, port: command.port, origins: command.origins, credentials: command.credentials});
				io.stdout(`${proxyBanner(proxy, command.target, command.credentials)}\n`);
				return 0;
			}

			case 'replay': {
				const text = await (io.readEvent ?? readEvent)(command.event);
				let event: unknown;
				try {
					event = JSON.parse(text);
				} catch {
					throw new UsageError(`${command.event} is not JSON: give the CorsError.toJSON() object as logged.`);
				}

				const result = await replay(event, {
					...(command.url === undefined ? {} : {url: command.url}),
					...(command.origin === undefined ? {} : {origin: command.origin}),
					...(command.timeout === undefined ? {} : {timeout: command.timeout}),
				});
				const color = io.isTTY && !io.env.NO_COLOR;
				io.stdout(command.json ? `${JSON.stringify(toReplayJSON(result), null, 2)}\n` : `${formatReplayResult(result, {color})}\n`);
				return result.ok ? 0 : 1;
			}
		}
	} catch (error) {
		io.stderr(`cors-doctor: ${errorLine(error)}\n`);
		return 2;
	}
}

async function readEvent(path: string): Promise<string> {
	const {readFileSync} = await import('node:fs');
	try {
		// File descriptor 0 is stdin: `cors-doctor replay - < event.json`, or piped from a log query.
		return readFileSync(path === '-' ? 0 : path, 'utf8');
	} catch (error) {
		throw new UsageError(`Cannot read ${path}: ${(error as {code?: string}).code ?? (error as Error).message}`);
	}
}

function errorLine(error: unknown): string {
	if (error instanceof UsageError || error instanceof CheckInputError) {
		return error.message;
	}

	// startCorsProxy's option errors name themselves; any other TypeError is a bug, reported as unexpected below.
	if (error instanceof TypeError && error.message.startsWith('cors-doctor proxy: ')) {
		return error.message.slice('cors-doctor '.length);
	}

	if (error instanceof CheckNetworkError) {
		return `cannot reach ${error.url}: ${error.message}`;
	}

	if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
		return `port ${(error as {port?: number}).port ?? ''} is busy: pick another with --port <n> (0 = any free port)`;
	}

	// Unexpected: still one line, never a stack trace; the message is what a bug report needs.
	return `unexpected error: ${error instanceof Error ? error.message : String(error)}`.split('\n')[0]!;
}
