import {spaSuite} from './support/spa-suite';

// Issue 7's SPA proof in chromium: one API origin, many endpoints, a bad deploy at load, then one call after another,
// through the default corsFetch. One file per engine so vitest runs the engines in parallel, one browser each.
spaSuite('chromium');
