import type {CorsCode} from '../codes.js';
import {isBranded} from './brand.js';
import type {CorsError} from './CorsError.js';

// axios (AxiosError), ofetch (FetchError) and ky hooks wrap our error in one or two layers of `cause`.
const MAX_DEPTH = 5;

/**
Finds a `CorsError` in `error` or its `cause` chain (axios and ofetch wrap it), optionally with a given code.

@example
```
} catch (error) {
	const cors = getCorsError(error);
	if (cors) report(cors.toJSON());
}
```
*/
export const getCorsError = (error: unknown, code?: CorsCode): CorsError | undefined => {
	for (let depth = 0; depth <= MAX_DEPTH && error != null; depth++) {
		if (isBranded(error)) {
			return code === undefined || (error as CorsError).code === code ? error as CorsError : undefined;
		}
		error = (error as {cause?: unknown}).cause;
	}
	return undefined;
};

/**
Whether `error` is, or wraps through `cause`, a `CorsError` (with `code`, when given). Works across two copies of the library.

@example
```
import axios from 'axios';
try {
	await axios.get(url, {adapter: 'fetch', env: {fetch: corsFetch}});
} catch (error) {
	if (isCorsError(error, 'ORIGIN_NOT_ALLOWED')) showCorsBanner();
}
```
*/
export const isCorsError = (error: unknown, code?: CorsCode): boolean => getCorsError(error, code) !== undefined;
