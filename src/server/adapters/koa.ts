import type {CorsObserver} from '../observer.js';
import {type NodeRequestLike, type NodeResponseLike, observeNode} from './node.js';
import {resolveObserver, type ObserverInput} from './resolve.js';

/** A Koa middleware. `.observer` gives the counters. */
export type KoaObserver = ((context: {readonly req: NodeRequestLike; readonly res: NodeResponseLike}, next: () => Promise<unknown>) => Promise<unknown>) & {readonly observer: CorsObserver};

/**
Koa: mount it first (before `@koa/cors`). It reads the response node:http really sent, so later middlewares cannot hide a header.

@example
```
import Koa from 'koa';
import cors from '@koa/cors';
import {koaObserver} from 'cors-doctor/server';

const app = new Koa();
app.use(koaObserver());
app.use(cors({origin: 'https://app.example.com'}));
```
*/
export function koaObserver(input?: ObserverInput): KoaObserver {
	const observer = resolveObserver(input);
	return Object.assign(async (context: {readonly req: NodeRequestLike; readonly res: NodeResponseLike}, next: () => Promise<unknown>) => {
		observeNode(observer, context.req, context.res);
		return next();
	}, {observer});
}
