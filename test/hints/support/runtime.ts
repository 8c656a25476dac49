import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect} from 'vitest';
import {getFixes} from '../../../src/hints';
import type {FixFacts} from '../../../src/hints/model';
import type {Snippet, StackId} from '../../../src/hints/types';
import {checkCors} from '../../../src/node';
import type {BrowserSession} from '../../browser/support';

/**
The failing scenario every Node stack is tested on: a credentialed PUT with a JSON body and a custom header, whose
response carries a header the page reads. Without CORS it fails in the browser; with the rendered snippet applied it
must pass, a 500 must stay readable, an origin not on the list must stay blocked, and `checkCors` must find nothing.
*/
export const REQUEST = {method: 'PUT', path: '/items', headers: ['x-api-key', 'content-type'], exposed: 'x-request-id', failPath: '/fail'} as const;

/** The facts a `CorsError` for the scenario's failure would carry, as `getFixes` takes them. */
export const scenarioFacts = (pageOrigin: string): FixFacts => ({
	code: 'HEADER_NOT_ALLOWED',
	origin: pageOrigin,
	method: REQUEST.method,
	headers: [...REQUEST.headers],
	credentials: true,
	exposeHeaders: [REQUEST.exposed],
});

/** The snippets `getFixes` renders for `stack` on the scenario: what the test applies, verbatim. */
export function snippetsFor(stack: StackId, pageOrigin: string): readonly Snippet[] {
	const [fix] = getFixes(scenarioFacts(pageOrigin), {framework: stack}).stacks;
	if (!fix?.applicable) {
		throw new Error(`no snippet for ${stack}`);
	}

	return fix.snippets;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
A scratch directory inside the repository (`.tmp/` is ignored by git), so the generated app resolves the
framework from the project's node_modules. Removed by `remove()`.
*/
export function scratchDir(name: string): {path: string; write(file: string, text: string): string; remove(): void} {
	const path = join(root, '.tmp', 'hints-runtime', `${name}-${process.pid}-${Date.now()}`);
	mkdirSync(path, {recursive: true});
	return {
		path,
		write(file, text) {
			const target = join(path, file);
			mkdirSync(join(target, '..'), {recursive: true});
			writeFileSync(target, text);
			return target;
		},
		remove() {
			rmSync(path, {recursive: true, force: true});
		},
	};
}

/** A blank page on its own loopback origin: the page origin the API must grant. */
export async function startPage(): Promise<{origin: string; close(): Promise<void>}> {
	const server: Server = createServer((_request, response) => {
		response.writeHead(200, {'content-type': 'text/html'}).end('<!doctype html><title>page</title>');
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') {
		throw new Error('no address');
	}

	return {
		origin: `http://127.0.0.1:${address.port}`,
		close: async () => new Promise<void>(resolve => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}

export interface PageOutcome {
	put: {ok: true; status: number; exposed: string | null; body: unknown} | {ok: false; error: string};
	fail: {ok: true; status: number} | {ok: false; error: string};
}

/** Runs the scenario from the page against `apiBase` (an origin plus a path prefix): the credentialed PUT, then the GET that errors with a 500. */
export async function runFromPage(session: BrowserSession, pageOrigin: string, apiBase: string): Promise<PageOutcome> {
	await session.goto(`${pageOrigin}/`);
	return session.evaluate<PageOutcome>(`async ({api, request}) => {
		const settle = async (run) => { try { return await run(); } catch (error) { return {ok: false, error: error.name + ': ' + error.message}; } };
		const put = await settle(async () => {
			const response = await fetch(api + request.path, {method: request.method, credentials: 'include', headers: {'content-type': 'application/json', 'x-api-key': 'not-a-secret'}, body: '{"name":"item"}'});
			return {ok: true, status: response.status, exposed: response.headers.get(request.exposed), body: await response.json()};
		});
		const fail = await settle(async () => {
			const response = await fetch(api + request.failPath, {credentials: 'include'});
			return {ok: true, status: response.status};
		});
		return {put, fail};
	}`, {api: apiBase, request: REQUEST});
}

/** The browser-side proof: before the snippet the request fails; after it passes, errors stay readable, other origins stay out. */
export function expectBlocked(outcome: PageOutcome): void {
	expect(outcome.put).toEqual({ok: false, error: expect.stringMatching(/^TypeError: Failed to fetch/)});
}

export function expectFixed(outcome: PageOutcome): void {
	expect(outcome.put).toEqual({ok: true, status: 200, exposed: 'item-1', body: {ok: true, name: 'item'}});
	expect(outcome.fail).toEqual({ok: true, status: 500});
}

/** The Node-side proof: the spec-exact checker finds no problem for the scenario, on the PUT and on the erroring GET. */
export async function expectCheckPasses(apiBase: string, pageOrigin: string): Promise<void> {
	const put = await checkCors(apiBase + REQUEST.path, {origin: pageOrigin, method: REQUEST.method, headers: ['x-api-key', ['content-type', 'application/json']], credentials: true});
	expect(put.problems).toEqual([]);
	expect(put.ok).toBe(true);
	const fail = await checkCors(apiBase + REQUEST.failPath, {origin: pageOrigin, credentials: true});
	expect(fail.problems).toEqual([]);
}
