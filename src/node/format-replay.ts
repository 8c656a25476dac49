import {formatCheckResult, type FormatOptions} from './format.js';
import {toCheckJSON, type CheckJSON} from './json.js';
import type {ReplayResult} from './replay.js';

/** The versioned `--json` shape of a replay (documented in docs/cli.md). */
export interface ReplayJSON extends Omit<ReplayResult, 'check'> {
	readonly schemaVersion: 1;
	/** `null` when the URL could not be checked (see `ReplayResult.check`). */
	readonly check: CheckJSON | null;
}

/**
The stable JSON form of a replay: the verdict, both sides, and the check as `toCheckJSON` gives it.

@example
```
JSON.stringify(toReplayJSON(await replay(event)));
```
*/
export function toReplayJSON(result: ReplayResult): ReplayJSON {
	return {schemaVersion: 1, ...result, check: result.check ? toCheckJSON(result.check) : null};
}

/**
The human report: the browser's inference and the certain answer side by side, the verdict, then the full check.

@example
```
console.log(formatReplayResult(await replay(event), {color: process.stdout.isTTY}));
```
*/
export function formatReplayResult(result: ReplayResult, options: FormatOptions = {}): string {
	const {browser, check} = result;
	const names = browser.names.length > 0 ? ` (${browser.names.join(', ')})` : '';
	const certain = !check ? 'not checkable' : check.problems.length === 0 ? 'no CORS problem' : check.problems.map(problem => `${problem.code}${problem.param ? ` (${problem.param})` : ''}`).join(', ');
	return [
		`browser inferred: ${browser.code}${names}, ${browser.confidence}`,
		`checked from here: ${certain}, certain`,
		`verdict: ${result.verdict}: ${result.why}`,
		...(check ? ['', formatCheckResult(check, options)] : []),
	].join('\n');
}
