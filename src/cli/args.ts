import {parseArgs} from 'node:util';
import type {HeaderInput} from '../node/types.js';

export type CliCommand =
	| {readonly kind: 'help'}
	| {readonly kind: 'version'}
	| {
		readonly kind: 'check';
		readonly url: string;
		readonly origin: string;
		readonly method?: string;
		readonly headers: HeaderInput[];
		readonly credentials: boolean;
		readonly expectHeaders: string[];
		readonly timeout?: number;
		readonly json: boolean;
	};

/** A command line that cannot be run; the message is one line for stderr. */
export class UsageError extends Error {
	override name = 'UsageError' as const;
}

export const usage = `Usage: cors-doctor check <url> --origin <origin> [options]

Check a URL's CORS configuration the way a browser on <origin> would, and print the exact fix.

Options:
  --origin <origin>    the page origin, e.g. https://app.example.com (required)
  --method <method>    request method (default GET); unsafe methods are only preflighted, never sent
  --header <name>      a request header the page sends (repeatable); "name: value" to give a safelisted value
  --credentials        the page sends cookies (credentials: 'include')
  --expect-header <name>  a response header the page reads (repeatable): HEADER_NOT_EXPOSED when it is not exposed
  --timeout <ms>       per request (default 10000)
  --json               machine-readable output (schemaVersion 1)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no CORS problem, 1 CORS problems found, 2 usage or network error.`;

/** Parse argv (without node and the script) into a command; throws UsageError. */
export function parseCommand(argv: readonly string[]): CliCommand {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			strict: true,
			options: {
				origin: {type: 'string'},
				method: {type: 'string'},
				header: {type: 'string', multiple: true, short: 'H'},
				credentials: {type: 'boolean'},
				'expect-header': {type: 'string', multiple: true},
				timeout: {type: 'string'},
				json: {type: 'boolean'},
				help: {type: 'boolean', short: 'h'},
				version: {type: 'boolean', short: 'v'},
			},
		});
	} catch (error) {
		// parseArgs messages are already one line and name the option, e.g. "Unknown option '--foo'".
		throw new UsageError(firstLine(error instanceof Error ? error.message : String(error)));
	}

	const {values, positionals} = parsed;
	if (values.help) {
		return {kind: 'help'};
	}

	if (values.version) {
		return {kind: 'version'};
	}

	const [command, url, ...rest] = positionals;
	if (command === undefined) {
		throw new UsageError('Missing command: try "cors-doctor check <url> --origin <origin>" or "cors-doctor --help".');
	}

	if (command !== 'check') {
		throw new UsageError(`Unknown command "${command}": the only command is "check" (see cors-doctor --help).`);
	}

	if (url === undefined) {
		throw new UsageError('Missing <url>: cors-doctor check <url> --origin <origin>.');
	}

	if (rest.length > 0) {
		throw new UsageError(`Unexpected argument "${rest[0]}": check takes one URL.`);
	}

	if (values.origin === undefined) {
		throw new UsageError('Missing --origin: the page origin that calls the URL, e.g. --origin https://app.example.com.');
	}

	let timeout: number | undefined;
	if (values.timeout !== undefined) {
		timeout = Number(values.timeout);
		if (!/^\d+$/.test(values.timeout) || timeout <= 0) {
			throw new UsageError(`Invalid --timeout "${values.timeout}": give milliseconds as a positive integer.`);
		}
	}

	return {
		kind: 'check',
		url,
		origin: values.origin,
		...(values.method === undefined ? {} : {method: values.method}),
		headers: (values.header ?? []).map(header => parseHeaderArgument(header)),
		credentials: values.credentials ?? false,
		expectHeaders: (values['expect-header'] ?? []).map(name => name.trim()),
		...(timeout === undefined ? {} : {timeout}),
		json: values.json ?? false,
	};
}

/** `x-api-key` -> a name; `content-type: text/plain` -> a pair. Name validation is checkCors's job. */
function parseHeaderArgument(argument: string): HeaderInput {
	const colon = argument.indexOf(':');
	return colon === -1 ? argument.trim() : [argument.slice(0, colon).trim(), argument.slice(colon + 1).trim()];
}

function firstLine(text: string): string {
	return text.split('\n')[0] ?? text;
}
