// The page origin for the Chromium runs: an empty page plus the bench bundle (the built library,
// ky and the in-page harness, bundled by esbuild from browser/entry.js).
import {listen} from './listen.js';

const html = '<!doctype html><meta charset="utf-8"><title>cors-doctor bench</title><script type="module" src="/bench.js"></script>';

/** @param {string} script the bundled bench module */
export function startPageServer(script) {
	return listen((request, response) => {
		if (request.url === '/bench.js') {
			response.writeHead(200, {'content-type': 'text/javascript', 'cache-control': 'no-store'});
			response.end(script);
			return;
		}

		response.writeHead(request.url === '/' ? 200 : 404, {'content-type': 'text/html', 'cache-control': 'no-store'});
		response.end(request.url === '/' ? html : 'not found');
	});
}
