import {createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse} from 'node:http';
import {request as httpsRequest} from 'node:https';
import type {Socket} from 'node:net';

export interface CorsProxyOptions {
	/** Where requests go, e.g. `http://127.0.0.1:8080` (a path prefix is kept: `http://host/api` + `/items` -> `/api/items`). */
	readonly target: string;
	/** Port to listen on, on 127.0.0.1 only. Default 0 (any free port). */
	readonly port?: number;
	/** Page origins to allow; each is echoed in `Access-Control-Allow-Origin` only when it sent the request. Default: any loopback origin. */
	readonly origins?: readonly string[];
	/** Answer with `Access-Control-Allow-Credentials: true` (the page sends cookies). Default false. */
	readonly credentials?: boolean;
}

export interface CorsProxy {
	/** `http://127.0.0.1:<port>` */
	readonly url: string;
	/** The origins it allows, or `'loopback'`. */
	readonly allowed: readonly string[] | 'loopback';
	close(): Promise<void>;
}

// Hop-by-hop headers (RFC 9110 7.6.1) are for one connection and never forwarded.
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-authorization', 'proxy-authenticate']);

const isLoopbackOrigin = (origin: string): boolean => {
	try {
		const {hostname} = new URL(origin);
		return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
	} catch {
		return false;
	}
};

/**
A development-only CORS proxy: forwards every request to `target` and answers with correct CORS headers for the allowed
page origins (preflights answered by the proxy itself, the origin echoed only when allowed, `Vary: Origin`, credentials
optional, every response header exposed). Listens on 127.0.0.1 only. For a server you cannot fix yet, never for production.

@example
```
const proxy = await startCorsProxy({target: 'http://127.0.0.1:8080', port: 8081, origins: ['http://localhost:5173']});
// the page calls http://127.0.0.1:8081/items instead of http://127.0.0.1:8080/items
await proxy.close();
```
*/
export async function startCorsProxy(options: CorsProxyOptions): Promise<CorsProxy> {
	let target: URL;
	try {
		target = new URL(options.target);
	} catch {
		throw new TypeError(`cors-doctor proxy: --target "${options.target}" is not a URL`);
	}

	if (target.protocol !== 'http:' && target.protocol !== 'https:') {
		throw new TypeError(`cors-doctor proxy: --target must be http(s), got ${target.protocol}`);
	}

	const origins = options.origins?.length ? new Set(options.origins.map(origin => {
		try {
			return new URL(origin).origin;
		} catch {
			throw new TypeError(`cors-doctor proxy: --origin "${origin}" is not an origin`);
		}
	})) : undefined;
	const allowed = (origin: string | undefined): origin is string => origin !== undefined && (origins ? origins.has(origin) : isLoopbackOrigin(origin));

	const corsHeaders = (origin: string | undefined): Record<string, string> => allowed(origin)
		? {'access-control-allow-origin': origin, ...options.credentials ? {'access-control-allow-credentials': 'true'} : {}, vary: 'Origin'}
		: {vary: 'Origin'};

	const handle = (incoming: IncomingMessage, outgoing: ServerResponse) => {
		const {origin} = incoming.headers;
		const requestMethod = incoming.headers['access-control-request-method'];
		if (incoming.method === 'OPTIONS' && origin !== undefined && requestMethod !== undefined) {
			// The preflight is the proxy's own answer: it allows what was asked, for an allowed origin only.
			const headers = allowed(origin) ? {
				...corsHeaders(origin),
				'access-control-allow-methods': requestMethod,
				...incoming.headers['access-control-request-headers'] ? {'access-control-allow-headers': incoming.headers['access-control-request-headers']} : {},
				'access-control-max-age': '60',
			} : corsHeaders(origin);
			outgoing.writeHead(204, headers);
			outgoing.end();
			incoming.resume();
			return;
		}

		const url = new URL(target.href);
		const requested = new URL(incoming.url ?? '/', 'http://proxy');
		url.pathname = (target.pathname.replace(/\/$/, '') + requested.pathname).replace(/^$/, '/');
		url.search = requested.search;
		const headers: IncomingHttpHeaders = {};
		for (const [name, value] of Object.entries(incoming.headers)) {
			if (!HOP.has(name) && name !== 'host') {
				headers[name] = value;
			}
		}

		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const upstream = send(url, {method: incoming.method, headers}, response => {
			const lines: string[] = [];
			const names = new Set<string>();
			for (let index = 0; index < response.rawHeaders.length; index += 2) {
				const name = response.rawHeaders[index]!;
				const lower = name.toLowerCase();
				// The upstream's own CORS headers are replaced, not doubled (two ACAO lines fail in every browser).
				if (!HOP.has(lower) && !lower.startsWith('access-control-') && lower !== 'vary') {
					lines.push(name, response.rawHeaders[index + 1]!);
					names.add(lower);
				}
			}

			const cors = corsHeaders(origin);
			for (const [name, value] of Object.entries(cors)) {
				lines.push(name, value);
			}

			if (allowed(origin) && names.size > 0) {
				lines.push('access-control-expose-headers', [...names].join(', '));
			}

			outgoing.writeHead(response.statusCode ?? 502, lines);
			response.pipe(outgoing);
		});
		upstream.on('error', error => {
			if (!outgoing.headersSent) {
				outgoing.writeHead(502, {...corsHeaders(origin), 'content-type': 'text/plain'});
			}

			outgoing.end(`cors-doctor proxy: ${url.origin} did not answer (${error.message})`);
		});
		incoming.pipe(upstream);
	};

	const server = createServer(handle);
	const sockets = new Set<Socket>();
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as {port: number};
	return {
		url: `http://127.0.0.1:${port}`,
		allowed: origins ? [...origins] : 'loopback',
		close: async () => new Promise<void>(resolve => {
			server.close(() => {
				resolve();
			});
			for (const socket of sockets) {
				socket.destroy();
			}
		}),
	};
}

/** The banner the CLI prints at start: what it forwards, for whom, and that it is for development only. */
export function proxyBanner(proxy: CorsProxy, target: string, credentials: boolean): string {
	const who = proxy.allowed === 'loopback' ? 'any page on this machine (localhost, 127.0.0.1, [::1]); narrow it with --origin' : proxy.allowed.join(', ');
	return `cors-doctor proxy: FOR DEVELOPMENT ONLY. It adds CORS headers the real server does not send; fix the server before production.
  ${proxy.url} -> ${target}
  allowed origins: ${who}${credentials ? '\n  credentials: allowed (Access-Control-Allow-Credentials: true)' : ''}
  Ctrl-C stops it.`;
}
