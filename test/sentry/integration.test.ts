// @vitest-environment happy-dom
// The real @sentry/browser, with an in-memory transport (createTransport over a function that keeps the serialized
// envelope): what these tests read is exactly what Sentry would send. No request leaves the process.
import * as Sentry from '@sentry/browser';
import {createFetch} from 'ofetch';
import {afterAll, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {createCorsFetch} from '../../src/core/cors-fetch';
import {CorsError} from '../../src/errors/CorsError';
import {corsDoctorIntegration} from '../../src/sentry';
import {fakeFetch, type Scenario} from '../core/fake-fetch';
import type {CorsCode} from '../../src/codes';
import {docsUrl} from '../../src/errors/docs-url';

// Everything here is a secret that must never appear in what Sentry sends.
const SECRETS = ['QUERY-SECRET', 'FRAGMENT-SECRET', 'alice', 'pa55word', 'HEADER-SECRET', 'BODY-SECRET', 'COOKIE-SECRET', 'token='];
const URL_ = 'https://alice:pa55word@api.example.com/items?token=QUERY-SECRET#FRAGMENT-SECRET';

type Json = Record<string, any>;
const bodies: string[] = [];

// The page's fetch as Sentry sees it: Sentry.init wraps whatever globalThis.fetch is, so a dispatcher sits there and
// each test picks what the "browser" does underneath.
let underlying: typeof globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
const realFetch = globalThis.fetch;

const events = (): Json[] => bodies.flatMap(body => {
	const lines = body.split('\n').filter(Boolean).map(line => JSON.parse(line) as Json);
	return lines.flatMap((line, i) => line.type === 'event' ? [lines[i + 1]!] : []);
});

const capture = async (error: unknown): Promise<Json> => {
	bodies.length = 0;
	Sentry.captureException(error);
	await Sentry.flush(2000);
	const all = events();
	expect(all).toHaveLength(1);
	return all[0]!;
};

const expectNoSecrets = () => {
	const wire = bodies.join('\n');
	expect(wire.length).toBeGreaterThan(0);
	for (const secret of SECRETS) {
		expect(wire).not.toContain(secret);
	}
};

beforeAll(() => {
	globalThis.fetch = ((input, init) => underlying(input, init)) as typeof globalThis.fetch;
	Sentry.init({
		dsn: 'http://public@127.0.0.1:9/1',
		integrations: [corsDoctorIntegration()],
		transport: options => Sentry.createTransport(options, async request => {
			bodies.push(typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body));
			return {statusCode: 200};
		}),
	});
});

afterAll(async () => {
	await Sentry.close(2000);
	globalThis.fetch = realFetch;
});

beforeEach(() => {
	Sentry.getIsolationScope().clearBreadcrumbs();
	Sentry.getCurrentScope().clearBreadcrumbs();
});

/** A failed request through createCorsFetch (the real classifier) over Sentry's instrumented fetch. */
const failWith = async (scenario: Scenario, init: RequestInit = {}, options = {}): Promise<CorsError> => {
	underlying = fakeFetch(scenario).fetch;
	const error = await createCorsFetch(options)(URL_, init).catch((error: unknown) => error);
	expect(error).toBeInstanceOf(CorsError);
	return error as CorsError;
};

