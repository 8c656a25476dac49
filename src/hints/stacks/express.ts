import {jsCorsOptions} from '../render-util.js';
import type {StackRenderer} from '../types.js';

/** Express with the `cors` package: one `app.use` before any auth or router answers preflights and decorates every response. */
export const render: StackRenderer = policy => [{
	stack: 'express',
	language: 'js',
	file: 'app.js (before auth, routers and error handlers)',
	note: 'npm install cors. An array `origin` echoes the request Origin only when it is listed, and adds Vary: Origin.',
	code: [
		'import cors from \'cors\';',
		'',
		'app.use(cors({',
		...jsCorsOptions(policy),
		'}));',
	].join('\n'),
}];
