import type {Scenario} from '../../support/scenarios';
import {SECRET} from './classifier-runner';

/** One request whose shape is the point: a header unsafe by its value, a redirected preflight, a Basic-auth 401. */
export interface ShapeCase {
	readonly scenario: Scenario;
	/** The exact init the page sends (values matter here: they are what makes the header unsafe). */
	readonly init: RequestInit & {readonly headers?: Readonly<Record<string, string>>};
	/** A safelisted header name made unsafe by its value: a probe's preflight must ask for it. */
	readonly valueUnsafe?: string;
	/** A code the error or its alternatives must name. */
	readonly names?: string;
}

const page = '{page}';
const refusing = (allowed: string) => ({status: 204, headers: [['Access-Control-Allow-Origin', page], ['Access-Control-Allow-Methods', 'GET, POST'], ['Access-Control-Allow-Headers', allowed]] as const});
const actual = {headers: [['Access-Control-Allow-Origin', page]] as const};

const valueCase = (name: string, header: string, value: string, chromium: string | null, allowed = 'content-type', method = 'GET'): ShapeCase => ({
	scenario: {
		name,
		description: `${header} made CORS-unsafe by its value; the preflight allows only ${allowed}.`,
		request: {method, headers: {[header]: value}},
		options: {preflight: refusing(allowed), actual},
		expect: {chromium, browserOk: chromium === null},
	},
	init: {method, headers: {[header]: value}, ...(method === 'POST' && {body: '{}'})},
	valueUnsafe: header,
});

/**
Cases issue 7 lists that the shared scenario table cannot send (it replaces every header value by the secret, which would
make these headers safelisted again). `expect.chromium`: recorded from CDP in Chromium 156 (the suite re-checks it live).
*/
export const SHAPE_CASES: readonly ShapeCase[] = [
	valueCase('value-content-language-long', 'content-language', `${SECRET}-${'x'.repeat(130)}`, 'HeaderDisallowedByPreflightResponse'),
	valueCase('value-accept-unsafe-byte', 'accept', `text/${SECRET}()`, 'HeaderDisallowedByPreflightResponse'),
	valueCase('value-content-type-json', 'content-type', `application/json; secret=${SECRET}`, 'HeaderDisallowedByPreflightResponse', 'x-requested-with', 'POST'),
	valueCase('value-range-suffix', 'range', 'bytes=-77', 'HeaderDisallowedByPreflightResponse'),
	valueCase('value-range-multi', 'range', 'bytes=0-1,5-6', 'HeaderDisallowedByPreflightResponse'),
	{
		scenario: {
			name: 'preflight-redirect-without-cors',
			description: 'A trailing-slash redirect answers the OPTIONS request, without CORS headers (the framework, not the CORS middleware).',
			request: {method: 'PUT'},
			options: {preflight: {status: 301, redirect: {to: 'api', path: '/t/echo'}}, actual},
			expect: {chromium: 'PreflightDisallowedRedirect', browserOk: false},
		},
		init: {method: 'PUT', body: 'payload'},
		names: 'PREFLIGHT_REDIRECT',
	},
	{
		// An auth layer before CORS answers everything 401 + WWW-Authenticate: Basic. The original fails fast at its preflight
		// (no browser prompts for a preflight); a credentialed GET probe of the same URL would get the Basic challenge.
		scenario: {
			name: 'basic-auth-401-credentialed',
			description: 'Every request (OPTIONS included) is answered 401 with WWW-Authenticate: Basic, without CORS; the page sends a credentialed GET with x-api-key.',
			request: {method: 'GET', credentials: 'include', headers: {'x-api-key': 'dummy'}},
			options: {
				preflight: {status: 401, headers: [['WWW-Authenticate', 'Basic realm="api"']], body: 'unauthorized'},
				actual: {status: 401, headers: [['WWW-Authenticate', 'Basic realm="api"']], body: 'unauthorized'},
			},
			expect: {chromium: 'PreflightMissingAllowOriginHeader', browserOk: false},
		},
		init: {method: 'GET', credentials: 'include', headers: {'x-api-key': SECRET}},
	},
	{
		// CORS before auth, the default `cors()` (ACAO *) in front of a Basic-auth layer: the uncredentialed GET reads the
		// 401, and a credentialed GET probe would get the Basic challenge with CORS headers.
		scenario: {
			name: 'basic-auth-401-cors-first-wildcard',
			description: 'Every response has Access-Control-Allow-Origin: *; GETs are answered 401 with WWW-Authenticate: Basic; the page sends a credentialed GET with x-api-key.',
			request: {method: 'GET', credentials: 'include', headers: {'x-api-key': 'dummy'}},
			options: {
				preflight: {status: 204, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Headers', 'x-api-key']]},
				actual: {status: 401, headers: [['Access-Control-Allow-Origin', '*'], ['WWW-Authenticate', 'Basic realm="api"']], body: 'unauthorized'},
			},
			expect: {chromium: 'PreflightWildcardOriginNotAllowed', browserOk: false},
		},
		init: {method: 'GET', credentials: 'include', headers: {'x-api-key': SECRET}},
	},
];
