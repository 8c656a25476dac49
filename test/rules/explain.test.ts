import {afterEach, describe, expect, it, vi} from 'vitest';
import {checkedRequestOf, explainRequest} from '../../src/rules';

const page = 'https://app.example';
const api = 'https://api.example/items';

describe('explainRequest: no preflight', () => {
	it('a simple GET has no reasons and defaults to cors / same-origin credentials', () => {
		expect(explainRequest(api, {}, page)).toEqual({
			method: 'GET',
			url: api,
			pageOrigin: page,
			targetOrigin: 'https://api.example',
			crossOrigin: true,
			mode: 'cors',
			credentials: 'same-origin',
			preflight: false,
			reasons: [],
			notes: [],
			requestHeaders: [],
		});
	});

	// WPT cors-no-preflight.any.js
	it.each<[string, Record<string, string>]>([
		['GET', {Accept: '*/*'}],
		['HEAD', {'Accept-Language': 'fr'}],
		['POST', {'Content-Language': 'fr'}],
		['POST', {'Content-Type': 'application/x-www-form-urlencoded'}],
		['POST', {'Content-Type': 'multipart/form-data'}],
		['POST', {'Content-Type': 'text/plain'}],
		['POST', {'Content-Type': 'text/plain;charset=utf-8'}],
		['POST', {'Content-Type': 'Text/Plain;charset=utf-8'}],
		['get', {}],
		['post', {}],
	])('%s with %j is simple', (method, headers) => {
		const explanation = explainRequest(api, {method, headers}, page);
		expect(explanation.preflight).toBe(false);
		expect(explanation.method).toBe(method.toUpperCase());
	});

	it('a same-origin request never preflights', () => {
		const explanation = explainRequest('/items', {method: 'PUT', headers: {'X-Key': 'k'}}, page);
		expect(explanation).toMatchObject({url: `${page}/items`, crossOrigin: false, preflight: false, reasons: [], requestHeaders: [], notes: [{kind: 'same-origin'}]});
	});

	it('no-cors drops unsafe headers and never preflights', () => {
		const explanation = explainRequest(api, {mode: 'no-cors', method: 'POST', headers: {'X-Key': 'k', 'Content-Type': 'application/json', Accept: '*/*'}}, page);
		expect(explanation).toMatchObject({mode: 'no-cors', preflight: false, reasons: [], notes: [{kind: 'no-cors'}]});
	});

	it('same-origin mode to another origin is noted', () => {
		expect(explainRequest(api, {mode: 'same-origin', method: 'PUT'}, page)).toMatchObject({preflight: false, notes: [{kind: 'mode-same-origin'}]});
	});

	it('non-http(s) targets are not CORS requests', () => {
		expect(explainRequest('data:text/plain,hi', {method: 'PUT'}, page).preflight).toBe(false);
	});
});

