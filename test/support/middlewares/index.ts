import {writeFileSync, mkdirSync} from 'node:fs';
import {createServer, request as httpRequest, type IncomingHttpHeaders} from 'node:http';
import type {Socket} from 'node:net';
import {join} from 'node:path';
import {requireExecutable} from '../../browser/support/binaries';
import {type Helper, freePort, spawnHelper, tempDir, waitFor} from '../../browser/support/processes';
import type {LoggedRequest} from '../scenario-server';

/** The real servers the middleware suites run: four Node frameworks (npm) and three Debian ones. */
export type Backend = 'express' | 'fastify' | 'hono' | 'koa' | 'flask' | 'django' | 'nginx';

export const NODE_BACKENDS: readonly Backend[] = ['express', 'fastify', 'hono', 'koa'];
export const DEBIAN_BACKENDS: readonly Backend[] = ['flask', 'django', 'nginx'];

/** The path a page fetches to split the log into "the original" and "the probes" (answered by the proxy itself). */
export const MARKER_PATH = '/__probe-marker';

export interface RunningBackend {
	readonly backend: Backend;
	/** The logging proxy's origin: what the page calls. */
	readonly origin: string;
	/** Every request the proxy received, oldest first (the scenario server's log shape). */
	readonly log: LoggedRequest[];
	clear(): void;
	close(): Promise<void>;
}

const DIR = import.meta.dirname;

/** nginx with its common CORS mistakes: `add_header` without `always`, `if ($request_method = OPTIONS)` blocks, a static location, a trailing-slash redirect. */
const nginxConfig = (prefix: string, port: number, page: string) => `daemon off;
master_process off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log stderr error;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path ${prefix}/body;
	proxy_temp_path ${prefix}/proxy;
	fastcgi_temp_path ${prefix}/fastcgi;
	uwsgi_temp_path ${prefix}/uwsgi;
	scgi_temp_path ${prefix}/scgi;
	absolute_redirect off;
	server {
		listen 127.0.0.1:${port};
		root ${prefix}/www;
		location = /good { add_header Access-Control-Allow-Origin "${page}" always; return 200 "ok"; }
		# Without always, add_header skips error statuses: the 500 has no CORS.
		location = /no-always { add_header Access-Control-Allow-Origin "${page}"; return 500 "boom"; }
		# An add_header inside the if block drops every add_header of the enclosing level: the preflight lacks ACAO.
		location = /if-options {
			add_header Access-Control-Allow-Origin "${page}" always;
			if ($request_method = OPTIONS) {
				add_header Access-Control-Allow-Methods "GET, PUT";
				add_header Access-Control-Allow-Headers "x-api-key";
				return 204;
			}
			return 200 "ok";
		}
		# Static files: the static module answers OPTIONS 405, an error status, so add_header (no always) adds nothing.
		location /static/ { add_header Access-Control-Allow-Origin "${page}"; }
		# The API answers preflights, but its base path without the slash is a redirect without CORS.
		location = /api { return 301 /api/; }
		location /api/ {
			add_header Access-Control-Allow-Origin "${page}" always;
			add_header Access-Control-Allow-Methods "GET, PUT" always;
			add_header Access-Control-Allow-Headers "x-api-key" always;
			if ($request_method = OPTIONS) { return 204; }
			return 200 "ok";
		}
	}
}
`;

const spawnBackend = (backend: Backend, port: number, page: string): {helper: Helper; cleanup(): void} => {
	const env = {...process.env, PAGE_ORIGIN: page, PORT: String(port), PYTHONDONTWRITEBYTECODE: '1'};
	switch (backend) {
		case 'flask':
		case 'django': {
			const python = requireExecutable('/usr/bin/python3', backend === 'flask' ? 'python3-flask python3-flask-cors' : 'python3-django python3-django-cors-headers');
			return {helper: spawnHelper(python, [join(DIR, `${backend}_app.py`)], {env}), cleanup() {}};
		}

		case 'nginx': {
			const nginx = requireExecutable('/usr/sbin/nginx', 'nginx');
			const prefix = tempDir('cors-doctor-nginx-');
			mkdirSync(join(prefix.path, 'www/static'), {recursive: true});
			writeFileSync(join(prefix.path, 'www/static/app.js'), 'export {};\n');
			writeFileSync(join(prefix.path, 'nginx.conf'), nginxConfig(prefix.path, port, page));
			return {helper: spawnHelper(nginx, ['-p', prefix.path, '-c', join(prefix.path, 'nginx.conf')], {env}), cleanup: () => prefix.remove()};
		}

		default: {
			return {helper: spawnHelper(process.execPath, [join(DIR, `${backend}.mjs`)], {env}), cleanup() {}};
		}
	}
};

// Hop-by-hop headers are the proxy's own business; every other line (duplicates included) passes unchanged.
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

