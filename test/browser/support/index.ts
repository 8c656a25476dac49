export {launch} from './launch';
export {CHROMIUM_FLAGS} from './chromium';
export {ENGINES, type BrowserSession, type CdpCorsError, type CdpFailure, type Engine} from './session';
export {BINARIES, requireBinary, requireExecutable} from './binaries';
export {FETCH_TIMEOUT_ERROR, FETCH_TYPE_ERROR} from './messages';
