import type {Diagnosis} from '../core/types.js';

// On globalThis under a registry symbol, so two copies of the library in one page (an app and a dependency each
// bundling cors-doctor) report through the one reporter the app registered. Type imports only: the core loads this.
const KEY = Symbol.for('cors-doctor.reporter');

type Holder = {[KEY]?: (diagnosis: Diagnosis) => void};

/**
Registers the reporter every cors-aware fetch in the page calls after classifying a failure (beside its own
`onDiagnosis`), or removes it with `undefined`. Use `createReporter` for a deduplicated, sampled one.

@example
```
import {createReporter, setReporter} from 'cors-doctor';
setReporter(createReporter({send: event => navigator.sendBeacon('/telemetry', JSON.stringify(event))}));
```
*/
export const setReporter = (reporter: ((diagnosis: Diagnosis) => void) | undefined): void => {
	if (reporter !== undefined && typeof reporter !== 'function') {
		throw new TypeError('The reporter must be a function or undefined');
	}
	(globalThis as Holder)[KEY] = reporter;
};

/** The registered reporter, if any (what the core calls). */
export const getReporter = (): ((diagnosis: Diagnosis) => void) | undefined => (globalThis as Holder)[KEY];
