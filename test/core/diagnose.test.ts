// @vitest-environment happy-dom
import {expect, test} from 'vitest';
import {diagnose} from '../../src/core/diagnose';
import {fakeFetch} from './fake-fetch';

test('classifies an XHR-style failure after the fact', async () => {
	const fake = fakeFetch({header: {'x-api-key': 'failed'}});
	const diagnosis = await diagnose('https://api.example.com/a', {method: 'PUT', headers: {'x-api-key': 'secret'}}, {fetch: fake.fetch});
	expect(diagnosis.kind).toBe('cors');
	expect(diagnosis.kind === 'cors' && diagnosis.error.code).toBe('HEADER_NOT_ALLOWED');
	expect(diagnosis.kind === 'cors' && diagnosis.error.cause).toBeUndefined();
	// diagnose never sends the request itself, only probes.
	expect(fake.calls.every(call => call.probe)).toBe(true);
});

test('network and same-origin kinds', async () => {
	expect(await diagnose('https://api.example.com/b', {}, {fetch: fakeFetch({reach: 'failed', simple: 'failed', 'simple-manual': 'failed'}).fetch}))
		.toMatchObject({kind: 'network', reason: 'unreachable'});
	expect(await diagnose('/same-origin')).toEqual({kind: 'not-cross-origin'});
});

test('bad options reject with a TypeError naming the option (never a fake network error)', async () => {
	await expect(diagnose('https://api.example.com/c', {}, {fetch: 1 as never})).rejects.toThrow('`fetch` option must be a function');
});

test('never throws otherwise: invalid input, abort', async () => {
	expect(await diagnose('http://[bad', {}, {fetch: fakeFetch({}).fetch})).toMatchObject({kind: 'network', reason: 'error'});
	const controller = new AbortController();
	const pending = diagnose('https://api.example.com/e', {signal: controller.signal}, {fetch: fakeFetch({delay: 500}).fetch});
	setTimeout(() => controller.abort(), 20);
	expect(await pending).toMatchObject({kind: 'network', reason: 'aborted'});
});