describe('CorsError events (real classifier, real Sentry)', () => {
	test.each<[string, Scenario, RequestInit, object, string, string, string]>([
		['ORIGIN_NOT_ALLOWED', {simple: 'failed', 'simple-manual': 'failed'}, {}, {}, 'GET', 'likely', 'allow-origin'],
		['HEADER_NOT_ALLOWED', {header: {'x-api-key': 'failed'}}, {headers: {'x-api-key': 'HEADER-SECRET', cookie: 'COOKIE-SECRET'}}, {}, 'GET', 'likely', 'preflight'],
		['CREDENTIALS_NOT_ALLOWED', {credentialed: 'failed'}, {credentials: 'include'}, {}, 'GET', 'likely', 'credentials'],
		['METHOD_NOT_ALLOWED', {}, {method: 'PUT', body: '{"password":"BODY-SECRET"}', headers: {'content-type': 'application/json'}}, {}, 'PUT', 'possible', 'preflight'],
		['MIXED_CONTENT', {}, {}, {pageOrigin: 'https://app.example.com'}, 'GET', 'certain', 'policy'],
	])('%s: fingerprint, tags, cors context; nothing sensitive on the wire', async (code, scenario, init, options, method, confidence, codeClass) => {
		const url = code === 'MIXED_CONTENT' ? URL_.replace('https:', 'http:') : URL_;
		underlying = fakeFetch(scenario).fetch;
		const error = await createCorsFetch(options)(url, init).catch((error: unknown) => error) as CorsError;
		expect(error).toBeInstanceOf(CorsError);
		expect(error.code).toBe(code);
		const origin = code === 'MIXED_CONTENT' ? 'http://api.example.com' : 'https://api.example.com';

		const event = await capture(error);
		expect(event.fingerprint).toEqual(['CorsError', code, method, origin]);
		expect(event.tags).toMatchObject({'cors.code': code, 'cors.confidence': confidence, 'cors.class': codeClass, 'cors.target_origin': origin});
		expect(event.contexts.cors).toMatchObject({
			schemaVersion: 2, code, confidence, class: codeClass, method, url: `${origin}/items`, targetOrigin: origin,
			docsUrl: docsUrl(code as CorsCode),
		});
		// Flattened so Sentry's depth-3 normalization keeps it readable: evidence and hints are lines, not [Object].
		expect(JSON.stringify(event.contexts.cors)).not.toContain('[Object]');
		expect(event.contexts.cors.evidence).toHaveLength(error.evidence.length);
		expect(event.contexts.cors.alternatives).toEqual(error.alternatives.map(alternative => `${alternative.code}: ${alternative.tellsApart} (check: ${alternative.check})`));
		expect(event.contexts.cors.mayHaveRun).toBe(error.mayHaveRun);
		const top = event.exception.values.at(-1);
		expect(top).toMatchObject({type: 'CorsError', value: error.message});
		expectNoSecrets();
	});

	test('the evidence and hints read as one line each', async () => {
		const error = await failWith({header: {'x-api-key': 'failed'}}, {headers: {'x-api-key': 'HEADER-SECRET'}});
		const event = await capture(error);
		expect(event.contexts.cors.evidence).toContain('reach GET no-cors omit -> opaque (' + error.evidence.find(p => p.probe === 'reach')!.ms + ' ms)');
		expect(event.contexts.cors.evidence.some((line: string) => line.startsWith('header GET cors omit x-api-key -> failed'))).toBe(true);
		expect(event.contexts.cors.hints).toContain('Access-Control-Allow-Headers: x-api-key (on preflight)');
		expect(event.contexts.cors.names).toEqual(['x-api-key']);
	});

	test('Sentry saw the raw TypeError on its way (message rewritten, breadcrumb with the raw URL): both end up redacted', async () => {
		const error = await failWith({simple: 'failed', 'simple-manual': 'failed'});
		// Sentry's fetch instrumentation appended the host to the platform error cors-doctor keeps as `cause`.
		expect((error.cause as Error).message).toBe('Failed to fetch (api.example.com)');
		const event = await capture(error);
		const crumbs = (event.breadcrumbs as Json[]).filter(crumb => crumb.category === 'fetch');
		expect(crumbs.length).toBeGreaterThan(0);
		expect(crumbs.every(crumb => crumb.data.url === 'https://api.example.com/items')).toBe(true);
		// The linked cause is in the event too, under its own (host-only) message.
		expect(event.exception.values.map((value: Json) => value.value)).toContain('Failed to fetch (api.example.com)');
		expectNoSecrets();
	});

	test('found through a wrapper\'s cause chain (ofetch FetchError), whose message with the raw URL is redacted', async () => {
		underlying = fakeFetch({simple: 'failed', 'simple-manual': 'failed'}).fetch;
		const ofetch = createFetch({fetch: createCorsFetch()});
		const error = await ofetch(URL_, {retry: 0}).catch((error: unknown) => error) as Error;
		expect(error.name).toBe('FetchError');
		expect(error.message).toContain('QUERY-SECRET');
		const event = await capture(error);
		expect(event.fingerprint).toEqual(['CorsError', 'ORIGIN_NOT_ALLOWED', 'GET', 'https://api.example.com']);
		expect(event.tags['cors.code']).toBe('ORIGIN_NOT_ALLOWED');
		expect(event.exception.values.at(-1).type).toBe('FetchError');
		expect(event.exception.values.at(-1).value).toContain('https://api.example.com/items');
		expectNoSecrets();
	});
});

