// Request loops shared by the Node and Chromium runs (no Node APIs: it is bundled into the page).

/**
 * Sends `requests` requests through `call`, `concurrency` at a time, and returns requests per
 * second. Each worker awaits its response body, as an app would.
 * @param {() => Promise<unknown>} call
 * @param {{requests: number, concurrency: number}} options
 */
export async function requestsPerSecond(call, {requests, concurrency}) {
	let started = 0;
	const worker = async () => {
		while (started < requests) {
			started++;
			await call();
		}
	};

	const begin = performance.now();
	await Promise.all(Array.from({length: concurrency}, worker));
	return requests / ((performance.now() - begin) / 1000);
}

/**
 * The four happy-path variants against one URL. Baselines first: each subject is compared with
 * the baseline beside it (corsFetch with fetch, createClient with ky).
 * @param {string} url
 * @param {typeof import('./subjects.js')} subjects
 */
export function happyPathVariants(url, subjects) {
	const client = subjects.createClient();
	return {
		fetch: async () => (await fetch(url)).json(),
		corsFetch: async () => (await subjects.corsFetch(url)).json(),
		ky: async () => subjects.ky.get(url).json(),
		createClient: async () => client.get(url).json(),
	};
}

export const PAIRS = [
	{subject: 'corsFetch', baseline: 'fetch'},
	{subject: 'createClient', baseline: 'ky'},
];

/** Batch sizes per runtime: a Chromium fetch costs ~10x a Node one here, and the run must stay short. */
export const MODES = {
	node: [
		{name: 'sequential', concurrency: 1, requests: 200},
		{name: '16 concurrent', concurrency: 16, requests: 600},
	],
	chromium: [
		{name: 'sequential', concurrency: 1, requests: 60},
		{name: '16 concurrent', concurrency: 16, requests: 160},
	],
};
