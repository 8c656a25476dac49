import type {EngineNote} from '../rules/types.js';

/** A browser engine whose behaviour the testing fetch imitates. */
export type Engine = EngineNote['engine'];

/** The one message each engine gives every failed fetch (CORS or network): the app sees nothing more. */
export const ENGINE_MESSAGES: {readonly [E in Engine]: string} = {
	chromium: 'Failed to fetch',
	firefox: 'NetworkError when attempting to fetch resource.',
	webkit: 'Load failed',
};
