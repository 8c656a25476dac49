import {docsUrl} from '../../src/errors/docs-url';
import {describe as suite, expect, it} from 'vitest';
import {CORS_CODES, type CorsCode} from '../../src/codes';
import {CorsError} from '../../src/errors/CorsError';
import {describe, getFixes, STACK_IDS} from '../../src/hints';
import type {CheckResult} from '../../src/node/types';

// A request that needs every kind of line: a credentialed PUT with a custom header, reading an exposed header.
const facts = {origin: 'https://app.test', method: 'PUT', headers: ['x-api-key', 'content-type'], credentials: true, exposeHeaders: ['x-request-id']};

suite.each(CORS_CODES.map(code => [code] as const))('%s', code => {
	const fixes = getFixes({code, ...facts});

	it('has an explanation: a title, what the browser checked and what it got, and ordered steps', () => {
		expect(fixes.code).toBe(code);
		for (const text of [fixes.title, fixes.checked, fixes.got]) expect(text.length).toBeGreaterThan(15);
		expect(fixes.steps.length).toBeGreaterThan(0);
		expect(fixes.docsUrl).toBe(docsUrl(code));
	});

	it('has both paths: you own the server, you do not', () => {
		expect(fixes.ownServer.length).toBeGreaterThan(0);
		expect(fixes.notYourServer.length).toBeGreaterThan(0);
	});

	it('has header lines filled from the request, or says the server headers are not the fix', () => {
		if (fixes.fixIn === 'server') {
			const focus = fixes.headers.filter(line => line.focus);
			expect(focus.length).toBeGreaterThan(0);
			const origin = fixes.headers.find(line => line.name === 'Access-Control-Allow-Origin');
			expect(origin).toEqual({name: 'Access-Control-Allow-Origin', value: 'https://app.test', on: 'every', focus: expect.any(Boolean)});
			expect(fixes.headers).toContainEqual(expect.objectContaining({name: 'Access-Control-Allow-Credentials', value: 'true', on: 'every'}));
			expect(fixes.headers).toContainEqual(expect.objectContaining({name: 'Access-Control-Allow-Methods', value: 'GET, HEAD, POST, PUT', on: 'preflight'}));
			expect(fixes.headers).toContainEqual(expect.objectContaining({name: 'Access-Control-Allow-Headers', value: 'x-api-key, content-type', on: 'preflight'}));
			expect(fixes.headers).toContainEqual(expect.objectContaining({name: 'Access-Control-Expose-Headers', value: 'x-request-id', on: 'actual'}));
			// Focused lines come first.
			expect(fixes.headers[0]!.focus).toBe(true);
		} else if (fixes.fixIn === 'page') {
			expect(fixes.headers).toEqual([expect.objectContaining({name: 'Content-Security-Policy', on: 'page', focus: true})]);
		} else {
			expect(fixes.headers).toEqual([]);
		}
	});

	it('has a snippet for every stack, or an explicit not-applicable with the reason', () => {
		expect(fixes.stacks.map(stack => stack.stack)).toEqual(STACK_IDS);
		for (const stack of fixes.stacks) {
			if (stack.applicable) {
				expect(fixes.fixIn, stack.stack).toBe('server');
				expect(stack.snippets.length, stack.stack).toBeGreaterThan(0);
				for (const snippet of stack.snippets) {
					expect(snippet.stack).toBe(stack.stack);
					expect(snippet.code).toContain('https://app.test');
				}
			} else {
				expect(fixes.fixIn, stack.stack).not.toBe('server');
				expect(stack.reason.length, stack.stack).toBeGreaterThan(20);
			}
		}
	});

	it('has security notes, and check-first items where a server is to be changed', () => {
		expect(fixes.security.length).toBeGreaterThan(0);
		if (fixes.fixIn === 'server') {
			expect(fixes.checkFirst.length).toBeGreaterThan(0);
			expect(fixes.security.map(note => note.id)).toContain('no-reflect-with-credentials');
			expect(fixes.security.map(note => note.id)).toContain('vary-origin');
		}
	});

	it('has a developer sentence with the fix and a neutral user sentence', () => {
		const developer = describe({code, ...facts});
		expect(developer).toContain(code);
		const focus = fixes.headers.find(line => line.focus);
		if (focus) expect(developer).toContain(`${focus.name}: ${focus.value}`);
		expect(describe({code, ...facts}, {audience: 'user'}).length).toBeGreaterThan(20);
	});
});

