export {recordCorsError} from './otel/record.js';
export {recordOnActiveSpan} from './otel/active-span.js';
export {CORS_DOCTOR_ATTRIBUTES, corsErrorAttributes} from './otel/attributes.js';
