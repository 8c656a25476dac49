import type {CorsObserver} from '../observer.js';
import {readCorsRequest} from '../request.js';
import {resolveObserver, type ObserverInput} from './resolve.js';

/** The parts of node:http's IncomingMessage the observer reads (structural, so no @types/node is needed). */
export interface NodeRequestLike {
	readonly method?: string;
	readonly url?: string;
	/** Express/connect keep the full path here when a router strips a mount prefix from `url`. */
	readonly originalUrl?: string;
	readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** The parts of node:http's ServerResponse the observer reads. */
export interface NodeResponseLike {
	readonly statusCode: number;
	once(event: 'finish', listener: () => void): unknown;
	getHeaders(): Record<string, number | string | string[] | undefined>;
}

const isCorsName = (name: string) => name.length > 15 && name.slice(0, 15).toLowerCase() === 'access-control-';

// The header block node:http really wrote, every line as sent: `writeHead(status, headers)` (Fastify, Hono's node server)
// bypasses setHeader, so getHeaders() alone would miss them. getHeaders() remains the fallback for other response objects.
function sentCorsHeaders(response: NodeResponseLike): Array<[string, string]> {
	const lines: Array<[string, string]> = [];
	const raw = (response as {_header?: unknown})._header;
	if (typeof raw === 'string') {
		for (const line of raw.split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0 && isCorsName(line)) {
				lines.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
			}
		}

		return lines;
	}

	for (const [name, value] of Object.entries(response.getHeaders())) {
		if (isCorsName(name) && value !== undefined) {
			for (const item of Array.isArray(value) ? value : [value]) {
				lines.push([name, String(item)]);
			}
		}
	}

	return lines;
}

/**
Watches one node:http exchange: reads the request's CORS headers now and the response's when it has been sent (`finish`).
Never touches the response. Returns at once for same-origin and non-CORS requests.

@example
```
import http from 'node:http';

const observer = createCorsObserver();
http.createServer((request, response) => {
	observeNode(observer, request, response);
	app(request, response);
});
```
*/
export function observeNode(observer: CorsObserver, request: NodeRequestLike, response: NodeResponseLike): void {
	const {headers} = request;
	if (headers.origin === undefined) {
		return;
	}

	const observed = readCorsRequest(request.method ?? 'GET', request.originalUrl ?? request.url ?? '/', name => {
		const value = headers[name];
		return Array.isArray(value) ? value.join(', ') : value;
	});
	if (observed) {
		response.once('finish', () => {
			observer.inspect(observed, {status: response.statusCode, headers: sentCorsHeaders(response)});
		});
	}
}

/** A node:http listener prefix: call it first in your request handler. `.observer` gives the counters. */
export type NodeObserver = ((request: NodeRequestLike, response: NodeResponseLike) => void) & {readonly observer: CorsObserver};

/**
For a plain node:http server.

@example
```
import {createServer} from 'node:http';
import {nodeObserver} from 'cors-doctor/server';

const observe = nodeObserver({onReport: report => console.warn(report)});
createServer((request, response) => {
	observe(request, response);
	response.end('ok');
}).listen(3000);
```
*/
export function nodeObserver(input?: ObserverInput): NodeObserver {
	const observer = resolveObserver(input);
	return Object.assign((request: NodeRequestLike, response: NodeResponseLike) => {
		observeNode(observer, request, response);
	}, {observer});
}
