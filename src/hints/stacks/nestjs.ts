import {jsList, methodsOf} from '../render-util.js';
import type {StackRenderer} from '../types.js';

/** NestJS: `app.enableCors` (the `cors` package on Express, `@fastify/cors` on Fastify) before `listen`. */
export const render: StackRenderer = policy => [{
	stack: 'nestjs',
	language: 'ts',
	file: 'main.ts (after NestFactory.create, before app.listen)',
	note: 'Runs before guards and interceptors, so preflights are answered before auth. Works on both the Express and the Fastify platform.',
	code: [
		'app.enableCors({',
		`\torigin: ${jsList([policy.origin])},`,
		...(policy.credentials ? ['\tcredentials: true,'] : []),
		`\tmethods: ${jsList(methodsOf(policy))},`,
		...(policy.headers.length > 0 ? [`\tallowedHeaders: ${jsList(policy.headers)},`] : []),
		...(policy.exposeHeaders.length > 0 ? [`\texposedHeaders: ${jsList(policy.exposeHeaders)},`] : []),
		...(policy.maxAge === undefined ? [] : [`\tmaxAge: ${policy.maxAge},`]),
		'});',
	].join('\n'),
}];
