import {getCorsError} from '../errors/is-cors-error.js';

/**
An ofetch `onRequestError` hook that turns retries off for a CORS failure (ofetch retries a failed GET once by default,
and any request given `retry`); network errors keep ofetch's retry. ofetch runs this hook before it decides to retry.

@example
```
import {createFetch} from 'ofetch';
import {corsFetch} from 'cors-doctor';
import {stopCorsRetry} from 'cors-doctor/clients';

const api = createFetch({fetch: corsFetch, defaults: {onRequestError: stopCorsRetry}});
```
*/
export const stopCorsRetry = (context: {error?: unknown; options: {retry?: number | false}}): void => {
	if (getCorsError(context.error) !== undefined) {
		context.options.retry = false;
	}
};
