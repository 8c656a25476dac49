import type {Engine} from './session';

/**
The one message each engine gives page JavaScript for every blocked or failed fetch (CORS, preflight, reset,
refused), as `<name>: <message>`. The classifier's candidate detection (DESIGN.md section 4) relies on these
exact strings, so the suites assert them verbatim.
*/
export const FETCH_TYPE_ERROR: {readonly [E in Engine]: string} = {
	chromium: 'TypeError: Failed to fetch',
	firefox: 'TypeError: NetworkError when attempting to fetch resource.',
	webkit: 'TypeError: Load failed',
};

/**
What a fetch aborted by `AbortSignal.timeout()` rejects with. The engines disagree on the name: WebKitGTK
2.50 reports `AbortError`, not the `TimeoutError` the signal carries. Either way it is never a CORS candidate.
*/
export const FETCH_TIMEOUT_ERROR: {readonly [E in Engine]: string} = {
	chromium: 'TimeoutError: signal timed out',
	firefox: 'TimeoutError: The operation timed out.',
	webkit: 'AbortError: Fetch is aborted',
};
