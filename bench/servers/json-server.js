// The happy-path API: a small JSON body, CORS granted to any origin, keep-alive. It does as
// little as possible so the client side dominates what the bench measures.
import {listen} from './listen.js';

const body = JSON.stringify({id: 1, name: 'item', tags: ['a', 'b'], ok: true});

export function startJsonServer() {
	return listen((request, response) => {
		const headers = {
			'access-control-allow-origin': request.headers.origin ?? '*',
			vary: 'Origin',
		};
		if (request.method === 'OPTIONS') {
			// Not expected (the bench sends simple GETs); answered so a surprise preflight shows as slow, not broken.
			response.writeHead(204, {...headers, 'access-control-allow-headers': '*', 'access-control-allow-methods': '*'});
			response.end();
			return;
		}

		response.writeHead(200, {...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body)});
		response.end(body);
	});
}
