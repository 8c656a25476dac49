import type {StackRenderer} from '../types.js';

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];

/**
nginx `add_header ... always` lines plus a 204 for preflights. Without `always` nginx adds headers only to 2xx/3xx
responses, so every error reaches the page as a CORS failure. All lines sit at one level on purpose: nginx inherits
`add_header` from the enclosing block only when a block has none of its own, so splitting them (or an `add_header`
in a `location`) silently drops the rest.
*/
export const render: StackRenderer = policy => {
	if (policy.origin === '*' && policy.credentials) {
		throw new TypeError('A credentialed request cannot be granted with `*`: give the page origin.');
	}

	const methods = [...SAFELISTED_METHODS, ...policy.methods.filter(method => !SAFELISTED_METHODS.includes(method))];
	const add = (name: string, value: string): string => `add_header ${name} "${value}" always;`;
	const lines = [
		add('Access-Control-Allow-Origin', policy.origin),
		add('Access-Control-Allow-Methods', methods.join(', ')),
	];
	if (policy.headers.length > 0) {
		lines.push(add('Access-Control-Allow-Headers', policy.headers.join(', ')));
	}

	if (policy.credentials) {
		lines.push(add('Access-Control-Allow-Credentials', 'true'));
	}

	if (policy.exposeHeaders.length > 0) {
		lines.push(add('Access-Control-Expose-Headers', policy.exposeHeaders.join(', ')));
	}

	if (policy.maxAge !== undefined) {
		lines.push(add('Access-Control-Max-Age', String(policy.maxAge)));
	}

	return [{
		stack: 'nginx',
		language: 'nginx',
		file: 'server block',
		code: [
			...lines,
			'# Preflights end here with 204, before auth or the upstream app can refuse OPTIONS.',
			'if ($request_method = OPTIONS) {',
			'    return 204;',
			'}',
			'',
		].join('\n'),
		note: 'Put these lines in the server block that serves the API; a location with add_header lines of its own must repeat them.',
	}];
};
