import {http, HttpResponse} from 'msw';
import {describe, expect, test} from 'vitest';
import {createCorsFetch, getCorsError} from '../../src/index';
import {createCorsEnforcingFetch, type CorsBlock} from '../../src/testing';

const page = 'https://app.example';
const api = 'https://api.example';

/** A handler that logs what reached the "server" and answers from a table keyed by `METHOD path`. */
function server(routes: Record<string, (request: Request) => Response>) {
	const seen: Array<{method: string; path: string; origin: string | null; acrm: string | null; acrh: string | null}> = [];
	const handler = (request: Request) => {
		const url = new URL(request.url);
		seen.push({method: request.method, path: url.pathname, origin: request.headers.get('origin'), acrm: request.headers.get('access-control-request-method'), acrh: request.headers.get('access-control-request-headers')});
		return routes[`${request.method} ${url.origin === api ? '' : url.origin}${url.pathname}`]?.(request) ?? new Response('no route', {status: 404});
	};

	return {seen, handler};
}

const cors = (extra: Record<string, string> = {}) => ({'Access-Control-Allow-Origin': page, ...extra});

describe('createCorsEnforcingFetch', () => {
	test('validates its options with clear TypeErrors', () => {
		expect(() => createCorsEnforcingFetch({pageOrigin: 'nope', handler: () => new Response()})).toThrow(/`pageOrigin`/);
		expect(() => createCorsEnforcingFetch({pageOrigin: page, handler: 'x' as never})).toThrow(/`handler`/);
		expect(() => createCorsEnforcingFetch({pageOrigin: page, handler: () => new Response(), engine: 'ie' as never})).toThrow(/`engine`/);
	});

	test.each([
		['chromium', 'Failed to fetch'],
		['firefox', 'NetworkError when attempting to fetch resource.'],
		['webkit', 'Load failed'],
	] as const)('rejects like %s', async (engine, message) => {
		const fetch = createCorsEnforcingFetch({pageOrigin: page, engine, handler: () => new Response('x')});
		const error = await fetch(`${api}/items`).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(TypeError);
		expect((error as Error).message).toBe(message);
	});

	test('sends the preflight a browser sends, and stops there when it fails', async () => {
		const {seen, handler} = server({'OPTIONS /items': () => new Response(null, {status: 204, headers: cors({'Access-Control-Allow-Methods': 'PUT'})})});
		const blocks: CorsBlock[] = [];
		const fetch = createCorsEnforcingFetch({pageOrigin: page, handler, onBlock: block => blocks.push(block)});
		await expect(fetch(`${api}/items`, {method: 'PUT', headers: {'X-B': '1', 'x-a': '2', 'Content-Type': 'text/plain'}})).rejects.toThrow('Failed to fetch');
		expect(seen).toEqual([{method: 'OPTIONS', path: '/items', origin: page, acrm: 'PUT', acrh: 'x-a,x-b'}]);
		expect(blocks).toMatchObject([{phase: 'preflight', failure: {code: 'HEADER_NOT_ALLOWED', param: 'x-a'}}]);
	});

	test('same-origin requests are not CORS requests', async () => {
		const {seen, handler} = server({[`GET ${page}/me`]: () => new Response('me', {headers: {'X-Private': '1'}})});
		const response = await createCorsEnforcingFetch({pageOrigin: page, handler})('/me', {headers: {'x-custom': '1'}});
		expect(response.type).toBe('basic');
		expect(response.headers.get('x-private')).toBe('1');
		expect(seen).toEqual([{method: 'GET', path: '/me', origin: null, acrm: null, acrh: null}]);
	});

	test('page JavaScript reads only safelisted and exposed headers', async () => {
		const {handler} = server({'GET /items': () => new Response('[]', {headers: cors({'Content-Type': 'application/json', 'X-Total': '3', 'X-Page': '1', 'Access-Control-Expose-Headers': 'x-page', 'Set-Cookie': 'a=b'})})});
		const response = await createCorsEnforcingFetch({pageOrigin: page, handler})(`${api}/items`);
		expect(response.type).toBe('cors');
		expect(response.url).toBe(`${api}/items`);
		expect([...response.headers.keys()].sort()).toEqual(['content-type', 'x-page']);
		expect(await response.text()).toBe('[]');
	});

	test('credentials: * is literal, and Access-Control-Allow-Credentials is required', async () => {
		const {handler} = server({'GET /wild': () => new Response('x', {headers: {'Access-Control-Allow-Origin': '*'}}), 'GET /echo': () => new Response('x', {headers: cors()})});
		const fetch = createCorsEnforcingFetch({pageOrigin: page, handler});
		expect((await fetch(`${api}/wild`)).ok).toBe(true);
		await expect(fetch(`${api}/wild`, {credentials: 'include'})).rejects.toThrow(TypeError);
		await expect(fetch(`${api}/echo`, {credentials: 'include'})).rejects.toThrow(TypeError);
	});

	test('no-cors gives an opaque response whatever the server says', async () => {
		const {seen, handler} = server({'GET /items': () => new Response('secret', {headers: {'X-Total': '3'}})});
		const response = await createCorsEnforcingFetch({pageOrigin: page, handler})(`${api}/items`, {mode: 'no-cors', headers: {'x-api-key': 'k'}});
		expect([response.type, response.status, response.ok, [...response.headers].length, await response.text()]).toEqual(['opaque', 0, false, 0, '']);
		// The no-cors guard dropped the unsafe header: no preflight, and nothing of it on the wire.
		expect(seen).toEqual([{method: 'GET', path: '/items', origin: null, acrm: null, acrh: null}]);
	});

	test('redirect modes, and the CORS check on every hop', async () => {
		const {handler} = server({
			'GET /moved': () => new Response(null, {status: 302, headers: cors({Location: `${api}/items`})}),
			'GET /moved-bare': () => new Response(null, {status: 302, headers: {Location: `${api}/items`}}),
			'GET /items': () => new Response('ok', {headers: cors()}),
		});
		const fetch = createCorsEnforcingFetch({pageOrigin: page, handler});
		const followed = await fetch(`${api}/moved`);
		expect([followed.type, followed.redirected, followed.url]).toEqual(['cors', true, `${api}/items`]);
		const manual = await fetch(`${api}/moved`, {redirect: 'manual'});
		expect([manual.type, manual.status]).toEqual(['opaqueredirect', 0]);
		await expect(fetch(`${api}/moved`, {redirect: 'error'})).rejects.toThrow(TypeError);
		// The 302 has no ACAO: even manual mode sees a network error, not an opaqueredirect.
		await expect(fetch(`${api}/moved-bare`, {redirect: 'manual'})).rejects.toThrow(TypeError);
		await expect(fetch(`${api}/moved-bare`, {mode: 'no-cors', redirect: 'manual'})).rejects.toThrow(TypeError);
	});

	test('policy failures: mode same-origin, mixed content, unsupported schemes', async () => {
		const {handler} = server({'GET /items': () => new Response('ok', {headers: {'Access-Control-Allow-Origin': '*'}})});
		const blocks: CorsBlock[] = [];
		const fetch = createCorsEnforcingFetch({pageOrigin: page, handler, onBlock: block => blocks.push(block)});
		await expect(fetch(`${api}/items`, {mode: 'same-origin'})).rejects.toThrow(TypeError);
		await expect(fetch('http://api.example/items')).rejects.toThrow(TypeError);
		// From an https page an ftp: URL is mixed content first (the check runs before the scheme dispatch); from http it is the scheme.
		await expect(fetch('ftp://api.example/items')).rejects.toThrow(TypeError);
		const plain = createCorsEnforcingFetch({pageOrigin: 'http://app.example', handler, onBlock: block => blocks.push(block)});
		await expect(plain('ftp://api.example/items')).rejects.toThrow(TypeError);
		expect(blocks.map(block => block.failure.code)).toEqual(['MODE_SAME_ORIGIN', 'MIXED_CONTENT', 'MIXED_CONTENT', 'SCHEME_NOT_SUPPORTED']);
	});

	test('the engine option applies that engine\'s documented departures (Authorization under *)', async () => {
		const {handler} = server({
			'OPTIONS /items': () => new Response(null, {status: 204, headers: {'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*'}}),
			'GET /items': () => new Response('ok', {headers: {'Access-Control-Allow-Origin': '*'}}),
		});
		for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
			const response = await createCorsEnforcingFetch({pageOrigin: page, handler, engine})(`${api}/items`, {headers: {authorization: 'Bearer x'}});
			expect(response.ok).toBe(true);
		}
	});

	test('a throwing handler is a network error, with the cause kept for debugging; an abort stays an abort', async () => {
		const boom = new Error('ECONNREFUSED');
		const fetch = createCorsEnforcingFetch({pageOrigin: page, handler: () => { throw boom; }});
		const error = await fetch(`${api}/x`).catch((error_: unknown) => error_) as TypeError;
		expect([error.name, error.message, error.cause]).toEqual(['TypeError', 'Failed to fetch', boom]);
		const hanging = createCorsEnforcingFetch({pageOrigin: page, handler: async () => new Promise<Response>(() => {})});
		const controller = new AbortController();
		const pending = hanging(`${api}/x`, {signal: controller.signal});
		controller.abort();
		await expect(pending).rejects.toMatchObject({name: 'AbortError'});
	});

	test('takes an msw handler list; unmatched routes (a forgotten OPTIONS) answer 404 without CORS', async () => {
		const handlers = [
			http.get(`${api}/items`, () => HttpResponse.json([1], {headers: cors()})),
			http.put(`${api}/items`, () => HttpResponse.json({}, {headers: cors()})),
		];
		const blocks: CorsBlock[] = [];
		const fetch = createCorsEnforcingFetch({pageOrigin: page, handler: handlers, onBlock: block => blocks.push(block)});
		expect(await (await fetch(`${api}/items`)).json()).toEqual([1]);
		await expect(fetch(`${api}/items`, {method: 'PUT'})).rejects.toThrow('Failed to fetch');
		expect(blocks[0]).toMatchObject({phase: 'preflight', failure: {code: 'PREFLIGHT_STATUS', seen: '404'}});
	});
});

