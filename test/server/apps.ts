import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import fastifyCors from '@fastify/cors';
import {serve} from '@hono/node-server';
import koaCors from '@koa/cors';
import cors from 'cors';
import express from 'express';
import Fastify from 'fastify';
import {Hono} from 'hono';
import {cors as honoCors} from 'hono/cors';
import Koa from 'koa';
import {type CorsObserver, expressObserver, fastifyObserver, honoObserver, koaObserver} from '../../src/server';

type Lines = ReadonlyArray<readonly [string, string]>;

/** One misconfiguration: what the app answers to the preflight and to the actual request. `{page}` is the page origin. */
export interface RouteSpec {
	readonly preflight?: {readonly status: number; readonly headers: Lines};
	readonly actual: Lines;
}

const acao = (value = '{page}'): [string, string] => ['Access-Control-Allow-Origin', value];

/** Served by every framework under `/r/<name>/<anything>` with the framework's own API (so each writes headers its own way). */
export const ROUTES: Readonly<Record<string, RouteSpec>> = {
	ok: {actual: [acao()]},
	missing: {actual: []},
	mismatch: {actual: [acao('https://other.example')]},
	multiple: {actual: [acao('{page}, https://other.example')]},
	wildcard: {actual: [acao('*')]},
	'no-credentials': {actual: [acao()]},
	credentials: {actual: [acao(), ['Access-Control-Allow-Credentials', 'true']]},
	method: {preflight: {status: 204, headers: [acao(), ['Access-Control-Allow-Methods', 'GET, POST']]}, actual: [acao()]},
	header: {preflight: {status: 204, headers: [acao(), ['Access-Control-Allow-Headers', 'content-type']]}, actual: [acao()]},
	'preflight-missing': {preflight: {status: 204, headers: []}, actual: [acao()]},
	'preflight-403': {preflight: {status: 403, headers: [acao(), ['Access-Control-Allow-Methods', 'PUT']]}, actual: [acao()]},
	full: {preflight: {status: 204, headers: [acao(), ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'x-api-key']]}, actual: [acao()]},
	'actual-missing': {preflight: {status: 204, headers: [acao(), ['Access-Control-Allow-Methods', 'PUT']]}, actual: []},
	'authorization-wildcard': {preflight: {status: 204, headers: [acao('*'), ['Access-Control-Allow-Headers', '*']]}, actual: [acao('*')]},
};

/** Each app also has `/pkg/<anything>`: the framework's official CORS package, configured for another origin. */
export const OTHER_ORIGIN = 'https://other.example';

export type Framework = 'express' | 'fastify' | 'koa' | 'hono';
export const FRAMEWORKS: readonly Framework[] = ['express', 'fastify', 'koa', 'hono'];

export interface RunningApp {
	readonly origin: string;
	close(): Promise<void>;
}

function routeOf(path: string): RouteSpec | undefined {
	const match = /^\/r\/([^/]+)\//.exec(path);
	return match ? ROUTES[match[1]!] : undefined;
}

function headersFor(spec: RouteSpec, preflight: boolean, page: string): Array<[string, string]> {
	const lines = preflight ? spec.preflight!.headers : spec.actual;
	return lines.map(([name, value]) => [name, value.replaceAll('{page}', page)]);
}

const isPreflight = (method: string, spec: RouteSpec) => method === 'OPTIONS' && spec.preflight !== undefined;

async function listening(server: Server): Promise<string> {
	if (!server.listening) {
		await new Promise(resolve => server.once('listening', resolve));
	}

	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closeServer(server: Server): Promise<void> {
	server.closeAllConnections();
	await new Promise<void>(resolve => server.close(() => resolve()));
}

/** The bare app: no observer. The bench compares it with the observed one. */
export async function startApp(framework: Framework, page: string, observer: CorsObserver | undefined): Promise<RunningApp> {
	switch (framework) {
		case 'express': {
			const app = express();
			if (observer) {
				app.use(expressObserver(observer));
			}

			app.use('/pkg', cors({origin: OTHER_ORIGIN}));
			app.all(/.*/, (request, response) => {
				const spec = routeOf(request.path);
				if (!spec) {
					response.json({ok: true});
					return;
				}

				const preflight = isPreflight(request.method, spec);
				for (const [name, value] of headersFor(spec, preflight, page)) {
					response.append(name, value);
				}

				response.status(preflight ? spec.preflight!.status : 200).send(preflight ? '' : '{"ok":true}');
			});
			const server = app.listen(0, '127.0.0.1');
			return {origin: await listening(server), close: async () => closeServer(server)};
		}

		case 'fastify': {
			const app = Fastify();
			if (observer) {
				await app.register(fastifyObserver(observer));
			}

			// @fastify/cors is app-wide; its delegator turns it on for /pkg only.
			await app.register(fastifyCors, () => (request: {url?: string}, callback: (error: Error | null, options: {origin: string | boolean}) => void) => {
				callback(null, {origin: request.url?.startsWith('/pkg') ? OTHER_ORIGIN : false});
			});
			app.route({
				method: ['GET', 'HEAD', 'PUT', 'POST', 'OPTIONS'],
				url: '/r/*',
				handler(request, reply) {
					const spec = routeOf(request.url)!;
					const preflight = isPreflight(request.method, spec);
					for (const [name, value] of headersFor(spec, preflight, page)) {
						reply.header(name, value);
					}

					return reply.code(preflight ? spec.preflight!.status : 200).send(preflight ? '' : {ok: true});
				},
			});
			app.get('/pkg/*', async () => ({ok: true}));
			app.get('/', async () => ({ok: true}));
			await app.listen({port: 0, host: '127.0.0.1'});
			return {origin: await listening(app.server), close: async () => app.close()};
		}

		case 'koa': {
			const app = new Koa();
			if (observer) {
				app.use(koaObserver(observer));
			}

			const pkg = koaCors({origin: OTHER_ORIGIN});
			app.use(async (context, next) => (context.path.startsWith('/pkg') ? pkg(context, next) : next()));
			app.use(async context => {
				const spec = routeOf(context.path);
				if (!spec) {
					context.body = {ok: true};
					return;
				}

				const preflight = isPreflight(context.method, spec);
				for (const [name, value] of headersFor(spec, preflight, page)) {
					context.append(name, value);
				}

				context.status = preflight ? spec.preflight!.status : 200;
				context.body = preflight ? '' : {ok: true};
			});
			const server = app.listen(0, '127.0.0.1');
			return {origin: await listening(server), close: async () => closeServer(server)};
		}

		case 'hono': {
			const app = new Hono();
			if (observer) {
				app.use(honoObserver(observer));
			}

			app.use('/pkg/*', honoCors({origin: OTHER_ORIGIN}));
			app.all('*', context => {
				const spec = routeOf(context.req.path);
				if (!spec) {
					return context.json({ok: true});
				}

				const preflight = isPreflight(context.req.method, spec);
				for (const [name, value] of headersFor(spec, preflight, page)) {
					context.header(name, value, {append: true});
				}

				return preflight ? context.body(null, spec.preflight!.status as 204) : context.json({ok: true});
			});
			const server = serve({fetch: app.fetch, port: 0, hostname: '127.0.0.1'}) as Server;
			return {origin: await listening(server), close: async () => closeServer(server)};
		}
	}
}
