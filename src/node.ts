export {CORS_CODES, CODE_INFO} from './codes';
export type {CorsCode, CodeClass, CodeKind, Phase} from './codes';