/**
Starts `backend` on a free loopback port behind a small logging proxy (also on loopback), so every framework's traffic
lands in one log shaped like the scenario server's. The proxy passes the status and the raw header lines (duplicates
included) unchanged, and answers `MARKER_PATH` itself.
*/
export async function startBackend(backend: Backend, page: string): Promise<RunningBackend> {
	const port = await freePort();
	const {helper, cleanup} = spawnBackend(backend, port, page);
	const sockets = new Set<Socket>();
	const log: LoggedRequest[] = [];
	const proxy = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const url = new URL(request.url ?? '/', 'http://proxy');
			const headers: Record<string, string> = {};
			for (const [name, value] of Object.entries(request.headersDistinct)) {
				headers[name] = (value ?? []).join(', ');
			}

			const body = Buffer.concat(chunks);
			log.push({origin: 'api', method: request.method ?? '', path: url.pathname, query: url.search, headers, bodyLength: body.length, time: Date.now()});
			if (url.pathname === MARKER_PATH) {
				response.writeHead(204, {'Access-Control-Allow-Origin': '*'}).end();
				return;
			}

			const forwarded: IncomingHttpHeaders = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP.has(name)));
			const upstream = httpRequest({host: '127.0.0.1', port, method: request.method, path: request.url, headers: forwarded}, answer => {
				const lines: string[] = [];
				for (let index = 0; index < answer.rawHeaders.length; index += 2) {
					if (!HOP.has(answer.rawHeaders[index]!.toLowerCase())) {
						lines.push(answer.rawHeaders[index]!, answer.rawHeaders[index + 1]!);
					}
				}

				response.writeHead(answer.statusCode ?? 502, lines);
				answer.pipe(response);
			});
			upstream.on('error', () => response.destroy());
			upstream.end(body);
		});
	});
	proxy.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	const close = async () => {
		const closed = new Promise(resolve => {
			proxy.close(resolve);
		});
		for (const socket of sockets) {
			socket.destroy();
		}

		await Promise.all([closed, helper.stop()]);
		cleanup();
	};

	try {
		await new Promise<void>(resolve => {
			proxy.listen(0, '127.0.0.1', resolve);
		});
		// Ready once it answers anything at all (Django and Flask take a second or two to import).
		await waitFor(async () => {
			const response = await fetch(`http://127.0.0.1:${port}/__ready`);
			await response.arrayBuffer();
			return true;
		}, 20_000, () => `${backend} did not start on port ${port}: ${helper.stderr()}`);
	} catch (error) {
		await close();
		throw error;
	}

	const {port: proxyPort} = proxy.address() as {port: number};
	return {
		backend,
		origin: `http://127.0.0.1:${proxyPort}`,
		log,
		clear() {
			log.length = 0;
		},
		close,
	};
}

/** One request to a real middleware, and what Chromium said about it when it was recorded (CDP, Chromium 156). */
export interface MiddlewareCase {
	readonly backend: Backend;
	readonly name: string;
	readonly path: string;
	readonly request: {readonly method: string; readonly headers?: readonly string[]; readonly credentials?: 'include'};
	/** Chromium's CDP `corsError` for the request, recorded from a real run; `null` = it succeeds. */
	readonly chromium: string | null;
	/** The preflight passes and the unsafe request runs, then its response fails CORS: `mayHaveRun` must be true. */
	readonly ran?: boolean;
	/** Names the error must give (with credentials, `*` in ACAH/ACAM is a literal name: the refused header or method must be named). */
	readonly names?: readonly string[];
}

const put = {method: 'PUT'} as const;
const apiKey = {method: 'GET', headers: ['x-api-key']} as const;

