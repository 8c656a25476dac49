import type {StackRenderer} from '../types.js';

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];

// JSON string literals are valid Ruby double-quoted strings for the ASCII tokens a policy holds.
const quote = (value: string): string => JSON.stringify(value);

/**
rack-cors, inserted first in the Rails middleware stack: outside ActionDispatch::ShowExceptions, so the 500 pages Rails
renders pass through it and get the headers, and preflights are answered before routing or authentication run.
*/
export const render: StackRenderer = policy => {
	if (policy.origin === '*' && policy.credentials) {
		throw new TypeError('A credentialed request cannot be granted with `*`: give the page origin.');
	}

	// rack-cors rejects a preflight, and adds nothing to a response, whose method is not listed: list the safelisted ones too.
	const methods = [...SAFELISTED_METHODS, ...policy.methods.filter(method => !SAFELISTED_METHODS.includes(method))];
	const symbols = (values: readonly string[]): string => `[${values.map(value => `:${value.toLowerCase()}`).join(', ')}]`;
	const strings = (values: readonly string[]): string => `[${values.map(value => quote(value)).join(', ')}]`;
	const options = [
		`methods: ${symbols(methods)}`,
		`headers: ${strings(policy.headers)}`,
	];
	if (policy.exposeHeaders.length > 0) {
		options.push(`expose: ${strings(policy.exposeHeaders)}`);
	}

	if (policy.credentials) {
		options.push('credentials: true');
	}

	if (policy.maxAge !== undefined) {
		options.push(`max_age: ${policy.maxAge}`);
	}

	return [{
		stack: 'rails',
		language: 'ruby',
		file: 'config/initializers/cors.rb',
		code: [
			'Rails.application.config.middleware.insert_before 0, Rack::Cors do',
			'  allow do',
			`    origins ${quote(policy.origin)}`,
			'    resource "*",',
			options.map(option => `      ${option}`).join(',\n'),
			'  end',
			'end',
			'',
		].join('\n'),
		note: 'Add `gem "rack-cors"` to the Gemfile, run bundle install, and put this in config/initializers/cors.rb.',
	}];
};
