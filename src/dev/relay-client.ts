import type {RelayAnswer, RequestShape} from './relay-types.js';

/** How `askRelay` talks to the relay: injected so tests and the classifier pass their own fetch and abort signal. */
export interface AskRelayOptions {
	/** The native fetch (not a cors-aware one: a relay failure must not start a diagnosis). Default: globalThis.fetch. */
	readonly fetch?: typeof globalThis.fetch;
	readonly signal?: AbortSignal;
}

/**
Asks the development relay (the Vite plugin `cors-doctor/vite` or the `cors-doctor/dev` middleware, on the page's own
dev server) what `checkCors` finds for a failed request's shape. Sends only the shape (the URL loses its query,
fragment and userinfo here too). Resolves `undefined` when there is no relay or it refuses: the caller keeps its
inferred verdict.

@example
```
const answer = await askRelay('/__cors-doctor/relay', {url: 'http://localhost:8080/items', method: 'GET', headers: ['x-api-key'], credentials: 'same-origin', pageOrigin: location.origin});
if (answer && 'codes' in answer) console.log(answer.codes); //=> ['HEADER_NOT_ALLOWED']
```
*/
export async function askRelay(endpoint: string, shape: RequestShape, options: AskRelayOptions = {}): Promise<RelayAnswer | undefined> {
	const fetch = options.fetch ?? globalThis.fetch;
	let url = shape.url;
	try {
		const parsed = new URL(shape.url);
		url = parsed.origin + parsed.pathname;
	} catch {}

	const body = JSON.stringify({
		url,
		method: shape.method,
		headers: shape.headers.map(name => name.toLowerCase()),
		credentials: shape.credentials,
		pageOrigin: shape.pageOrigin,
	});
	try {
		const response = await fetch(endpoint, {method: 'POST', headers: {'content-type': 'application/json'}, body, credentials: 'omit', cache: 'no-store', ...options.signal && {signal: options.signal}});
		if (!response.ok) {
			return undefined;
		}

		const answer = await response.json() as RelayAnswer;
		return answer?.source === 'relay' ? answer : undefined;
	} catch {
		return undefined;
	}
}
