import type {CorsFetchOptions, NormalizedOptions} from './types.js';

const fail = (name: string, what: string, value: unknown): never => {
	throw new TypeError(`cors-doctor: the \`${name}\` option must be ${what} (got ${typeof value === 'string' ? JSON.stringify(value) : String(value)})`);
};

const DEFAULTS = {probes: true, probeTimeout: 3000, cacheTtl: 30_000, probeBudget: 60, probeSampleRate: 1, diagnosisTimeout: Infinity, expectHeaders: []};
const FUNCTIONS = ['fetch', 'onDiagnosis'];
const DURATIONS = ['probeTimeout', 'cacheTtl', 'probeBudget', 'diagnosisTimeout'];
const KNOWN = new Set([...Object.keys(DEFAULTS), ...FUNCTIONS, 'pageOrigin', 'devRelay', 'devConsole']);

/**
Validates once, at the boundary, and fills every default; internal code only sees the result. An option set to
`undefined` takes its default; a wrong type, an unknown key (a typo) or an unparsable `pageOrigin` throws a `TypeError`.
`pageOrigin` is reduced to its origin, so `'https://app.example.com/'` means `'https://app.example.com'`.
*/
export const normalizeOptions = (options: CorsFetchOptions = {}): NormalizedOptions => {
	if (typeof options !== 'object' || options === null) {
		fail('options', 'an object', options);
	}
	const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Record<string, unknown>;
	for (const name of Object.keys(given)) {
		if (!KNOWN.has(name)) {
			fail(name, 'a known option (see CorsFetchOptions)', given[name]);
		}
	}
	const merged: Record<string, unknown> = {...DEFAULTS, ...given};
	for (const name of FUNCTIONS) {
		if (merged[name] !== undefined && typeof merged[name] !== 'function') {
			fail(name, 'a function', merged[name]);
		}
	}
	for (const name of DURATIONS) {
		if (typeof merged[name] !== 'number' || !((merged[name] as number) >= 0)) {
			fail(name, 'a non-negative number', merged[name]);
		}
	}
	for (const name of ['probes', 'devConsole']) {
		if (merged[name] !== undefined && typeof merged[name] !== 'boolean') {
			fail(name, 'a boolean', merged[name]);
		}
	}
	if (merged.devRelay !== undefined && merged.devRelay !== false && typeof merged.devRelay !== 'function') {
		fail('devRelay', 'a function or false', merged.devRelay);
	}
	const rate = merged.probeSampleRate;
	if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
		fail('probeSampleRate', 'a number from 0 to 1', rate);
	}
	if (!Array.isArray(merged.expectHeaders) || !merged.expectHeaders.every(name => typeof name === 'string')) {
		fail('expectHeaders', 'an array of header names', merged.expectHeaders);
	}
	if (merged.pageOrigin !== undefined) {
		const page = merged.pageOrigin;
		let origin: string | undefined;
		try {
			origin = typeof page === 'string' ? (page === 'null' ? 'null' : new URL(page).origin) : undefined;
		} catch {}
		// `new URL('mailto:x').origin` is 'null' too: only an explicit 'null' (an opaque page origin) may say so.
		if (!origin || (origin === 'null' && page !== 'null')) {
			fail('pageOrigin', 'an origin such as "https://app.example.com"', page);
		}
		merged.pageOrigin = origin;
	}
	return merged as unknown as NormalizedOptions;
};
