// Chromium, Firefox and WebKit each reject every failed fetch with one fixed message; Sentry's
// enhanceFetchErrorMessages appends ` (host)`, which is-network-error misses for Firefox.
const MESSAGE = /^(?:Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed)(?: \([^)]*\))?$/;

/**
Whether an error thrown by `fetch` has the shape of a CORS failure: the engines' opaque `TypeError`, or happy-dom's
`DOMException` named `NetworkError`. Aborts, timeouts, HTTP errors and `CorsError` itself never match.

@example
```
isFetchFailure(new TypeError('Failed to fetch')) // true
isFetchFailure(new DOMException('x', 'AbortError')) // false
```
*/
export const isFetchFailure = (error: unknown): boolean => {
	const e = error as {name?: unknown; message?: unknown} | null;
	return typeof e === 'object' && e !== null
		&& ((e.name === 'TypeError' && MESSAGE.test(String(e.message)))
			|| (e.name === 'NetworkError' && typeof DOMException === 'function' && e instanceof DOMException));
};
