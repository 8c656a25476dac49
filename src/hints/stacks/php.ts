import type {StackRenderer} from '../types.js';

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];

/**
Plain PHP: `header()` calls at the top of the front controller. Headers set before anything runs are sent with every
response the script produces, a 500 from an uncaught exception or a fatal error included; preflights end right there
with 204 so no routing, auth or body parsing sees them.
*/
export const render: StackRenderer = policy => {
	if (policy.origin === '*' && policy.credentials) {
		throw new TypeError('A credentialed request cannot be granted with `*`: give the page origin.');
	}

	const methods = [...SAFELISTED_METHODS, ...policy.methods.filter(method => !SAFELISTED_METHODS.includes(method))];
	const header = (name: string, value: string): string => `header('${name}: ${value}');`;
	const always = [header('Access-Control-Allow-Origin', policy.origin)];
	if (policy.credentials) {
		always.push(header('Access-Control-Allow-Credentials', 'true'));
	}

	if (policy.exposeHeaders.length > 0) {
		always.push(header('Access-Control-Expose-Headers', policy.exposeHeaders.join(', ')));
	}

	const preflight = [header('Access-Control-Allow-Methods', methods.join(', '))];
	if (policy.headers.length > 0) {
		preflight.push(header('Access-Control-Allow-Headers', policy.headers.join(', ')));
	}

	if (policy.maxAge !== undefined) {
		preflight.push(header('Access-Control-Max-Age', String(policy.maxAge)));
	}

	return [{
		stack: 'php',
		language: 'php',
		file: 'index.php',
		code: [
			...always,
			'if ($_SERVER[\'REQUEST_METHOD\'] === \'OPTIONS\') {',
			...preflight.map(line => `    ${line}`),
			'    http_response_code(204);',
			'    exit;',
			'}',
			'',
		].join('\n'),
		note: 'Put this at the very top of the front controller (index.php), right after `<?php` and before any output, so every response gets it.',
	}];
};
