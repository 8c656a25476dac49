import type {Options, RetryOptions} from 'ky';
import {createCorsFetch} from '../core/cors-fetch.js';
import type {CorsFetchOptions} from '../core/types.js';
import {isCorsError} from '../errors/is-cors-error.js';

/** The cors-doctor options a client accepts besides ky's (`diagnosisTimeout` is derived from ky's `timeout`). */
export type ClientCorsOptions = Omit<CorsFetchOptions, 'diagnosisTimeout'>;

const CORS_KEYS = ['fetch', 'probes', 'probeTimeout', 'pageOrigin', 'onDiagnosis', 'expectHeaders', 'cacheTtl', 'probeBudget', 'probeSampleRate'] as const;

/** Splits mixed options into cors-doctor's and ky's. */
export const splitOptions = <T extends object>(options: T): [ClientCorsOptions, Omit<T, typeof CORS_KEYS[number]>] => {
	const cors: Record<string, unknown> = {};
	const rest = {...options} as Record<string, unknown>;
	for (const key of CORS_KEYS) {
		if (key in rest) {
			cors[key] = rest[key];
			delete rest[key];
		}
	}
	return [cors as ClientCorsOptions, rest as Omit<T, typeof CORS_KEYS[number]>];
};

const BODY_READERS = ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes'] as const;

/**
The fetch a ky client uses: cors-aware, with the diagnosis budget inside ky's per-attempt `timeout` (ky races the whole
custom fetch, probes included, so a slower diagnosis would surface as ky's TimeoutError), and opaque `no-cors`
responses whose body reads reject with OPAQUE_RESPONSE instead of an empty string or a SyntaxError.
*/
export const clientFetch = (cors: ClientCorsOptions, timeout: Options['timeout']): NonNullable<Options['fetch']> => {
	const fetch = createCorsFetch({...cors, diagnosisTimeout: timeout === false ? Infinity : timeout ?? 10_000});
	return async (input, init) => {
		const response = await fetch(input, init);
		if (response.type === 'opaque') {
			const pageOrigin = cors.pageOrigin ?? globalThis.location?.origin ?? 'null';
			for (const name of BODY_READERS) {
				// Own properties shadow the prototype methods ky calls (`response.text()` for `.json()`).
				Object.defineProperty(response, name, {
					configurable: true,
					value: async () => {
						// Loaded on use, like the rest of the diagnosis (see cors-fetch.ts).
						throw (await import('../core/failure.js')).opaqueResponse(input, init, pageOrigin);
					},
				});
			}
		}
		return response;
	};
};

/** ky retry options that never retry a CorsError, chaining the user's own `shouldRetry`. */
export const guardRetry = (retry: Options['retry']): RetryOptions => {
	const options: RetryOptions = typeof retry === 'number' ? {limit: retry} : retry ?? {};
	const {shouldRetry} = options;
	return {...options, shouldRetry: state => isCorsError(state.error) ? false : shouldRetry?.(state)};
};
