export {corsInterceptor, requestOfAxiosConfig, withCorsDiagnosis} from './axios.js';
export type {AxiosInstanceShape, AxiosRequestShape} from './axios.js';
export {unlessCors} from './guard.js';
export {stopCorsRetry} from './ofetch.js';
export {untilCors} from './wretch.js';
