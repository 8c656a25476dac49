import {methodsOf} from '../render-util.js';
import type {StackRenderer} from '../types.js';

const phpList = (values: readonly string[]) => `[${values.map(value => `'${value.replaceAll('\'', '\\\'')}'`).join(', ')}]`;

// Checked against Laravel's routing docs (CORS section) and the framework's config/cors.php (not run: no Composer app here).
/** Laravel: the framework's HandleCors middleware (global by default since Laravel 9) reads config/cors.php. */
export const render: StackRenderer = policy => [{
	stack: 'laravel',
	language: 'php',
	file: 'config/cors.php (publish it with `php artisan config:publish cors`)',
	note: 'HandleCors is global middleware, so it answers preflights before route middleware such as auth. `paths` must cover the URL the page calls.',
	code: [
		'<?php',
		'',
		'return [',
		'    \'paths\' => [\'api/*\', \'sanctum/csrf-cookie\'],',
		`    'allowed_methods' => ${phpList(methodsOf(policy))},`,
		`    'allowed_origins' => ${phpList([policy.origin])},`,
		'    \'allowed_origins_patterns\' => [],',
		`    'allowed_headers' => ${phpList(policy.headers)},`,
		`    'exposed_headers' => ${phpList(policy.exposeHeaders)},`,
		`    'max_age' => ${policy.maxAge ?? 0},`,
		`    'supports_credentials' => ${policy.credentials ? 'true' : 'false'},`,
		'];',
	].join('\n'),
}];
