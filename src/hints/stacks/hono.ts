import {jsCorsOptions} from '../render-util.js';
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
		...jsCorsOptions(policy, {methods: 'allowMethods', headers: 'allowHeaders', expose: 'exposeHeaders'}),
		'}));',
	].join('\n'),
}];
