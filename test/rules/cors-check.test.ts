import {describe, expect, it} from 'vitest';
import {corsCheck, type CheckedRequest, type RawResponse} from '../../src/rules';

// WPT cors/origin.htm runs on http://web-platform.test (port 80), SUBDOMAIN www1, at /cors/origin.htm.
const origin = 'http://web-platform.test';
const host = 'web-platform.test';
const omit: CheckedRequest = {origin, credentials: 'omit'};
const include: CheckedRequest = {origin, credentials: 'include'};

const acao = (...values: string[]): RawResponse => ({status: 200, headers: values.map((value): [string, string] => ['Access-Control-Allow-Origin', value])});

describe('corsCheck: WPT cors/origin.htm, allowed values', () => {
	it.each(['*', ' *  ', '\t*', origin, ` ${origin}`, ` ${origin}   \t `, `\t${origin}`])('%j passes', value => {
		expect(corsCheck(acao(value), omit)).toBeUndefined();
	});
});

describe('corsCheck: WPT cors/origin.htm, refused values', () => {
	it.each<[string, string, string | undefined]>([
		[`http://www1.${host}`, 'ALLOW_ORIGIN_MISMATCH', 'host'],
		[`//${host}`, 'ALLOW_ORIGIN_INVALID', undefined],
		[`://${host}`, 'ALLOW_ORIGIN_INVALID', undefined],
		[`ftp://${host}`, 'ALLOW_ORIGIN_MISMATCH', 'scheme'],
		[`http:://${host}`, 'ALLOW_ORIGIN_INVALID', undefined],
		[`http:/${host}`, 'ALLOW_ORIGIN_MISMATCH', 'scheme'],
		[`http:${host}`, 'ALLOW_ORIGIN_MISMATCH', 'scheme'],
		[host, 'ALLOW_ORIGIN_INVALID', undefined],
		[`${origin}?`, 'ALLOW_ORIGIN_MISMATCH', 'trailing-slash'],
		[`${origin}/`, 'ALLOW_ORIGIN_MISMATCH', 'trailing-slash'],
		[`${origin} /`, 'ALLOW_ORIGIN_MULTIPLE', 'list'],
		[`${origin}#`, 'ALLOW_ORIGIN_MISMATCH', 'trailing-slash'],
		[`${origin}%23`, 'ALLOW_ORIGIN_INVALID', undefined],
		[`${origin}:80`, 'ALLOW_ORIGIN_MISMATCH', 'port'],
		[`${origin}, *`, 'ALLOW_ORIGIN_MULTIPLE', 'list'],
		[`${origin}\u0000`, 'ALLOW_ORIGIN_INVALID', undefined],
		[origin.toUpperCase(), 'ALLOW_ORIGIN_MISMATCH', 'case'],
		[`HTTP://${host}`, 'ALLOW_ORIGIN_MISMATCH', 'case'],
		['-', 'ALLOW_ORIGIN_INVALID', undefined],
		['**', 'ALLOW_ORIGIN_INVALID', undefined],
		['\u0000*', 'ALLOW_ORIGIN_INVALID', undefined],
		['*\u0000', 'ALLOW_ORIGIN_INVALID', undefined],
		["'*'", 'ALLOW_ORIGIN_INVALID', undefined],
		['"*"', 'ALLOW_ORIGIN_INVALID', undefined],
		['* *', 'ALLOW_ORIGIN_MULTIPLE', 'list'],
		['* null', 'ALLOW_ORIGIN_MULTIPLE', 'list'],
		['*http://*', 'ALLOW_ORIGIN_INVALID', undefined],
		[`*${origin}`, 'ALLOW_ORIGIN_INVALID', undefined],
		[`* ${origin}`, 'ALLOW_ORIGIN_MULTIPLE', 'list'],
		[`*, ${origin}`, 'ALLOW_ORIGIN_MULTIPLE', 'list'],
		[`\u0000${origin}`, 'ALLOW_ORIGIN_INVALID', undefined],
		[`null ${origin}`, 'ALLOW_ORIGIN_MULTIPLE', 'list'],
		['http://example.net', 'ALLOW_ORIGIN_MISMATCH', 'host'],
		['null', 'ALLOW_ORIGIN_MISMATCH', 'null'],
		['null *', 'ALLOW_ORIGIN_MULTIPLE', 'list'],
		['', 'ALLOW_ORIGIN_INVALID', undefined],
		[`${origin}/cors/origin.htm`, 'ALLOW_ORIGIN_MISMATCH', 'trailing-slash'],
		[`${origin}/cors/`, 'ALLOW_ORIGIN_MISMATCH', 'trailing-slash'],
		[`http://www1.${host}/`, 'ALLOW_ORIGIN_MISMATCH', 'host'],
		['test', 'ALLOW_ORIGIN_INVALID', undefined],
		['.test', 'ALLOW_ORIGIN_INVALID', undefined],
		['*.test', 'ALLOW_ORIGIN_INVALID', undefined],
		['http://test', 'ALLOW_ORIGIN_MISMATCH', 'host'],
		['http://.test', 'ALLOW_ORIGIN_MISMATCH', 'host'],
		['http://*.test', 'ALLOW_ORIGIN_MISMATCH', 'host'],
		[`https://${host}`, 'ALLOW_ORIGIN_MISMATCH', 'scheme'],
		[`${origin}:8080`, 'ALLOW_ORIGIN_MISMATCH', 'port'],
	])('%j -> %s (%s)', (value, code, detail) => {
		const failure = corsCheck(acao(value), omit);
		expect(failure?.code).toBe(code);
		expect(failure?.detail).toBe(detail);
		expect(failure?.header).toBe('access-control-allow-origin');
		expect(failure?.seen).toBe(value.replace(/^[\t ]+|[\t ]+$/g, ''));
		expect(failure?.expected).toBe(origin);
	});

	it.each<[string, string]>([
		['', '*'],
		['*', ''],
		['*', '*'],
		['', origin],
		['*', origin],
		[origin, origin],
	])('two lines %j + %j -> ALLOW_ORIGIN_MULTIPLE (duplicate-lines), seen joined with ", "', (first, second) => {
		const failure = corsCheck(acao(first, second), omit);
		expect(failure).toMatchObject({code: 'ALLOW_ORIGIN_MULTIPLE', detail: 'duplicate-lines', seen: `${first}, ${second}`});
		expect(failure?.engines).toBeUndefined();
	});
});

