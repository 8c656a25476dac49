// The code under test, from the built bundle (dist/index.js). While an export has not landed, a
// pass-through placeholder of the same shape stands in for it so the harness can be exercised;
// `placeholders` names them and the report's title says PLACEHOLDER: such a report is no result.
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

const has = name => typeof library[name] === 'function';

/** Names of the exports that are placeholders in this run (empty when measuring the real library). */
export const placeholders = ['corsFetch', 'createCorsFetch', 'createClient'].filter(name => !has(name));

/** @type {(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>} */
export const corsFetch = has('corsFetch') ? library.corsFetch : placeholderCorsFetch();

/** @type {(options?: {fetch?: typeof fetch, [key: string]: unknown}) => typeof fetch} */
export const createCorsFetch = has('createCorsFetch') ? library.createCorsFetch : placeholderCorsFetch;

/** @type {(options?: Record<string, unknown>) => typeof ky} */
export const createClient = has('createClient')
	? library.createClient
	: (options = {}) => ky.create({...options, fetch: placeholderCorsFetch({fetch: options.fetch})});

export {default as ky} from 'ky';
