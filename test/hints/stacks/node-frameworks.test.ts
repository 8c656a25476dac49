import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {StackId} from '../../../src/hints/types';
import {type BrowserSession, launch} from '../../browser/support';
import {expectBlocked, expectCheckPasses, expectFixed, runFromPage, scratchDir, snippetsFor, startPage} from '../support/runtime';

/**
The Node stacks' snippets, tested for real: for each framework an app whose credentialed PUT with custom headers fails
in headless Chromium; the same app with the snippet `getFixes` renders pasted in verbatim passes, keeps its 500
readable, still refuses an origin that is not on the list, and `checkCors` reports nothing.
One Chromium for the file; each framework runs in this process (a bare app, then the configured one).
*/

// Each app module exports start() -> {port, close}. `SNIPPET` is replaced by the rendered snippet (or nothing).
const APPS: ReadonlyArray<readonly [StackId, string]> = [
	['express', `
import express from 'express';
const app = express();
app.set('env', 'test');
SNIPPET
app.use(express.json());
app.put('/api/items', (request, response) => {
	response.set('x-request-id', 'item-1').json({ok: true, name: request.body.name});
});
app.get('/api/fail', () => {
	throw new Error('boom');
});
export async function start() {
	const server = await new Promise(resolve => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	return {port: server.address().port, close: () => new Promise(resolve => { server.closeAllConnections(); server.close(resolve); })};
}
`],
	['fastify', `
import Fastify from 'fastify';
const app = Fastify();
SNIPPET
app.put('/api/items', async (request, reply) => {
	reply.header('x-request-id', 'item-1');
	return {ok: true, name: request.body.name};
});
app.get('/api/fail', async () => {
	throw new Error('boom');
});
export async function start() {
	await app.listen({port: 0, host: '127.0.0.1'});
	return {port: app.server.address().port, close: () => app.close()};
}
`],
	['koa', `
import Koa from 'koa';
const app = new Koa();
app.silent = true;
SNIPPET
app.use(async ctx => {
	if (ctx.method === 'PUT' && ctx.path === '/api/items') {
		let text = '';
		for await (const chunk of ctx.req) text += chunk;
		ctx.set('x-request-id', 'item-1');
		ctx.body = {ok: true, name: JSON.parse(text).name};
		return;
	}

	if (ctx.method === 'GET' && ctx.path === '/api/fail') {
		throw new Error('boom');
	}
});
export async function start() {
	const server = await new Promise(resolve => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	return {port: server.address().port, close: () => new Promise(resolve => { server.closeAllConnections(); server.close(resolve); })};
}
`],
	['hono', `
import {Hono} from 'hono';
import {serve} from '@hono/node-server';
const app = new Hono();
SNIPPET
app.put('/api/items', async c => {
	const body = await c.req.json();
	c.header('x-request-id', 'item-1');
	return c.json({ok: true, name: body.name});
});
app.get('/api/fail', () => {
	throw new Error('boom');
});
app.onError((_error, c) => c.text('Internal Server Error', 500));
export async function start() {
	const server = await new Promise(resolve => {
		const listening = serve({fetch: app.fetch, port: 0, hostname: '127.0.0.1'}, () => resolve(listening));
	});
	return {port: server.address().port, close: () => new Promise(resolve => { server.closeAllConnections?.(); server.close(resolve); })};
}
`],
	['nestjs', `
import 'reflect-metadata';
import {NestFactory} from '@nestjs/core';
import {Body, Controller, Get, Header, Module, Put} from '@nestjs/common';

// Decorators applied as functions: the snippet is what is under test, not a TypeScript decorator transform.
class ItemsController {
	put(body) {
		return {ok: true, name: body.name};
	}

	fail() {
		throw new Error('boom');
	}
}
const method = (decorator, name) => decorator(ItemsController.prototype, name, Object.getOwnPropertyDescriptor(ItemsController.prototype, name));
method(Put('items'), 'put');
method(Header('x-request-id', 'item-1'), 'put');
Body()(ItemsController.prototype, 'put', 0);
method(Get('fail'), 'fail');
Controller('api')(ItemsController);
class AppModule {}
Module({controllers: [ItemsController]})(AppModule);

export async function start() {
	const app = await NestFactory.create(AppModule, {logger: false});
	SNIPPET
	await app.listen(0, '127.0.0.1');
	return {port: app.getHttpServer().address().port, close: () => app.close()};
}
`],
];

interface Started {
	port: number;
	close(): Promise<void>;
}

let session: BrowserSession;
let page: Awaited<ReturnType<typeof startPage>>;
let otherPage: Awaited<ReturnType<typeof startPage>>;
const scratch = scratchDir('node-frameworks');

beforeAll(async () => {
	[session, page, otherPage] = await Promise.all([launch('chromium'), startPage(), startPage()]);
}, 60_000);

afterAll(async () => {
	await Promise.all([session?.close(), page?.close(), otherPage?.close()]);
	scratch.remove();
});

describe.each(APPS)('%s', (stack, source) => {
	const startApp = async (variant: string, snippet: string): Promise<Started> => {
		const file = scratch.write(`${stack}-${variant}.mjs`, source.replace('SNIPPET', snippet));
		const module = await import(/* @vite-ignore */ file) as {start(): Promise<Started>};
		return module.start();
	};

	it('without CORS handling, the request fails in Chromium', async () => {
		const app = await startApp('bare', '');
		try {
			expectBlocked(await runFromPage(session, page.origin, `http://127.0.0.1:${app.port}/api`));
		} finally {
			await app.close();
		}
	}, 60_000);

	it('with the rendered snippet, it passes in Chromium, errors stay readable, and checkCors reports nothing', async () => {
		const snippets = snippetsFor(stack, page.origin);
		expect(snippets).toHaveLength(1);
		const app = await startApp('fixed', snippets[0]!.code);
		try {
			const api = `http://127.0.0.1:${app.port}/api`;
			expectFixed(await runFromPage(session, page.origin, api));
			// The allow-list holds: a page on another origin is still refused.
			expectBlocked(await runFromPage(session, otherPage.origin, api));
			await expectCheckPasses(api, page.origin);
		} finally {
			await app.close();
		}
	}, 60_000);
});
