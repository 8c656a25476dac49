import type {StackRenderer} from '../types.js';

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];

/**
Caddyfile lines for the site block: a `header` block, applied before the response is written so error responses keep
it, and a 204 for preflights, before `reverse_proxy` or auth can refuse OPTIONS.
*/
export const render: StackRenderer = policy => {
	if (policy.origin === '*' && policy.credentials) {
		throw new TypeError('A credentialed request cannot be granted with `*`: give the page origin.');
	}

	const methods = [...SAFELISTED_METHODS, ...policy.methods.filter(method => !SAFELISTED_METHODS.includes(method))];
	const field = (name: string, value: string): string => `\t${name} "${value}"`;
	const fields = [
		field('Access-Control-Allow-Origin', policy.origin),
		field('Access-Control-Allow-Methods', methods.join(', ')),
	];
	if (policy.headers.length > 0) {
		fields.push(field('Access-Control-Allow-Headers', policy.headers.join(', ')));
	}

	if (policy.credentials) {
		fields.push(field('Access-Control-Allow-Credentials', 'true'));
	}

	if (policy.exposeHeaders.length > 0) {
		fields.push(field('Access-Control-Expose-Headers', policy.exposeHeaders.join(', ')));
	}

	if (policy.maxAge !== undefined) {
		fields.push(field('Access-Control-Max-Age', String(policy.maxAge)));
	}

	return [{
		stack: 'caddy',
		language: 'caddyfile',
		file: 'Caddyfile',
		code: [
			'header {',
			...fields,
			'}',
			'@corsPreflight method OPTIONS',
			'respond @corsPreflight 204',
			'',
		].join('\n'),
		note: 'Put these lines in the site block that serves the API.',
	}];
};
