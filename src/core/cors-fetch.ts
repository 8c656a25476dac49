import {listenForViolations} from './csp-listener.js';
import {isFetchFailure} from './detect.js';
import {normalizeOptions} from './options.js';
import {createState} from './state.js';
import type {WaveResult} from './investigate.js';
import type {CorsFetchOptions} from './types.js';

// Diagnosis (probes, decision table, CorsError, texts) is only needed once a request has failed, so it loads then:
// importing corsFetch stays around 1 kB and the happy path never pays for it.
const loadFailure = () => import('./failure.js');

/**
Creates a drop-in `fetch` that turns the browser's opaque "Failed to fetch" into a classified `CorsError`.
On success it returns the very same `Response` (no clone, no extra request); failures that are not CORS rethrow the
original error; without a page (Node, Deno, Bun) it is a pure pass-through.

@example
```
const fetch = createCorsFetch({probeTimeout: 2000, onDiagnosis: d => console.debug(d)});
const response = await fetch('https://api.example.com/items', {headers: {'x-api-key': key}});
```
*/
export const createCorsFetch = (options?: CorsFetchOptions): typeof globalThis.fetch => {
	const o = normalizeOptions(options);
	const state = createState<WaveResult>();
	return async (input, init) => {
		const fetch = o.fetch ?? globalThis.fetch;
		const pageOrigin = o.pageOrigin ?? globalThis.location?.origin;
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
			throw await failure.onFailure(o, state, pageOrigin, input, init, error, start);
		}
		if (response.type === 'cors') {
			// The only happy-path work: remember that this origin grants CORS (evidence for ERROR_RESPONSE_WITHOUT_CORS).
			state.seen.add(new URL(response.url).origin);
			const hidden = o.expectHeaders.filter(name => response.headers.get(name) === null);
			if (hidden.length > 0) {
				throw (await loadFailure()).hiddenHeaders(o, input, init, pageOrigin, hidden);
			}
		}
		return response;
	};
};

/**
A cors-aware drop-in for `fetch`, with the default options. Plugs into axios (`env.fetch`), ofetch (`createFetch({fetch})`) and wretch.

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
export const corsFetch: typeof globalThis.fetch = /* @__PURE__ */ createCorsFetch();
