import {normalizeOptions} from './options.js';
import type {CorsFetchOptions, Diagnosis} from './types.js';

/**
Classifies a request after it failed elsewhere (XHR, axios' XHR adapter, jQuery), by the same static facts and safe
probes `corsFetch` uses. Never throws: an abort gives `{kind: 'network', reason: 'aborted'}`.

@example
```
xhr.onerror = async () => {
	const diagnosis = await diagnose(url, {method: 'PUT', headers: {'x-api-key': '...'}, credentials: 'include'});
	if (diagnosis.kind === 'cors') report(diagnosis.error.toJSON());
};
```
*/
export const diagnose = async (input: RequestInfo | URL, init?: RequestInit, options?: CorsFetchOptions): Promise<Diagnosis> => {
	try {
		const o = normalizeOptions(options);
		const pageOrigin = o.pageOrigin ?? globalThis.location?.origin;
		if (!pageOrigin) {
			return {kind: 'not-cross-origin'};
		}
		// The classification code loads on use, as for corsFetch.
		return await (await import('./failure.js')).diagnoseAfter(o, pageOrigin, input, init);
	} catch (error) {
		return {kind: 'network', reason: (error as {name?: unknown})?.name === 'AbortError' || (init?.signal?.aborted ?? false) ? 'aborted' : 'error', evidence: []};
	}
};
