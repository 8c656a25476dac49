import type {CorsCode} from '../codes.js';
import {formatHint} from '../errors/describe.js';
import type {Confidence, Hint, Probe, RequestSummary} from '../errors/types.js';

export {developmentFrom, isDevelopment} from './environment.js';

/** The parts of a `CorsError` the console line reads (a `CorsError` or its `toJSON()` both fit). */
export interface PrintableDiagnosis {
	readonly code: CorsCode;
	readonly confidence: Confidence;
	readonly message: string;
	readonly request: Pick<RequestSummary, 'method' | 'url'>;
	readonly evidence: readonly Pick<Probe, 'probe' | 'sent'>[];
	readonly hints: readonly Hint[];
	readonly docsUrl: string;
}

/** The console methods used; injected in tests. */
export type DiagnosisConsole = Pick<Console, 'groupCollapsed' | 'groupEnd' | 'log'>;

/**
Prints one collapsed console group for a diagnosis: the code and the failed request on the group's line, then the fix,
and a note that the other CORS errors the browser printed next to it are cors-doctor's own probes (some name headers the
app never sent), so nobody chases them. Returns whether it printed. Call it only in development (see `isDevelopment`).

@example
```
try {
	await corsFetch(url);
} catch (error) {
	if (isCorsError(error) && isDevelopment()) printDiagnosis(error);
}
// ▸ [cors-doctor] HEADER_NOT_ALLOWED (likely): GET https://api.example.com/items
//     fix: Access-Control-Allow-Headers: x-api-key (on the preflight response)
//     The 4 other CORS errors the browser printed for https://api.example.com/items are cors-doctor's probes (reach, simple, header, control), not more failures of your app.
//     https://unpkg.com/cors-doctor/docs/errors/HEADER_NOT_ALLOWED.md
```
*/
export function printDiagnosis(error: PrintableDiagnosis, target: DiagnosisConsole = console): boolean {
	const {request, evidence, hints} = error;
	target.groupCollapsed(`[cors-doctor] ${error.code} (${error.confidence}): ${request.method} ${request.url}`);
	try {
		target.log(error.message);
		for (const hint of hints) {
			target.log(`fix: ${formatHint(hint)} (on the ${hint.on} response)`);
		}

		// Only probes the browser could log: opaque no-cors probes never print a CORS error.
		const loud = evidence.filter(probe => probe.sent.mode === 'cors');
		if (loud.length > 0) {
			const names = [...new Set(loud.map(probe => probe.sent.header ? `${probe.probe} ${probe.sent.header}` : probe.probe))].join(', ');
			target.log(`The ${loud.length} other CORS error${loud.length === 1 ? '' : 's'} the browser may print for ${request.url} are cors-doctor's own probes (${names}), not more failures of your app.`);
		}

		target.log(error.docsUrl);
	} finally {
		target.groupEnd();
	}

	return true;
}
