import type {CorsCode} from '../codes.js';
import type {CheckResult} from './types.js';

/** The versioned `--json` shape of a check (documented in docs/cli.md). */
export interface CheckJSON extends CheckResult {
	readonly schemaVersion: 1;
	/** The codes of `problems`, in order: what a script usually branches on. */
	readonly codes: readonly CorsCode[];
	/**
	The OPTIONS exchange, or `{skipped: 'not-needed', reasons}` when the request needs no preflight. Absent only when a
	preflight was sent and no response came back (the connection closed): `problems` then holds `PREFLIGHT_NETWORK_ERROR`.
	*/
	readonly preflight?: CheckResult['preflight'];
}

/**
The stable JSON form of a result: the result itself plus `schemaVersion` and the list of codes, in order.
Header values are the dummies the checker sent, never user secrets; redirect locations are redacted (see `redactUrl`).

@example
```
const json = toCheckJSON(await checkCors('https://api.example.com/items', {origin: 'https://app.example.com'}));
if (json.codes.includes('ALLOW_ORIGIN_MISSING')) console.log(JSON.stringify(json, null, 2));
```
*/
export function toCheckJSON(result: CheckResult): CheckJSON {
	return {schemaVersion: 1, ...result, codes: result.problems.map(problem => problem.code)};
}
