import {describe, expect, test} from 'vitest';
import {isFetchFailure} from '../../src/core/detect';

describe('isFetchFailure', () => {
	test.each([
		'Failed to fetch', // Chromium
		'NetworkError when attempting to fetch resource.', // Firefox
		'Load failed', // WebKit
		'Failed to fetch (api.example.com)', // Sentry-enhanced forms
		'NetworkError when attempting to fetch resource. (api.example.com)',
		'Load failed (api.example.com:8443)',
	])('matches TypeError(%j)', message => {
		expect(isFetchFailure(new TypeError(message))).toBe(true);
	});

	test('matches happy-dom\'s DOMException NetworkError', () => {
		expect(isFetchFailure(new DOMException('Cross-origin request blocked', 'NetworkError'))).toBe(true);
	});

	test.each([
		['AbortError', new DOMException('aborted', 'AbortError')],
		['TimeoutError', new DOMException('timed out', 'TimeoutError')],
		['plain Error with the message', new Error('Failed to fetch')],
		['undici', new TypeError('fetch failed')],
		['suffix without parentheses', new TypeError('Failed to fetch resource')],
		['prefix', new TypeError('x Failed to fetch')],
		['ky NetworkError (not a DOMException)', Object.assign(new Error('Request failed due to a network error'), {name: 'NetworkError'})],
		['CorsError', Object.assign(new TypeError('Failed to fetch'), {name: 'CorsError'})],
		['HTTP error', Object.assign(new Error('Request failed with status code 500'), {name: 'HTTPError'})],
		['null', null],
		['string', 'Failed to fetch'],
	])('rejects %s', (_, error) => {
		expect(isFetchFailure(error)).toBe(false);
	});
});
