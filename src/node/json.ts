import type {CheckResult} from './types.js';

/** The versioned `--json` shape of a check (documented in docs/cli.md). */
export interface CheckJSON extends CheckResult {
	readonly schemaVersion: 1;
	readonly codes: readonly string[];
}

/**
The stable JSON form of a result: the result itself plus `schemaVersion` and the list of codes, in order.
Header values are the dummies the checker sent, never user secrets; redirect passwords are redacted.

@example
```
JSON.stringify(toCheckJSON(await checkCors(url, {origin})));
```
*/
export function toCheckJSON(result: CheckResult): CheckJSON {
	return {schemaVersion: 1, ...result, codes: result.problems.map(problem => problem.code)};
}
