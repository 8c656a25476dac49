import type {CorsCode} from '../codes.js';
import type {Facts} from './facts.js';
import type {CodeFixes} from './model.js';

/** Which response header lines a code is about; the rest of the policy is listed too, unfocused. */
export type LineKind = 'origin' | 'credentials' | 'methods' | 'headers' | 'expose' | 'csp';

/** One catalog entry: the prose of a code, as functions of the request facts where it names them. */
export interface Entry {
	readonly title: string;
	readonly checked: (facts: Facts) => string;
	readonly got: (facts: Facts) => string;
	readonly fixIn: CodeFixes['fixIn'];
	/** The lines the code is about. Server codes get the whole policy's lines besides. */
	readonly focus: readonly LineKind[];
	readonly steps: (facts: Facts) => string[];
	/** For codes no server CORS configuration fixes: why, shown for every stack. */
	readonly notApplicable?: string;
	readonly ownServer?: (facts: Facts) => string[];
	readonly notYourServer?: (facts: Facts) => string[];
	readonly checkFirst: readonly CheckFirstId[];
	/** What the app's end users read: short, neutral, no URL, origin, header name or value. */
	readonly user: string;
}

export type CheckFirstId = 'auth-before-cors' | 'nginx-always' | 'trailing-slash' | 'double-acao' | 'error-handler' | 'cached-preflight' | 'proxy-drops-options';

export const CHECK_FIRST: {readonly [K in CheckFirstId]: string} = {
	'auth-before-cors': 'An authentication, CSRF or routing layer that answers `OPTIONS` (401, 403, 404, 405) before the CORS middleware runs: browsers never send cookies or `Authorization` on a preflight, so CORS must be registered first and answer `OPTIONS` itself.',
	'nginx-always': 'nginx `add_header` without `always` only applies to 2xx/3xx responses, and an `add_header` in a nested block drops every one inherited from outside it: a 4xx/5xx then has no CORS headers.',
	'trailing-slash': 'A redirect on the preflight (a trailing-slash redirect such as `/items` -> `/items/`, http -> https, a login redirect): browsers refuse a redirected preflight. Call the final URL exactly.',
	'double-acao': 'A reverse proxy, CDN or API gateway and the app both adding `Access-Control-Allow-Origin`: two lines (or `a, b`) are rejected. Let exactly one layer handle CORS.',
	'error-handler': 'Error responses (401, 404, 500) written by an error handler, a gateway or a framework default that bypasses the CORS middleware: the browser then hides the real status behind a CORS error.',
	'cached-preflight': 'A cached preflight: after a change, an old `Access-Control-Max-Age` may keep the browser on the old answer for up to its lifetime (Chromium caps it at 2 hours); test in a fresh profile or wait.',
	'proxy-drops-options': 'A load balancer, WAF or proxy that drops or resets `OPTIONS` requests before they reach the app.',
};

export type SecurityId = 'no-reflect-with-credentials' | 'vary-origin' | 'wildcard-public-only' | 'proxy-dev-only' | 'never-null';

export const SECURITY: {readonly [K in SecurityId]: string} = {
	'no-reflect-with-credentials': 'Never reflect an arbitrary `Origin` back with `Access-Control-Allow-Credentials: true`: any site could then read your users\' data with their cookies. Compare against an explicit allow-list.',
	'vary-origin': 'When the allowed origin is echoed from an allow-list, send `Vary: Origin` so caches and CDNs do not serve one origin\'s answer to another.',
	'wildcard-public-only': '`Access-Control-Allow-Origin: *` is for public, credential-less resources only (it never works with credentials, and it hands the response to every site).',
	'proxy-dev-only': 'A CORS proxy (or turning web security off in the browser) is for local development only: in production it forwards your users\' requests through a third party or hides a real misconfiguration.',
	'never-null': 'Never allow the origin `null`: sandboxed iframes, `file:` pages and redirected requests all send it, so allowing it grants everyone.',
};

