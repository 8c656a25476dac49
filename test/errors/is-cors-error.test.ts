import {describe, expect, test} from 'vitest';
import {CorsError} from '../../src/errors/CorsError';
import {getCorsError, isCorsError} from '../../src/errors/is-cors-error';
import type {RequestSummary} from '../../src/errors/types';

const request: RequestSummary = {
	method: 'GET', url: 'https://api.example.com/x', pageOrigin: 'https://app.example.com', targetOrigin: 'https://api.example.com',
	mode: 'cors', credentials: 'omit', preflight: false, triggers: [],
};
const corsError = new CorsError({code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely', request});

describe('isCorsError', () => {
	test('direct, with and without a code', () => {
		expect(isCorsError(corsError)).toBe(true);
		expect(isCorsError(corsError, 'ORIGIN_NOT_ALLOWED')).toBe(true);
		expect(isCorsError(corsError, 'HEADER_NOT_ALLOWED')).toBe(false);
	});

	test.each([
		[null], [undefined], ['CorsError'], [new TypeError('Failed to fetch')], [{name: 'CorsError', code: 'ORIGIN_NOT_ALLOWED'}],
	])('rejects %s', value => {
		expect(isCorsError(value)).toBe(false);
		expect(value instanceof CorsError).toBe(false);
	});

	test('an axios-like wrapper is found by getCorsError, not isCorsError (a type guard must not call the wrapper a CorsError)', () => {
		class AxiosError extends Error {
			override name = 'AxiosError';
			code = 'ERR_NETWORK';
		}
		const wrapped = new AxiosError('Network Error', {cause: corsError});
		expect(isCorsError(wrapped)).toBe(false);
		expect(getCorsError(wrapped)).toBe(corsError);
		expect(getCorsError(wrapped, 'ORIGIN_NOT_ALLOWED')).toBe(corsError);
		expect(getCorsError(wrapped, 'HEADER_NOT_ALLOWED')).toBeUndefined();
	});

	test('through an ofetch-like FetchError inside a ky-like wrapper', () => {
		const fetchError = Object.assign(new Error('[GET] "https://api.example.com/x": <no response> Failed'), {name: 'FetchError', cause: corsError});
		const outer = new Error('outer', {cause: fetchError});
		expect(getCorsError(outer, 'ORIGIN_NOT_ALLOWED')).toBe(corsError);
	});

	test('cause chains are bounded (cycles terminate, depth is capped)', () => {
		const cyclic: {cause?: unknown} = {};
		cyclic.cause = cyclic;
		expect(getCorsError(cyclic)).toBeUndefined();
		let deep: unknown = corsError;
		for (let i = 0; i < 10; i++) {
			deep = {cause: deep};
		}
		expect(getCorsError(deep)).toBeUndefined();
	});

	test('identity across two copies of the library', async () => {
		// A query suffix makes vite load a second, independent module instance.
		// @ts-expect-error TypeScript cannot resolve a query suffix; vite loads it as a separate module.
		const copy = await import('../../src/errors/CorsError?copy=2') as typeof import('../../src/errors/CorsError');
		// @ts-expect-error same as above
		const guards = await import('../../src/errors/is-cors-error?copy=2') as typeof import('../../src/errors/is-cors-error');
		expect(copy.CorsError).not.toBe(CorsError);
		const foreign = new copy.CorsError({code: 'HEADER_NOT_ALLOWED', confidence: 'likely', request, names: ['x-a']});
		expect(foreign instanceof CorsError).toBe(true);
		expect(corsError instanceof copy.CorsError).toBe(true);
		expect(isCorsError(foreign, 'HEADER_NOT_ALLOWED')).toBe(true);
		expect(guards.isCorsError(corsError)).toBe(true);
	});

	test('a fake branded object counts, an unbranded look-alike does not', () => {
		const branded = Object.create({[Symbol.for('cors-doctor.CorsError')]: true}, {code: {value: 'CSP_BLOCKED'}});
		expect(isCorsError(branded, 'CSP_BLOCKED')).toBe(true);
		// Same name, code and message, no brand: not ours.
		const lookAlike = Object.assign(new TypeError('[cors-doctor] CSP_BLOCKED: ...'), {name: 'CorsError', code: 'CSP_BLOCKED'});
		expect(isCorsError(lookAlike)).toBe(false);
		expect(getCorsError(lookAlike)).toBeUndefined();
		expect(lookAlike instanceof CorsError).toBe(false);
	});
});
