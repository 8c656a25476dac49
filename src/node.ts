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
	auditCors,
	craftOrigins,
	FINDINGS,
	formatAuditResult,
	toAuditJSON,
	failsAt,
	SEVERITIES,
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
	AuditCorsOptions,
	AuditExchange,
	AuditFinding,
	AuditJSON,
	AuditResult,
	CraftedOrigin,
	FindingId,
	OriginKind,
	ProbeKind,
	Severity,
} from './node/index.js';
export {startCorsProxy, proxyBanner} from './node/proxy.js';
export type {CorsProxy, CorsProxyOptions} from './node/proxy.js';
export type {CheckedRequest, CredentialsMode, EngineNote, RawResponse, SpecFailure} from './rules/types.js';