describe('plain fetch TypeErrors (no cors-doctor in the path)', () => {
	test.each([
		['Chromium', 'Failed to fetch'],
		['Firefox', 'NetworkError when attempting to fetch resource.'],
		['WebKit', 'Load failed'],
	])('%s: Sentry rewrites "%s" with the host; tagged cors.unclassified, grouped per host', async (_, message) => {
		underlying = () => Promise.reject(new TypeError(message));
		const error = await globalThis.fetch('https://api.example.com/items?token=QUERY-SECRET').catch((error: unknown) => error) as Error;
		expect(error.message).toBe(`${message} (api.example.com)`);
		const event = await capture(error);
		expect(event.fingerprint).toEqual(['cors-doctor', 'unclassified-fetch-failure', 'api.example.com']);
		expect(event.tags).toMatchObject({'cors.unclassified': 'true', 'cors.target_host': 'api.example.com'});
		expect(event.tags['cors.code']).toBeUndefined();
		expectNoSecrets();
	});

	test('wrapped by a client (ky\'s NetworkError-style cause): found through the cause chain', async () => {
		underlying = () => Promise.reject(new TypeError('Load failed'));
		const cause = await globalThis.fetch('https://api.example.com/items?token=QUERY-SECRET').catch((error: unknown) => error);
		const wrapper = new Error('Request failed due to a network error', {cause});
		wrapper.name = 'NetworkError';
		const event = await capture(wrapper);
		expect(event.fingerprint).toEqual(['cors-doctor', 'unclassified-fetch-failure', 'api.example.com']);
		expect(event.tags['cors.unclassified']).toBe('true');
		expectNoSecrets();
	});

	test('without the host suffix: still recognised, one group for unknown hosts', async () => {
		const event = await capture(new TypeError('Failed to fetch'));
		expect(event.fingerprint).toEqual(['cors-doctor', 'unclassified-fetch-failure', '<unknown host>']);
		expect(event.tags['cors.unclassified']).toBe('true');
	});

	test('other errors are left alone, TypeErrors with other messages included', async () => {
		for (const error of [new Error('Failed to fetch'), new TypeError('x is not a function'), new TypeError('Failed to fetch the thing')]) {
			const event = await capture(error);
			expect(event.fingerprint).toBeUndefined();
			expect(Object.keys(event.tags ?? {}).filter(key => key.startsWith('cors.'))).toEqual([]);
			expect(event.contexts.cors).toBeUndefined();
		}
	});
});

test('two different CORS failures in a row both reach Sentry (its Dedupe would drop the second without our fingerprint)', async () => {
	const first = await failWith({simple: 'failed', 'simple-manual': 'failed'});
	const second = await failWith({credentialed: 'failed'}, {credentials: 'include'});
	expect(first.code).not.toBe(second.code);
	bodies.length = 0;
	Sentry.captureException(first);
	Sentry.captureException(second);
	await Sentry.flush(2000);
	expect(events().map(event => event.tags['cors.code'])).toEqual([first.code, second.code]);
});

describe('the integration object', () => {
	test('unclassified: false leaves plain TypeErrors to Sentry', () => {
		const integration = corsDoctorIntegration({unclassified: false});
		const event = {exception: {values: [{type: 'TypeError', value: 'Failed to fetch (api.example.com)'}]}};
		integration.preprocessEvent(event, {});
		expect(event).toEqual({exception: {values: [{type: 'TypeError', value: 'Failed to fetch (api.example.com)'}]}});
		expect(integration.processEvent(event, {})).toBe(event);
	});

	test('redact: false keeps the wrapper message as it was', () => {
		const error = new CorsError({code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely', request: {
			method: 'GET', url: 'https://api.example.com/items', pageOrigin: 'https://app.example.com', targetOrigin: 'https://api.example.com',
			mode: 'cors', credentials: 'same-origin', preflight: false, triggers: [],
		}});
		const wrapped = () => ({exception: {values: [{type: 'FetchError', value: '[GET] "https://api.example.com/items?token=x"'}]}});
		const hint = {originalException: Object.assign(new Error('wrapper'), {cause: error})};
		const kept = wrapped();
		corsDoctorIntegration({redact: false}).preprocessEvent(kept, hint);
		expect(kept.exception.values[0]!.value).toBe('[GET] "https://api.example.com/items?token=x"');
		expect(kept).toMatchObject({fingerprint: ['CorsError', 'ORIGIN_NOT_ALLOWED', 'GET', 'https://api.example.com']});
		const redacted = wrapped();
		corsDoctorIntegration().preprocessEvent(redacted, hint);
		expect(redacted.exception.values[0]!.value).toBe('[GET] "https://api.example.com/items"');
	});

	test('a malformed hint or event never loses the event', () => {
		const integration = corsDoctorIntegration();
		const event = {exception: {values: null}} as never;
		expect(() => integration.preprocessEvent(event, undefined as never)).not.toThrow();
		expect(integration.processEvent(event, undefined as never)).toBe(event);
	});

	test('named CorsDoctor, and options must be an object', () => {
		expect(corsDoctorIntegration().name).toBe('CorsDoctor');
		expect(() => corsDoctorIntegration(null as never)).toThrow(TypeError);
	});
});
