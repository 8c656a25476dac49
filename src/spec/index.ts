// The pure, spec-exact CORS core (WHATWG Fetch). No I/O and no Node imports: it ships in the browser bundle.
export {normalizeMethod, isForbiddenMethod, isSafelistedMethod, isValidMethod} from './method';
export {isForbiddenRequestHeader, safelistedHeaderReason, corsUnsafeRequestHeaderNames} from './headers';
export type {HeaderReason} from './headers';
export {explainRequest, checkedRequestOf} from './explain';
export type {PreflightReason, PreflightNote, RequestExplanation} from './explain';
export {originOf, isPotentiallyTrustworthy, addressSpace, isMixedContent} from './origin';
export type {AddressSpace} from './origin';
export {corsCheck} from './cors-check';
export {preflightCheck} from './preflight';
export {exposedHeaderNames, isReadableResponseHeader} from './exposed';
export {checkRedirect, serializeRequestOrigin} from './redirect';
export {getHeader, headerLines, extractTokenList, isHttpToken} from './http';
export type {TokenList} from './http';
export {mimeEssence} from './mime';
export {parseSingleRange, isSimpleRange} from './range';
export type {SingleRange} from './range';
export type {RawResponse, CheckedRequest, SpecFailure, EngineNote, CredentialsMode} from './types';
