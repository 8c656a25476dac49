import {jsCorsOptions} from '../render-util.js';
import type {StackRenderer} from '../types.js';

/** Fastify with `@fastify/cors`: registered first, its onRequest hook runs before auth hooks and answers preflights. */
export const render: StackRenderer = policy => [{
	stack: 'fastify',
	language: 'js',
	file: 'server.js (register before auth plugins and routes)',
	note: 'npm install @fastify/cors. An array `origin` echoes the request Origin only when it is listed, with Vary: Origin.',
	code: [
		'import cors from \'@fastify/cors\';',
		'',
		'await app.register(cors, {',
		...jsCorsOptions(policy),
		'});',
	].join('\n'),
}];