const allowOrigin = (facts: Facts) => `Access-Control-Allow-Origin: ${facts.origin}`;
const quote = (names: readonly string[]) => names.map(name => `"${name}"`).join(', ');
const credentialsNote = (facts: Facts) => facts.credentials ? ` and, because the request carries credentials, \`Access-Control-Allow-Credentials: true\` (never \`*\` for the origin)` : '';
const callFromBackend = (facts: Facts) => [
	`Call the API from your own backend (server-to-server requests are not subject to CORS) and have the page call that backend on its own origin (${facts.origin}).`,
	'Or route it through a same-origin reverse proxy (e.g. `/api/*` on your domain forwarded to the API), so the browser sees no cross-origin request.',
	'Ask the API\'s owner to allow your origin if the API is meant to be called from browsers; it cannot be fixed from page JavaScript (`mode: \'no-cors\'` only gives an unreadable response).',
];
const clientOnly = (what: string) => (): string[] => [`The server is not at fault: ${what}`];
const sameAsOwner = (what: string) => (): string[] => [`The same fix applies whoever owns the server: ${what}`];

const ORIGIN_CHECK_FIRST: readonly CheckFirstId[] = ['double-acao', 'error-handler', 'nginx-always', 'auth-before-cors'];
const PREFLIGHT_CHECK_FIRST: readonly CheckFirstId[] = ['auth-before-cors', 'trailing-slash', 'nginx-always', 'cached-preflight', 'double-acao'];

const SERVER_USER = 'The app could not load some data because a service it relies on refused the request. Please try again later, and contact support if it keeps happening.';
const APP_USER = 'The app could not complete this request because of a problem in the app itself. Please contact support.';
const REDIRECT_USER = 'The app could not load some data because a service it relies on redirected the request somewhere it may not go. Please contact support.';

const originSteps = (where: string) => (facts: Facts) => [
	`Make the server send \`${allowOrigin(facts)}\` ${where}${credentialsNote(facts)}.`,
	'Keep the allowed origins in an explicit allow-list and echo the request\'s `Origin` only when it is on the list, with `Vary: Origin`.',
	'Register the CORS handling before authentication, routing and error handlers, so preflights and error responses carry the headers too.',
	'Verify with `cors-doctor check <url> --origin ' + facts.origin + (facts.credentials ? ' --credentials' : '') + '`: it must report no problem.',
];

