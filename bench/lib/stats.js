// Summaries for interleaved trials. This machine's timings swing 10-40% between trials, so the
// report compares medians of paired trials, never single runs.

/** @param {number[]} values */
export function median(values) {
	if (values.length === 0) {
		throw new TypeError('median() needs at least one value');
	}

	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** @param {number[]} values */
export function summarize(values) {
	return {min: Math.min(...values), median: median(values), max: Math.max(...values), n: values.length};
}

/**
 * Median of the per-trial ratios subject/baseline. Pairing by trial cancels the slow drift of a
 * shared machine, which a ratio of two medians would not.
 * @param {number[]} subject
 * @param {number[]} baseline
 */
export function pairedRatio(subject, baseline) {
	return median(paired(subject, baseline).map(([s, b]) => s / b));
}

/**
 * Median of the per-trial differences subject - baseline.
 * @param {number[]} subject
 * @param {number[]} baseline
 */
export function pairedDelta(subject, baseline) {
	return median(paired(subject, baseline).map(([s, b]) => s - b));
}

function paired(subject, baseline) {
	if (subject.length !== baseline.length || subject.length === 0) {
		throw new TypeError(`paired trials must have the same non-zero length (got ${subject.length} and ${baseline.length})`);
	}

	return subject.map((value, index) => [value, baseline[index]]);
}

/**
 * Runs every variant once per trial, rotating the starting variant, so no variant always
 * runs first (cold) or last (after the others warmed the JIT and the sockets).
 * @template T
 * @param {number} trials
 * @param {string[]} names
 * @param {(name: string, trial: number) => Promise<T>} run
 * @returns {Promise<Record<string, T[]>>}
 */
export async function interleave(trials, names, run) {
	/** @type {Record<string, T[]>} */
	const results = Object.fromEntries(names.map(name => [name, []]));
	for (let trial = 0; trial < trials; trial++) {
		for (let index = 0; index < names.length; index++) {
			const name = names[(index + trial) % names.length];
			results[name].push(await run(name, trial));
		}
	}

	return results;
}
