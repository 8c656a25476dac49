import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {scenarios as defaultScenarios, type Scenario, type ScenarioOrigin, type ScenarioResponse} from './scenarios';

export type ServerOrigin = 'page' | ScenarioOrigin;

/** One request as the server received it. Header names are lowercase; duplicate lines are joined with `, `. */
export interface LoggedRequest {
	readonly origin: ServerOrigin;
	readonly method: string;
	readonly path: string;
	readonly query: string;
	readonly headers: Readonly<Record<string, string>>;
	readonly bodyLength: number;
	readonly time: number;
}

export interface StaticFile {
	readonly type: string;
	readonly body: string | Uint8Array;
	/** Extra response headers (e.g. a `Content-Security-Policy` for a page that must block its own fetches). */
	readonly headers?: Readonly<Record<string, string>>;
}

/** A request to the page origin, body included (capped at 64 KiB), for `dynamic` routes such as the lab's `/api/*`. */
export interface PageRequest {
	readonly method: string;
	readonly url: URL;
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
}

/** A dynamic route's answer; `undefined` lets the static files and the default pages answer. */
export type PageHandler = (request: PageRequest) => Promise<{status: number; type: string; body: string} | undefined>;

export interface ScenarioServerOptions {
	readonly scenarios?: readonly Scenario[];
	/** Port of the page origin (default 0: a free one). A busy port rejects with the `EADDRINUSE` error. */
	readonly port?: number;
	/** Dynamic routes on the page origin, tried before the static files. */
	readonly dynamic?: PageHandler;
	/** The origin `{page}` stands for in the table, when the page is served elsewhere (e.g. by a Vite dev server). */
	readonly pageOrigin?: string;
}

export interface ScenarioServer {
	/** Origins (`http://127.0.0.1:<port>`), no trailing slash. */
	readonly page: string;
	readonly api: string;
	readonly third: string;
	/** A URL whose port was opened and closed again: connecting is refused. */
	readonly refusedUrl: string;
	readonly scenarios: readonly Scenario[];
	/** The endpoint of a scenario, on the API origin unless told otherwise. */
	url(name: string, origin?: ScenarioOrigin): string;
	/** Serve a static file from the page origin (e.g. the built bundle for browser tests). */
	serve(path: string, file: StaticFile): void;
	/** Every request received, oldest first. */
	readonly log: LoggedRequest[];
	clear(): void;
	/** Close all three servers, destroying keep-alive and hanging sockets. */
	close(): Promise<void>;
}

const testPage = '<!doctype html><html><head><meta charset="utf-8"><title>cors-doctor test page</title></head><body>cors-doctor test page</body></html>';

