import type {CorsPolicy} from './types.js';

/** The methods to allow: the safelisted ones plus what the policy adds (servers list them all). */
export const methodsOf = (policy: CorsPolicy): string[] => [...new Set(['GET', 'HEAD', 'POST', ...policy.methods])];

/** A JS/TS array literal of strings, e.g. `['a', 'b']`. */
export const jsList = (values: readonly string[]): string => `[${values.map(value => `'${value.replaceAll('\\', '\\\\').replaceAll('\'', '\\\'')}'`).join(', ')}]`;

/** A double-quoted string list for other languages, e.g. `"a", "b"`. */
export const quotedList = (values: readonly string[]): string => values.map(value => JSON.stringify(value)).join(', ');