suite('snippets are specific to the request', () => {
	it('a header not allowed gets the allowed-headers line with that header, for every applicable stack', () => {
		const fixes = getFixes({code: 'HEADER_NOT_ALLOWED', origin: 'https://app.test', headers: ['x-trace-token']});
		expect(fixes.headers[0]).toEqual({name: 'Access-Control-Allow-Headers', value: 'x-trace-token', on: 'preflight', focus: true});
		for (const stack of fixes.stacks) {
			if (stack.applicable) expect(stack.snippets.map(snippet => snippet.code).join('\n'), stack.stack).toContain('x-trace-token');
		}
	});

	it('never grants credentials a request does not carry', () => {
		const fixes = getFixes({code: 'ALLOW_ORIGIN_MISSING', origin: 'https://app.test'}, {framework: 'express'});
		expect(fixes.headers.map(line => line.name)).toEqual(['Access-Control-Allow-Origin', 'Vary']);
		const express = fixes.stacks[0]!;
		expect(express.applicable && express.snippets[0]!.code).not.toContain('credentials');
	});

	it('fills placeholders when facts are missing, and says which', () => {
		const fixes = getFixes({code: 'METHOD_NOT_ALLOWED'});
		expect(fixes.placeholders).toEqual(['origin', 'method']);
		expect(fixes.policy.methods).toEqual(['PUT']);
	});

	it('renders only the chosen framework, and rejects unknown ones', () => {
		expect(getFixes({code: 'ORIGIN_NOT_ALLOWED'}, {framework: 'koa'}).stacks.map(stack => stack.stack)).toEqual(['koa']);
		expect(() => getFixes({code: 'ORIGIN_NOT_ALLOWED'}, {framework: 'rocket' as never})).toThrow(/Unknown `framework` "rocket"/);
		expect(() => getFixes({code: 'NOPE' as CorsCode})).toThrow(TypeError);
	});

	it('adds the upload notes for requests with a body', () => {
		expect(getFixes({code: 'HEADER_NOT_ALLOWED', method: 'PUT'}).uploads.join(' ')).toContain('Presigned S3');
		expect(getFixes({code: 'HEADER_NOT_ALLOWED', method: 'GET'}).uploads).toEqual([]);
	});
});

suite('inputs', () => {
	const request = {
		method: 'PATCH', url: 'https://api.test/items', pageOrigin: 'https://app.test', targetOrigin: 'https://api.test',
		mode: 'cors', credentials: 'include', preflight: true, triggers: ['PATCH', 'x-api-key'],
	} as const;

	it('reads a CorsError and its toJSON() alike', () => {
		const error = new CorsError({code: 'HEADER_NOT_ALLOWED', confidence: 'likely', request, names: ['x-api-key']});
		const fromError = getFixes(error, {framework: 'fastify'});
		const fromJson = getFixes(JSON.parse(JSON.stringify(error.toJSON())), {framework: 'fastify'});
		expect(fromJson).toEqual(fromError);
		expect(fromError.policy).toEqual({origin: 'https://app.test', methods: ['PATCH'], headers: ['x-api-key'], credentials: true, exposeHeaders: [], maxAge: 600});
		expect(fromError.placeholders).toEqual([]);
	});

	it('covers the alternatives of a diagnosis', () => {
		const json = {...new CorsError({code: 'HEADER_NOT_ALLOWED', confidence: 'likely', request, names: ['x-api-key']}).toJSON(), alternatives: [{code: 'PREFLIGHT_REJECTED' as const}]};
		const fixes = getFixes(json, {framework: 'express'});
		expect(fixes.others.map(other => [other.code, other.relation])).toEqual([['PREFLIGHT_REJECTED', 'alternative']]);
		expect(fixes.others[0]!.stacks[0]!.applicable).toBe(true);
	});

	it('reads a checkCors result: every problem is covered', () => {
		const result: CheckResult = {
			ok: false, url: 'https://api.test/items', origin: 'https://app.test', method: 'PUT', credentials: false,
			preflight: {url: 'https://api.test/items', request: {method: 'OPTIONS', headers: [['origin', 'https://app.test'], ['access-control-request-method', 'PUT'], ['access-control-request-headers', 'x-api-key']]}, status: 204, headers: []},
			actual: {skipped: 'unsafe-method'},
			problems: [
				{code: 'ALLOW_ORIGIN_MISSING', phase: 'preflight', seen: null, expected: 'https://app.test', message: 'm', fix: []},
				{code: 'HEADER_NOT_ALLOWED', phase: 'preflight', seen: null, expected: 'x-api-key', param: 'x-api-key', message: 'm', fix: []},
			],
			notes: [],
		};
		const fixes = getFixes(result);
		expect(fixes.code).toBe('ALLOW_ORIGIN_MISSING');
		expect(fixes.others.map(other => [other.code, other.relation])).toEqual([['HEADER_NOT_ALLOWED', 'also']]);
		expect(fixes.policy).toMatchObject({origin: 'https://app.test', methods: ['PUT'], headers: ['x-api-key']});
		expect(() => getFixes({...result, ok: true, problems: []})).toThrow(/nothing to fix/);
	});
});