describe('cors-doctor\'s classifier on the enforcing fetch, over msw only (no server, plain vitest)', () => {
	const handlers = [
		http.get(`${api}/no-acao`, () => HttpResponse.json([])),
		http.options(`${api}/keyed`, () => new HttpResponse(null, {status: 204, headers: cors({'Access-Control-Allow-Headers': 'content-type'})})),
		http.get(`${api}/keyed`, () => HttpResponse.json([], {headers: cors()})),
		http.get(`${api}/session`, () => HttpResponse.json([], {headers: {'Access-Control-Allow-Origin': '*'}})),
		http.get(`${api}/ok`, () => HttpResponse.json([1], {headers: cors()})),
	];

	test.each([
		['/no-acao', {}, 'ORIGIN_NOT_ALLOWED'],
		['/keyed', {headers: {'X-Api-Key': 'k'}}, 'HEADER_NOT_ALLOWED'],
		['/session', {credentials: 'include'}, 'CREDENTIALS_NOT_ALLOWED'],
	] as const)('%s -> %s', async (path, init, code) => {
		const corsFetch = createCorsFetch({pageOrigin: page, fetch: createCorsEnforcingFetch({pageOrigin: page, handler: handlers})});
		const error = await corsFetch(`${api}${path}`, init as RequestInit).catch((error_: unknown) => error_);
		expect(getCorsError(error)?.code).toBe(code);
		expect(error).toBeInstanceOf(TypeError);
	});

	test('a success is the response itself', async () => {
		const corsFetch = createCorsFetch({pageOrigin: page, fetch: createCorsEnforcingFetch({pageOrigin: page, handler: handlers})});
		expect(await (await corsFetch(`${api}/ok`)).json()).toEqual([1]);
	});
});
