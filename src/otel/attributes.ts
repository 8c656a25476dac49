import {CODE_INFO} from '../index.js';
import type {CorsErrorJSON} from '../index.js';

/**
The span attributes cors-doctor sets, by name: the HTTP semantic conventions' own (`error.type`, `http.request.method`,
`url.full`, `server.*`) and its diagnosis under the `cors_doctor.` namespace. docs/telemetry.md has the table.
*/
export const CORS_DOCTOR_ATTRIBUTES = {
	code: 'cors_doctor.code',
	confidence: 'cors_doctor.confidence',
	class: 'cors_doctor.class',
	kind: 'cors_doctor.kind',
	targetOrigin: 'cors_doctor.target_origin',
	pageOrigin: 'cors_doctor.page_origin',
	preflight: 'cors_doctor.preflight',
	mayHaveRun: 'cors_doctor.may_have_run',
	names: 'cors_doctor.names',
	alternatives: 'cors_doctor.alternatives',
	reason: 'cors_doctor.reason',
	docsUrl: 'cors_doctor.docs_url',
} as const;

// HTTP semantic conventions (stable): the known methods are RFC 9110's, PATCH and QUERY, matched case-sensitively;
// anything else is `_OTHER` with the original in `http.request.method_original` (so the lowercase `patch` that the
// Fetch standard sends as is, unlike `get`/`post`/`put`/`delete`/`head`/`options`, is `_OTHER`).
const KNOWN_METHODS = new Set(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'QUERY', 'TRACE']);

const server = (origin: string): {'server.address'?: string; 'server.port'?: number} => {
	try {
		const url = new URL(origin);
		const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : undefined;
		// IPv6 hosts without their URL brackets, as semconv writes addresses.
		return {'server.address': url.hostname.replace(/^\[(.*)\]$/, '$1'), ...port !== undefined && {'server.port': port}};
	} catch {
		return {};
	}
};

/**
The span attributes for a classified failure, from `toJSON()` (so it also works on a deserialized event). Values are
redacted already: the URL has no query, fragment or userinfo, and headers appear by name only.

@example
```
span.setAttributes(corsErrorAttributes(error.toJSON()));
```
*/
export const corsErrorAttributes = (json: CorsErrorJSON): Record<string, string | number | boolean | string[]> => {
	const {request} = json;
	const [codeClass, kind] = CODE_INFO[json.code] ?? ['unknown', 'inferred'];
	const known = KNOWN_METHODS.has(request.method);
	const a = CORS_DOCTOR_ATTRIBUTES;
	return {
		'error.type': json.code,
		'http.request.method': known ? request.method : '_OTHER',
		...!known && {'http.request.method_original': request.method},
		'url.full': request.url,
		...server(request.targetOrigin),
		[a.code]: json.code,
		[a.confidence]: json.confidence,
		[a.class]: codeClass,
		[a.kind]: kind,
		[a.targetOrigin]: request.targetOrigin,
		[a.pageOrigin]: request.pageOrigin,
		[a.preflight]: request.preflight,
		// Absent from events serialized before the field existed: better no attribute than a guess.
		...typeof json.mayHaveRun === 'boolean' && {[a.mayHaveRun]: json.mayHaveRun},
		...json.names.length > 0 && {[a.names]: [...json.names]},
		...json.alternatives?.length > 0 && {[a.alternatives]: json.alternatives.map(alternative => alternative.code)},
		...json.reason && {[a.reason]: json.reason},
		[a.docsUrl]: json.docsUrl,
	};
};
