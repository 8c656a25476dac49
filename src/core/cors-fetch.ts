import {CorsError} from '../errors/CorsError';
import {originOf} from '../spec/origin';
import {isFetchFailure} from './detect';
import {investigate, type WaveResult} from './investigate';
import {summarize} from './request';
import {normalizeOptions} from './options';
import {createState} from './state';
import type {CorsFetchOptions, Diagnosis, NormalizedOptions} from './types';

/** Calls the user's callback without ever letting it break the request. */
export const report = (o: NormalizedOptions, diagnosis: Diagnosis): void => {
	try {
		o.onDiagnosis?.(diagnosis);
	} catch {}
};

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
		const start = Date.now();
		let response: Response;
		try {
			response = await fetch(input, init);
		} catch (error) {
			if (!isFetchFailure(error)) {
				throw error;
			}
			const diagnosis = await investigate(o, state, pageOrigin, input, init, error, start);
			report(o, diagnosis);
			throw diagnosis.kind === 'cors' ? diagnosis.error : error;
		}
		if (response.type === 'cors') {
			// The only happy-path work: remember that this origin grants CORS (evidence for ERROR_RESPONSE_WITHOUT_CORS).
			state.seen.add(originOf(response.url));
			const hidden = o.expectHeaders.filter(name => response.headers.get(name) === null);
			if (hidden.length > 0) {
				// Absent and unexposed read the same (null), hence only likely.
				const error = new CorsError({code: 'HEADER_NOT_EXPOSED', confidence: 'likely', request: summarize(input, init, pageOrigin).summary, names: hidden});
				report(o, {kind: 'cors', error});
				throw error;
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
