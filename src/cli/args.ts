import {parseArgs} from 'node:util';
import {CORS_CODES, type CorsCode} from '../codes.js';
import {STACK_IDS} from '../hints/stacks/index.js';
import type {StackId} from '../hints/types.js';
import type {HeaderInput} from '../node/types.js';
import {SEVERITIES, type Severity} from '../node/audit/types.js';

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
	}
	| {
		readonly kind: 'audit';
		readonly url: string;
		readonly origins: string[];
		readonly failOn: Severity;
		readonly timeout?: number;
		readonly json: boolean;
	}
	| {
		readonly kind: 'proxy';
		readonly target: string;
		readonly port: number;
		readonly origins: string[];
		readonly credentials: boolean;
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
       cors-doctor fixes <CODE> [--framework <stack>] [--origin ...] [--method ...] [--header ...] [--credentials] [--json]
       cors-doctor audit <url> --origin <trusted>... [--json] [--fail-on <severity>]
       cors-doctor proxy --target <url> [--port <n>] [--origin <origin>]... [--credentials]
       cors-doctor replay <event.json> [--url <url>] [--origin <origin>] [--timeout <ms>] [--json]

Check a URL's CORS configuration the way a browser on <origin> would, and print the exact fix.

Options:
  --origin <origin>    the page origin, e.g. https://app.example.com (required)
  --method <method>    request method (default GET); unsafe methods are only preflighted, never sent
  --header <name>      a request header the page sends (repeatable); "name: value" to give a safelisted value
  --credentials        the page sends cookies (credentials: 'include')
  --expect-header <name>  a response header the page reads (repeatable): HEADER_NOT_EXPOSED when it is not exposed
  --timeout <ms>       per request (default 10000)
  --json               machine-readable output (schemaVersion 1)
  --framework <stack>  also print the fix for this server stack (${STACK_IDS.join(', ')})
  -h, --help           show this help
  -v, --version        show the version

\`fixes <CODE>\` prints a code's fixes without sending a request (every stack unless --framework is given).

audit: send crafted origins (unrelated, null, suffix, prefix, sibling, http, regex-dot, case, port variants of
each trusted --origin, repeatable) with OPTIONS and GET only, and report every origin trusted by mistake.
  --fail-on <severity> exit 1 on a finding at or above low|medium|high|critical (default low)

proxy (development only): forwards every request to --target and answers with correct CORS headers for the
--origin pages (default: any page on this machine), preflights included; --credentials allows cookies.
Listens on 127.0.0.1 (--port, default any free port) until Ctrl-C.

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
				origin: {type: 'string', multiple: true},
				'fail-on': {type: 'string'},
				target: {type: 'string'},
				port: {type: 'string'},
				url: {type: 'string'},
				method: {type: 'string'},
				header: {type: 'string', multiple: true, short: 'H'},
				credentials: {type: 'boolean'},
				'expect-header': {type: 'string', multiple: true},
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
		if ((values.origin?.length ?? 0) > 1) {
			throw new UsageError('fixes takes one --origin (the page origin).');
		}

		return parseFixes(url, rest, {...values, origin: values.origin?.[0]}, framework);
	}

	if (command === 'proxy') {
		return parseProxy(values, url);
	}

	if (command === 'replay') {
		if ((values.origin?.length ?? 0) > 1) {
			throw new UsageError('replay takes one --origin (the page origin to replay from).');
		}

		return parseReplay(url, rest, {...values, origin: values.origin?.[0]});
	}

	if (command !== 'check' && command !== 'audit') {
		throw new UsageError(`Unknown command "${command}": the commands are "check", "fixes", "audit", "proxy" and "replay" (see cors-doctor --help).`);
	}

	if (url === undefined) {
		throw new UsageError(`Missing <url>: cors-doctor ${command} <url> --origin <origin>.`);
	}

	if (rest.length > 0) {
		throw new UsageError(`Unexpected argument "${rest[0]}": ${command} takes one URL.`);
	}

	const [origin] = values.origin ?? [];
	if (origin === undefined || values.origin === undefined) {
		throw new UsageError('Missing --origin: the page origin that calls the URL, e.g. --origin https://app.example.com.');
	}

	let timeout: number | undefined;
	if (values.timeout !== undefined) {
		timeout = Number(values.timeout);
		if (!/^\d+$/.test(values.timeout) || timeout <= 0) {
			throw new UsageError(`Invalid --timeout "${values.timeout}": give milliseconds as a positive integer.`);
		}
	}

	if (command === 'audit') {
		const misplaced = (['method', 'header', 'credentials'] as const).find(name => values[name] !== undefined);
		if (misplaced) {
			throw new UsageError(`--${misplaced} belongs to check; audit sends its own requests (GET and OPTIONS with crafted origins).`);
		}

		const failOn = values['fail-on'] ?? 'low';
		if (!(SEVERITIES as readonly string[]).includes(failOn)) {
			throw new UsageError(`Invalid --fail-on "${failOn}": give one of ${SEVERITIES.join(', ')}.`);
		}

		return {kind: 'audit', url, origins: values.origin, failOn: failOn as Severity, ...(timeout === undefined ? {} : {timeout}), json: values.json ?? false};
	}

	if (values.origin.length > 1) {
		throw new UsageError('check takes one --origin (the page origin); audit takes several.');
	}

	if (values['fail-on'] !== undefined) {
		throw new UsageError('--fail-on belongs to audit; check exits 1 on any CORS problem.');
	}

	return {
		kind: 'check',
		url,
		origin,
		...(values.method === undefined ? {} : {method: values.method}),
		headers: (values.header ?? []).map(header => parseHeaderArgument(header)),
		credentials: values.credentials ?? false,
		expectHeaders: (values['expect-header'] ?? []).map(name => name.trim()),
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

function parseProxy(values: {target?: string; port?: string; origin?: string[]; credentials?: boolean}, extra: string | undefined): CliCommand {
	if (extra !== undefined) {
		throw new UsageError(`Unexpected argument "${extra}": give the target with --target <url>.`);
	}

	if (values.target === undefined) {
		throw new UsageError('Missing --target: the server to forward to, e.g. --target http://127.0.0.1:8080.');
	}

	const port = values.port === undefined ? 0 : Number(values.port);
	if (values.port !== undefined && (!/^\d+$/.test(values.port) || port > 65_535)) {
		throw new UsageError(`Invalid --port "${values.port}": give a port number (0 = any free port).`);
	}

	return {kind: 'proxy', target: values.target, port, origins: values.origin ?? [], credentials: values.credentials ?? false};
}

/** `x-api-key` -> a name; `content-type: text/plain` -> a pair. Name validation is checkCors's job. */
function parseHeaderArgument(argument: string): HeaderInput {
	const colon = argument.indexOf(':');
	return colon === -1 ? argument.trim() : [argument.slice(0, colon).trim(), argument.slice(colon + 1).trim()];
}

function firstLine(text: string): string {
	return text.split('\n')[0] ?? text;
}
