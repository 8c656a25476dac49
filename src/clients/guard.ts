import {getCorsError} from '../errors/is-cors-error.js';

/**
Wraps a retry condition so it never retries a CORS failure: the same request fails the same way until the server's
configuration changes, and retrying an unsafe method only sends more preflights. Real network errors still reach
`condition`. Takes the error itself (axios-retry's `retryCondition`) or a context with `error` (up-fetch's `retry.when`).

@example
```
axiosRetry(instance, {retryCondition: unlessCors(axiosRetry.isNetworkOrIdempotentRequestError)});
up(corsFetch, () => ({retry: {attempts: 2, when: unlessCors(({response}) => !response?.ok)}}));
```
*/
export const unlessCors = <A extends unknown[], R extends boolean | Promise<boolean>>(condition: (...args: A) => R) =>
	(...args: A): R | false => {
		const [first] = args as unknown[];
		return getCorsError(first) !== undefined || getCorsError((first as {error?: unknown} | null)?.error) !== undefined ? false : condition(...args);
	};
