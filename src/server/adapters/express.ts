import type {CorsObserver} from '../observer.js';
import {type NodeRequestLike, type NodeResponseLike, observeNode} from './node.js';
import {resolveObserver, type ObserverInput} from './resolve.js';

/** A connect/Express middleware. `.observer` gives the counters. */
export type ExpressObserver = ((request: NodeRequestLike, response: NodeResponseLike, next: () => void) => void) & {readonly observer: CorsObserver};

/**
Express and connect: mount it first (before `cors()`), so it also sees the preflights `cors()` answers itself.

@example
```
import express from 'express';
import cors from 'cors';
import {expressObserver} from 'cors-doctor/server';

const app = express();
app.use(expressObserver({onReport: report => logger.warn(report, 'CORS')}));
app.use(cors({origin: ['https://app.example.com']}));
```
*/
export function expressObserver(input?: ObserverInput): ExpressObserver {
	const observer = resolveObserver(input);
	return Object.assign((request: NodeRequestLike, response: NodeResponseLike, next: () => void) => {
		observeNode(observer, request, response);
		next();
	}, {observer});
}
