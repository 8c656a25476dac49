// The browser entry: explicit exports only. `sideEffects: false` lets a bundler keep `corsFetch` alone (no ky, no spec
// validation texts) when that is all an app imports.
export {CORS_CODES, CODE_INFO} from './codes';
export type {CorsCode, CodeClass, CodeKind, Phase} from './codes';

export {corsFetch, createCorsFetch} from './core/cors-fetch';
export {diagnose} from './core/diagnose';
export type {CorsFetchOptions, Diagnosis} from './core/types';

export {CorsError} from './errors/CorsError';
export type {CorsErrorInit} from './errors/CorsError';
export {isCorsError, getCorsError} from './errors/is-cors-error';
export {formatHint} from './errors/describe';
export {redactUrl} from './errors/redact';
export type {Confidence, CorsErrorJSON, Hint, Probe, ProbeName, ProbeOutcome, RequestSummary, UndeterminedReason} from './errors/types';

export {createClient} from './client/create-client';
export type {ClientOptions} from './client/create-client';
export {withCors} from './client/with-cors';
export type {ClientCorsOptions} from './client/cors-options';

export {explainRequest} from './spec/explain';
export type {RequestExplanation, PreflightReason, PreflightNote} from './spec/explain';
export type {CredentialsMode} from './spec/types';
