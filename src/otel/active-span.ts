import {trace} from '@opentelemetry/api';
import type {Diagnosis} from '../index.js';
import {recordCorsError} from './record.js';

/**
An `onDiagnosis` hook that records a classified CORS failure on the span active when the diagnosis arrives (see
`recordCorsError`). In browsers the active span survives the classifier's `await`s only with a context manager that
follows async work (`ZoneContextManager`); without one, prefer instrumentation-fetch's `applyCustomAttributesOnSpan`.

@example
```
import {createCorsFetch} from 'cors-doctor';
import {recordOnActiveSpan} from 'cors-doctor/otel';

const fetch = createCorsFetch({onDiagnosis: recordOnActiveSpan});
await tracer.startActiveSpan('load items', async span => {
	try {
		return await (await fetch('https://api.example.com/items')).json();
	} finally {
		span.end();
	}
});
```
*/
export const recordOnActiveSpan = (diagnosis: Diagnosis): void => {
	try {
		const span = diagnosis?.kind === 'cors' ? trace.getActiveSpan() : undefined;
		if (span) {
			recordCorsError(span, diagnosis.kind === 'cors' ? diagnosis.error : undefined);
		}
	} catch {}
};
