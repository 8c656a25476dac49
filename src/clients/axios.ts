import {diagnose} from '../core/diagnose.js';
import type {CorsFetchOptions} from '../core/types.js';
import {getCorsError} from '../errors/is-cors-error.js';

/** The part of an axios request config `diagnose()` needs. Structural, so cors-doctor needs no axios types. */
export interface AxiosRequestShape {
	readonly url?: string;
	readonly baseURL?: string;
	readonly method?: string;
	/** A plain record or `AxiosHeaders` (read through its `toJSON()`). */
	readonly headers?: unknown;
	readonly params?: unknown;
	readonly data?: unknown;
	readonly withCredentials?: boolean;
	readonly signal?: unknown;
}

interface AxiosErrorShape {
	readonly isAxiosError?: boolean;
	readonly code?: string;
	readonly response?: unknown;
	readonly config?: AxiosRequestShape;
}

/** What `axios.create()` returns, as far as the interceptor is concerned. */
export interface AxiosInstanceShape {
	readonly interceptors: {readonly response: {use(onFulfilled: undefined, onRejected: (error: unknown) => unknown): unknown}};
}

const isAbsolute = (url: string) => /^[a-z][a-z\d+\-.]*:/i.test(url);

function headerRecord(headers: unknown, hasBody: boolean): Record<string, string> {
	const source = (typeof (headers as {toJSON?: unknown} | null)?.toJSON === 'function' ? (headers as {toJSON: () => unknown}).toJSON() : headers) ?? {};
	const record: Record<string, string> = {};
	for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
		// axios treats null, undefined and false as "not set"; without a body the XHR adapter drops Content-Type.
		if (value === null || value === undefined || value === false || typeof value === 'object' || (!hasBody && name.toLowerCase() === 'content-type')) {
			continue;
		}

		record[name] = String(value);
	}

	return record;
}

/**
The `(url, init)` an axios request config stands for, the way the XHR adapter sends it: `baseURL` joined as axios joins it,
plain `params` as the query, the method upper-cased, the headers axios set (Content-Type only with a body), and
`withCredentials` as `credentials: 'include'`. Pass it to `diagnose()` (jQuery and XHR users build the same two things by hand).

@example
```
const {url, init} = requestOfAxiosConfig({baseURL: 'https://api.example.com', url: '/items', method: 'put', withCredentials: true});
//=> {url: 'https://api.example.com/items', init: {method: 'PUT', headers: {}, credentials: 'include'}}
```
*/
export function requestOfAxiosConfig(config: AxiosRequestShape): {url: string; init: RequestInit} {
	const path = config.url ?? '';
	const joined = config.baseURL && !isAbsolute(path) ? `${config.baseURL.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}` : path;
	const url = new URL(joined, (globalThis as {location?: {href?: string}}).location?.href);
	if (config.params && typeof config.params === 'object' && !(config.params instanceof URLSearchParams)) {
		for (const [name, value] of Object.entries(config.params as Record<string, unknown>)) {
			if (value !== null && value !== undefined && typeof value !== 'object') {
				url.searchParams.append(name, String(value));
			}
		}
	} else if (config.params instanceof URLSearchParams) {
		for (const [name, value] of config.params) {
			url.searchParams.append(name, value);
		}
	}

	return {
		url: url.href,
		init: {
			method: (config.method ?? 'get').toUpperCase(),
			headers: headerRecord(config.headers, config.data !== undefined && config.data !== null),
			credentials: config.withCredentials ? 'include' : 'same-origin',
		},
	};
}

/**
An axios response-error interceptor for the default XHR adapter, where `corsFetch` cannot help: on axios' opaque
"Network Error" (`ERR_NETWORK`, no response) it runs `diagnose()` and, when the failure is CORS, sets the `CorsError` as
the AxiosError's `cause`. The caller still gets the AxiosError (so `axios.isAxiosError`, `error.config` and existing
handlers keep working); `getCorsError(error)` finds the diagnosis through `cause`.

Register it before axios-retry, so the retry condition already sees the cause.

@example
```
const api = axios.create({baseURL: 'https://api.example.com'});
api.interceptors.response.use(undefined, corsInterceptor());
try {
	await api.get('/items');
} catch (error) {
	const cors = getCorsError(error);
	if (cors) sendReport(cors.toJSON());
}
```
*/
export function corsInterceptor(options?: CorsFetchOptions): (error: unknown) => Promise<never> {
	return async error => {
		const axiosError = error as AxiosErrorShape | null;
		if (axiosError?.isAxiosError && axiosError.code === 'ERR_NETWORK' && !axiosError.response && axiosError.config && getCorsError(error) === undefined) {
			const {url, init} = requestOfAxiosConfig(axiosError.config);
			const signal = axiosError.config.signal instanceof AbortSignal ? axiosError.config.signal : undefined;
			const diagnosis = await diagnose(url, signal ? {...init, signal} : init, options);
			if (diagnosis.kind === 'cors') {
				// Non-enumerable, like axios' own `cause`: structured loggers do not recurse into it twice.
				Object.defineProperty(error, 'cause', {value: diagnosis.error, writable: true, configurable: true, enumerable: false});
			}
		}

		throw error;
	};
}

/**
Registers `corsInterceptor(options)` on an axios instance and returns the instance.

@example
```
const api = withCorsDiagnosis(axios.create({baseURL: 'https://api.example.com'}));
axiosRetry(api, {retryCondition: unlessCors(axiosRetry.isNetworkOrIdempotentRequestError)});
```
*/
export function withCorsDiagnosis<T extends AxiosInstanceShape>(instance: T, options?: CorsFetchOptions): T {
	instance.interceptors.response.use(undefined, corsInterceptor(options));
	return instance;
}
