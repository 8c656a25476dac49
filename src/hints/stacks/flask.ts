import type {StackRenderer} from '../types.js';

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];

// JSON string literals are valid Python string literals for the ASCII tokens a policy holds.
const list = (values: readonly string[]): string => `[${values.map(value => JSON.stringify(value)).join(', ')}]`;

/**
flask-cors on the whole app. It adds the headers in an `after_request` hook and around Flask's exception handlers, so
500 responses carry them too, and it answers preflights with 200 itself. Every option is written out: its defaults
(`allow_headers="*"`, all methods) grant more than the failing request needs.
*/
export const render: StackRenderer = policy => {
	if (policy.origin === '*' && policy.credentials) {
		throw new TypeError('A credentialed request cannot be granted with `*`: give the page origin.');
	}

	// flask-cors only answers a preflight whose method is listed, so the safelisted ones a preflight can carry are too.
	const methods = [...SAFELISTED_METHODS, ...policy.methods.filter(method => !SAFELISTED_METHODS.includes(method))];
	const options = [
		`origins=${list([policy.origin])}`,
		`methods=${list(methods)}`,
		`allow_headers=${list(policy.headers)}`,
	];
	if (policy.exposeHeaders.length > 0) {
		options.push(`expose_headers=${list(policy.exposeHeaders)}`);
	}

	if (policy.credentials) {
		options.push('supports_credentials=True');
	}

	if (policy.maxAge !== undefined) {
		options.push(`max_age=${policy.maxAge}`);
	}

	return [{
		stack: 'flask',
		language: 'python',
		file: 'app.py',
		code: `from flask_cors import CORS\n\nCORS(\n    app,\n${options.map(option => `    ${option},\n`).join('')})\n`,
		note: 'Install flask-cors (pip install flask-cors) and add this right after `app = Flask(__name__)`.',
	}];
};