/** The common mistakes, per framework (see the app files next to this one). */
export const MIDDLEWARE_CASES: readonly MiddlewareCase[] = [
	{backend: 'express', name: 'good', path: '/good', request: {method: 'GET', credentials: 'include'}, chromium: null},
	{backend: 'express', name: 'route-level CORS on the PUT handler', path: '/route-level', request: put, chromium: 'PreflightMissingAllowOriginHeader'},
	{backend: 'express', name: 'auth before CORS (401 on OPTIONS)', path: '/auth/me', request: {method: 'GET', headers: ['authorization']}, chromium: 'PreflightMissingAllowOriginHeader'},
	{backend: 'express', name: 'method allow-list without PUT', path: '/methods', request: put, chromium: 'MethodDisallowedByPreflightResponse'},
	{backend: 'express', name: 'header allow-list without x-api-key', path: '/headers', request: apiKey, chromium: 'HeaderDisallowedByPreflightResponse'},
	{backend: 'express', name: 'credentials with origin *', path: '/wildcard', request: {method: 'GET', credentials: 'include'}, chromium: 'WildcardOriginNotAllowed'},
	{backend: 'express', name: 'credentials with allowedHeaders *', path: '/star-headers', request: {method: 'GET', headers: ['x-api-key'], credentials: 'include'}, chromium: 'HeaderDisallowedByPreflightResponse', names: ['x-api-key']},
	{backend: 'express', name: 'credentials with methods *', path: '/star-methods', request: {method: 'PUT', credentials: 'include'}, chromium: 'MethodDisallowedByPreflightResponse', names: ['PUT']},
	{backend: 'express', name: 'error before CORS (500 without CORS)', path: '/error', request: {method: 'GET'}, chromium: 'MissingAllowOriginHeader'},
	{backend: 'express', name: 'DELETE-only route', path: '/only-delete/7', request: {method: 'DELETE'}, chromium: 'PreflightMissingAllowOriginHeader'},
	{backend: 'express', name: 'allowed DELETE whose 500 lacks CORS', path: '/ran/7', request: {method: 'DELETE'}, chromium: 'MissingAllowOriginHeader', ran: true},
	{backend: 'fastify', name: 'good (plugin scope)', path: '/scoped', request: {method: 'GET'}, chromium: null},
	{backend: 'fastify', name: 'default methods leave PUT out', path: '/scoped', request: put, chromium: 'MethodDisallowedByPreflightResponse'},
	{backend: 'fastify', name: 'route outside the CORS plugin scope', path: '/outside', request: {method: 'GET'}, chromium: 'MissingAllowOriginHeader'},
	{backend: 'hono', name: 'good', path: '/api/good', request: {method: 'GET'}, chromium: null},
	{backend: 'hono', name: 'auth before CORS (401 on OPTIONS)', path: '/secure/me', request: {method: 'GET', headers: ['authorization']}, chromium: 'PreflightMissingAllowOriginHeader'},
	{backend: 'hono', name: 'header allow-list without x-api-key', path: '/listed/x', request: apiKey, chromium: 'HeaderDisallowedByPreflightResponse'},
	{backend: 'hono', name: 'credentials with origin *', path: '/wild/x', request: {method: 'GET', credentials: 'include'}, chromium: 'WildcardOriginNotAllowed'},
	{backend: 'hono', name: 'route outside the CORS prefix', path: '/v1/x', request: {method: 'GET'}, chromium: 'MissingAllowOriginHeader'},
	{backend: 'koa', name: 'good', path: '/public', request: {method: 'GET'}, chromium: null},
	{backend: 'koa', name: 'auth before CORS (401 on OPTIONS)', path: '/private/me', request: {method: 'GET', headers: ['authorization']}, chromium: 'PreflightMissingAllowOriginHeader'},
	{backend: 'koa', name: 'method allow-list without DELETE', path: '/items/7', request: {method: 'DELETE'}, chromium: 'MethodDisallowedByPreflightResponse'},
	{backend: 'flask', name: 'good', path: '/api/good', request: {method: 'GET'}, chromium: null},
	{backend: 'flask', name: 'method allow-list without PUT', path: '/api/items', request: put, chromium: 'MethodDisallowedByPreflightResponse'},
	{backend: 'flask', name: 'header allow-list without x-api-key', path: '/api/good', request: apiKey, chromium: 'HeaderDisallowedByPreflightResponse'},
	{backend: 'flask', name: 'route outside the CORS resources', path: '/other', request: {method: 'GET'}, chromium: 'MissingAllowOriginHeader'},
	{backend: 'django', name: 'good', path: '/api/good', request: {method: 'GET'}, chromium: null},
	{backend: 'django', name: 'default allow-headers lack x-api-key', path: '/api/items', request: apiKey, chromium: 'HeaderDisallowedByPreflightResponse'},
	{backend: 'django', name: 'auth middleware before CorsMiddleware', path: '/private/me', request: {method: 'GET', headers: ['authorization']}, chromium: 'PreflightMissingAllowOriginHeader'},
	{backend: 'django', name: 'route outside CORS_URLS_REGEX', path: '/other', request: {method: 'GET'}, chromium: 'MissingAllowOriginHeader'},
	{backend: 'nginx', name: 'good (always)', path: '/good', request: {method: 'GET'}, chromium: null},
	{backend: 'nginx', name: 'add_header without always on a 500', path: '/no-always', request: {method: 'GET'}, chromium: 'MissingAllowOriginHeader'},
	{backend: 'nginx', name: 'add_header inside if ($request_method = OPTIONS)', path: '/if-options', request: put, chromium: 'PreflightMissingAllowOriginHeader'},
	{backend: 'nginx', name: 'static location answering OPTIONS 405', path: '/static/app.js', request: apiKey, chromium: 'PreflightMissingAllowOriginHeader'},
	{backend: 'nginx', name: 'trailing-slash redirect of the preflight', path: '/api', request: put, chromium: 'PreflightDisallowedRedirect'},
];
