// cors-doctor/server: observe the CORS exchanges an app really has, and log the requests browsers will reject.
// Never imported by the browser entry; no node: imports (Hono runs it on workers); it changes no response.
export {createCorsObserver, type CorsObserver} from './server/observer.js';
export {inspectExchange, isPreflight} from './server/inspect.js';
export {readCorsRequest, type HeaderGetter} from './server/request.js';
export {formatReport} from './server/format.js';
export {observeNode, nodeObserver, type NodeObserver, type NodeRequestLike, type NodeResponseLike} from './server/adapters/node.js';
export {expressObserver, type ExpressObserver} from './server/adapters/express.js';
export {fastifyObserver, type FastifyObserver, type FastifyLike} from './server/adapters/fastify.js';
export {koaObserver, type KoaObserver} from './server/adapters/koa.js';
export {honoObserver, type HonoObserver, type HonoContextLike} from './server/adapters/hono.js';
export type {ObserverInput} from './server/adapters/resolve.js';
export type {CorsObserverOptions, CorsObserverStats, CorsReport, ObservedRequest, PermissiveReport, RejectionReport} from './server/types.js';
export type {FindingId, Severity} from './node/audit/types.js';
