// Section 1a/1b: req/s of corsFetch vs fetch and createClient vs ky on real loopback, in Node
// and in Chromium. Variants are interleaved per trial; ratios are medians of per-trial ratios.
import {interleave, pairedRatio, summarize} from '../lib/stats.js';
import {fixed, range, table} from '../lib/markdown.js';
import {MODES, PAIRS, happyPathVariants, requestsPerSecond} from '../lib/load.js';
import * as subjects from '../lib/subjects.js';

export const VARIANTS = ['fetch', 'corsFetch', 'ky', 'createClient'];
const TARGET_RATIO = 0.95;

/**
 * @param {(variant: string, mode: typeof MODES.node[number]) => Promise<number>} run one timed batch, req/s
 * @param {number} trials
 * @param {typeof MODES.node} modes
 */
export async function measureLoopback(run, trials, modes) {
	const results = [];
	for (const mode of modes) {
		// One untimed batch per variant first: connection setup and JIT are not what we measure.
		for (const variant of VARIANTS) {
			await run(variant, {...mode, requests: Math.min(mode.requests, 32)});
		}

		results.push({mode, perVariant: await interleave(trials, VARIANTS, variant => run(variant, mode))});
	}

	return results;
}

/** Runs the loop in this Node process against `url`. */
export function nodeRunner(url) {
	const calls = happyPathVariants(url, subjects);
	return (variant, mode) => requestsPerSecond(calls[variant], mode);
}

/**
 * @param {string} title
 * @param {Awaited<ReturnType<typeof measureLoopback>>} results
 */
export function formatLoopback(title, results) {
	const rows = [];
	const verdicts = [];
	for (const {mode, perVariant} of results) {
		for (const {subject, baseline} of PAIRS) {
			const ratio = pairedRatio(perVariant[subject], perVariant[baseline]);
			rows.push(
				[mode.name, baseline, range(summarize(perVariant[baseline])), 'baseline'],
				[mode.name, subject, range(summarize(perVariant[subject])), `**${fixed(ratio, 3)}**`],
			);
			verdicts.push(`${subject}/${baseline} ${mode.name}: ${fixed(ratio, 3)} (${ratio >= TARGET_RATIO ? 'meets' : 'MISSES'} >= ${TARGET_RATIO})`);
		}
	}

	const trials = results[0]?.perVariant.fetch.length ?? 0;
	return [
		`### ${title}`,
		'',
		`${trials} interleaved trials per mode; ${results.map(({mode}) => `${mode.name}: ${mode.requests} requests`).join(', ')}; each request reads its JSON body.`,
		'',
		table(['mode', 'variant', 'req/s min / **median** / max', 'median ratio vs baseline'], rows),
		'',
		`Target (reported, not asserted): ${verdicts.join('; ')}.`,
	].join('\n');
}