export const CATALOG: {readonly [C in CorsCode]: Entry} = {
	ALLOW_ORIGIN_MISSING: {
		title: 'The response has no Access-Control-Allow-Origin header',
		checked: facts => `The browser checked the response for an \`Access-Control-Allow-Origin\` that grants ${facts.origin}.`,
		got: () => 'The header was missing, so page JavaScript may not read the response.',
		fixIn: 'server',
		focus: ['origin'],
		steps: originSteps('on every response of this URL (preflight, success and error responses)'),
		checkFirst: ['error-handler', 'auth-before-cors', 'nginx-always', 'trailing-slash'],
		user: SERVER_USER,
	},
	ALLOW_ORIGIN_MISMATCH: {
		title: 'Access-Control-Allow-Origin names another origin',
		checked: facts => `The browser compared \`Access-Control-Allow-Origin\` with the page origin ${facts.origin}, character for character.`,
		got: () => 'It named a different origin (often a trailing slash, another port, http vs https, or a hard-coded production origin).',
		fixIn: 'server',
		focus: ['origin'],
		steps: originSteps('exactly (scheme, host, port, no trailing slash)'),
		checkFirst: ['double-acao', ...ORIGIN_CHECK_FIRST.filter(id => id !== 'double-acao'), 'cached-preflight'],
		user: SERVER_USER,
	},
	ALLOW_ORIGIN_INVALID: {
		title: 'Access-Control-Allow-Origin is not a valid origin',
		checked: () => 'The browser parsed `Access-Control-Allow-Origin` as a serialized origin (`scheme://host[:port]`) or `*`.',
		got: () => 'The value was not an origin (no scheme, a path, a list separated by spaces, or an empty value).',
		fixIn: 'server',
		focus: ['origin'],
		steps: originSteps('as one serialized origin'),
		checkFirst: ORIGIN_CHECK_FIRST,
		user: SERVER_USER,
	},
	ALLOW_ORIGIN_MULTIPLE: {
		title: 'Access-Control-Allow-Origin carries more than one origin',
		checked: () => 'The browser expected exactly one `Access-Control-Allow-Origin` value.',
		got: () => 'It got several: two header lines (usually a proxy and the app both adding it) or a comma-separated list.',
		fixIn: 'server',
		focus: ['origin'],
		steps: facts => [
			'Find every layer that adds `Access-Control-Allow-Origin` (app, framework plugin, reverse proxy, CDN, API gateway) and keep exactly one.',
			...originSteps('once, with the one origin that made the request')(facts),
		],
		checkFirst: ['double-acao', 'nginx-always'],
		user: SERVER_USER,
	},
	ORIGIN_NOT_ALLOWED: {
		title: 'The response does not allow this origin',
		checked: facts => `The browser checked that the response's \`Access-Control-Allow-Origin\` grants ${facts.origin}.`,
		got: () => 'It did not: the header is missing, names another origin, is invalid or appears twice (page JavaScript cannot tell which; `cors-doctor check` can).',
		fixIn: 'server',
		focus: ['origin'],
		steps: originSteps('on every response of this URL'),
		checkFirst: ORIGIN_CHECK_FIRST,
		user: SERVER_USER,
	},
	ERROR_RESPONSE_WITHOUT_CORS: {
		title: 'An error response lacks the CORS headers',
		checked: facts => `The browser checked this response for an \`Access-Control-Allow-Origin\` granting ${facts.origin}.`,
		got: () => 'The server grants the origin elsewhere, but this response (typically a 401, 403, 404 or 500 written by auth, a gateway or an error handler) had no CORS headers, so the page cannot even read its status.',
		fixIn: 'server',
		focus: ['origin'],
		steps: facts => [
			`Send \`${allowOrigin(facts)}\` on error responses too${credentialsNote(facts)}: register CORS before auth and error handling, or add the headers in the error handler.`,
			'nginx: add `always` to every `add_header`; gateways: configure CORS headers on their default 4xx/5xx responses.',
			'Then fix the underlying error, which the page can now read (status and body).',
		],
		checkFirst: ['error-handler', 'nginx-always', 'auth-before-cors', 'double-acao'],
		user: SERVER_USER,
	},
	WILDCARD_ORIGIN_WITH_CREDENTIALS: {
		title: 'A wildcard origin cannot be used with credentials',
		checked: () => 'For a request with credentials, the browser requires `Access-Control-Allow-Origin` to name the page origin exactly.',
		got: () => 'It got `*`, which the browser treats as a refusal when credentials are included.',
		fixIn: 'server',
		focus: ['origin', 'credentials'],
		steps: facts => [
			`Replace \`*\` with \`${allowOrigin(facts)}\`, echoed from an allow-list, with \`Vary: Origin\`.`,
			'Send `Access-Control-Allow-Credentials: true` on the preflight and the actual response.',
			'With credentials, `*` in `Access-Control-Allow-Methods`, `-Headers` and `-Expose-Headers` is literal too: list the names.',
			'Or, if the resource is public, stop sending credentials (`credentials: \'omit\'`) and keep `*`.',
		],
		checkFirst: ['double-acao', 'cached-preflight'],
		user: SERVER_USER,
	},
	ALLOW_CREDENTIALS_MISSING: {
		title: 'The response does not allow credentials',
		checked: () => 'For a request with credentials, the browser requires `Access-Control-Allow-Credentials: true` (exactly, lowercase).',
		got: () => 'It was missing or had another value.',
		fixIn: 'server',
		focus: ['credentials'],
		steps: facts => [
			'Send `Access-Control-Allow-Credentials: true` on the preflight and on every actual response.',
			`Together with \`${allowOrigin(facts)}\` (never \`*\`) and \`Vary: Origin\`.`,
			'Or, if the request does not need cookies or HTTP auth, stop sending them (`credentials: \'omit\'`).',
		],
		checkFirst: ['error-handler', 'auth-before-cors', 'nginx-always'],
		user: SERVER_USER,
	},
	CREDENTIALS_NOT_ALLOWED: {
		title: 'The server does not allow credentialed requests from this origin',
		checked: facts => `The browser checked that a request with credentials from ${facts.origin} is allowed: the exact origin and \`Access-Control-Allow-Credentials: true\`.`,
		got: () => 'The same request without credentials passes, with credentials it fails: `*` as the origin, or `Access-Control-Allow-Credentials` missing.',
		fixIn: 'server',
		focus: ['origin', 'credentials'],
		steps: facts => [
			`Send \`${allowOrigin(facts)}\` (not \`*\`) and \`Access-Control-Allow-Credentials: true\` on the preflight and every actual response, with \`Vary: Origin\`.`,
			'Or stop sending credentials if the resource is public.',
		],
		checkFirst: ['double-acao', 'error-handler'],
		user: SERVER_USER,
	},
	PREFLIGHT_STATUS: {
		title: 'The preflight (OPTIONS) got a non-2xx status',
		checked: () => 'The browser sent an `OPTIONS` preflight and required a 2xx status.',
		got: () => 'It got another status (typically 401/403 from auth, 404/405 from a router with no OPTIONS route, or 500).',
		fixIn: 'server',
		focus: ['origin', 'methods', 'headers'],
		steps: facts => [
			'Answer `OPTIONS` with 204 (or 200) and the CORS headers below, before authentication and routing: preflights never carry cookies or `Authorization`.',
			`Include \`${allowOrigin(facts)}\`${credentialsNote(facts)}.`,
		],
		checkFirst: ['auth-before-cors', 'trailing-slash', 'proxy-drops-options', 'nginx-always'],
		user: SERVER_USER,
	},
	PREFLIGHT_REDIRECT: {
		title: 'The preflight was redirected',
		checked: () => 'The browser required the `OPTIONS` preflight to be answered directly.',
		got: () => 'It got a redirect (3xx), which is never followed for a preflight.',
		fixIn: 'server',
		focus: ['origin'],
		steps: facts => [
			'Call the final URL directly (add or remove the trailing slash, use https, the canonical host).',
			'Or make the server answer `OPTIONS` with the CORS headers before any redirect (trailing-slash, https or login redirects).',
			`The answer needs \`${allowOrigin(facts)}\`${credentialsNote(facts)}.`,
		],
		checkFirst: ['trailing-slash', 'auth-before-cors'],
		user: SERVER_USER,
	},
	PREFLIGHT_NETWORK_ERROR: {
		title: 'The preflight got no usable response',
		checked: () => 'The browser sent an `OPTIONS` preflight.',
		got: () => 'The connection was reset or closed, or the response was malformed, before any header could be read.',
		fixIn: 'server',
		focus: ['origin', 'methods', 'headers'],
		steps: () => [
			'Find what drops `OPTIONS`: a load balancer, WAF, proxy or server that resets the connection for that method.',
			'Let `OPTIONS` reach the app (or answer it at the proxy) with a 2xx and the CORS headers below.',
		],
		checkFirst: ['proxy-drops-options', 'auth-before-cors'],
		user: SERVER_USER,
	},
	METHOD_NOT_ALLOWED: {
		title: 'The preflight does not allow the method',
		checked: facts => `The browser checked \`Access-Control-Allow-Methods\` on the preflight for ${facts.method}.`,
		got: facts => `${facts.method} was not listed${facts.credentials ? ' (with credentials, `*` does not count)' : ''}.`,
		fixIn: 'server',
		focus: ['methods'],
		steps: facts => [
			`Add ${facts.method} to \`Access-Control-Allow-Methods\` on the preflight (OPTIONS) response${facts.method === facts.method.toUpperCase() ? '' : `, spelled exactly \`${facts.method}\` (only DELETE, GET, HEAD, OPTIONS, POST and PUT are case-normalized)`}.`,
			'Make sure the route itself accepts the method.',
		],
		checkFirst: ['cached-preflight', 'double-acao'],
		user: SERVER_USER,
	},
	HEADER_NOT_ALLOWED: {
		title: 'The preflight does not allow a request header',
		checked: facts => `The browser checked \`Access-Control-Allow-Headers\` on the preflight for ${quote(facts.headers)}.`,
		got: facts => `At least one was not listed${facts.credentials ? ' (with credentials, `*` does not count)' : ' (`*` never covers `authorization`)'}.`,
		fixIn: 'server',
		focus: ['headers'],
		steps: facts => [
			`List ${quote(facts.headers)} in \`Access-Control-Allow-Headers\` on the preflight (OPTIONS) response (names are case-insensitive).`,
			'List `authorization` by name when it is sent: `*` does not cover it.',
			'Or stop sending the header, if the server does not need it (an SDK or interceptor may add tracing headers you did not choose).',
		],
		checkFirst: ['cached-preflight', 'auth-before-cors'],
		user: SERVER_USER,
	},
	ALLOW_METHODS_INVALID: {
		title: 'Access-Control-Allow-Methods cannot be parsed',
		checked: () => 'The browser parsed `Access-Control-Allow-Methods` as a comma-separated list of method tokens.',
		got: () => 'The value was not such a list (a stray character, quotes, a trailing comma in some engines, or a non-token), so every method fails.',
		fixIn: 'server',
		focus: ['methods'],
		steps: facts => [
			`Send a plain list, e.g. \`Access-Control-Allow-Methods: ${['GET', 'HEAD', 'POST', ...(['GET', 'HEAD', 'POST'].includes(facts.method) ? [] : [facts.method])].join(', ')}\`.`,
		],
		checkFirst: ['double-acao', 'nginx-always'],
		user: SERVER_USER,
	},
	ALLOW_HEADERS_INVALID: {
		title: 'Access-Control-Allow-Headers cannot be parsed',
		checked: () => 'The browser parsed `Access-Control-Allow-Headers` as a comma-separated list of header names.',
		got: () => 'The value was not such a list (a stray character, quotes or a non-token), so every header fails.',
		fixIn: 'server',
		focus: ['headers'],
		steps: facts => [
			`Send a plain list${facts.headers.length > 0 ? `, e.g. \`Access-Control-Allow-Headers: ${facts.headers.join(', ')}\`` : ''}.`,
		],
		checkFirst: ['double-acao', 'nginx-always'],
		user: SERVER_USER,
	},
	PREFLIGHT_REJECTED: {
		title: 'The preflight was rejected',
		checked: () => 'The browser sent an `OPTIONS` preflight and checked its status, origin, methods and headers.',
		got: () => 'It failed: every request that needs a preflight fails, while simple requests pass (page JavaScript cannot see which check; `cors-doctor check` can).',
		fixIn: 'server',
		focus: ['origin', 'methods', 'headers'],
		steps: facts => [
			'Answer `OPTIONS` with 204 before authentication and routing.',
			`Include \`${allowOrigin(facts)}\`${credentialsNote(facts)}, and the methods and headers below.`,
			'Run `cors-doctor check` with the same method and headers for the exact rule that fails.',
		],
		checkFirst: PREFLIGHT_CHECK_FIRST,
		user: SERVER_USER,
	},
	REDIRECT_HAS_USERINFO: {
		title: 'A redirect points to a URL with credentials in it',
		checked: () => 'The browser followed a redirect of a CORS request and checked the new URL.',
		got: () => 'The `Location` contains `user:password@`, which CORS requests may not follow.',
		fixIn: 'redirect',
		focus: [],
		steps: () => ['Remove the userinfo from the redirect\'s `Location`: authenticate with a header or a token instead.', 'Or request the final URL directly.'],
		notApplicable: 'The fix is the redirect\'s Location URL, not the CORS configuration.',
		ownServer: sameAsOwner('change the redirect so its Location has no `user:password@`.'),
		notYourServer: () => ['Request the final URL directly, or call the API from your backend, where redirects with userinfo are allowed.'],
		checkFirst: [],
		user: REDIRECT_USER,
	},
	REDIRECT_BAD_SCHEME: {
		title: 'A redirect points to a non-HTTP(S) URL',
		checked: () => 'The browser followed a redirect of a CORS request and checked the new URL\'s scheme.',
		got: () => 'It was not http or https (for example `ftp:`, `data:` or an app scheme).',
		fixIn: 'redirect',
		focus: [],
		steps: () => ['Redirect only to http(s) URLs, or request the final resource directly.'],
		notApplicable: 'The fix is the redirect\'s Location URL, not the CORS configuration.',
		ownServer: sameAsOwner('make the redirect point to an https URL.'),
		notYourServer: () => ['Request the final resource directly, or call the API from your backend.'],
		checkFirst: [],
		user: REDIRECT_USER,
	},
	REDIRECT_TAINTED_ORIGIN: {
		title: 'A cross-origin redirect turned the request origin into "null"',
		checked: () => 'After a redirect through another origin, the browser sends `Origin: null` and checks the final response against it.',
		got: () => 'The final response allowed the real page origin (or `*` with credentials), not `null`.',
		fixIn: 'redirect',
		focus: [],
		steps: () => ['Request the final URL directly, skipping the redirect through another origin.', 'Never allow the origin `null` to make it pass: every sandboxed page sends it.'],
		notApplicable: 'The fix is to request the final URL directly; allowing the origin "null" in a CORS configuration would grant every sandboxed or file: page.',
		ownServer: sameAsOwner('avoid the hop through another origin (serve the resource from the first origin, or have the page request the final URL).'),
		notYourServer: () => ['Request the final URL directly, or call the API from your backend.'],
		checkFirst: ['trailing-slash'],
		user: REDIRECT_USER,
	},
	REDIRECT_NOT_ALLOWED: {
		title: 'The URL redirects and a hop fails CORS',
		checked: facts => `The browser checked every response of the redirect chain for CORS headers granting ${facts.origin}.`,
		got: () => 'The redirect itself or its target did not grant it (the redirect response needs CORS headers too).',
		fixIn: 'server',
		focus: ['origin'],
		steps: facts => [
			'Request the final URL directly (the simplest fix).',
			`Or send \`${allowOrigin(facts)}\`${credentialsNote(facts)} on the redirect response and on its target.`,
		],
		checkFirst: ['trailing-slash', 'error-handler', 'nginx-always'],
		user: REDIRECT_USER,
	},
	MIXED_CONTENT: {
		title: 'An https page cannot fetch an http URL',
		checked: () => 'The browser checked whether an https page requests a non-secure (http) URL.',
		got: () => 'It did, so the request was blocked before it was sent (only localhost and 127.0.0.1 are exempt).',
		fixIn: 'client',
		focus: [],
		steps: () => ['Serve the API over https and request the https URL.', 'Or, for a same-host API, use a relative URL so the page\'s scheme is kept.'],
		notApplicable: 'The browser blocks the request before it is sent: no CORS header can allow it. Serve the API over https.',
		ownServer: () => ['Enable https on the API (a certificate from your CA or Let\'s Encrypt, or TLS at the proxy) and change the URL the page calls.'],
		notYourServer: () => ['Use the API\'s https endpoint; if it has none, call it from your backend and expose the result over https.'],
		checkFirst: [],
		user: 'The app tried to use an insecure connection, which your browser blocked. Please contact support.',
	},
	CSP_BLOCKED: {
		title: 'The page\'s Content-Security-Policy forbids the request',
		checked: () => 'The browser checked the page\'s Content-Security-Policy (`connect-src`, or `default-src`) before sending the request.',
		got: facts => `The policy does not list ${facts.targetOrigin ?? 'the target origin'}, so the request was never sent.`,
		fixIn: 'page',
		focus: ['csp'],
		steps: facts => [`Add ${facts.targetOrigin ?? 'the API origin'} to \`connect-src\` in the page's Content-Security-Policy (header or \`<meta>\`), keeping the rest of the policy.`],
		notApplicable: 'The block comes from the page\'s own Content-Security-Policy, not from the API\'s CORS headers: change the page\'s policy.',
		ownServer: clientOnly('the page\'s Content-Security-Policy blocks it. Change the policy of the server (or meta tag) that serves the page.'),
		notYourServer: () => ['The API is not involved: whoever serves the page controls its Content-Security-Policy.'],
		checkFirst: [],
		user: 'Your browser blocked a request because of this site\'s security settings. Please contact support.',
	},
	LOCAL_NETWORK_ACCESS: {
		title: 'A public page cannot reach a private or local address',
		checked: () => 'The browser checked whether a page on a public address requests a private or loopback address (Local Network Access).',
		got: () => 'It did, and the request was blocked (or needs the user\'s permission, which was not given).',
		fixIn: 'browser',
		focus: [],
		steps: () => [
			'Serve the page from a secure (https) context and let the user grant the local network access permission when the browser asks.',
			'Or expose the service on a public https address, or serve the page from the same private network.',
		],
		notApplicable: 'Local network access is decided by the browser and its user (a permission), not by the API\'s CORS headers.',
		ownServer: () => ['Give the service a public https address, or serve the page from the same network; the CORS headers alone do not help.'],
		notYourServer: () => ['The user must grant the browser\'s local network access permission, or use the service from a page on the same network.'],
		checkFirst: [],
		user: 'Your browser blocked the app from reaching a device on your local network. If your browser asks, allow local network access for this site, then try again.',
	},
	SCHEME_NOT_SUPPORTED: {
		title: 'Only http(s) URLs can be fetched cross-origin',
		checked: () => 'The browser checked the URL\'s scheme.',
		got: () => 'It was not http or https (for example `file:`, `chrome-extension:`, `ftp:`), and those cannot be fetched from a page.',
		fixIn: 'client',
		focus: [],
		steps: () => ['Serve the resource over http(s) (a local dev server instead of opening files), and fetch that URL.'],
		notApplicable: 'The scheme is not HTTP(S): no server CORS configuration applies.',
		ownServer: clientOnly('the page requests a URL that is not http(s). Serve it over http(s).'),
		notYourServer: clientOnly('the page requests a URL that is not http(s).'),
		checkFirst: [],
		user: APP_USER,
	},
	MODE_SAME_ORIGIN: {
		title: 'mode: "same-origin" forbids this cross-origin request',
		checked: () => 'The request was made with `mode: \'same-origin\'`.',
		got: () => 'Its URL is on another origin, so the browser refused it without sending it.',
		fixIn: 'client',
		focus: [],
		steps: () => ['Use `mode: \'cors\'` (the default) for cross-origin URLs, or request a same-origin URL.'],
		notApplicable: 'The request\'s own mode forbids it before any server is asked: change the calling code.',
		ownServer: clientOnly('the calling code set `mode: \'same-origin\'`.'),
		notYourServer: clientOnly('the calling code set `mode: \'same-origin\'`.'),
		checkFirst: [],
		user: APP_USER,
	},
	NO_CORS_REDIRECT_MODE: {
		title: 'mode: "no-cors" needs redirect: "follow"',
		checked: () => 'The request combined `mode: \'no-cors\'` with `redirect` other than `\'follow\'`.',
		got: () => 'The browser rejects that combination.',
		fixIn: 'client',
		focus: [],
		steps: () => ['Drop `redirect: \'manual\'`/`\'error\'` from `no-cors` requests, or use `mode: \'cors\'`.'],
		notApplicable: 'The calling code combines options the browser rejects: no server configuration is involved.',
		ownServer: clientOnly('the calling code combines `mode: \'no-cors\'` with a non-`follow` redirect mode.'),
		notYourServer: clientOnly('the calling code combines `mode: \'no-cors\'` with a non-`follow` redirect mode.'),
		checkFirst: [],
		user: APP_USER,
	},
	OPAQUE_RESPONSE: {
		title: 'A "no-cors" response cannot be read',
		checked: () => 'The request used `mode: \'no-cors\'`, which gives an opaque response.',
		got: () => 'Its status is 0 and its body and headers are empty to page JavaScript, by design.',
		fixIn: 'client',
		focus: [],
		steps: () => [
			'Use `mode: \'cors\'` (the default) and make the server grant the page origin; `no-cors` never makes a response readable.',
			'If the `cors` request then fails, cors-doctor diagnoses that failure with its own code.',
		],
		notApplicable: 'The calling code asked for an opaque response with mode "no-cors"; server headers cannot make it readable. Switch to mode "cors" first, then fix the code that request reports.',
		ownServer: () => ['Switch the calling code to `mode: \'cors\'`, then configure the server for the code that request reports.'],
		notYourServer: callFromBackend,
		checkFirst: [],
		user: APP_USER,
	},
	HEADER_NOT_EXPOSED: {
		title: 'A response header is not exposed to page JavaScript',
		checked: facts => `Page JavaScript read ${quote(facts.exposeHeaders)}; the browser only exposes CORS-safelisted response headers and those in \`Access-Control-Expose-Headers\`.`,
		got: () => 'The header was not exposed, so it reads as `null`.',
		fixIn: 'server',
		focus: ['expose'],
		steps: facts => [
			`Send \`Access-Control-Expose-Headers: ${facts.exposeHeaders.join(', ')}\` on the actual response${facts.credentials ? ' (with credentials, `*` is literal: list the names)' : ''}.`,
		],
		checkFirst: ['double-acao', 'nginx-always'],
		user: SERVER_USER,
	},
	UNDETERMINED: {
		title: 'The cause could not be determined from the page',
		checked: () => 'cors-doctor tried to classify a failure the browser reports only as "Failed to fetch".',
		got: () => 'The probes were off, timed out, were rate-limited, or disagreed, so no single cause could be proven.',
		fixIn: 'unknown',
		focus: [],
		steps: facts => [
			`Run \`cors-doctor check <url> --origin ${facts.origin}${facts.method === 'GET' ? '' : ` --method ${facts.method}`}${facts.headers.map(name => ` --header ${name}`).join('')}${facts.credentials ? ' --credentials' : ''}\` from a machine that reaches the API: it reads the real headers and names the exact code.`,
			'Or open the browser\'s DevTools console, which names the failing rule.',
		],
		notApplicable: 'The cause is undetermined; a configuration for an unknown cause would be a guess. Run `cors-doctor check` for the exact code, then apply that code\'s fix.',
		ownServer: () => ['Run `cors-doctor check` against the URL to get the exact code and its fix.'],
		notYourServer: callFromBackend,
		checkFirst: ['proxy-drops-options', 'auth-before-cors'],
		user: SERVER_USER,
	},
};

/** The security notes that apply to a fix: credential codes and origin echoes carry the sharp ones. */
export function securityFor(fixIn: CodeFixes['fixIn'], credentials: boolean): SecurityId[] {
	if (fixIn !== 'server') {
		return ['proxy-dev-only'];
	}

	return credentials
		? ['no-reflect-with-credentials', 'vary-origin', 'never-null', 'proxy-dev-only']
		: ['vary-origin', 'wildcard-public-only', 'no-reflect-with-credentials', 'never-null', 'proxy-dev-only'];
}

export {callFromBackend};
