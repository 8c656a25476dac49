import {normalizeOptions} from './options.js';
import type {CorsFetchOptions, Diagnosis} from './types.js';

/**
Classifies a request after it failed elsewhere (XHR, axios' XHR adapter, jQuery), by the same static facts and safe
probes `corsFetch` uses, sharing the default `corsFetch`'s memory. Bad options throw a `TypeError` at once; otherwise it
never throws: an abort gives `{kind: 'network', reason: 'aborted'}`.

@example
```
const xhr = new XMLHttpRequest();
xhr.onerror = async () => {
	const diagnosis = await diagnose('https://api.example.com/items', {method: 'PUT', headers: {'x-api-key': 'key'}, credentials: 'include'});
	if (diagnosis.kind === 'cors') console.warn(diagnosis.error.toJSON());
};
```
*/
export const diagnose = async (input: RequestInfo | URL, init?: RequestInit, options?: CorsFetchOptions): Promise<Diagnosis> => {
	const normalized = normalizeOptions(options);
	const pageOrigin = normalized.pageOrigin ?? globalThis.location?.origin;
	if (!pageOrigin) {
		return {kind: 'not-cross-origin'};
	}
	try {
		// The classification code loads on use, as for corsFetch.
		const failure = await import('./failure.js');
		return await failure.diagnoseRequest(normalized, failure.sharedMemory(), pageOrigin, input, init);
	} catch (error) {
		return {kind: 'network', reason: (error as {name?: unknown})?.name === 'AbortError' || (init?.signal?.aborted ?? false) ? 'aborted' : 'error', evidence: []};
	}
};
