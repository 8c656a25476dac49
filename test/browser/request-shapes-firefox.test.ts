import {requestShapesSuite} from './support/request-shapes-suite';

// Headers unsafe by value, a preflight redirect without CORS and a Basic-auth 401, in firefox (issue 7).
requestShapesSuite('firefox');
