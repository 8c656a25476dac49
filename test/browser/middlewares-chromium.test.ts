import {DEBIAN_BACKENDS, NODE_BACKENDS} from '../support/middlewares';
import {middlewareSuite} from './support/middleware-suite';

// Real middlewares with their common CORS mistakes in chromium (all seven backends), one browser and one process per backend.
middlewareSuite('chromium', [...NODE_BACKENDS, ...DEBIAN_BACKENDS]);
