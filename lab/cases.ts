import type {Scenario} from '../test/support/scenarios';

/** The lab's groups, in the order the page lists them. */
export const LAB_CLASSES = ['allow-origin', 'credentials', 'preflight', 'redirect', 'policy', 'misuse', 'network', 'good'] as const;

export type LabClass = (typeof LAB_CLASSES)[number];

/** Human titles of the groups. */
export const CLASS_TITLES: Readonly<Record<LabClass, string>> = {
	'allow-origin': 'Access-Control-Allow-Origin',
	credentials: 'Credentials',
	preflight: 'Preflight',
	redirect: 'Redirects',
	policy: 'Page policy',
	misuse: 'Misuse',
	network: 'Network failures (not CORS)',
	good: 'Good controls',
};

/** One runnable case of the lab page: a scenario endpoint plus how the page calls it. JSON, sent to the page as is. */
export interface LabCase {
	readonly id: string;
	readonly class: LabClass;
	readonly scenario: string;
	readonly description: string;
	/** Where the page sends the request; `{api}` is replaced by the API origin when the lab starts. */
	readonly url: string;
	readonly init: {
		readonly method: string;
		/** Header names with dummy values: the lab never has a secret to send. */
		readonly headers: Readonly<Record<string, string>>;
		readonly credentials: RequestCredentials;
		readonly mode?: RequestMode;
	};
	/** `createCorsFetch` options beyond the defaults. */
	readonly options?: {readonly pageOrigin?: string; readonly expectHeaders?: readonly string[]};
	/** Abort the request after this many ms (an endpoint that never answers). */
	readonly timeout?: number;
}

// Which group a scenario of the shared table belongs to: decided by its name, the table's own convention.
const classOf = (entry: Scenario): LabClass => {
	const {name} = entry;
	if (name.startsWith('good-') || name === 'authorization-wildcard') {
		return 'good';
	}

	if (name === 'header-not-exposed') {
		return 'misuse';
	}

	if (entry.expect.network !== undefined || name.includes('socket-destroyed')) {
		return 'network';
	}

	if (name.startsWith('redirect-')) {
		return 'redirect';
	}

	if (entry.request.credentials === 'include' && !name.startsWith('five-')) {
		return 'credentials';
	}

	if (entry.request.method !== 'GET' || Object.keys(entry.request.headers ?? {}).length > 0) {
		return 'preflight';
	}

	return 'allow-origin';
};

/**
Every scenario of the shared table as a lab case, plus the page-policy and misuse cases that need a page setting rather
than an endpoint (the same ones the real-browser classifier suites run).

@example
```
const cases = labCases(scenarios, {api: 'http://127.0.0.1:4001'});
```
*/
export function labCases(table: readonly Scenario[], origins: {readonly api: string}): LabCase[] {
	const endpoint = (name: string) => `${origins.api}/s/${encodeURIComponent(name)}`;
	const fromTable = table.map((entry): LabCase => ({
		id: entry.name,
		class: classOf(entry),
		scenario: entry.name,
		description: entry.description,
		url: endpoint(entry.name),
		init: {
			method: entry.request.method,
			headers: Object.fromEntries(Object.keys(entry.request.headers ?? {}).map(name => [name, name === 'authorization' ? 'Bearer dummy' : 'dummy'])),
			credentials: entry.request.credentials ?? 'same-origin',
		},
		...(entry.name === 'header-not-exposed' ? {options: {expectHeaders: ['x-total-count']}} : {}),
		...(entry.expect.network === 'TIMEOUT' ? {timeout: 1000} : {}),
	}));
	const get = {method: 'GET', headers: {}, credentials: 'same-origin'} as const;
	const api = new URL(origins.api);
	const extra: LabCase[] = [
		{
			id: 'mode-same-origin',
			class: 'policy',
			scenario: 'good-simple-get',
			description: 'fetch(url, {mode: \'same-origin\'}) to another origin: refused before any request.',
			url: endpoint('good-simple-get'),
			init: {...get, mode: 'same-origin'},
		},
		{
			id: 'scheme-ftp',
			class: 'policy',
			scenario: 'good-simple-get',
			description: 'An ftp:// URL: fetch supports only http(s) across origins.',
			url: `ftp://${api.host}/s/good-simple-get`,
			init: get,
		},
		{
			id: 'mixed-content-claimed-https',
			class: 'policy',
			scenario: 'allow-origin-missing',
			description: 'A page on https calling http://[::ffff:127.0.0.1] (not potentially trustworthy). The lab is http, so the page claims an https origin.',
			url: `http://[::ffff:127.0.0.1]:${api.port}/s/allow-origin-missing`,
			init: get,
			options: {pageOrigin: 'https://app.example'},
		},
		{
			id: 'local-network-claimed-public',
			class: 'policy',
			scenario: 'allow-origin-missing',
			description: 'A public page calling a loopback API (local network access). The page claims a public address as its origin (only addresses prove an address space).',
			url: endpoint('allow-origin-missing'),
			init: get,
			options: {pageOrigin: 'http://203.0.113.9'},
		},
	];
	return [...fromTable, ...extra];
}
