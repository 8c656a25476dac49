import {checkCors} from '../node/check.js';
import {CheckInputError} from '../node/errors/CheckInputError.js';
import {CheckNetworkError} from '../node/errors/CheckNetworkError.js';
import {formatCheckResult} from '../node/format.js';
import {toCheckJSON} from '../node/json.js';
import {parseCommand, usage, UsageError} from './args.js';

/** Where the CLI writes and what it knows about its terminal; injected so tests need no child process. */
export interface CliIO {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly isTTY: boolean;
	readonly version: () => string;
	readonly check?: typeof checkCors;
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
				io.stdout(command.json ? `${JSON.stringify(toCheckJSON(result), null, 2)}\n` : `${formatCheckResult(result, {color})}\n`);
				return result.ok ? 0 : 1;
			}
		}
	} catch (error) {
		io.stderr(`cors-doctor: ${errorLine(error)}\n`);
		return 2;
	}
}

function errorLine(error: unknown): string {
	if (error instanceof UsageError || error instanceof CheckInputError) {
		return error.message;
	}

	if (error instanceof CheckNetworkError) {
		return `cannot reach ${error.url}: ${error.message}`;
	}

	// Unexpected: still one line, never a stack trace; the message is what a bug report needs.
	return `unexpected error: ${error instanceof Error ? error.message : String(error)}`.split('\n')[0]!;
}
