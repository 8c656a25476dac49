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
	replay,
	replayHeaders,
	formatReplayResult,
	toReplayJSON,
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
	ReplayJSON,
	ReplayOptions,
	ReplayResult,
	ReplayVerdict,
} from './node/index.js';
export type {CheckedRequest, CredentialsMode, EngineNote, RawResponse, SpecFailure} from './rules/types.js';
