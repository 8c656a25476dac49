import {jsList, methodsOf} from '../render-util.js';
import type {CorsPolicy, Snippet, StackRenderer} from '../types.js';

// The headers every granted response carries, and those only the preflight needs, as JS object literal lines.
function headerLines(policy: CorsPolicy): {every: string[]; preflight: string[]} {
	return {
		every: [
			...(policy.credentials ? ['\t\'Access-Control-Allow-Credentials\': \'true\','] : []),
			...(policy.exposeHeaders.length > 0 ? [`\t'Access-Control-Expose-Headers': '${policy.exposeHeaders.join(', ')}',`] : []),
		],
		preflight: [
			`\t'Access-Control-Allow-Methods': '${methodsOf(policy).join(', ')}',`,
			...(policy.headers.length > 0 ? [`\t'Access-Control-Allow-Headers': '${policy.headers.join(', ')}',`] : []),
			...(policy.maxAge === undefined ? [] : [`\t'Access-Control-Max-Age': '${policy.maxAge}',`]),
		],
	};
}

/**
Next.js (App Router). Two ways: the proxy file (`middleware` before Next.js 16) answers preflights and decorates
every matched response, route handlers included; or a helper each route handler uses.
*/
export const render: StackRenderer = policy => {
	const {every, preflight} = headerLines(policy);
	const shared = [
		`const allowedOrigins = ${jsList([policy.origin])};`,
		'const corsHeaders = {',
		...every,
		'};',
		'const preflightHeaders = {',
		...preflight,
		'};',
	];
	const proxy: Snippet = {
		stack: 'nextjs',
		language: 'js',
		file: 'proxy.js at the project root (Next.js 16; on Next.js 15 and older: middleware.js exporting `middleware`)',
		note: 'Covers every route under the matcher, route handlers and their error responses included. Adjust `matcher` to your API paths.',
		code: [
			'import {NextResponse} from \'next/server\';',
			'',
			...shared,
			'',
			'export function proxy(request) {',
			'\tconst origin = request.headers.get(\'origin\') ?? \'\';',
			'\tconst granted = allowedOrigins.includes(origin) ? {\'Access-Control-Allow-Origin\': origin, ...corsHeaders} : {};',
			'\tif (request.method === \'OPTIONS\') {',
			'\t\treturn new NextResponse(null, {status: 204, headers: {...granted, ...preflightHeaders, Vary: \'Origin\'}});',
			'\t}',
			'',
			'\tconst response = NextResponse.next();',
			'\tfor (const [name, value] of Object.entries(granted)) response.headers.set(name, value);',
			'\tresponse.headers.append(\'Vary\', \'Origin\');',
			'\treturn response;',
			'}',
			'',
			'export const config = {matcher: \'/api/:path*\'};',
		].join('\n'),
	};
	const routeHandlers: Snippet = {
		stack: 'nextjs',
		language: 'js',
		file: 'lib/cors.js, used by each app/**/route.js',
		note: 'Without a proxy file: in each route.js, `export {OPTIONS} from \'../lib/cors.js\'` and wrap every handler, e.g. `export const PUT = withCors(async request => Response.json(data))`.',
		code: [
			...shared,
			'',
			'function grantedHeaders(request) {',
			'\tconst origin = request.headers.get(\'origin\') ?? \'\';',
			'\treturn allowedOrigins.includes(origin) ? {\'Access-Control-Allow-Origin\': origin, ...corsHeaders, Vary: \'Origin\'} : {Vary: \'Origin\'};',
			'}',
			'',
			'export function OPTIONS(request) {',
			'\treturn new Response(null, {status: 204, headers: {...grantedHeaders(request), ...preflightHeaders}});',
			'}',
			'',
			'// Errors become a 500 that still carries the CORS headers, so the page can read the status.',
			'export const withCors = handler => async (request, context) => {',
			'\tlet response;',
			'\ttry {',
			'\t\tresponse = await handler(request, context);',
			'\t} catch (error) {',
			'\t\tconsole.error(error);',
			'\t\tresponse = new Response(\'Internal Server Error\', {status: 500});',
			'\t}',
			'',
			'\tfor (const [name, value] of Object.entries(grantedHeaders(request))) response.headers.set(name, value);',
			'\treturn response;',
			'};',
		].join('\n'),
	};
	return [proxy, routeHandlers];
};
