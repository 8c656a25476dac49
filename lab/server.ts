import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {isIP} from 'node:net';
import {join, relative} from 'node:path';
import {pathToFileURL} from 'node:url';
import {startScenarioServer, type PageRequest, type ScenarioServer} from '../test/support/scenario-server';
import {scenarios} from '../test/support/scenarios';
import {agreement, type BrowserOutcome, type NodeOutcome} from './agree';
import {CLASS_TITLES, LAB_CLASSES, labCases} from './cases';

type NodeEntry = typeof import('../src/node');

export interface LabOptions {
	/** The repository root: the lab serves `lab/`, `dist/` and ky from there. */
	readonly root: string;
	/** Port of the lab page. Default 4310; 0 picks a free one. */
	readonly port?: number;
	/** When the port was given by the user, a busy port is an error; otherwise the lab picks a free one and says so. */
	readonly strictPort?: boolean;
	readonly log?: (line: string) => void;
}

export interface Lab {
	/** The lab page, e.g. `http://127.0.0.1:4310/`. */
	readonly url: string;
	readonly server: ScenarioServer;
	close(): Promise<void>;
}

/** The lab refuses a port it cannot take, with a sentence the user can act on. */
export class LabPortError extends Error {
	override name = 'LabPortError' as const;
}

export const DEFAULT_PORT = 4310;

const walk = (dir: string): string[] =>
	readdirSync(dir, {withFileTypes: true}).flatMap(entry =>
		entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]);

const TYPES: Record<string, string> = {'.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.ts': 'text/plain', '.map': 'application/json'};
const typeOf = (file: string) => TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';

/** Loopback only: the lab's own form must never make the checker talk to another machine. */
export function isLoopbackUrl(value: string): boolean {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return false;
	}

	const host = url.hostname.replace(/^\[|\]$/g, '');
	if (host === 'localhost' || host === '::1') {
		return true;
	}

	return isIP(host) === 4 && host.startsWith('127.');
}

// Header names whose values the safelist rules read: the checker needs the value to decide whether they preflight.
const SAFELIST_VALUES = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'range']);

interface CheckBody {
	url?: unknown;
	method?: unknown;
	headers?: unknown;
	credentials?: unknown;
	browser?: BrowserOutcome;
}

const json = (status: number, value: unknown) => ({status, type: 'application/json', body: JSON.stringify(value)});

/**
Start the lab: the scenario servers on loopback, and the lab page with the built library on its own origin. The page asks
`POST /api/check` for what `checkCors` (from the built `dist/node.js`) says about the same request.

@example
```
const lab = await startLab({root: process.cwd(), port: 0});
console.log(lab.url);
await lab.close();
```
*/
export async function startLab(options: LabOptions): Promise<Lab> {
	const {root} = options;
	const log = options.log ?? (() => {});
	const nodeFile = join(root, 'dist/node.js');
	if (!existsSync(nodeFile) || !existsSync(join(root, 'dist/index.js'))) {
		throw new Error(`${join(root, 'dist')} is incomplete: build first (npx tsup).`);
	}

	const node = await import(pathToFileURL(nodeFile).href) as NodeEntry;
	const hints = hintsEntry(root);
	let server: ScenarioServer | undefined;
	let cases: ReturnType<typeof labCases> = [];

	const check = async (body: CheckBody) => {
		const {url, method = 'GET', headers = [], credentials = false} = body;
		if (typeof url !== 'string' || url.length > 2048 || typeof method !== 'string' || method.length > 32
			|| !Array.isArray(headers) || headers.length > 32 || typeof credentials !== 'boolean') {
			return json(400, {error: 'expected {url, method, headers: [[name, value]], credentials}'});
		}

		const names = headers.filter((pair): pair is [string, string] => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')
			.map(([name, value]) => SAFELIST_VALUES.has(name.toLowerCase()) ? [name, value] as const : name);
		const command = ['cors-doctor check', url.split(/[?#]/)[0], '--origin', server!.page, '--method', method,
			...names.flatMap(name => ['--header', typeof name === 'string' ? name : `'${name[0]}: ${name[1]}'`]), ...credentials ? ['--credentials'] : []].join(' ');
		let outcome: NodeOutcome;
		let problems: unknown[] = [];
		if (isLoopbackUrl(url)) {
			try {
				const result = await node.checkCors(url, {origin: server!.page, method, headers: names, credentials, timeout: 2000});
				problems = result.problems.map(problem => ({code: problem.code, phase: problem.phase, message: problem.message, fix: problem.fix}));
				outcome = {kind: 'result', ok: result.ok, codes: result.problems.map(problem => problem.code)};
			} catch (error) {
				outcome = error instanceof node.CheckNetworkError ? {kind: 'network', code: error.code} : {kind: 'refused', message: error instanceof Error ? error.message : String(error)};
			}
		} else {
			outcome = {kind: 'refused', message: 'the lab only checks URLs on this machine (127.0.0.0/8, localhost, [::1])'};
		}

		const agree = body.browser ? agreement(body.browser, outcome, {codeInfo: node.CODE_INFO, chromium: node.CHROMIUM_CORS_ERRORS}) : undefined;
		return json(200, {command, outcome, problems, agreement: agree});
	};

	const dynamic = async (request: PageRequest) => {
		if (request.url.pathname === '/api/lab' && request.method === 'GET') {
			return json(200, {origin: server!.page, hints, classes: LAB_CLASSES.map(id => ({id, title: CLASS_TITLES[id]})), cases});
		}

		if (request.url.pathname === '/api/check' && request.method === 'POST') {
			let body: CheckBody;
			try {
				body = JSON.parse(request.body) as CheckBody;
			} catch {
				return json(400, {error: 'invalid JSON'});
			}

			return check(body);
		}

		return undefined;
	};

	const wanted = options.port ?? DEFAULT_PORT;
	try {
		server = await startScenarioServer({port: wanted, dynamic});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
			throw error;
		}

		if (options.strictPort) {
			throw new LabPortError(`port ${wanted} is busy: stop what uses it, or pick another with --port <n> (or --port 0 for any free port).`);
		}

		server = await startScenarioServer({port: 0, dynamic});
		log(`port ${wanted} is busy; using port ${new URL(server.page).port} instead`);
	}

	cases = labCases(scenarios, server);
	const serveTree = (dir: string, prefix: string) => {
		for (const file of walk(dir)) {
			server!.serve(`${prefix}/${relative(dir, file)}`, {type: typeOf(file), body: readFileSync(file)});
		}
	};

	serveTree(join(root, 'dist'), '/dist');
	serveTree(join(root, 'node_modules/ky/distribution'), '/ky');
	for (const file of ['lab.js', 'lab.css']) {
		server.serve(`/${file}`, {type: typeOf(file), body: readFileSync(join(root, 'lab', file))});
	}

	server.serve('/', {type: TYPES['.html']!, body: readFileSync(join(root, 'lab/index.html'))});
	return {url: `${server.page}/`, server, close: async () => server!.close()};
}

// The hints entry (`cors-doctor/hints`) may not be built yet: the page offers fixes per framework only when it is.
function hintsEntry(root: string): string | null {
	try {
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {exports?: Record<string, {default?: string} | undefined>};
		const target = manifest.exports?.['./hints']?.default;
		return target && existsSync(join(root, target)) ? `/${target.replace(/^\.\//, '')}` : null;
	} catch {
		return null;
	}
}
