import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import cors from 'cors';
import express, {type RequestHandler} from 'express';

export const TRUSTED = 'https://app.example.com';

// A hand-written CORS layer that trusts whatever `allowed(origin)` says, the way many apps write it.
function handWritten(allowed: (origin: string) => boolean): RequestHandler {
	return (request, response, next) => {
		const origin = request.headers.origin;
		if (origin !== undefined && allowed(origin)) {
			response.setHeader('Access-Control-Allow-Origin', origin);
			response.setHeader('Access-Control-Allow-Credentials', 'true');
			response.setHeader('Vary', 'Origin');
		}

		if (request.method === 'OPTIONS') {
			response.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE');
			response.setHeader('Access-Control-Allow-Headers', 'content-type');
			response.status(204).end();
			return;
		}

		next();
	};
}

/** Each route: a real middleware configured as people do, insecurely on purpose, plus correct controls. */
export const EXPRESS_ROUTES: Record<string, RequestHandler> = {
	'cors-origin-true': cors({origin: true, credentials: true}),
	reflector: handWritten(() => true),
	'regex-dot': cors({origin: /^https:\/\/app.example.com$/, credentials: true}),
	'null-allowed': cors({origin: [TRUSTED, 'null'], credentials: true}),
	'ends-with': handWritten(origin => origin.endsWith('example.com')),
	'starts-with': handWritten(origin => origin.startsWith(TRUSTED)),
	'http-and-https': cors({origin: [TRUSTED, 'http://app.example.com'], credentials: true}),
	'wildcard': cors(),
	'good-allowlist': cors({origin: [TRUSTED], credentials: true}),
	'good-function': cors({origin: (origin, callback) => callback(null, origin === TRUSTED), credentials: true}),
};

export async function startExpress(): Promise<{origin: string; close: () => Promise<void>}> {
	const app = express();
	for (const [name, middleware] of Object.entries(EXPRESS_ROUTES)) {
		app.use(`/${name}`, middleware, (_request, response) => {
			response.json({ok: true});
		});
	}

	const server: Server = await new Promise(resolve => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: async () => new Promise<void>(resolve => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}
