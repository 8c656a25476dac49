import {jsList, methodsOf} from '../render-util.js';
import type {StackRenderer} from '../types.js';

/**
Koa with `@koa/cors`. Its `origin` option takes one string or a function, so the allow-list is a function that
returns the request Origin only when listed (a falsy return skips CORS for that request).
*/
export const render: StackRenderer = policy => [{
	stack: 'koa',
	language: 'js',
	file: 'app.js (the first app.use, before auth and routers)',
	note: 'npm install @koa/cors. keepHeadersOnError keeps the headers on thrown errors (401, 404, 500), so the page can read them.',
	code: [
		'import cors from \'@koa/cors\';',
		'',
		`const allowedOrigins = new Set(${jsList([policy.origin])});`,
		'app.use(cors({',
		'\torigin: ctx => allowedOrigins.has(ctx.get(\'Origin\')) ? ctx.get(\'Origin\') : \'\',',
		...(policy.credentials ? ['\tcredentials: true,'] : []),
		`\tallowMethods: ${jsList(methodsOf(policy))},`,
		...(policy.headers.length > 0 ? [`\tallowHeaders: ${jsList(policy.headers)},`] : []),
		...(policy.exposeHeaders.length > 0 ? [`\texposeHeaders: ${jsList(policy.exposeHeaders)},`] : []),
		...(policy.maxAge === undefined ? [] : [`\tmaxAge: ${policy.maxAge},`]),
		'\tkeepHeadersOnError: true,',
		'}));',
	].join('\n'),
}];
