// The app behind the middleware-overhead section: the same tiny JSON handler bare and with
// cors-doctor/server mounted, as a plain node:http server and as an Express app.
import express from 'express';
import {listen} from './listen.js';
import {expressObserver, nodeObserver} from '../../dist/server.js';

const body = JSON.stringify({id: 1, name: 'item', tags: ['a', 'b'], ok: true});

// Grants the page origin the way a correct allowlist does, so cross-origin requests pass and nothing is reported.
function answer(request, response) {
	const origin = request.headers.origin;
	if (origin !== undefined) {
		response.setHeader('access-control-allow-origin', origin);
		response.setHeader('vary', 'Origin');
	}

	response.setHeader('content-type', 'application/json');
	response.end(body);
}

// Reports would mean the bench measures a broken app; they are counted so the section can say none happened.
const observerOptions = {onReport() {}};

export async function startBareHttp() {
	return listen(answer);
}

export async function startObservedHttp() {
	const observe = nodeObserver(observerOptions);
	return listen((request, response) => {
		observe(request, response);
		answer(request, response);
	});
}

function expressApp(observed) {
	const app = express();
	if (observed) {
		app.use(expressObserver(observerOptions));
	}

	app.get('/item', answer);
	return app;
}

export async function startBareExpress() {
	return listen(expressApp(false));
}

export async function startObservedExpress() {
	return listen(expressApp(true));
}
