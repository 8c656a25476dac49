import type {CorsCode} from '../codes.js';
import {isSafelistedMethod} from '../rules/method.js';
import {CATALOG, CHECK_FIRST, SECURITY, callFromBackend, securityFor, type Entry, type LineKind} from './catalog.js';
import {factsOf, type Facts} from './facts.js';
import type {CodeFixes, FixInput, Fixes, GetFixesOptions, HeaderLine, StackFix} from './model.js';
import {STACK_IDS, STACKS} from './stacks/index.js';
import type {CorsPolicy, StackId} from './types.js';
import {docsUrl} from '../errors/docs-url.js';

/**
The fixes for a failed cross-origin request: what the browser checked and got, the exact response header lines
filled in from the request, ordered steps, snippets for your server stack, what to check first, and the security
notes; for the diagnosed code and for the other codes in play.

`input` is a `CorsError`, its `toJSON()` (e.g. from telemetry), a `checkCors` result, or `{code, ...facts}`.

@example
```
import {getFixes} from 'cors-doctor/hints';

const fixes = getFixes(error, {framework: 'express'});
console.log(fixes.headers.map(line => `${line.name}: ${line.value}  (${line.on})`).join('\n'));
console.log(fixes.stacks[0]?.applicable ? fixes.stacks[0].snippets[0]?.code : fixes.stacks[0]?.reason);
```
*/
export function getFixes(input: FixInput, options: GetFixesOptions = {}): Fixes {
	const stacks = normalizeFramework(options.framework);
	const facts = factsOf(input);
	const policy = policyOf(facts);
	return {
		...codeFixes(facts.code, facts, policy, stacks),
		policy,
		placeholders: facts.placeholders,
		others: facts.others.map(other => ({...codeFixes(other.code, facts, policy, stacks), relation: other.relation})),
	};
}

/** The CORS policy that lets this request through: what every stack renders. */
export function policyOf(facts: Facts): CorsPolicy {
	return {
		origin: facts.origin,
		methods: isSafelistedMethod(facts.method) ? [] : [facts.method],
		headers: facts.headers,
		credentials: facts.credentials,
		exposeHeaders: facts.exposeHeaders,
		maxAge: 600,
	};
}

function normalizeFramework(framework: GetFixesOptions['framework']): StackId[] {
	if (framework === undefined) {
		return STACK_IDS;
	}

	const list = typeof framework === 'string' ? [framework] : framework;
	if (!Array.isArray(list)) {
		throw new TypeError('The `framework` option must be a stack id or an array of them');
	}

	for (const id of list) {
		if (!Object.hasOwn(STACKS, id)) {
			throw new TypeError(`Unknown \`framework\` "${String(id)}": expected one of ${STACK_IDS.join(', ')}`);
		}
	}

	return list;
}

function codeFixes(code: CorsCode, facts: Facts, policy: CorsPolicy, stacks: readonly StackId[]): CodeFixes {
	const entry: Entry = CATALOG[code];
	// Alternatives are explained with their own code's words, over the same request.
	const own = {...facts, code};
	return {
		code,
		title: entry.title,
		checked: entry.checked(own),
		got: entry.got(own),
		fixIn: entry.fixIn,
		headers: headerLines(entry, own, policy),
		steps: entry.steps(own),
		ownServer: entry.ownServer?.(own) ?? ['Apply the steps above in the server\'s CORS configuration; the snippet for your stack is below.'],
		notYourServer: entry.notYourServer?.(own) ?? callFromBackend(own),
		stacks: stacks.map(id => stackFix(id, entry, policy)),
		checkFirst: entry.checkFirst.map(id => ({id, text: CHECK_FIRST[id]})),
		security: securityFor(entry.fixIn, facts.credentials).map(id => ({id, text: SECURITY[id]})),
		uploads: uploadNotes(own),
		docsUrl: docsUrl(code),
	};
}

function stackFix(id: StackId, entry: Entry, policy: CorsPolicy): StackFix {
	const stack = STACKS[id];
	if (entry.notApplicable !== undefined) {
		return {stack: id, name: stack.name, applicable: false, reason: entry.notApplicable};
	}

	return {stack: id, name: stack.name, applicable: true, verified: stack.verified, snippets: stack.render(policy)};
}

/** The whole policy as header lines, the code's own ones marked `focus` and listed first. */
function headerLines(entry: Entry, facts: Facts, policy: CorsPolicy): HeaderLine[] {
	if (entry.fixIn === 'page') {
		return [{name: 'Content-Security-Policy', value: `connect-src 'self' ${facts.targetOrigin ?? '<api origin>'}`, on: 'page', focus: true}];
	}

	if (entry.fixIn !== 'server') {
		return [];
	}

	const focus = new Set<LineKind>(entry.focus);
	const lines: Array<HeaderLine & {kind: LineKind | 'vary'}> = [
		{kind: 'origin', name: 'Access-Control-Allow-Origin', value: policy.origin, on: 'every', focus: focus.has('origin')},
		{kind: 'vary', name: 'Vary', value: 'Origin', on: 'every', focus: false},
	];
	if (policy.credentials) {
		lines.push({kind: 'credentials', name: 'Access-Control-Allow-Credentials', value: 'true', on: 'every', focus: focus.has('credentials')});
	}

	if (policy.methods.length > 0) {
		lines.push({kind: 'methods', name: 'Access-Control-Allow-Methods', value: ['GET', 'HEAD', 'POST', ...policy.methods].join(', '), on: 'preflight', focus: focus.has('methods')});
	}

	if (policy.headers.length > 0) {
		lines.push({kind: 'headers', name: 'Access-Control-Allow-Headers', value: policy.headers.join(', '), on: 'preflight', focus: focus.has('headers')});
	}

	if (policy.exposeHeaders.length > 0) {
		lines.push({kind: 'expose', name: 'Access-Control-Expose-Headers', value: policy.exposeHeaders.join(', '), on: 'actual', focus: focus.has('expose')});
	}

	// A code about a line the request did not need (METHOD_NOT_ALLOWED for GET) still shows that line.
	return [...lines.filter(line => line.focus), ...lines.filter(line => !line.focus)].map(({kind: _kind, ...line}) => line);
}

// Bodies: multipart/form-data is safelisted, so a plain FormData upload needs no preflight; a custom header or an
// upload progress listener (XHR upload events) does; S3 presigned PUTs need the bucket's own CORS rules.
function uploadNotes(facts: Facts): string[] {
	if (!['POST', 'PUT', 'PATCH', 'patch'].includes(facts.method)) {
		return [];
	}

	return [
		'A `FormData` (`multipart/form-data`) POST is CORS-safelisted: it needs no preflight, only `Access-Control-Allow-Origin` on the response; do not set `Content-Type` yourself (the browser adds the boundary).',
		'A custom header (an auth token, `x-upload-id`), a JSON body, PUT/PATCH, or an upload progress listener (`xhr.upload.onprogress`) makes it preflighted: the preflight must allow them.',
		'Presigned S3 (or GCS/Azure Blob) PUT URLs go straight to the bucket: the bucket\'s own CORS rules must allow your origin, `PUT` and the headers you sign (e.g. `content-type`), and expose `ETag` for multipart uploads.',
	];
}
