import {listenForViolations} from './csp-listener.js';
import {isFetchFailure} from './detect.js';
import {noteSuccess, sharedLog, type SuccessLog} from './successes.js';
import {normalizeOptions} from './options.js';
import type {CorsFetchOptions} from './types.js';

// Diagnosis (probes, decision steps, CorsError, texts) is only needed once a request has failed, so it loads then:
// importing corsFetch stays small and the happy path never pays for it.
const loadFailure = () => import('./failure.js');

const create = (options: CorsFetchOptions | undefined, log: () => SuccessLog, shared: boolean): typeof globalThis.fetch => {
	const normalized = normalizeOptions(options);
	let memory: unknown;
	return async (input, init) => {
		const fetch = normalized.fetch ?? globalThis.fetch;
		const pageOrigin = normalized.pageOrigin ?? globalThis.location?.origin;
		if (!pageOrigin) {
			return fetch(input, init);
		}
		listenForViolations();
		const start = Date.now();
		let response: Response;
		try {
			response = await fetch(input, init);
		} catch (error) {
			if (!isFetchFailure(error)) {
				throw error;
			}
			let failure;
			try {
				failure = await loadFailure();
			} catch {
				// The diagnosis chunk could not load (offline, or blocked): the platform's own error stands.
				throw error;
			}
			memory ??= shared ? failure.sharedMemory() : failure.createMemory(log());
			throw await failure.onFailure(normalized, memory as ReturnType<typeof failure.createMemory>, pageOrigin, input, init, error, start);
		}
		if (response.type === 'cors') {
			// The only happy-path work: remember that this origin grants CORS (evidence for later diagnoses).
			const request = typeof Request === 'function' && input instanceof Request ? input : undefined;
			noteSuccess(log(), pageOrigin + ' ' + new URL(response.url).origin, (init?.method ?? request?.method ?? 'GET').toUpperCase(), init?.credentials ?? request?.credentials ?? 'same-origin');
			const hidden = normalized.expectHeaders.filter(name => response.headers.get(name) === null);
			if (hidden.length > 0) {
				throw (await loadFailure()).hiddenHeaders(normalized, input, init, pageOrigin, hidden);
			}
		}
		return response;
	};
};

/**
Creates a drop-in `fetch` that turns the browser's opaque "Failed to fetch" into a classified `CorsError`.
On success it returns the very same `Response` (no clone, no extra request); failures that are not CORS rethrow the
original error; without a page (Node, Deno, Bun) it is a pure pass-through. Each instance keeps its own memory of what
failures taught it (see docs/probes.md).

@example
```
const fetch = createCorsFetch({probeTimeout: 2000, onDiagnosis: diagnosis => console.debug(diagnosis)});
const response = await fetch('https://api.example.com/items', {headers: {'x-api-key': 'key'}});
```
*/
export const createCorsFetch = (options?: CorsFetchOptions): typeof globalThis.fetch => {
	const log: SuccessLog = new Map();
	return create(options, () => log, false);
};

/**
A cors-aware drop-in for `fetch`, with the default options. Plugs into axios (`env.fetch`), ofetch (`createFetch({fetch})`)
and wretch. It shares its memory with `diagnose()`.

@example
```
import {corsFetch, isCorsError} from 'cors-doctor';
try {
	const items = await (await corsFetch('https://api.example.com/items')).json();
} catch (error) {
	if (isCorsError(error)) console.error(error.message, error.hints);
}
```
*/
export const corsFetch: typeof globalThis.fetch = /* @__PURE__ */ create(undefined, sharedLog, true);
