// @vitest-environment happy-dom
// The real @opentelemetry/api + sdk-trace-base with an InMemorySpanExporter; CorsErrors from the real classifier
// (createCorsFetch over a fetch that fails like a browser and probes that answer per scenario).
import {SpanStatusCode} from '@opentelemetry/api';
import {afterAll, beforeEach, describe, expect, test} from 'vitest';
import {createCorsFetch} from '../../src/core/cors-fetch';
import {CorsError} from '../../src/errors/CorsError';
import {CORS_DOCTOR_ATTRIBUTES, corsErrorAttributes, recordCorsError, recordOnActiveSpan} from '../../src/otel';
import {fakeFetch, type Scenario} from '../core/fake-fetch';
import {finished, SECRET_URL, SECRETS, serialize, setUpTracing} from './support';
import type {CorsCode} from '../../src/codes';
import {docsUrl} from '../../src/errors/docs-url';

const tracing = setUpTracing();
afterAll(() => tracing.shutDown());
beforeEach(() => {
	tracing.exporter.reset();
});

const fail = async (scenario: Scenario, init: RequestInit = {}, options = {}, url = SECRET_URL): Promise<CorsError> => {
	const error = await createCorsFetch({fetch: fakeFetch(scenario).fetch, ...options})(url, init).catch((error: unknown) => error);
	expect(error).toBeInstanceOf(CorsError);
	return error as CorsError;
};

const expectNoSecrets = (json: string) => {
	for (const secret of SECRETS) {
		expect(json).not.toContain(secret);
	}
};

describe('recordCorsError on a span (real classifier, real SDK)', () => {
	test.each<[string, Scenario, RequestInit, object, string, string, object]>([
		['ORIGIN_NOT_ALLOWED', {simple: 'failed', 'simple-manual': 'failed'}, {}, {}, 'GET', 'allow-origin', {}],
		['HEADER_NOT_ALLOWED', {header: {'x-api-key': 'failed'}}, {headers: {'x-api-key': 'HEADER-SECRET'}}, {}, 'GET', 'preflight', {[CORS_DOCTOR_ATTRIBUTES.names]: ['x-api-key']}],
		['METHOD_NOT_ALLOWED', {}, {method: 'DELETE', body: 'BODY-SECRET'}, {}, 'DELETE', 'preflight', {[CORS_DOCTOR_ATTRIBUTES.names]: ['DELETE']}],
		['CREDENTIALS_NOT_ALLOWED', {credentialed: 'failed'}, {credentials: 'include'}, {}, 'GET', 'credentials', {}],
		['UNDETERMINED', {}, {}, {probes: false}, 'GET', 'unknown', {[CORS_DOCTOR_ATTRIBUTES.reason]: 'probes-disabled'}],
	])('%s', async (code, scenario, init, options, method, codeClass, extra) => {
		const error = await fail(scenario, init, options);
		expect(error.code).toBe(code);
		const alternatives = error.alternatives.map(alternative => alternative.code);
		const span = tracing.tracer.startSpan('HTTP ' + method, {attributes: {'url.full': SECRET_URL}});
		expect(recordCorsError(span, error)).toBe(true);
		span.end();
		const [exported] = finished(tracing.exporter);
		expect(exported!.status).toEqual({code: SpanStatusCode.ERROR, message: error.message});
		expect(exported!.attributes).toEqual({
			'error.type': code,
			'http.request.method': method,
			'url.full': 'https://api.example.com/items',
			'server.address': 'api.example.com',
			'server.port': 443,
			'cors_doctor.code': code,
			'cors_doctor.confidence': error.confidence,
			'cors_doctor.class': codeClass,
			'cors_doctor.kind': code === 'ORIGIN_NOT_ALLOWED' || code === 'CREDENTIALS_NOT_ALLOWED' || code === 'UNDETERMINED' ? 'inferred' : 'exact',
			'cors_doctor.target_origin': 'https://api.example.com',
			'cors_doctor.page_origin': 'http://localhost:3000',
			'cors_doctor.preflight': error.request.preflight,
			'cors_doctor.may_have_run': error.mayHaveRun,
			...alternatives.length > 0 && {'cors_doctor.alternatives': alternatives},
			'cors_doctor.docs_url': docsUrl(code as CorsCode),
			...extra,
		});
		expectNoSecrets(serialize(exported!));
	});

	test('a wrapped CorsError (cause chain) is found; a Response or another error leaves the span alone', async () => {
		const error = await fail({simple: 'failed', 'simple-manual': 'failed'});
		const span = tracing.tracer.startSpan('wrapped');
		expect(recordCorsError(span, new Error('[GET] wrapper', {cause: error}))).toBe(true);
		const untouched = tracing.tracer.startSpan('untouched');
		expect(recordCorsError(untouched, new Response('ok'))).toBe(false);
		expect(recordCorsError(untouched, new TypeError('Failed to fetch'))).toBe(false);
		expect(recordCorsError(untouched, undefined)).toBe(false);
		span.end();
		untouched.end();
		expect(finished(tracing.exporter, 'wrapped')[0]!.attributes['error.type']).toBe('ORIGIN_NOT_ALLOWED');
		const [left] = finished(tracing.exporter, 'untouched');
		expect(left!.status.code).toBe(SpanStatusCode.UNSET);
		expect(left!.attributes).toEqual({});
	});

	test('the raw URL under the old conventions\' http.url is replaced by the redacted one', async () => {
		const error = await fail({simple: 'failed', 'simple-manual': 'failed'});
		const span = tracing.tracer.startSpan('old semconv', {attributes: {'http.url': SECRET_URL, 'http.method': 'GET'}});
		recordCorsError(span, error);
		span.end();
		const [exported] = finished(tracing.exporter);
		expect(exported!.attributes['http.url']).toBe('https://api.example.com/items');
		expectNoSecrets(serialize(exported!));
	});
});

