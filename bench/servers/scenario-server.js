// A deliberately misconfigured API for the diagnosis bench: one path per CORS failure class,
// every response delayed (50 ms by default) so round trips dominate and can be counted, and
// every request logged (method, fetch mode, preflight headers) so probes can be counted.
import {listen} from './listen.js';

/**
 * Each scenario: the request the app makes (path + init) and how the API answers it.
 * `respond` returns [status, headers] for a request; `origin` is the page origin.
 */
export const SCENARIOS = [
	{class: 'allow-origin', name: 'no Access-Control-Allow-Origin', path: '/missing', init: {}},
	{class: 'allow-origin', name: 'wrong Access-Control-Allow-Origin', path: '/mismatch', init: {}},
	{class: 'allow-origin', name: '500 without CORS headers (origin granted elsewhere)', path: '/error', init: {}, warm: '/ok'},
	{class: 'credentials', name: 'ACAO * with credentials', path: '/wildcard', init: {credentials: 'include'}},
	{class: 'preflight', name: 'header missing from ACAH', path: '/header', init: {headers: {'x-api-key': 'secret'}}},
	{class: 'preflight', name: 'preflight 404', path: '/preflight-404', init: {headers: {'x-api-key': 'secret'}}},
	{class: 'preflight', name: 'method missing from ACAM', path: '/method', init: {method: 'PUT'}},
	{class: 'redirect', name: 'redirect to an origin without CORS', path: '/redirect', init: {}},
];

function answer(path, method, origin, third) {
	const grant = {'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin'};
	const preflight = {...grant, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '0'};
	switch (path) {
		case '/ok': {
			return method === 'OPTIONS' ? [204, {...preflight, 'access-control-allow-headers': 'x-api-key'}] : [200, grant];
		}

		case '/missing': {
			return [200, {}];
		}

		case '/mismatch': {
			return [200, {'access-control-allow-origin': 'https://app.example.com'}];
		}

		case '/error': {
			return method === 'OPTIONS' ? [204, preflight] : [500, {}];
		}

		case '/wildcard': {
			return [200, {'access-control-allow-origin': '*'}];
		}

		case '/header':
		case '/method': {
			return method === 'OPTIONS' ? [204, preflight] : [200, grant];
		}

		case '/preflight-404': {
			return method === 'OPTIONS' ? [404, {}] : [200, grant];
		}

		case '/redirect': {
			return [302, {...grant, location: `${third}/missing`}];
		}

		default: {
			return [404, grant];
		}
	}
}

/**
 * @param {{delay?: number}} [options]
 */
export async function startScenarioServers({delay = 50} = {}) {
	/** @type {Array<{server: 'api' | 'third', method: string, path: string, mode: string, preflightHeaders: string}>} */
	const log = [];
	const handler = (server, third) => (request, response) => {
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		log.push({
			server,
			method: request.method ?? '',
			path,
			mode: String(request.headers['sec-fetch-mode'] ?? ''),
			preflightHeaders: String(request.headers['access-control-request-headers'] ?? ''),
		});
		const origin = String(request.headers.origin ?? '*');
		const [status, headers] = server === 'third' ? [200, {}] : answer(path, request.method, origin, third());
		request.resume();
		setTimeout(() => {
			response.writeHead(status, {...headers, 'content-type': 'application/json', 'cache-control': 'no-store'});
			response.end('{"ok":true}');
		}, delay);
	};

	const thirdServer = await listen(handler('third', () => ''));
	const api = await listen(handler('api', () => thirdServer.origin));
	return {
		api: api.origin,
		third: thirdServer.origin,
		log,
		clear: () => log.splice(0),
		close: async () => Promise.all([api.close(), thirdServer.close()]),
	};
}
