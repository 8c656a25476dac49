import ky, {type KyInstance, type Options} from 'ky';
import {clientFetch, guardRetry, splitOptions, type ClientCorsOptions} from './client-fetch.js';

/** ky's options plus cors-doctor's. `fetch` is the native fetch the client (and its probes) use. */
export type ClientOptions = Omit<Options, 'fetch'> & ClientCorsOptions;

/**
A ky instance whose fetch is cors-aware: CORS failures reject with a `CorsError` (never retried, seen by `beforeError`),
other failures keep ky's behaviour (NetworkError, retries, TimeoutError).

@example
```
const api = createClient({prefix: 'https://api.example.com', credentials: 'include', timeout: 8000, retry: 2});
try {
	const items = await api.get('items').json();
} catch (error) {
	if (isCorsError(error, 'CREDENTIALS_NOT_ALLOWED')) console.error(error.hints);
}
```
*/
export const createClient = (options: ClientOptions = {}): KyInstance => {
	const [cors, kyOptions] = splitOptions(options);
	return ky.create({...kyOptions, fetch: clientFetch(cors, kyOptions.timeout), retry: guardRetry(kyOptions.retry)});
};
