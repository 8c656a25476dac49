import type {StackRenderer} from '../types.js';

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];

// JSON string literals are valid Python string literals for the ASCII tokens a policy holds.
const list = (values: readonly string[]): string => `[${values.map(value => JSON.stringify(value)).join(', ')}]`;

/**
Starlette's CORSMiddleware wrapped around the whole FastAPI app. `app.add_middleware(CORSMiddleware, ...)` is the usual
advice, but it puts CORS inside Starlette's ServerErrorMiddleware, which answers an unhandled exception with a 500
that has no CORS headers: the browser then reports a CORS error instead of the crash. Wrapping the finished app keeps
the headers on that 500 too.
*/
export const render: StackRenderer = policy => {
	if (policy.origin === '*' && policy.credentials) {
		throw new TypeError('A credentialed request cannot be granted with `*`: give the page origin.');
	}

	// CORSMiddleware answers a preflight for an unlisted method with 400, so the safelisted ones are listed too.
	const methods = [...SAFELISTED_METHODS, ...policy.methods.filter(method => !SAFELISTED_METHODS.includes(method))];
	const options = [
		`allow_origins=${list([policy.origin])}`,
		`allow_methods=${list(methods)}`,
		`allow_headers=${list(policy.headers)}`,
	];
	if (policy.credentials) {
		options.push('allow_credentials=True');
	}

	if (policy.exposeHeaders.length > 0) {
		options.push(`expose_headers=${list(policy.exposeHeaders)}`);
	}

	if (policy.maxAge !== undefined) {
		options.push(`max_age=${policy.maxAge}`);
	}

	return [{
		stack: 'fastapi',
		language: 'python',
		file: 'main.py',
		code: [
			'from starlette.middleware.cors import CORSMiddleware',
			'',
			'# Outermost, after every route is declared: app.add_middleware() would leave crash (500) responses without CORS headers.',
			'app = CORSMiddleware(',
			'    app,',
			...options.map(option => `    ${option},`),
			')',
			'',
		].join('\n'),
		note: 'Add this at the end of main.py, after the routes and routers; the server still runs `main:app` (uvicorn main:app).',
	}];
};