describe('semantic conventions details', () => {
	const json = (method: string, targetOrigin: string) => new CorsError({code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely', request: {
		method, url: targetOrigin + '/x', pageOrigin: 'https://app.example.com', targetOrigin, mode: 'cors', credentials: 'omit', preflight: false, triggers: [],
	}}).toJSON();

	test('unknown and lowercase methods are _OTHER with the original kept', () => {
		expect(corsErrorAttributes(json('patch', 'https://a.example'))).toMatchObject({'http.request.method': '_OTHER', 'http.request.method_original': 'patch'});
		expect(corsErrorAttributes(json('PROPFIND', 'https://a.example'))).toMatchObject({'http.request.method': '_OTHER', 'http.request.method_original': 'PROPFIND'});
		expect(corsErrorAttributes(json('PATCH', 'https://a.example'))).not.toHaveProperty('http.request.method_original');
		expect(corsErrorAttributes(json('QUERY', 'https://a.example'))).toMatchObject({'http.request.method': 'QUERY'});
	});

	test('server.address and server.port from the target origin (explicit port, http default, IPv6)', () => {
		expect(corsErrorAttributes(json('GET', 'http://127.0.0.1:8080'))).toMatchObject({'server.address': '127.0.0.1', 'server.port': 8080});
		expect(corsErrorAttributes(json('GET', 'http://api.example.com'))).toMatchObject({'server.port': 80});
		expect(corsErrorAttributes(json('GET', 'http://[::1]:3000'))).toMatchObject({'server.address': '::1', 'server.port': 3000});
	});

	test('may_have_run comes from the verdict, and is left out for events serialized before it existed', () => {
		const base = json('GET', 'https://a.example');
		expect(corsErrorAttributes({...base, mayHaveRun: false})).toMatchObject({'cors_doctor.may_have_run': false});
		const {mayHaveRun: _, alternatives: __, ...old} = base;
		const attributes = corsErrorAttributes(old as never);
		expect(attributes).not.toHaveProperty('cors_doctor.may_have_run');
		expect(attributes).not.toHaveProperty('cors_doctor.alternatives');
		expect(attributes).toMatchObject({'error.type': 'ORIGIN_NOT_ALLOWED'});
	});
});

describe('recordOnActiveSpan (an onDiagnosis hook)', () => {
	test('records on the span active around the request, through the classifier\'s awaits', async () => {
		const fetch = createCorsFetch({fetch: fakeFetch({header: {'x-api-key': 'failed'}}).fetch, onDiagnosis: recordOnActiveSpan});
		const error = await tracing.tracer.startActiveSpan('load items', async span => {
			try {
				return await fetch(SECRET_URL, {headers: {'x-api-key': 'HEADER-SECRET'}}).catch((error: unknown) => error);
			} finally {
				span.end();
			}
		});
		expect(error).toBeInstanceOf(CorsError);
		const [exported] = finished(tracing.exporter, 'load items');
		expect(exported!.attributes).toMatchObject({'error.type': 'HEADER_NOT_ALLOWED', 'cors_doctor.may_have_run': (error as CorsError).mayHaveRun, 'url.full': 'https://api.example.com/items'});
		expect(exported!.status.code).toBe(SpanStatusCode.ERROR);
		expectNoSecrets(serialize(exported!));
	});

	test('without an active span, or for a network failure, it does nothing and never throws', async () => {
		expect(() => recordOnActiveSpan({kind: 'cors', error: {} as never})).not.toThrow();
		await tracing.tracer.startActiveSpan('network', async span => {
			recordOnActiveSpan({kind: 'network', reason: 'unreachable', evidence: []});
			recordOnActiveSpan(undefined as never);
			span.end();
		});
		expect(finished(tracing.exporter, 'network')[0]!.attributes).toEqual({});
	});
});