describe('explainRequest: reasons', () => {
	it('method: PUT, DELETE and a kept-lowercase patch', () => {
		expect(explainRequest(api, {method: 'put'}, page).reasons).toEqual([{kind: 'method', method: 'PUT', lowercaseNonStandard: false}]);
		expect(explainRequest(api, {method: 'PATCH'}, page).reasons).toEqual([{kind: 'method', method: 'PATCH', lowercaseNonStandard: false}]);
		const patch = explainRequest(api, {method: 'patch'}, page);
		expect(patch).toMatchObject({method: 'patch', preflight: true, reasons: [{kind: 'method', method: 'patch', lowercaseNonStandard: true}]});
	});

	it.each<[Record<string, string>, string, string]>([
		[{'X-Api-Key': 'k'}, 'x-api-key', 'not-safelisted-name'],
		[{Accept: 'a'.repeat(129)}, 'accept', 'value-too-long'],
		[{'Accept-Language': '@'}, 'accept-language', 'unsafe-byte'],
		[{'Content-Type': 'application/json'}, 'content-type', 'content-type-not-safelisted'],
		[{'Content-Type': 'text /plain'}, 'content-type', 'content-type-unparsable'],
		[{Range: 'bytes=-5'}, 'range', 'range-not-simple'],
	])('header %j -> %s (%s)', (headers, name, reason) => {
		const explanation = explainRequest(api, {headers}, page);
		expect(explanation.preflight).toBe(true);
		expect(explanation.reasons).toEqual([{kind: 'header', name, reason}]);
		expect(explanation.requestHeaders).toEqual([name]);
	});

	it('header: total-size-over-1024', () => {
		const headers = [...Array.from({length: 8}, (): [string, string] => ['Accept', 'a'.repeat(128)]), ['Content-Language', 'fr'] as [string, string]];
		const explanation = explainRequest(api, {headers}, page);
		expect(explanation.reasons).toEqual([
			{kind: 'header', name: 'accept', reason: 'total-size-over-1024'},
			{kind: 'header', name: 'content-language', reason: 'total-size-over-1024'},
		]);
	});

	it('streaming body: always preflights', () => {
		const body = new ReadableStream();
		const explanation = explainRequest(api, {method: 'POST', body, duplex: 'half'} as RequestInit, page);
		expect(explanation.reasons).toEqual([{kind: 'streaming-body'}]);
		expect(checkedRequestOf(explanation).useCorsPreflight).toBe(true);
	});

	it('lists the method first, then headers sorted, then the stream', () => {
		const explanation = explainRequest(api, {method: 'PUT', headers: [['X-B', '1'], ['x-a', '2']], body: new ReadableStream(), duplex: 'half'} as RequestInit, page);
		expect(explanation.reasons.map(reason => reason.kind)).toEqual(['method', 'header', 'header', 'streaming-body']);
		expect(explanation.requestHeaders).toEqual(['x-a', 'x-b']);
	});
});

describe('explainRequest: bodies', () => {
	it.each<[string, () => BodyInit, boolean]>([
		['string', () => 'hi', false],
		['URLSearchParams', () => new URLSearchParams('a=1'), false],
		['FormData', () => new FormData(), false],
		['Blob with a safelisted type', () => new Blob(['x'], {type: 'text/plain'}), false],
		['Blob with application/json', () => new Blob(['{}'], {type: 'application/json'}), true],
		['Blob without a type', () => new Blob(['x']), false],
		['ArrayBuffer', () => new ArrayBuffer(4), false],
		['Uint8Array', () => new Uint8Array(4), false],
	])('%s body -> preflight %s', (_name, body, preflight) => {
		const explanation = explainRequest(api, {method: 'POST', body: body()}, page);
		expect(explanation.preflight).toBe(preflight);
		if (preflight) {
			expect(explanation.reasons).toEqual([{kind: 'header', name: 'content-type', reason: 'content-type-not-safelisted'}]);
		}
	});

	it('a user-set Content-Type wins over the body type', () => {
		expect(explainRequest(api, {method: 'POST', body: 'x', headers: {'content-type': 'application/json'}}, page).reasons).toEqual([{kind: 'header', name: 'content-type', reason: 'content-type-not-safelisted'}]);
		expect(explainRequest(api, {method: 'POST', body: new Blob(['x'], {type: 'application/json'}), headers: {'Content-Type': 'text/plain'}}, page).preflight).toBe(false);
	});
});

describe('explainRequest: notes', () => {
	it('forbidden headers are dropped and named, and cause no preflight', () => {
		const explanation = explainRequest(api, {headers: [['Cookie', 'a=1'], ['Sec-Fetch-Mode', 'x'], ['cookie', 'b=2'], ['X-HTTP-Method-Override', 'TRACE']]}, page);
		expect(explanation.preflight).toBe(false);
		expect(explanation.notes).toEqual([
			{kind: 'forbidden-header-dropped', name: 'cookie'},
			{kind: 'forbidden-header-dropped', name: 'sec-fetch-mode'},
			{kind: 'forbidden-header-dropped', name: 'x-http-method-override'},
		]);
	});

	it('Authorization needs an explicit allow, and a preflight may be cached', () => {
		const explanation = explainRequest(api, {headers: {Authorization: 'Bearer t'}}, page);
		expect(explanation.reasons).toEqual([{kind: 'header', name: 'authorization', reason: 'not-safelisted-name'}]);
		expect(explanation.notes).toEqual([{kind: 'authorization-needs-explicit-allow'}, {kind: 'may-be-cached'}]);
	});

	it('every preflight may be served from the cache', () => {
		expect(explainRequest(api, {method: 'DELETE'}, page).notes).toEqual([{kind: 'may-be-cached'}]);
	});
});

