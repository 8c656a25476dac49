import type {CorsCode} from '../codes.js';
import {isBranded} from './brand.js';
import type {CorsErrorOf} from './CorsError.js';

// axios (AxiosError), ofetch (FetchError) and ky hooks wrap our error in one or two layers of `cause`.
const MAX_DEPTH = 5;

/**
Whether `error` itself is a `CorsError` (with `code`, when given), narrowing its type: with a code, to that code's fields
(`names`, `reason`, see `CorsErrorDetails`). Works across two copies of the library. A client that wraps the error
(axios, ofetch) puts it in `cause`: use `getCorsError` there.

@example
```
try {
	await corsFetch('https://api.example.com/items', {credentials: 'include'});
} catch (error) {
	if (isCorsError(error)) console.error(error.message, error.hints);
	if (isCorsError(error, 'UNDETERMINED')) console.info('undetermined:', error.reason);
}
```
*/
export function isCorsError(error: unknown): error is CorsErrorOf;
export function isCorsError<C extends CorsCode>(error: unknown, code: C): error is CorsErrorOf<C>;
export function isCorsError(error: unknown, code?: CorsCode): boolean {
	return isBranded(error) && (code === undefined || (error as {code?: unknown}).code === code);
}

/**
Finds a `CorsError` in `error` or its `cause` chain (axios and ofetch wrap it), optionally with a given code, and returns
it narrowed to that code.

@example
```
import axios from 'axios';
try {
	await axios.get('https://api.example.com/items', {adapter: 'fetch', env: {fetch: corsFetch}});
} catch (error) {
	const cors = getCorsError(error, 'HEADER_NOT_ALLOWED');
	if (cors) console.warn(`allow ${cors.names.join(', ')}`, cors.toJSON());
}
```
*/
export function getCorsError(error: unknown): CorsErrorOf | undefined;
export function getCorsError<C extends CorsCode>(error: unknown, code: C): CorsErrorOf<C> | undefined;
export function getCorsError(error: unknown, code?: CorsCode): CorsErrorOf | undefined {
	for (let depth = 0; depth <= MAX_DEPTH && error != null; depth++) {
		if (isBranded(error)) {
			return code === undefined || (error as CorsErrorOf).code === code ? error as CorsErrorOf : undefined;
		}

		error = (error as {cause?: unknown}).cause;
	}

	return undefined;
}
