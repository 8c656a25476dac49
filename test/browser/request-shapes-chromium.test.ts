import {requestShapesSuite} from './support/request-shapes-suite';

// Headers unsafe by value, a preflight redirect without CORS and a Basic-auth 401, in chromium (issue 7).
requestShapesSuite('chromium');
