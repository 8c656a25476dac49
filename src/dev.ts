// `cors-doctor/dev`: the development relay for any connect/express dev server (Node only). Its browser side,
// askRelay (src/dev/relay-client.ts), is called by the classifier, never imported from here (this entry uses node:net).
export {corsDoctorRelay, type Middleware, type RelayMiddlewareOptions} from './dev/middleware.js';
export {createRelay, type RelayOptions, type RelayRequest, type RelayResponse} from './dev/relay.js';
export {isLoopbackAddress, LIMITS} from './dev/guards.js';
export {RELAY_PATH, type RelayAnswer, type RelayFinding, type RequestShape} from './dev/relay-types.js';
