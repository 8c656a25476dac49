import {classifierSuite} from './support/classifier-suite';

// The classifier, built, in webkit: every case of support/classifier-expectations.ts and the bounded-probing guarantees.
// One file per engine so vitest can run the engines in parallel, each reusing one browser.
classifierSuite('webkit');
