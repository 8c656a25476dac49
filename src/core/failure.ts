import {CorsError} from '../errors/CorsError.js';
import {investigate, type WaveResult} from './investigate.js';
import {summarize} from './request.js';
import {createState, type State} from './state.js';
import type {Diagnosis, NormalizedOptions} from './types.js';

let shared: State<WaveResult> | undefined;

// Everything a failed request needs, kept out of the eager corsFetch import (cors-fetch.ts loads this on first failure).

/** Calls the user's callback without ever letting it break the request. */
const report = (o: NormalizedOptions, diagnosis: Diagnosis): void => {
	try {
		o.onDiagnosis?.(diagnosis);
	} catch {}
};

/** Classifies a failed fetch and returns what the caller should throw: the CorsError, or the platform's own error. */
export const onFailure = async (
	o: NormalizedOptions,
	state: State<WaveResult>,
	pageOrigin: string,
	input: RequestInfo | URL,
	init: RequestInit | undefined,
	error: unknown,
	start: number,
): Promise<unknown> => {
	const diagnosis = await investigate(o, state, pageOrigin, input, init, error, start);
	report(o, diagnosis);
	return diagnosis.kind === 'cors' ? diagnosis.error : error;
};

/** The error for expected response headers that read as null (absent and unexposed look the same, hence only likely). */
export const hiddenHeaders = (o: NormalizedOptions, input: RequestInfo | URL, init: RequestInit | undefined, pageOrigin: string, names: string[]): CorsError => {
	const error = new CorsError({code: 'HEADER_NOT_EXPOSED', confidence: 'likely', request: summarize(input, init, pageOrigin).summary, names});
	report(o, {kind: 'cors', error});
	return error;
};

/** The error for reading the body of an opaque `no-cors` response through the client. */
export const opaqueResponse = (input: RequestInfo | URL, init: RequestInit | undefined, pageOrigin: string): CorsError =>
	new CorsError({code: 'OPAQUE_RESPONSE', confidence: 'certain', request: summarize(input, init, pageOrigin).summary});

/** `diagnose()`'s classification, with one state shared by every call (so repeated calls dedupe and hit the cache). */
export const diagnoseAfter = (o: NormalizedOptions, pageOrigin: string, input: RequestInfo | URL, init: RequestInit | undefined): Promise<Diagnosis> =>
	investigate(o, shared ??= createState(), pageOrigin, input, init, undefined, Date.now());
