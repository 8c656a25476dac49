export {corsDoctorIntegration} from './sentry/integration.js';
export type {CorsDoctorIntegration, CorsDoctorIntegrationOptions} from './sentry/integration.js';
export type {SentryEventLike, SentryHintLike} from './sentry/event.js';
