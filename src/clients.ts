// `cors-doctor/clients`: small adapters for axios, ofetch, wretch and up-fetch. They take each library's own objects and
// import none of them, so no client becomes a dependency; the core entry never imports this file.
export {corsInterceptor, requestOfAxiosConfig, stopCorsRetry, unlessCors, untilCors, withCorsDiagnosis} from './clients/index.js';
export type {AxiosInstanceShape, AxiosRequestShape} from './clients/index.js';
