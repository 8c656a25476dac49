import {getCorsError} from '../errors/is-cors-error.js';

type Until = (response?: Response, error?: Error) => boolean | Promise<boolean>;

// wretch's own default: a response that is ok or a 4xx ends the retries.
const defaultUntil: Until = response => Boolean(response && (response.ok || (response.status >= 400 && response.status < 500)));

/**
An `until` for wretch's `retry` middleware that ends the retries on a CORS failure; real network errors keep being retried
(with `retryOnNetworkError: true`) until `until` (default: wretch's) is satisfied.

@example
```
import wretch from 'wretch';
import {retry} from 'wretch/middlewares';
import {corsFetch} from 'cors-doctor';
import {untilCors} from 'cors-doctor/clients';

const api = wretch('https://api.example.com').fetchPolyfill(corsFetch).middlewares([retry({retryOnNetworkError: true, until: untilCors()})]);
```
*/
export const untilCors = (until: Until = defaultUntil): Until =>
	async (response, error) => getCorsError(error) !== undefined || until(response, error);
