// The telemetry entries as an app ships them: the built dist/ bundled by esbuild with the real @sentry/browser and
// @opentelemetry/* packages, in headless Chromium, against real CORS failures from the scenario server. Sentry keeps
// its envelopes in an in-memory transport and OpenTelemetry its spans in an InMemorySpanExporter: nothing leaves the page.
import {resolve} from 'node:path';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {type ScenarioServer, startScenarioServer} from '../support/scenario-server';
import {type BrowserSession, launch} from './support';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRETS = ['QUERY-SECRET', 'FRAGMENT-SECRET', 'HEADER-SECRET', 'BODY-SECRET', 'token='];

// Real CORS failures with a secret in the query, the fragment, a header value and the body.
const CASES = [
	{scenario: 'allow-origin-missing', init: {}, code: 'ORIGIN_NOT_ALLOWED', method: 'GET', codeClass: 'allow-origin'},
	{scenario: 'header-not-allowed', init: {headers: {'x-api-key': 'HEADER-SECRET'}}, code: 'HEADER_NOT_ALLOWED', method: 'GET', codeClass: 'preflight'},
	{scenario: 'method-not-allowed-any-header', init: {method: 'PUT', body: 'BODY-SECRET'}, code: 'METHOD_NOT_ALLOWED', method: 'PUT', codeClass: 'preflight'},
	{scenario: 'wildcard-with-credentials', init: {credentials: 'include'}, code: 'CREDENTIALS_NOT_ALLOWED', method: 'GET', codeClass: 'credentials'},
] as const;

let server: ScenarioServer | undefined;
let session: BrowserSession | undefined;

const requests = () => CASES.map(entry => ({url: `${server!.url(entry.scenario)}?token=QUERY-SECRET#FRAGMENT-SECRET`, init: entry.init}));

beforeAll(async () => {
	const bundle = await build({
		stdin: {
			contents: `
				export * as Sentry from '@sentry/browser';
				export {BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor} from '@opentelemetry/sdk-trace-base';
				export {registerInstrumentations} from '@opentelemetry/instrumentation';
				export {FetchInstrumentation} from '@opentelemetry/instrumentation-fetch';
				export {createCorsFetch} from './dist/index.js';
				export {corsDoctorIntegration} from './dist/sentry.js';
				export {recordCorsError} from './dist/otel.js';`,
			resolveDir: ROOT,
			loader: 'js',
		},
		bundle: true,
		format: 'esm',
		platform: 'browser',
		target: 'es2022',
		write: false,
		logLevel: 'silent',
	});
	server = await startScenarioServer();
	server.serve('/telemetry.js', {type: 'text/javascript', body: bundle.outputFiles[0]!.contents});
	session = await launch('chromium');
});

afterAll(async () => {
	await Promise.allSettled([session?.close(), server?.close()]);
});

type Json = Record<string, any>;

describe('Sentry (@sentry/browser + cors-doctor/sentry, real Chromium)', () => {
	let result: {codes: string[]; confidences: string[]; bodies: string[]; plain: string};
	const events = (): Json[] => result.bodies.flatMap(body => {
		const lines = body.split('\n').filter(Boolean).map(line => JSON.parse(line) as Json);
		return lines.flatMap((line, i) => line.type === 'event' ? [lines[i + 1]!] : []);
	});

	beforeAll(async () => {
		await session!.goto(`${server!.page}/`);
		result = await session!.evaluate(`async ({requests, plainUrl}) => {
			const m = await import('/telemetry.js');
			const bodies = [];
			m.Sentry.init({
				dsn: 'http://public@127.0.0.1:9/1',
				integrations: [m.corsDoctorIntegration()],
				transport: options => m.Sentry.createTransport(options, async request => {
					bodies.push(typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body));
					return {statusCode: 200};
				}),
			});
			// Resolves the page's fetch at call time: Sentry's instrumented one, as in an app.
			const fetch = m.createCorsFetch();
			const codes = [];
			const confidences = [];
			for (const {url, init} of requests) {
				try {
					await fetch(url, init);
					codes.push('resolved');
				} catch (error) {
					codes.push(error.code);
					confidences.push(error.confidence);
					m.Sentry.captureException(error);
				}
			}
			// A failure cors-doctor never saw: the plain TypeError, its message rewritten by Sentry.
			let plain = 'resolved';
			try {
				await globalThis.fetch(plainUrl);
			} catch (error) {
				plain = error.message;
				m.Sentry.captureException(error);
			}
			await m.Sentry.flush(5000);
			return {codes, confidences, bodies, plain};
		}`, {requests: requests(), plainUrl: `${server!.url('allow-origin-missing')}?token=QUERY-SECRET`});
	});

	test('the classifier saw each real failure', () => {
		expect(result.codes).toEqual(CASES.map(entry => entry.code));
	});

	test.each(CASES.map(entry => [entry.code, entry] as const))('%s: fingerprint, tags and cors context', (code, entry) => {
		const event = events().find(candidate => candidate.tags?.['cors.code'] === code);
		expect(event).toBeDefined();
		expect(event!.fingerprint).toEqual(['CorsError', code, entry.method, server!.api]);
		expect(event!.tags).toMatchObject({'cors.confidence': result.confidences[CASES.indexOf(entry)], 'cors.class': entry.codeClass, 'cors.target_origin': server!.api});
		expect(event!.contexts.cors).toMatchObject({code, method: entry.method, url: server!.url(entry.scenario), targetOrigin: server!.api, pageOrigin: server!.page});
		expect(event!.exception.values.at(-1)).toMatchObject({type: 'CorsError'});
	});

	test('Chromium\'s plain "Failed to fetch", rewritten by Sentry with the host, is grouped as cors.unclassified', () => {
		const host = new URL(server!.api).host;
		expect(result.plain).toBe(`Failed to fetch (${host})`);
		const event = events().find(candidate => candidate.tags?.['cors.unclassified'] === 'true');
		expect(event?.fingerprint).toEqual(['cors-doctor', 'unclassified-fetch-failure', host]);
		expect(event?.tags['cors.target_host']).toBe(host);
	});

	test('nothing sensitive in anything Sentry would send (fetch breadcrumbs included)', () => {
		const wire = result.bodies.join('\n');
		expect(events()).toHaveLength(CASES.length + 1);
		expect(wire).toContain('"category":"fetch"');
		for (const secret of SECRETS) {
			expect(wire).not.toContain(secret);
		}
	});
});

