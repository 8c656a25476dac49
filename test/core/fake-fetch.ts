import type {ProbeName, ProbeOutcome} from '../../src/errors/types';

/** How the fake server answers each probe; `header` per header name. Unlisted probes answer `ok`. */
export interface Scenario {
	readonly reach?: ProbeOutcome;
	readonly simple?: ProbeOutcome;
	readonly 'simple-manual'?: ProbeOutcome;
	readonly credentialed?: ProbeOutcome;
	readonly control?: ProbeOutcome;
	readonly header?: Readonly<Record<string, ProbeOutcome>>;
	/** How long each probe takes, in ms (honours the abort signal). */
	readonly delay?: number;
}

export interface Call {
	readonly url: string;
	readonly init: RequestInit;
	readonly probe?: ProbeName;
}

const typed = (type: ResponseType, status = 200): Response => {
	const response = new Response(type === 'opaque' || type === 'opaqueredirect' ? null : '{}', {status: type === 'cors' ? status : 200});
	Object.defineProperty(response, 'type', {value: type});
	Object.defineProperty(response, 'url', {value: 'https://api.example.com/items'});
	return response;
};

export const corsResponse = (headers: Record<string, string> = {}): Response => {
	const response = typed('cors');
	for (const [name, value] of Object.entries(headers)) {
		response.headers.set(name, value);
	}
	return response;
};

export const opaqueResponse = (): Response => typed('opaque');

// Probes are recognisable: cors-doctor always sends them with cache: 'no-store'; test requests never do.
// The control asks for content-type (or x-cors-doctor-probe when the request itself sends content-type): a content-type
// probe is the control unless the scenario describes content-type as one of the request's headers.
const probeOf = (init: RequestInit, scenario: Scenario): ProbeName => {
	const names = Object.keys(init.headers ?? {});
	const control = names.includes('x-cors-doctor-probe') || (names[0] === 'content-type' && scenario.header?.['content-type'] === undefined);
	return init.mode === 'no-cors' ? 'reach'
		: init.redirect === 'manual' ? 'simple-manual'
			: control ? 'control'
				: names.length > 0 ? 'header'
					: init.credentials === 'include' ? 'credentialed' : 'simple';
};

/**
A fetch whose original request fails like a browser's CORS failure (or resolves with `original`), and whose probes
answer per the scenario. happy-dom is not a CORS oracle, so this fake stands in for the browser.
*/
export const fakeFetch = (scenario: Scenario, original: () => Promise<Response> = () => Promise.reject(new TypeError('Failed to fetch'))) => {
	const calls: Call[] = [];
	const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
		const url = input instanceof Request ? input.url : String(input);
		if (init.cache !== 'no-store') {
			calls.push({url, init});
			return original();
		}
		const probe = probeOf(init, scenario);
		calls.push({url, init, probe});
		if (scenario.delay) {
			await new Promise<void>((resolve, reject) => {
				const timer = setTimeout(resolve, scenario.delay);
				init.signal?.addEventListener('abort', () => {
					clearTimeout(timer);
					reject(init.signal?.reason);
				});
			});
		}
		const outcome = probe === 'header'
			? scenario.header?.[Object.keys(init.headers ?? {})[0]!] ?? 'ok'
			: scenario[probe] ?? (probe === 'reach' ? 'opaque' : 'ok');
		if (outcome === 'failed') {
			throw new TypeError('Failed to fetch');
		}
		return outcome === 'ok' ? typed('cors') : typed(outcome as ResponseType);
	};
	return {fetch: fetch as typeof globalThis.fetch, calls, probes: () => calls.filter(call => call.probe)};
};
