import type {KyInstance} from 'ky';
import {clientFetch, guardRetry, type ClientCorsOptions} from './client-fetch.js';

/**
Extends an existing ky instance so its requests are cors-aware, keeping its options and hooks. The instance's own `fetch`,
if any, becomes the native fetch under the wrapper.

@example
```
import ky from 'ky';
// ky's beforeError hooks see the error (a CorsError included) and return it.
const api = withCors(ky.create({prefix: 'https://api.example.com', hooks: {beforeError: [({error}) => {
	logError(error);
	return error;
}]}}), {probeTimeout: 2000});
```
*/
export const withCors = (instance: KyInstance, options: ClientCorsOptions = {}): KyInstance =>
	instance.extend(parent => ({
		fetch: clientFetch({...options, fetch: options.fetch ?? parent.fetch as typeof globalThis.fetch | undefined}, parent.timeout),
		retry: guardRetry(parent.retry),
	}));