describe('explainRequest: inputs', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('keeps duplicate array entries separate (json + text/plain preflights)', () => {
		expect(explainRequest(api, {headers: [['Content-Type', 'application/json'], ['Content-Type', 'text/plain']]}, page).preflight).toBe(true);
	});

	it('reads headers from a Headers object', () => {
		expect(explainRequest(api, {headers: new Headers({'X-Key': 'k'})}, page).requestHeaders).toEqual(['x-key']);
	});

	it('reads method, headers, mode and credentials from a Request, and lets init override them', () => {
		const request = new Request(api, {method: 'PUT', headers: {'X-Key': 'k'}, credentials: 'include'});
		expect(explainRequest(request, undefined, page)).toMatchObject({method: 'PUT', credentials: 'include', requestHeaders: ['x-key'], url: api});
		expect(explainRequest(request, {method: 'GET', headers: {}}, page)).toMatchObject({method: 'GET', preflight: false});
	});

	it('takes a URL object, and normalizes the page origin', () => {
		expect(explainRequest(new URL(api), {}, 'https://app.example/some/page?x').pageOrigin).toBe(page);
	});

	it('defaults the page origin to location.origin', () => {
		vi.stubGlobal('location', {origin: 'https://api.example'});
		expect(explainRequest('/items').crossOrigin).toBe(false);
		expect(explainRequest('/items').url).toBe(api);
	});

	it('treats a request without a page origin, or from an opaque one, as cross-origin', () => {
		expect(explainRequest(api, {method: 'PUT'}).crossOrigin).toBe(true);
		expect(explainRequest(api, {method: 'PUT'}, 'null')).toMatchObject({crossOrigin: true, preflight: true});
	});

	it('builds the CheckedRequest for the preflight check', () => {
		expect(checkedRequestOf(explainRequest(api, {method: 'patch', headers: {'X-Key': 'k'}, credentials: 'include'}, page))).toEqual({
			origin: page,
			credentials: 'include',
			method: 'patch',
			headers: ['x-key'],
			useCorsPreflight: false,
		});
		expect(checkedRequestOf(explainRequest(api)).origin).toBe('null');
	});
});

describe('explainRequest: TypeErrors where new Request() throws', () => {
	it.each<[string, () => unknown, RegExp]>([
		['an invalid URL', () => explainRequest('http://exa mple.com/', {}, page), /Invalid URL/],
		['a relative URL without a page origin', () => explainRequest('/items'), /pageOrigin/],
		['a forbidden method', () => explainRequest(api, {method: 'trace'}, page), /forbidden method/],
		['CONNECT', () => explainRequest(api, {method: 'CONNECT'}, page), /forbidden method/],
		['an invalid method', () => explainRequest(api, {method: 'GE T'}, page), /not a valid HTTP method/],
		['an invalid header name', () => explainRequest(api, {headers: {'X Key': 'k'}}, page), /header name/],
		['an invalid header value', () => explainRequest(api, {headers: {'X-Key': 'a\nb'}}, page), /value/],
		['a body on GET', () => explainRequest(api, {body: 'x'}, page), /cannot have a body/],
		['a non-safelisted method with no-cors', () => explainRequest(api, {mode: 'no-cors', method: 'PUT'}, page), /no-cors/],
		['a stream without duplex', () => explainRequest(api, {method: 'POST', body: new ReadableStream()}, page), /duplex/],
		['mode navigate', () => explainRequest(api, {mode: 'navigate'}, page), /`mode`/],
		['an unknown credentials mode', () => explainRequest(api, {credentials: 'always' as RequestCredentials}, page), /`credentials`/],
		['credentials in the URL', () => explainRequest('https://u:p@api.example/', {}, page), /credentials/],
		['an invalid page origin', () => explainRequest(api, {}, 'app.example'), /`pageOrigin`/],
		['malformed header pairs', () => explainRequest(api, {headers: [['a', 'b', 'c']] as unknown as HeadersInit}, page), /pair/],
	])('%s', (_name, call, message) => {
		expect(call).toThrow(TypeError);
		expect(call).toThrow(message);
	});
});
