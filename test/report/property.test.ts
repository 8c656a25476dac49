// @vitest-environment node
// A property test over the whole path (request -> real classifier -> reporter -> payload): whatever the URL and the
// headers carry in their query values, userinfo, fragment and header values, none of it reaches the reporter's payload.
// Path templating (ids and tokens in path segments) is redactUrl's job and tested with it; the paths here are plain words.
// The node environment with an explicit page origin: the classifier's few-ms wait for a CSP report only runs where
// there is a document, and 10,000 of those waits would take minutes.
import fc from 'fast-check';
import {expect, test} from 'vitest';
import {createCorsFetch} from '../../src/core/cors-fetch';
import {createReporter, type ReportEvent} from '../../src/report/reporter';
import {fakeFetch, type Scenario} from '../core/fake-fetch';

// Secrets are long and carry a marker, so they cannot occur in the payload by chance (hosts and paths are fixed words).
const secret = fc.stringMatching(/^[A-Za-z0-9]{8,16}$/).map(value => `zz${value}`);
const word = fc.constantFrom('items', 'users', 'v1', 'api', 'orders', 'me');
const headerName = fc.constantFrom('x-api-key', 'authorization', 'x-trace', 'x-tenant', 'content-type', 'accept');

const request = fc.record({
	host: fc.constantFrom('api.example.com', 'api.other.example', '127.0.0.2:8443'),
	user: fc.option(secret, {nil: undefined}),
	password: fc.option(secret, {nil: undefined}),
	path: fc.array(word, {maxLength: 4}),
	query: fc.array(fc.tuple(word, secret), {maxLength: 3}),
	fragment: fc.option(secret, {nil: undefined}),
	headers: fc.dictionary(headerName, secret, {maxKeys: 4}),
	method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'patch'),
	credentials: fc.constantFrom<RequestCredentials>('omit', 'same-origin', 'include'),
	scenario: fc.constantFrom<Scenario>(
		{simple: 'failed', 'simple-manual': 'failed'},
		{credentialed: 'failed'},
		{header: {'x-api-key': 'failed', authorization: 'failed'}},
		{},
	),
});

test('no query value, userinfo, fragment or header value reaches the reporter (10,000 generated requests)', async () => {
	let reported = 0;
	await fc.assert(fc.asyncProperty(request, async r => {
		const userinfo = r.user === undefined ? '' : r.user + (r.password === undefined ? '' : ':' + r.password) + '@';
		const query = r.query.length > 0 ? '?' + r.query.map(([key, value]) => `${key}=${value}`).join('&') : '';
		const url = `https://${userinfo}${r.host}/${r.path.join('/')}${query}${r.fragment === undefined ? '' : '#' + r.fragment}`;
		const events: ReportEvent[] = [];
		const reporter = createReporter({send: event => events.push(event), windowMs: 0});
		const fetch = createCorsFetch({fetch: fakeFetch(r.scenario).fetch, onDiagnosis: reporter, probeTimeout: 1000, pageOrigin: 'https://app.example.com'});
		const body = r.method === 'GET' ? undefined : `{"password":"${r.query[0]?.[1] ?? 'zzBODY'}"}`;
		await fetch(url, {method: r.method, headers: r.headers, credentials: r.credentials, body}).catch(() => {});
		await Promise.resolve();
		const payload = JSON.stringify(events);
		reported += events.length;
		const secrets = [r.user, r.password, r.fragment, ...r.query.map(([, value]) => value), ...Object.values(r.headers)];
		for (const value of secrets) {
			if (value !== undefined && payload.includes(value)) {
				return false;
			}
		}
		return true;
	}), {numRuns: 10_000});
	// The property is about real payloads: nearly every generated request is a reported CORS failure.
	expect(reported).toBeGreaterThan(9000);
}, 300_000);
