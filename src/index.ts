// The browser entry: explicit exports only. `sideEffects: false` lets a bundler keep `corsFetch` alone (no ky, no spec
// validation texts) when that is all an app imports.
export {CORS_CODES, CODE_INFO} from './codes.js';
export type {CorsCode, CodeClass, CodeKind, Phase} from './codes.js';

export {corsFetch, createCorsFetch} from './core/cors-fetch.js';
export {diagnose} from './core/diagnose.js';
export type {CorsFetchOptions, Diagnosis} from './core/types.js';

export {CorsError} from './errors/CorsError.js';
export type {CorsErrorInit, CorsErrorOf} from './errors/CorsError.js';
export {isCorsError, getCorsError} from './errors/is-cors-error.js';
export {formatHint} from './errors/describe.js';

export {createReporter} from './report/reporter.js';
export type {Reporter, ReporterOptions, ReportEvent} from './report/reporter.js';
export {setReporter} from './report/global.js';
export {redactUrl, setRedaction} from './errors/redact.js';
export type {SegmentRule} from './errors/redact.js';
export type {
	Alternative,
	Confidence,
	CorsErrorBase,
	CorsErrorDetail,
	CorsErrorDetails,
	CorsErrorFields,
	CorsErrorJSON,
	Hint,
	Probe,
	ProbeName,
	ProbeOutcome,
	RequestSummary,
	UndeterminedReason,
} from './errors/types.js';

export {createClient} from './client/create-client.js';
export type {ClientOptions} from './client/create-client.js';
export {withCors} from './client/with-cors.js';
export type {ClientCorsOptions} from './client/client-fetch.js';

export {explainRequest} from './rules/explain.js';
export type {RequestExplanation, PreflightReason, PreflightNote} from './rules/explain.js';
export type {CredentialsMode} from './rules/types.js';
