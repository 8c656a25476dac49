// `cors-doctor/playwright`: Chromium's own CORS reasons as cors-doctor codes, for end-to-end tests (Node only).
export {watchCorsErrors, type ChromiumPage, type CorsFailure, type CorsWatcher} from './playwright/watch.js';
export {CHROMIUM_CORS_ERRORS, chromiumReasonToCode} from './node/chromium.js';
