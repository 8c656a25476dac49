import {request as httpRequest, type IncomingMessage} from 'node:http';
import {request as httpsRequest} from 'node:https';
import type {RawResponse} from '../rules/types.js';
import {CheckNetworkError, type NetworkFailureKind} from './errors/CheckNetworkError.js';
import type {Transport, TransportRequest} from './types.js';

/**
The default transport: node:http(s), because it keeps every header line as sent (`rawHeaders`).
fetch (undici) joins duplicate lines with `, `, so two `Access-Control-Allow-Origin` lines would look like
one line holding a list; browsers tell those apart (Firefox reports them differently), and so must the fix.
It resolves as soon as the headers arrive: CORS never needs the body, and a preflight with an endless body
must not hang the check.
*/
export const nodeTransport: Transport = async (request: TransportRequest) => new Promise<RawResponse>((resolve, reject) => {
	const url = new URL(request.url);
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
	let settled = false;
	const fail = (kind: NetworkFailureKind, cause: unknown) => {
		if (!settled) {
			settled = true;
			clearTimeout(timer);
			reject(networkError(kind, request.url, cause));
		}
	};

	// No agent: every check is a fresh connection, so nothing lingers after the CLI prints its report.
	const outgoing = send(url, {method: request.method, headers: toHeaderArray(url, request.headers), agent: false}, (response: IncomingMessage) => {
		settled = true;
		clearTimeout(timer);
		resolve({status: response.statusCode ?? 0, headers: pairs(response.rawHeaders)});
		response.destroy();
	});
	const timer = setTimeout(() => {
		fail('timeout', new Error(`no response within ${request.timeout} ms`));
		outgoing.destroy();
	}, request.timeout);
	outgoing.on('error', error => {
		fail(kindOf(error), error);
	});
	outgoing.end();
});

/**
A transport over any fetch (for msw-mocked tests, or runtimes without node:http).
Duplicate header lines arrive joined, which the spec's "get" does anyway; only the `duplicate-lines` detail is lost.
*/
export function fetchTransport(fetch: typeof globalThis.fetch): Transport {
	return async request => {
		let response: Response;
		try {
			response = await fetch(request.url, {
				method: request.method,
				headers: request.headers.map(([name, value]) => [name, value]),
				redirect: 'manual',
				credentials: 'omit',
				signal: AbortSignal.timeout(request.timeout),
			});
		} catch (error) {
			const name = (error as {name?: unknown})?.name;
			throw networkError(name === 'TimeoutError' ? 'timeout' : kindOf((error as {cause?: unknown})?.cause ?? error), request.url, error);
		}

		await response.body?.cancel();
		return {status: response.status, headers: [...response.headers]};
	};
}

function toHeaderArray(url: URL, headers: TransportRequest['headers']): string[] {
	// The flat array form keeps our case and order, like a browser's header list; node:http then adds no Host itself.
	return ['Host', url.host, ...headers.flatMap(([name, value]) => [name, value])];
}

function pairs(raw: readonly string[]): Array<[string, string]> {
	const result: Array<[string, string]> = [];
	for (let index = 0; index + 1 < raw.length; index += 2) {
		result.push([raw[index]!, raw[index + 1]!]);
	}

	return result;
}

function kindOf(error: unknown): NetworkFailureKind {
	const code = (error as {code?: unknown} | undefined)?.code;
	switch (code) {
		case 'ECONNREFUSED': {
			return 'refused';
		}

		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return 'dns';
		}

		case 'ECONNRESET':
		case 'EPIPE':
		case 'UND_ERR_SOCKET':
		case 'HPE_INVALID_CONSTANT': {
			return 'reset';
		}

		default: {
			return 'other';
		}
	}
}

const FAILURE_WORDS: Record<NetworkFailureKind, string> = {
	refused: 'connection refused',
	dns: 'host name not found',
	reset: 'the connection closed without a response',
	timeout: 'no response before the timeout',
	other: 'network error',
};

function networkError(kind: NetworkFailureKind, url: string, cause: unknown): CheckNetworkError {
	const detail = kind === 'other' && cause instanceof Error ? `: ${cause.message}` : '';
	return new CheckNetworkError(kind, url, `${FAILURE_WORDS[kind]}${detail} (${new URL(url).host})`, {cause});
}
