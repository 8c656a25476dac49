import type {IncomingMessage, ServerResponse} from 'node:http';
import {LIMITS} from './guards.js';
import {createRelay, type RelayOptions} from './relay.js';
import {RELAY_PATH} from './relay-types.js';

export interface RelayMiddlewareOptions extends RelayOptions {
	/** Where the relay answers. Default `/__cors-doctor/relay`. */
	readonly path?: string;
}

/** A connect/express middleware: `(request, response, next)`. */
export type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/**
The dev relay as a connect/express middleware, for development servers only: answers `POST <path>` from loopback
clients with `checkCors`'s exact findings for a failed request's shape, and passes everything else on.

@example
```
import express from 'express';
import {corsDoctorRelay} from 'cors-doctor/dev';

const app = express();
if (process.env.NODE_ENV !== 'production') app.use(corsDoctorRelay({origins: ['http://localhost:8080']}));
```
*/
export function corsDoctorRelay(options: RelayMiddlewareOptions): Middleware {
	const relay = createRelay(options);
	const path = options.path ?? RELAY_PATH;
	return (request, response, next) => {
		if ((request.url ?? '').split('?')[0] !== path) {
			next();
			return;
		}

		const send = (status: number, body: unknown) => {
			response.writeHead(status, {'content-type': 'application/json', 'cache-control': 'no-store'});
			response.end(JSON.stringify(body));
		};

		// Declared sizes are refused before reading; undeclared ones are counted and cut off.
		if (Number(request.headers['content-length'] ?? 0) > LIMITS.body) {
			send(413, {error: `a request shape is at most ${LIMITS.body} bytes`});
			request.resume();
			return;
		}

		let body = '';
		let size = 0;
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => {
			size += chunk.length;
			if (size <= LIMITS.body) {
				body += chunk;
			}
		});
		request.on('end', () => {
			relay({remoteAddress: request.socket.remoteAddress, method: request.method ?? '', body: size > LIMITS.body ? 'x'.repeat(LIMITS.body + 1) : body}).then(answer => {
				send(answer.status, answer.body);
			}, next);
		});
	};
}
