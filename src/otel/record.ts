import type {Span} from '@opentelemetry/api';
import {getCorsError, redactUrl} from '../index.js';
import {corsErrorAttributes} from './attributes.js';

// SpanStatusCode.ERROR, inlined so this file needs nothing from @opentelemetry/api at run time.
const ERROR = 2;

/**
Marks `span` as a failed HTTP client call classified by cors-doctor: status ERROR, `error.type` = the code, the HTTP
semantic-convention attributes (`http.request.method`, a redacted `url.full`, `server.address`, `server.port`) and the
diagnosis under `cors_doctor.*`. `error` may be a `CorsError` or wrap one through `cause` (axios, ofetch); anything else
(a `Response`, another error) leaves the span untouched. Returns whether it recorded.

It fits @opentelemetry/instrumentation-fetch's `applyCustomAttributesOnSpan`, which receives the rejection as `result`.

@example
```
import {FetchInstrumentation} from '@opentelemetry/instrumentation-fetch';
import {recordCorsError} from 'cors-doctor/otel';

new FetchInstrumentation({applyCustomAttributesOnSpan: (span, _request, result) => recordCorsError(span, result)});
```
*/
export const recordCorsError = (span: Span, error: unknown): boolean => {
	const cors = getCorsError(error);
	if (!cors || !span) {
		return false;
	}
	const json = cors.toJSON();
	span.setStatus({code: ERROR, message: json.message});
	span.setAttributes(corsErrorAttributes(json));
	// The fetch instrumentation stored the raw URL (query and all) when the span started: under `url.full`, which the
	// line above replaced, or under the old conventions' `http.url`. Only the SDK's spans can be read back.
	const raw = (span as {attributes?: Record<string, unknown>}).attributes?.['http.url'];
	if (typeof raw === 'string') {
		span.setAttribute('http.url', redactUrl(raw) || json.request.url);
	}
	return true;
};
