import type {CodeClass, CodeKind, CorsCode} from '../src/codes';
import type {ChromiumCorsErrorInfo} from '../src/node/chromium';

/** What the browser side of the lab saw. */
export type BrowserOutcome =
	| {readonly kind: 'success'}
	| {readonly kind: 'cors'; readonly code: CorsCode}
	| {readonly kind: 'error'; readonly name: string};

/** What `checkCors` said from Node for the same request. */
export type NodeOutcome =
	| {readonly kind: 'result'; readonly ok: boolean; readonly codes: readonly CorsCode[]}
	| {readonly kind: 'network'; readonly code: string}
	| {readonly kind: 'refused'; readonly message: string};

/** `agree: null` when the two cannot be compared (the checker does not see what the browser judged). */
export interface Agreement {
	readonly agree: boolean | null;
	readonly why: string;
}

export interface AgreementTables {
	readonly codeInfo: Readonly<Record<string, readonly [CodeClass, CodeKind]>>;
	readonly chromium: Readonly<Record<string, ChromiumCorsErrorInfo>>;
}

/**
Whether the browser's `CorsError` and the Node checker tell the same story. The classifier infers (`ORIGIN_NOT_ALLOWED`)
where the checker reads headers (`ALLOW_ORIGIN_MISMATCH`): they agree when the browser's code is the checker's, or one of
the inferred codes the Chromium mapping lists for one of the checker's exact codes (or for the reason it refines). Pure: the tables come from the build.

@example
```
agreement({kind: 'cors', code: 'ORIGIN_NOT_ALLOWED'}, {kind: 'result', ok: false, codes: ['ALLOW_ORIGIN_MISSING']}, tables);
//=> {agree: true, why: 'ORIGIN_NOT_ALLOWED is what a browser can infer for ALLOW_ORIGIN_MISSING'}
```
*/
export function agreement(browser: BrowserOutcome, node: NodeOutcome, tables: AgreementTables): Agreement {
	if (node.kind === 'refused') {
		return {agree: null, why: `the checker cannot ask: ${node.message}`};
	}

	if (browser.kind === 'cors') {
		const [codeClass] = tables.codeInfo[browser.code] ?? ['unknown'];
		if (codeClass === 'policy' || codeClass === 'misuse') {
			return {agree: null, why: `${browser.code} is about the page or the caller; the checker only reads the server's headers`};
		}

		if (browser.code === 'UNDETERMINED') {
			return {agree: null, why: 'the browser could not decide; the checker\'s answer stands'};
		}

		if (node.kind === 'network') {
			return {agree: false, why: `the checker could not reach the server (${node.code}) while the browser saw a CORS failure`};
		}

		if (node.codes.includes(browser.code)) {
			return {agree: true, why: `both say ${browser.code}`};
		}

		for (const code of node.codes) {
			for (const info of Object.values(tables.chromium)) {
				if ((info.code === code || info.refinedBy?.includes(code)) && info.inferred.includes(browser.code)) {
					return {agree: true, why: `${browser.code} is what a browser can infer for ${code}`};
				}
			}
		}

		return {agree: false, why: node.ok ? `the checker finds no problem, the browser says ${browser.code}` : `the checker says ${node.codes.join(', ')}, the browser ${browser.code}`};
	}

	if (browser.kind === 'success') {
		if (node.kind === 'result' && node.ok) {
			return {agree: true, why: 'both let the request through'};
		}

		return {agree: false, why: node.kind === 'result'
			? `the browser let it through; the spec-exact checker says ${node.codes.join(', ')} (an engine departs from the spec)`
			: `the browser got a response; the checker could not reach the server (${node.code})`};
	}

	if (node.kind === 'network') {
		return {agree: true, why: `not CORS: both fail to get a response (${node.code})`};
	}

	return {agree: false, why: node.ok ? 'the browser failed without CORS while the checker got a good answer' : `the browser failed without a CorsError; the checker says ${node.codes.join(', ')}`};
}
