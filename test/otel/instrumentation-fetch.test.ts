// @vitest-environment happy-dom
// The real @opentelemetry/instrumentation-fetch over a cors-aware fetch: the span covers the whole call, classification
// included, so `applyCustomAttributesOnSpan` receives the CorsError itself and recordCorsError marks the span.
import {SpanStatusCode} from '@opentelemetry/api';
import {registerInstrumentations} from '@opentelemetry/instrumentation';
import {FetchInstrumentation} from '@opentelemetry/instrumentation-fetch';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {createCorsFetch} from '../../src/core/cors-fetch';
import {CorsError} from '../../src/errors/CorsError';
import {recordCorsError} from '../../src/otel';
import {corsResponse, fakeFetch, type Scenario} from '../core/fake-fetch';
import {finished, SECRET_URL, SECRETS, serialize, setUpTracing} from './support';

const tracing = setUpTracing();
const realFetch = globalThis.fetch;
let scenario: Scenario = {};
let succeed = false;
let unregister: () => void;
const seen: unknown[] = [];

// instrumentation-fetch ends a span 300 ms after the call settles (it waits for resource timings).
const settle = async (count: number) => {
	for (let i = 0; i < 100 && finished(tracing.exporter).length < count; i++) {
		await new Promise(resolve => setTimeout(resolve, 50));
	}
};

beforeAll(() => {
	// The page's fetch is cors-aware, over the "browser" fetch (the fake) it captured; the instrumentation then wraps it.
	globalThis.fetch = createCorsFetch({fetch: (input, init) => fakeFetch(scenario, async () => {
		if (succeed) {
			return corsResponse();
		}
		throw new TypeError('Failed to fetch');
	}).fetch(input, init)});
	unregister = registerInstrumentations({
		tracerProvider: tracing.provider,
		instrumentations: [new FetchInstrumentation({
			applyCustomAttributesOnSpan: (span, _request, result) => {
				seen.push(result);
				recordCorsError(span, result);
			},
		})],
	});
});

afterAll(async () => {
	unregister();
	globalThis.fetch = realFetch;
	await tracing.shutDown();
});

test.each<[string, Scenario, RequestInit, string]>([
	['ORIGIN_NOT_ALLOWED', {simple: 'failed', 'simple-manual': 'failed'}, {}, 'GET'],
	['HEADER_NOT_ALLOWED', {header: {'x-api-key': 'failed'}}, {headers: {'x-api-key': 'HEADER-SECRET'}}, 'GET'],
	['METHOD_NOT_ALLOWED', {}, {method: 'PUT', body: 'BODY-SECRET'}, 'PUT'],
])('%s: the fetch span carries error.type, the diagnosis and only the redacted URL', async (code, s, init, method) => {
	tracing.exporter.reset();
	seen.length = 0;
	scenario = s;
	const error = await globalThis.fetch(SECRET_URL, init).catch((error: unknown) => error);
	expect(error).toBeInstanceOf(CorsError);
	expect((error as CorsError).code).toBe(code);
	await settle(1);
	// One span: the probes went to the captured fetch underneath, not through the instrumentation.
	const spans = finished(tracing.exporter);
	expect(spans).toHaveLength(1);
	expect(seen).toEqual([error]);
	const [span] = spans;
	expect(span!.status.code).toBe(SpanStatusCode.ERROR);
	expect(span!.attributes).toMatchObject({
		'error.type': code,
		'http.request.method': method,
		'url.full': 'https://api.example.com/items',
		'server.address': 'api.example.com',
		'cors_doctor.code': code,
		'cors_doctor.class': code === 'ORIGIN_NOT_ALLOWED' ? 'allow-origin' : 'preflight',
		'cors_doctor.target_origin': 'https://api.example.com',
	});
	const json = serialize(span!);
	for (const secret of SECRETS) {
		expect(json).not.toContain(secret);
	}
});

test('a successful call is left as the instrumentation made it', async () => {
	tracing.exporter.reset();
	succeed = true;
	try {
		const response = await globalThis.fetch('https://api.example.com/items');
		expect(response.type).toBe('cors');
		await settle(1);
		const [span] = finished(tracing.exporter);
		expect(span!.status.code).toBe(SpanStatusCode.UNSET);
		expect(span!.attributes['error.type']).toBeUndefined();
		expect(Object.keys(span!.attributes).filter(key => key.startsWith('cors_doctor.'))).toEqual([]);
	} finally {
		succeed = false;
	}
});
