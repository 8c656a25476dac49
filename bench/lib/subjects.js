// The code under test, from the built bundle (dist/index.js). Until the library exports its
// fetch layer, a pass-through placeholder of the same shape stands in so the harness can be
// exercised; the report then says PLACEHOLDER in its title and must not be published.
import ky from 'ky';
import * as library from '../../dist/index.js';

function placeholderCorsFetch({fetch} = {}) {
	return async (input, init) => {
		const fetchFunction = fetch ?? globalThis.fetch;
		try {
			return await fetchFunction(input, init);
		} catch (error) {
			throw error;
		}
	};
}

const real = typeof library.corsFetch === 'function' && typeof library.createClient === 'function'
	&& typeof library.createCorsFetch === 'function';

export const isPlaceholder = !real;

/** @type {(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>} */
export const corsFetch = real ? library.corsFetch : placeholderCorsFetch();

/** @type {(options?: {fetch?: typeof fetch, [key: string]: unknown}) => typeof fetch} */
export const createCorsFetch = real ? library.createCorsFetch : placeholderCorsFetch;

/** @type {(options?: Record<string, unknown>) => typeof ky} */
export const createClient = real
	? library.createClient
	: (options = {}) => ky.create({...options, fetch: placeholderCorsFetch({fetch: options.fetch})});

export {default as ky} from 'ky';
