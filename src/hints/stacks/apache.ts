import type {StackRenderer} from '../types.js';

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];

/**
Apache: `Header always set` (mod_headers) and a 204 for preflights (mod_rewrite). Plain `Header set` only touches
successful responses; `always` also covers errors and the 204 mod_rewrite answers preflights with.
*/
export const render: StackRenderer = policy => {
	if (policy.origin === '*' && policy.credentials) {
		throw new TypeError('A credentialed request cannot be granted with `*`: give the page origin.');
	}

	const methods = [...SAFELISTED_METHODS, ...policy.methods.filter(method => !SAFELISTED_METHODS.includes(method))];
	const set = (name: string, value: string): string => `Header always set ${name} "${value}"`;
	const lines = [
		set('Access-Control-Allow-Origin', policy.origin),
		set('Access-Control-Allow-Methods', methods.join(', ')),
	];
	if (policy.headers.length > 0) {
		lines.push(set('Access-Control-Allow-Headers', policy.headers.join(', ')));
	}

	if (policy.credentials) {
		lines.push(set('Access-Control-Allow-Credentials', 'true'));
	}

	if (policy.exposeHeaders.length > 0) {
		lines.push(set('Access-Control-Expose-Headers', policy.exposeHeaders.join(', ')));
	}

	if (policy.maxAge !== undefined) {
		lines.push(set('Access-Control-Max-Age', String(policy.maxAge)));
	}

	return [{
		stack: 'apache',
		language: 'apache',
		file: '<VirtualHost>',
		code: [
			...lines,
			'# Preflights end here with 204, before auth or the application can refuse OPTIONS.',
			'RewriteEngine On',
			'RewriteCond %{REQUEST_METHOD} =OPTIONS',
			'RewriteRule ^ - [R=204,L]',
			'',
		].join('\n'),
		note: 'Enable the modules (a2enmod headers rewrite) and put these lines in the <VirtualHost> that serves the API.',
	}];
};
