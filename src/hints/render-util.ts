import type {CorsPolicy} from './types.js';

/** The methods to allow: the safelisted ones plus what the policy adds (servers list them all). */
export const methodsOf = (policy: CorsPolicy): string[] => [...new Set(['GET', 'HEAD', 'POST', ...policy.methods])];

/** A JS/TS array literal of strings, e.g. `['a', 'b']`. */
export const jsList = (values: readonly string[]): string => `[${values.map(value => `'${value.replaceAll('\\', '\\\\').replaceAll('\'', '\\\'')}'`).join(', ')}]`;

/** A double-quoted string list for other languages, e.g. `"a", "b"`. */
export const quotedList = (values: readonly string[]): string => values.map(value => JSON.stringify(value)).join(', ');

/** The names a JavaScript CORS middleware gives its options (the `cors` package's, which @fastify/cors and NestJS share). */
export interface JsOptionNames {
	readonly methods: string;
	readonly headers: string;
	readonly expose: string;
}

export const CORS_PACKAGE_NAMES: JsOptionNames = {methods: 'methods', headers: 'allowedHeaders', expose: 'exposedHeaders'};

/** The option lines (tab-indented) of a JavaScript CORS middleware for a policy: only what the policy needs. */
export const jsCorsOptions = (policy: CorsPolicy, names: JsOptionNames = CORS_PACKAGE_NAMES): string[] => [
	`\torigin: ${jsList([policy.origin])},`,
	...(policy.credentials ? ['\tcredentials: true,'] : []),
	`\t${names.methods}: ${jsList(methodsOf(policy))},`,
	...(policy.headers.length > 0 ? [`\t${names.headers}: ${jsList(policy.headers)},`] : []),
	...(policy.exposeHeaders.length > 0 ? [`\t${names.expose}: ${jsList(policy.exposeHeaders)},`] : []),
	...(policy.maxAge === undefined ? [] : [`\tmaxAge: ${policy.maxAge},`]),
];
