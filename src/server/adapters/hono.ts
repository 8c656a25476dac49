import type {CorsObserver} from '../observer.js';
import {readCorsRequest} from '../request.js';
import {resolveObserver, type ObserverInput} from './resolve.js';

/** The parts of Hono's Context the middleware reads. */
export interface HonoContextLike {
	readonly req: {readonly raw: Request; readonly path: string};
	readonly res: Response;
}

/** A Hono middleware. `.observer` gives the counters. */
export type HonoObserver = ((context: HonoContextLike, next: () => Promise<void>) => Promise<void>) & {readonly observer: CorsObserver};

/**
Hono, on any runtime (fetch Headers join duplicate lines, so two `Access-Control-Allow-Origin` lines read as one list; the code
stays the same). Mount it first: it inspects `c.res` after the rest of the chain, `hono/cors` included, has run.

@example
```
import {Hono} from 'hono';
import {cors} from 'hono/cors';
import {honoObserver} from 'cors-doctor/server';

const app = new Hono();
app.use(honoObserver());
app.use(cors({origin: 'https://app.example.com'}));
```
*/
export function honoObserver(input?: ObserverInput): HonoObserver {
	const observer = resolveObserver(input);
	return Object.assign(async (context: HonoContextLike, next: () => Promise<void>) => {
		const {headers, method} = context.req.raw;
		if (!headers.has('origin')) {
			return next();
		}

		const observed = readCorsRequest(method, context.req.path, name => headers.get(name) ?? undefined);
		await next();
		if (observed) {
			const lines: Array<[string, string]> = [];
			for (const [name, value] of context.res.headers) {
				if (name.startsWith('access-control-')) {
					lines.push([name, value]);
				}
			}

			observer.inspect(observed, {status: context.res.status, headers: lines});
		}
	}, {observer});
}