describe('corsCheck: the other rules', () => {
	it('reports a missing header with a WebKit note', () => {
		const failure = corsCheck({status: 500, headers: [['Content-Type', 'text/plain']]}, omit);
		expect(failure).toMatchObject({code: 'ALLOW_ORIGIN_MISSING', seen: null, expected: origin});
		expect(failure?.engines).toEqual([expect.objectContaining({engine: 'webkit', behaviour: 'code', code: 'ALLOW_ORIGIN_MISMATCH'})]);
	});

	it('finds the header whatever its case', () => {
		expect(corsCheck({status: 200, headers: [['access-control-ALLOW-origin', origin]]}, omit)).toBeUndefined();
	});

	it('rejects * with credentials', () => {
		expect(corsCheck(acao('*'), include)).toMatchObject({code: 'WILDCARD_ORIGIN_WITH_CREDENTIALS', seen: '*', expected: origin});
		expect(corsCheck(acao(' * '), include)?.code).toBe('WILDCARD_ORIGIN_WITH_CREDENTIALS');
	});

	it('notes how Firefox and WebKit report a one-line list', () => {
		const comma = corsCheck(acao(`${origin}, http://x.test`), omit);
		expect(comma?.engines?.map(note => note.engine)).toEqual(['firefox']);
		const space = corsCheck(acao(`${origin} http://x.test`), omit);
		expect(space?.engines?.map(note => [note.engine, note.code])).toEqual([['firefox', 'ALLOW_ORIGIN_MISMATCH'], ['webkit', 'ALLOW_ORIGIN_MISMATCH']]);
	});

	it('notes that Firefox and WebKit report an invalid value as a mismatch', () => {
		expect(corsCheck(acao('example.com'), omit)?.engines?.map(note => note.engine)).toEqual(['firefox', 'webkit']);
	});

	it('marks a mismatch caused by a redirect-tainted origin', () => {
		expect(corsCheck(acao(origin), {origin: 'null', credentials: 'omit'})).toMatchObject({code: 'REDIRECT_TAINTED_ORIGIN', detail: 'tainted', expected: 'null'});
		expect(corsCheck(acao('null'), {origin: 'null', credentials: 'omit'})).toBeUndefined();
		expect(corsCheck(acao('*'), {origin: 'null', credentials: 'omit'})).toBeUndefined();
	});

	it('needs a specific origin and ACAC true with credentials', () => {
		const ok: RawResponse = {status: 200, headers: [['Access-Control-Allow-Origin', origin], ['Access-Control-Allow-Credentials', 'true']]};
		expect(corsCheck(ok, include)).toBeUndefined();
		// Without credentials ACAC is not looked at.
		expect(corsCheck(acao(origin), omit)).toBeUndefined();
		expect(corsCheck(acao(origin), {origin, credentials: 'same-origin'})).toBeUndefined();
		expect(corsCheck(acao(origin), include)).toEqual({code: 'ALLOW_CREDENTIALS_MISSING', header: 'access-control-allow-credentials', seen: null, expected: 'true'});
	});

	// WPT cors/credentials-flag.htm: only the exact lower-case `true` allows credentials.
	it.each<[string[], boolean]>([
		[['true'], true],
		[[' true\t'], true],
		[['TRUE'], false],
		[['True'], false],
		[['"true"'], false],
		[['false'], false],
		[['1'], false],
		[['0'], false],
		[[''], false],
		[['true', 'true'], false],
	])('ACAC %j -> allowed %s', (values, allowed) => {
		const response: RawResponse = {status: 200, headers: [['Access-Control-Allow-Origin', origin], ...values.map((value): [string, string] => ['Access-Control-Allow-Credentials', value])]};
		const failure = corsCheck(response, include);
		if (allowed) {
			expect(failure).toBeUndefined();
		} else {
			expect(failure).toMatchObject({code: 'ALLOW_CREDENTIALS_MISSING', seen: values.map(value => value.trim()).join(', '), expected: 'true'});
		}
	});
});
