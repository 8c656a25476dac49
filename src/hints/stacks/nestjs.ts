import {jsCorsOptions} from '../render-util.js';
import type {StackRenderer} from '../types.js';

/** NestJS: `app.enableCors` (the `cors` package on Express, `@fastify/cors` on Fastify) before `listen`. */
export const render: StackRenderer = policy => [{
	stack: 'nestjs',
	language: 'ts',
	file: 'main.ts (after NestFactory.create, before app.listen)',
	note: 'Runs before guards and interceptors, so preflights are answered before auth. Works on both the Express and the Fastify platform.',
	code: [
		'app.enableCors({',
		...jsCorsOptions(policy),
		'});',
	].join('\n'),
}];
