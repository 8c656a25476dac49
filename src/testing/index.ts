export {createCorsEnforcingFetch} from './enforcing-fetch.js';
export type {CorsBlock, CorsEnforcingFetchOptions} from './enforcing-fetch.js';
export {ENGINE_MESSAGES} from './engine.js';
export type {Engine} from './engine.js';
export type {CorsTestHandler, MswHandlers, RequestHandlerFunction} from './handler.js';
