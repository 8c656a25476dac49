import {parseArgs} from 'node:util';
import {CORS_CODES, type CorsCode} from '../codes.js';
import {STACK_IDS} from '../hints/stacks/index.js';
import type {StackId} from '../hints/types.js';
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
		/** Print this stack's snippet with the problems (and put the structured fixes in --json). */
		readonly framework?: StackId;
	}
	| {
		readonly kind: 'fixes';
		readonly code: CorsCode;
		readonly framework?: StackId;
		readonly origin?: string;
		readonly method?: string;
		readonly headers: string[];
		readonly credentials: boolean;
		readonly json: boolean;
	};

/** A command line that cannot be run; the message is one line for stderr. */
export class UsageError extends Error {
	override name = 'UsageError' as const;
}

export const usage = `Usage: cors-doctor check <url> --origin <origin> [options]
       cors-doctor fixes <CODE> [--framework <stack>] [--origin ...] [--method ...] [--header ...] [--credentials] [--json]

Check a URL's CORS configuration the way a browser on <origin> would, and print the exact fix.

Options:
  --origin <origin>    the page origin, e.g. https://app.example.com (required)
  --method <method>    request method (default GET); unsafe methods are only preflighted, never sent
  --header <name>      a request header the page sends (repeatable); "name: value" to give a safelisted value
  --credentials        the page sends cookies (credentials: 'include')
  --timeout <ms>       per request (default 10000)
  --json               machine-readable output (schemaVersion 1)
  --framework <stack>  also print the fix for this server stack (${STACK_IDS.join(', ')})
  -h, --help           show this help
  -v, --version        show the version

\`fixes <CODE>\` prints a code's fixes without sending a request (every stack unless --framework is given).

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
				timeout: {type: 'string'},
				json: {type: 'boolean'},
				framework: {type: 'string'},
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

	const framework = values.framework === undefined ? undefined : parseFramework(values.framework);
	if (command === 'fixes') {
		return parseFixes(url, rest, values, framework);
	}

	if (command !== 'check') {
		throw new UsageError(`Unknown command "${command}": the commands are "check" and "fixes" (see cors-doctor --help).`);
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
		...(timeout === undefined ? {} : {timeout}),
		json: values.json ?? false,
		...(framework === undefined ? {} : {framework}),
	};
}

function parseFramework(value: string): StackId {
	if (!(STACK_IDS as string[]).includes(value)) {
		throw new UsageError(`Unknown --framework "${value}": one of ${STACK_IDS.join(', ')}.`);
	}

	return value as StackId;
}

interface FixesValues {
	readonly origin?: string | undefined;
	readonly method?: string | undefined;
	readonly header?: string[] | undefined;
	readonly credentials?: boolean | undefined;
	readonly json?: boolean | undefined;
}

function parseFixes(code: string | undefined, rest: readonly string[], values: FixesValues, framework: StackId | undefined): CliCommand {
	if (code === undefined) {
		throw new UsageError('Missing <CODE>: cors-doctor fixes HEADER_NOT_ALLOWED [--framework express].');
	}

	const upper = code.toUpperCase();
	if (!(CORS_CODES as readonly string[]).includes(upper)) {
		throw new UsageError(`Unknown code "${code}": see docs/errors/README.md for the list.`);
	}

	if (rest.length > 0) {
		throw new UsageError(`Unexpected argument "${rest[0]}": fixes takes one code.`);
	}

	return {
		kind: 'fixes',
		code: upper as CorsCode,
		...(framework === undefined ? {} : {framework}),
		...(values.origin === undefined ? {} : {origin: values.origin}),
		...(values.method === undefined ? {} : {method: values.method}),
		headers: (values.header ?? []).map(header => header.split(':')[0]!.trim()),
		credentials: values.credentials ?? false,
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
