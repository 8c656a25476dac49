import {jsList, methodsOf} from '../render-util.js';
import type {StackRenderer} from '../types.js';

/** Hono's built-in `hono/cors` middleware on every path, registered before auth middleware and routes. */
export const render: StackRenderer = policy => [{
	stack: 'hono',
	language: 'ts',
	file: 'app.ts (before auth middleware and routes)',
	note: 'Built into hono. An array `origin` grants only the listed origins and adds Vary: Origin.',
	code: [
		'import {cors} from \'hono/cors\';',
		'',
		'app.use(\'*\', cors({',
		`\torigin: ${jsList([policy.origin])},`,
		...(policy.credentials ? ['\tcredentials: true,'] : []),
		`\tallowMethods: ${jsList(methodsOf(policy))},`,
		...(policy.headers.length > 0 ? [`\tallowHeaders: ${jsList(policy.headers)},`] : []),
		...(policy.exposeHeaders.length > 0 ? [`\texposeHeaders: ${jsList(policy.exposeHeaders)},`] : []),
		...(policy.maxAge === undefined ? [] : [`\tmaxAge: ${policy.maxAge},`]),
		'}));',
	].join('\n'),
}];
