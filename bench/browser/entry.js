// In-page harness (bundled by esbuild with the built library and ky). Playwright calls
// window.bench.*; every function returns plain data.
import * as subjects from '../lib/subjects.js';
import {happyPathVariants, requestsPerSecond} from '../lib/load.js';

const calls = new Map();

/** req/s of one variant against the CORS-enabled API at `url`. */
async function load(variant, mode, url) {
	if (!calls.has(url)) {
		calls.set(url, happyPathVariants(url, subjects));
	}

	return requestsPerSecond(calls.get(url)[variant], mode);
}

/** Time until `fetch` or `corsFetch` settles for one request, and what it threw. */
async function settle(variant, url, init) {
	const call = variant === 'fetch' ? fetch : subjects.corsFetch;
	const start = performance.now();
	try {
		const response = await call(url, init);
		await response.arrayBuffer();
		return {ms: performance.now() - start, ok: true};
	} catch (error) {
		return {ms: performance.now() - start, ok: false, name: error?.name, code: error?.code, instanceOfTypeError: error instanceof TypeError};
	}
}

window.bench = {load, settle, placeholders: subjects.placeholders};
