export {CORS_CODES, CODE_INFO} from './codes.js';
export type {CorsCode, CodeClass, CodeKind, Phase} from './codes.js';
export {
	checkCors,
	CheckInputError,
	CheckNetworkError,
	CHROMIUM_CORS_ERRORS,
	chromiumReasonToCode,
	formatCheckResult,
	toCheckJSON,
	fetchTransport,
	nodeTransport,
} from './node/index.js';
export type {
	CheckCorsOptions,
	CheckResult,
	CheckJSON,
	CheckInputErrorCode,
	CheckNetworkErrorCode,
	ChromiumCorsErrorInfo,
	ChromiumCorsErrorName,
	Exchange,
	FormatOptions,
	HeaderInput,
	NetworkFailureKind,
	Problem,
	Transport,
	TransportRequest,
} from './node/index.js';
export type {CheckedRequest, CredentialsMode, EngineNote, RawResponse, SpecFailure, SpecFailureDetails} from './rules/types.js';
