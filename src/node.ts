export {CORS_CODES, CODE_INFO} from './codes';
export type {CorsCode, CodeClass, CodeKind, Phase} from './codes';
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
} from './node/index';
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
} from './node/index';
export type {CheckedRequest, CredentialsMode, EngineNote, RawResponse, SpecFailure} from './spec/types';
