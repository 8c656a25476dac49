export {checkCors} from './check';
export {CheckInputError, type CheckInputErrorCode} from './errors/CheckInputError';
export {CheckNetworkError, type CheckNetworkErrorCode, type NetworkFailureKind} from './errors/CheckNetworkError';
export {CHROMIUM_CORS_ERRORS, chromiumReasonToCode, type ChromiumCorsErrorInfo, type ChromiumCorsErrorName} from './chromium';
export {formatCheckResult, type FormatOptions} from './format';
export {toCheckJSON, type CheckJSON} from './json';
export {fetchTransport, nodeTransport} from './transport';
export type {CheckCorsOptions, CheckResult, Exchange, HeaderInput, Problem, Transport, TransportRequest} from './types';
