import type {CorsFetchOptions, NormalizedOptions} from './types.js';

const fail = (name: string, what: string): never => {
	throw new TypeError(`The \`${name}\` option must be ${what}`);
};

/** Validates once, at the boundary, and fills every default; internal code only sees the result. */
export const normalizeOptions = (options: CorsFetchOptions = {}): NormalizedOptions => {
	const o = {probes: true, probeTimeout: 3000, cacheTtl: 30_000, rateLimit: 6, budget: Infinity, expectHeaders: [], ...options} as Record<string, unknown>;
	for (const name of ['fetch', 'onDiagnosis']) {
		if (o[name] !== undefined && typeof o[name] !== 'function') {
			fail(name, 'a function');
		}
	}
	for (const name of ['probeTimeout', 'cacheTtl', 'rateLimit', 'budget']) {
		if (!((o[name] as number) >= 0)) {
			fail(name, 'a non-negative number');
		}
	}
	if (!Array.isArray(o.expectHeaders)) {
		fail('expectHeaders', 'an array of header names');
	}
	return o as unknown as NormalizedOptions;
};
