import type {CorsObserver} from '../observer.js';
import {type NodeRequestLike, type NodeResponseLike, observeNode} from './node.js';
import {resolveObserver, type ObserverInput} from './resolve.js';

type OnRequest = (request: {readonly raw: NodeRequestLike}, reply: {readonly raw: NodeResponseLike}, done: () => void) => void;

/** The part of a Fastify instance the plugin uses. */
export interface FastifyLike {
	addHook(name: 'onRequest', hook: OnRequest): unknown;
}

/** A Fastify plugin (not encapsulated, like fastify-plugin makes it). `.observer` gives the counters. */
export type FastifyObserver = ((instance: FastifyLike, options: unknown, done: (error?: Error) => void) => void) & {readonly observer: CorsObserver};

/**
Fastify: register it before `@fastify/cors`, whose onRequest hook answers preflights before later hooks run.

@example
```
import Fastify from 'fastify';
import cors from '@fastify/cors';
import {fastifyObserver} from 'cors-doctor/server';

const app = Fastify();
await app.register(fastifyObserver({onReport: report => app.log.warn(report, 'CORS')}));
await app.register(cors, {origin: ['https://app.example.com']});
```
*/
export function fastifyObserver(input?: ObserverInput): FastifyObserver {
	const observer = resolveObserver(input);
	const plugin = (instance: FastifyLike, _options: unknown, done: (error?: Error) => void) => {
		instance.addHook('onRequest', (request, reply, next) => {
			observeNode(observer, request.raw, reply.raw);
			next();
		});
		done();
	};

	// What fastify-plugin sets: the hook then applies to the whole app, not only to routes registered inside the plugin.
	return Object.assign(plugin, {observer, [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'cors-doctor'});
}
