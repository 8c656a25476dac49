import type {CorsFetchOptions, NormalizedOptions} from './types';

const check = (ok: boolean, name: string, what: string): void => {
	if (!ok) {
		throw new TypeError(`The \`${name}\` option must be ${what}`);
	}
};

const ms = (value: number | undefined, name: string, fallback: number): number => {
	check(value === undefined || value >= 0, name, 'a non-negative number');
	return value ?? fallback;
};

/** Validates once, at the boundary, and fills every default; internal code only sees the result. */
export const normalizeOptions = (options: CorsFetchOptions = {}): NormalizedOptions => {
	check(typeof options === 'object' && options !== null, 'options', 'an object');
	const {fetch, onDiagnosis, pageOrigin, expectHeaders = []} = options;
	check(fetch === undefined || typeof fetch === 'function', 'fetch', 'a function');
	check(onDiagnosis === undefined || typeof onDiagnosis === 'function', 'onDiagnosis', 'a function');
	check(pageOrigin === undefined || typeof pageOrigin === 'string', 'pageOrigin', 'a string');
	check(Array.isArray(expectHeaders), 'expectHeaders', 'an array of header names');
	return {
		fetch,
		onDiagnosis,
		pageOrigin,
		expectHeaders,
		probes: options.probes ?? true,
		probeTimeout: ms(options.probeTimeout, 'probeTimeout', 3000),
		cacheTtl: ms(options.cacheTtl, 'cacheTtl', 30_000),
		rateLimit: ms(options.rateLimit, 'rateLimit', 6),
		budget: ms(options.budget, 'budget', Infinity),
	};
};
