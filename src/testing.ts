// `cors-doctor/testing`: a fetch that enforces CORS like a browser, for users' unit tests. msw stays an optional peer.
export {createCorsEnforcingFetch, ENGINE_MESSAGES} from './testing/index.js';
export type {CorsBlock, CorsEnforcingFetchOptions, CorsTestHandler, Engine, MswHandlers, RequestHandlerFunction} from './testing/index.js';