/**
Start the scenario server: three loopback origins on free ports.

- `page` serves `/` (a small HTML page), `/blank` and files registered with `serve()`;
- `api` serves `/s/<scenario>` as the scenario table says (`/s/<route>/<id>` as a `<route>/*` entry, when there is one);
- every origin serves the redirect targets `/t/plain` (no CORS), `/t/echo` (ACAO echoes `Origin`),
  `/t/wildcard` (ACAO `*`), `/t/page` (ACAO = page origin) and `/t/bounce` (ACAO `*`, 302 to the API's `/t/page`).

@example
```
const server = await startScenarioServer();
try {
	await fetch(server.url('allow-origin-missing'), {headers: {origin: server.page}});
} finally {
	await server.close();
}
```
*/
export async function startScenarioServer(options: ScenarioServerOptions = {}): Promise<ScenarioServer> {
	const table = options.scenarios ?? defaultScenarios;
	const byName = new Map(table.map(entry => [entry.name, entry]));
	const files = new Map<string, StaticFile>();
	const log: LoggedRequest[] = [];
	const sockets = new Set<Socket>();
	const origins = {page: '', api: '', third: ''};

	const fill = (value: string) => value.replaceAll('{page}', options.pageOrigin ?? origins.page).replaceAll('{api}', origins.api).replaceAll('{third}', origins.third);

	const answer = (response: ServerResponse, request: IncomingMessage, spec: ScenarioResponse, isPreflight: boolean) => {
		if (spec.hang) {
			return;
		}

		if (spec.destroy) {
			request.socket.destroy();
			return;
		}

		const lines: Array<[string, string]> = (spec.headers ?? []).map(([name, value]) => [name, fill(value)]);
		let status = spec.status ?? (isPreflight ? 204 : 200);
		if (spec.redirect) {
			const location = new URL(spec.redirect.path, origins[spec.redirect.to]);
			if (spec.redirect.userinfo) {
				const [user = '', password = ''] = spec.redirect.userinfo.split(':');
				location.username = user;
				location.password = password;
			}

			lines.push(['Location', location.href]);
			status = spec.status ?? 302;
		}

		const body = status === 204 || status === 304 || request.method === 'HEAD' || spec.redirect ? '' : (spec.body ?? 'ok');
		// An array of lines, not an object: it is the only way node:http writes the same name twice.
		response.writeHead(status, [...lines.flat(), 'Content-Length', String(Buffer.byteLength(body))]);
		response.end(body);
	};

	const target = (name: string, originHeader: string | undefined): ScenarioResponse | undefined => {
		switch (name) {
			case 'plain': {
				return {};
			}

			case 'echo': {
				return {headers: originHeader === undefined ? [] : [['Access-Control-Allow-Origin', originHeader]]};
			}

			case 'wildcard': {
				return {headers: [['Access-Control-Allow-Origin', '*']]};
			}

			case 'page': {
				return {headers: [['Access-Control-Allow-Origin', '{page}']]};
			}

			case 'bounce': {
				return {headers: [['Access-Control-Allow-Origin', '*']], redirect: {to: 'api', path: '/t/page'}};
			}

			default: {
				return undefined;
			}
		}
	};

	const handle = (origin: ServerOrigin, request: IncomingMessage, response: ServerResponse) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		let bodyLength = 0;
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => {
			bodyLength += chunk.length;
			if (bodyLength <= 65_536) {
				chunks.push(chunk);
			}
		});
		request.on('end', () => {
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(request.headersDistinct)) {
				headers[name] = (value ?? []).join(', ');
			}

			log.push({origin, method: request.method ?? '', path: url.pathname, query: url.search, headers, bodyLength, time: Date.now()});
			if (origin === 'page' && options.dynamic) {
				const body = Buffer.concat(chunks).toString('utf8');
				options.dynamic({method: request.method ?? '', url, headers, body}).then(answer => {
					if (answer) {
						response.writeHead(answer.status, {'Content-Type': answer.type, 'Cache-Control': 'no-store'});
						response.end(answer.body);
					} else {
						route(origin, url.pathname, request, response);
					}
				}, (error: unknown) => {
					response.writeHead(500, {'Content-Type': 'text/plain'});
					response.end(error instanceof Error ? error.message : String(error));
				});
				return;
			}

			route(origin, url.pathname, request, response);
		});
	};

	const route = (origin: ServerOrigin, path: string, request: IncomingMessage, response: ServerResponse) => {
		const isPreflight = request.method === 'OPTIONS';
		if (path.startsWith('/t/')) {
			const spec = target(path.slice(3), request.headers.origin);
			if (spec) {
				answer(response, request, isPreflight ? {status: 204, headers: [...spec.headers ?? [], ['Access-Control-Allow-Methods', '*'], ['Access-Control-Allow-Headers', '*']]} : spec, isPreflight);
				return;
			}
		}

		if (origin === 'api' && path.startsWith('/s/')) {
			// `/s/items/42` falls back to an `items/*` entry: one misconfigured route with many ids (an app's `/items/:id`).
			const name = decodeURIComponent(path.slice(3));
			const entry = byName.get(name) ?? byName.get(name.replace(/\/[^/]*$/, '/*'));
			if (entry) {
				answer(response, request, (isPreflight ? entry.options.preflight : entry.options.actual) ?? {}, isPreflight);
				return;
			}
		}

		if (origin === 'page') {
			const file = files.get(path);
			if (file || path === '/' || path === '/blank') {
				const body = file?.body ?? (path === '/' ? testPage : '<!doctype html><title>blank</title>');
				response.writeHead(200, {...file?.headers, 'Content-Type': file?.type ?? 'text/html; charset=utf-8', 'Cache-Control': 'no-store'});
				response.end(body);
				return;
			}
		}

		response.writeHead(404, {'Content-Type': 'text/plain'});
		response.end('not found');
	};

	const listen = async (origin: ServerOrigin): Promise<Server> => {
		const server = createServer((request, response) => {
			handle(origin, request, response);
		});
		server.on('connection', socket => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(origin === 'page' ? options.port ?? 0 : 0, '127.0.0.1', resolve);
		});
		const address = server.address();
		if (address === null || typeof address === 'string') {
			throw new Error('scenario server: no port');
		}

		origins[origin] = `http://127.0.0.1:${address.port}`;
		return server;
	};

	const servers: Server[] = [];
	try {
		for (const origin of ['page', 'api', 'third'] as const) {
			servers.push(await listen(origin));
		}
	} catch (error) {
		await closeAll(servers, sockets);
		throw error;
	}

	const refusedUrl = await reserveRefusedUrl();

	return {
		...origins,
		refusedUrl,
		scenarios: table,
		url(name, origin = 'api') {
			return `${origins[origin]}/s/${encodeURIComponent(name)}`;
		},
		serve(path, file) {
			files.set(path, file);
		},
		log,
		clear() {
			log.length = 0;
		},
		async close() {
			await closeAll(servers, sockets);
		},
	};
}

async function closeAll(servers: readonly Server[], sockets: Set<Socket>): Promise<void> {
	const closed = servers.map(async server => new Promise<void>(resolve => {
		server.close(() => {
			resolve();
		});
	}));
	// server.close() waits for keep-alive and hanging connections; destroy them so close() returns.
	for (const socket of sockets) {
		socket.destroy();
	}

	await Promise.all(closed);
}

// Bind a free port and release it: nothing listens there afterwards, so a connection is refused.
async function reserveRefusedUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const address = server.address();
	await new Promise<void>(resolve => {
		server.close(() => {
			resolve();
		});
	});
	if (address === null || typeof address === 'string') {
		throw new Error('scenario server: no port');
	}

	return `http://127.0.0.1:${address.port}/`;
}
