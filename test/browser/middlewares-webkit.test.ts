import {NODE_BACKENDS} from '../support/middlewares';
import {middlewareSuite} from './support/middleware-suite';

// Real middlewares with their common CORS mistakes in webkit (the four Node backends), one browser and one process per backend.
middlewareSuite('webkit', NODE_BACKENDS);
