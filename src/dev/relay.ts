import {checkCors} from '../node/check.js';
import {CheckNetworkError} from '../node/errors/CheckNetworkError.js';
import {nodeTransport} from '../node/transport.js';
import type {Transport} from '../node/types.js';
import {allowedTarget, isLoopbackAddress, LIMITS, RELAY_METHODS, shapeProblem, toOrigin} from './guards.js';
import type {RelayAnswer, RequestShape} from './relay-types.js';

export interface RelayOptions {
	/** Origins (or URLs) the relay may check. Nothing else is ever contacted, redirect hops included. */
	readonly origins: readonly string[];
	/** Per request sent by the relay, in ms. Default 3000. */
	readonly timeout?: number;
	/** The wire (tests). Default node:http; the relay wraps it so only OPTIONS/GET/HEAD to allowed origins go out. */
	readonly transport?: Transport;
}

/** What reached the relay: the socket's remote address, the HTTP method and the raw body (already size-bounded). */
export interface RelayRequest {
	readonly remoteAddress: string | undefined;
	readonly method: string;
	readonly body: string;
}

export interface RelayResponse {
	readonly status: number;
	readonly body: RelayAnswer | {readonly error: string};
}

/** A request the relay will not send; becomes a 403, never a network error. */
class Refused extends Error {}

/**
The dev relay as a function of one request: every guard, then `checkCors` for the shape, answered with codes and fix
lines only. `cors-doctor/dev`'s middleware and `cors-doctor/vite` put it on the dev server.

Guards: loopback clients only; POST with a JSON request shape of bounded size; targets (and every redirect hop) in
`origins`; the wire only ever carries OPTIONS, GET or HEAD, with dummy header values and no cookies; no response body
is read or returned.

@example
```
const relay = createRelay({origins: ['http://localhost:8080']});
const {status, body} = await relay({remoteAddress: '127.0.0.1', method: 'POST', body: JSON.stringify(shape)});
```
*/
export function createRelay(options: RelayOptions): (request: RelayRequest) => Promise<RelayResponse> {
	if (!Array.isArray(options.origins)) {
		throw new TypeError('cors-doctor relay: `origins` must be an array of origins');
	}

	const allowlist = new Set(options.origins.map(entry => toOrigin(entry)));
	const timeout = options.timeout ?? 3000;
	const wire = options.transport ?? nodeTransport;
	const transport: Transport = async request => {
		if (!RELAY_METHODS.has(request.method)) {
			throw new Refused(`the relay never sends ${request.method}`);
		}

		if (!allowlist.has(new URL(request.url).origin)) {
			throw new Refused(`${new URL(request.url).origin} is not in the relay's origins (a redirect left them)`);
		}

		return wire(request);
	};

	const refuse = (status: number, error: string): RelayResponse => ({status, body: {error}});

	return async request => {
		if (!isLoopbackAddress(request.remoteAddress)) {
			return refuse(403, 'the relay only answers this machine');
		}

		if (request.method !== 'POST') {
			return refuse(405, 'POST a request shape');
		}

		if (request.body.length > LIMITS.body) {
			return refuse(413, `a request shape is at most ${LIMITS.body} bytes`);
		}

		let shape: unknown;
		try {
			shape = JSON.parse(request.body);
		} catch {
			return refuse(400, 'expected JSON');
		}

		const problem = shapeProblem(shape);
		if (problem) {
			return refuse(400, problem);
		}

		const valid = shape as RequestShape;
		if (!allowedTarget(valid, allowlist)) {
			return refuse(403, 'the target origin is not in the relay\'s origins (add it to the `origins` option)');
		}

		try {
			const result = await checkCors(valid.url, {
				origin: valid.pageOrigin,
				method: valid.method,
				headers: valid.headers,
				credentials: valid.credentials === 'include',
				timeout,
				transport,
			});
			const findings = result.problems.map(({code, phase, hop, fix}) => ({code, phase, ...(hop === undefined ? {} : {hop}), fix}));
			return {status: 200, body: {source: 'relay', ok: result.ok, codes: findings.map(finding => finding.code), findings}};
		} catch (error) {
			if (error instanceof Refused) {
				return refuse(403, error.message);
			}

			if (error instanceof CheckNetworkError) {
				return {status: 200, body: {source: 'relay', network: error.code}};
			}

			return refuse(400, error instanceof Error ? error.message.split('\n')[0]! : 'invalid request shape');
		}
	};
}
