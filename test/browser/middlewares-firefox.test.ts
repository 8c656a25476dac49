import {NODE_BACKENDS} from '../support/middlewares';
import {middlewareSuite} from './support/middleware-suite';

// Real middlewares with their common CORS mistakes in firefox (the four Node backends), one browser and one process per backend.
middlewareSuite('firefox', NODE_BACKENDS);
