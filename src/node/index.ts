export {checkCors} from './check.js';
export {CheckInputError, type CheckInputErrorCode} from './errors/CheckInputError.js';
export {CheckNetworkError, type CheckNetworkErrorCode, type NetworkFailureKind} from './errors/CheckNetworkError.js';
export {CHROMIUM_CORS_ERRORS, chromiumReasonToCode, type ChromiumCorsErrorInfo, type ChromiumCorsErrorName} from './chromium.js';
export {formatCheckResult, type FormatOptions} from './format.js';
export {toCheckJSON, type CheckJSON} from './json.js';
export {fetchTransport, nodeTransport} from './transport.js';
export type {CheckCorsOptions, CheckResult, Exchange, HeaderInput, Problem, Transport, TransportRequest} from './types.js';
