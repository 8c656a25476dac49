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
		readonly timeout?: number;
		readonly json: boolean;
	}
	| {
		readonly kind: 'replay';
		/** Path to a `CorsError.toJSON()` event, or `-` for stdin. */
		readonly event: string;
		readonly url?: string;
		readonly origin?: string;
		readonly timeout?: number;
		readonly json: boolean;
	};

/** A command line that cannot be run; the message is one line for stderr. */
export class UsageError extends Error {
	override name = 'UsageError' as const;
}

export const usage = `Usage: cors-doctor check <url> --origin <origin> [options]
       cors-doctor replay <event.json> [--url <url>] [--origin <origin>] [--timeout <ms>] [--json]

Check a URL's CORS configuration the way a browser on <origin> would, and print the exact fix.

Options:
  --origin <origin>    the page origin, e.g. https://app.example.com (required)
  --method <method>    request method (default GET); unsafe methods are only preflighted, never sent
  --header <name>      a request header the page sends (repeatable); "name: value" to give a safelisted value
  --credentials        the page sends cookies (credentials: 'include')
  --timeout <ms>       per request (default 10000)
  --json               machine-readable output (schemaVersion 1)
  -h, --help           show this help
  -v, --version        show the version

replay: check the request of a CorsError.toJSON() event (a file, or - for stdin) from here, and print the
certain answer beside the browser's inference (agree / refine / contradict). --url and --origin replace the
event's redacted URL and its page origin.

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
				url: {type: 'string'},
				method: {type: 'string'},
				header: {type: 'string', multiple: true, short: 'H'},
				credentials: {type: 'boolean'},
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

	if (command === 'replay') {
		return parseReplay(url, rest, values);
	}

	if (command !== 'check') {
		throw new UsageError(`Unknown command "${command}": the commands are "check" and "replay" (see cors-doctor --help).`);
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

	const timeout = parseTimeout(values.timeout);
	return {
		kind: 'check',
		url,
		origin: values.origin,
		...(values.method === undefined ? {} : {method: values.method}),
		headers: (values.header ?? []).map(header => parseHeaderArgument(header)),
		credentials: values.credentials ?? false,
		...(timeout === undefined ? {} : {timeout}),
		json: values.json ?? false,
	};
}

function parseTimeout(value: string | undefined): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const timeout = Number(value);
	if (!/^\d+$/.test(value) || timeout <= 0) {
		throw new UsageError(`Invalid --timeout "${value}": give milliseconds as a positive integer.`);
	}

	return timeout;
}

function parseReplay(
	event: string | undefined,
	rest: readonly string[],
	values: {origin?: string; url?: string; timeout?: string; json?: boolean; method?: string; header?: string[]; credentials?: boolean},
): CliCommand {
	if (event === undefined) {
		throw new UsageError('Missing <event.json>: cors-doctor replay <event.json> (a CorsError.toJSON() object; - reads stdin).');
	}

	if (rest.length > 0) {
		throw new UsageError(`Unexpected argument "${rest[0]}": replay takes one event file.`);
	}

	// The event fixes the request's shape; changing it would no longer replay what the browser saw.
	for (const option of ['method', 'header', 'credentials'] as const) {
		if (values[option] !== undefined) {
			throw new UsageError(`--${option} does not apply to replay: the event gives the method, header names and credentials.`);
		}
	}

	const timeout = parseTimeout(values.timeout);
	return {
		kind: 'replay',
		event,
		...(values.url === undefined ? {} : {url: values.url}),
		...(values.origin === undefined ? {} : {origin: values.origin}),
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