describe('OpenTelemetry (instrumentation-fetch + cors-doctor/otel, real Chromium)', () => {
	let result: {codes: string[]; confidences: string[]; ran: boolean[]; spans: Json[]};

	beforeAll(async () => {
		await session!.goto(`${server!.page}/`);
		result = await session!.evaluate(`async ({requests}) => {
			const m = await import('/telemetry.js');
			const exporter = new m.InMemorySpanExporter();
			const provider = new m.BasicTracerProvider({spanProcessors: [new m.SimpleSpanProcessor(exporter)]});
			// The cors-aware fetch becomes the page's fetch over the native one, then the instrumentation wraps it.
			globalThis.fetch = m.createCorsFetch({fetch: globalThis.fetch.bind(globalThis)});
			m.registerInstrumentations({tracerProvider: provider, instrumentations: [new m.FetchInstrumentation({
				applyCustomAttributesOnSpan: (span, _request, result) => m.recordCorsError(span, result),
			})]});
			const codes = [];
			const ran = [];
			const confidences = [];
			for (const {url, init} of requests) {
				try {
					await fetch(url, init);
					codes.push('resolved');
				} catch (error) {
					codes.push(error.code);
					confidences.push(error.confidence);
					ran.push(error.mayHaveRun);
				}
			}
			for (let i = 0; i < 100 && exporter.getFinishedSpans().filter(span => span.kind === 2).length < requests.length; i++) {
				await new Promise(resolve => setTimeout(resolve, 50));
			}
			const spans = exporter.getFinishedSpans().map(span => ({name: span.name, kind: span.kind, attributes: span.attributes, status: span.status, events: span.events}));
			return {codes, confidences, ran, spans: JSON.parse(JSON.stringify(spans))};
		}`, {requests: requests()});
	});

	test('one client span per request, and no probe spans (the probes use the native fetch underneath)', () => {
		expect(result.codes).toEqual(CASES.map(entry => entry.code));
		// SpanKind.CLIENT = 2; instrumentation-fetch may add internal "CORS Preflight" child spans from resource timing.
		expect(result.spans.filter(span => span.kind === 2)).toHaveLength(CASES.length);
	});

	test.each(CASES.map(entry => [entry.code, entry] as const))('%s: an error span with error.type, semconv and cors_doctor attributes', (code, entry) => {
		const span = result.spans.find(candidate => candidate.attributes['error.type'] === code);
		expect(span).toBeDefined();
		expect(span!.status.code).toBe(2); // SpanStatusCode.ERROR
		const {hostname, port} = new URL(server!.api);
		expect(span!.attributes).toMatchObject({
			'http.request.method': entry.method,
			'url.full': server!.url(entry.scenario),
			'server.address': hostname,
			'server.port': Number(port),
			'cors_doctor.code': code,
			'cors_doctor.class': entry.codeClass,
			'cors_doctor.confidence': result.confidences[CASES.indexOf(entry)],
			'cors_doctor.target_origin': server!.api,
			'cors_doctor.page_origin': server!.page,
			'cors_doctor.may_have_run': result.ran[CASES.indexOf(entry)],
		});
	});

	test('nothing sensitive in any exported span', () => {
		const json = JSON.stringify(result.spans);
		for (const secret of SECRETS) {
			expect(json).not.toContain(secret);
		}
	});
});
