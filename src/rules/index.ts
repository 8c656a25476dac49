// The pure, spec-exact CORS core (WHATWG Fetch). No I/O and no Node imports: it ships in the browser bundle.
export {normalizeMethod, isForbiddenMethod, isSafelistedMethod} from './method.js';
export {isForbiddenRequestHeader, safelistedHeaderReason, corsUnsafeRequestHeaderNames} from './headers.js';
export type {HeaderReason} from './headers.js';
export {explainRequest, checkedRequestOf} from './explain.js';
export type {PreflightReason, PreflightNote, RequestExplanation} from './explain.js';
export {originOf, isPotentiallyTrustworthy, addressSpace, isMixedContent} from './origin.js';
export type {AddressSpace} from './origin.js';
export {corsCheck} from './cors-check.js';
export {preflightCheck} from './preflight.js';
export {exposedHeaderNames, isReadableResponseHeader, unexposedHeaders} from './exposed.js';
export {checkRedirect, isRedirectStatus, serializeRequestOrigin} from './redirect.js';
export {getHeader, headerLines, extractTokenList, isHttpToken} from './http.js';
export type {TokenList} from './http.js';
export {mimeEssence} from './mime.js';
export {parseSingleRange, isSimpleRange} from './range.js';
export type {SingleRange} from './range.js';
export type {RawResponse, CheckedRequest, SpecFailure, EngineNote, CredentialsMode} from './types.js';
