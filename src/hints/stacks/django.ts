import type {StackRenderer} from '../types.js';

const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'];

// JSON string literals are valid Python string literals for the ASCII tokens a policy holds.
const list = (values: readonly string[]): string => `[${values.map(value => JSON.stringify(value)).join(', ')}]`;

/**
django-cors-headers settings, appended to `settings.py`. The middleware goes first in `MIDDLEWARE`: Django turns an
exception into its 500 page inside each middleware layer, so the outermost one sees every response and adds the
headers to the error pages too, and it answers preflights itself before any view or auth middleware runs.
*/
export const render: StackRenderer = policy => {
	if (policy.origin === '*' && policy.credentials) {
		throw new TypeError('A credentialed request cannot be granted with `*`: give the page origin.');
	}

	const methods = [...SAFELISTED_METHODS, ...policy.methods.filter(method => !SAFELISTED_METHODS.includes(method))];
	const lines = [
		'INSTALLED_APPS = [*INSTALLED_APPS, "corsheaders"]',
		'# First, so the headers reach every response (500 pages too) and preflights are answered before auth runs.',
		'MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", *MIDDLEWARE]',
		// django-cors-headers refuses "*" in CORS_ALLOWED_ORIGINS; a public, credential-less API says so with this flag.
		policy.origin === '*' ? 'CORS_ALLOW_ALL_ORIGINS = True' : `CORS_ALLOWED_ORIGINS = ${list([policy.origin])}`,
		`CORS_ALLOW_METHODS = ${list(methods)}`,
		// Always written: the default list would allow headers the policy does not ask for.
		`CORS_ALLOW_HEADERS = ${list(policy.headers)}`,
	];
	if (policy.credentials) {
		lines.push('CORS_ALLOW_CREDENTIALS = True');
	}

	if (policy.exposeHeaders.length > 0) {
		lines.push(`CORS_EXPOSE_HEADERS = ${list(policy.exposeHeaders)}`);
	}

	if (policy.maxAge !== undefined) {
		lines.push(`CORS_PREFLIGHT_MAX_AGE = ${policy.maxAge}`);
	}

	return [{
		stack: 'django',
		language: 'python',
		file: 'settings.py',
		code: lines.join('\n') + '\n',
		note: 'Install django-cors-headers (pip install django-cors-headers) and append these lines to the end of settings.py.',
	}];
};
