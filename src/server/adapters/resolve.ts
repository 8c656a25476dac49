import {type CorsObserver, createCorsObserver} from '../observer.js';
import type {CorsObserverOptions} from '../types.js';

/** Every adapter takes options or an observer to share (one set of counters across several apps). */
export type ObserverInput = CorsObserverOptions | CorsObserver;

export function resolveObserver(input: ObserverInput = {}): CorsObserver {
	return typeof (input as Partial<CorsObserver>).inspect === 'function' ? input as CorsObserver : createCorsObserver(input as CorsObserverOptions);
}
