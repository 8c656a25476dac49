import {expect, test} from 'vitest';
import {developmentFrom, isDevelopment, printDiagnosis, type PrintableDiagnosis} from '../../src/dev/console';

const error: PrintableDiagnosis = {
	code: 'HEADER_NOT_ALLOWED',
	confidence: 'likely',
	message: '[cors-doctor] HEADER_NOT_ALLOWED: GET https://api.example.com/items was blocked: the preflight does not allow request header "x-api-key".',
	request: {method: 'GET', url: 'https://api.example.com/items'},
	evidence: [
		{probe: 'reach', sent: {method: 'GET', mode: 'no-cors', credentials: 'omit'}},
		{probe: 'simple', sent: {method: 'GET', mode: 'cors', credentials: 'omit'}},
		{probe: 'header', sent: {method: 'GET', mode: 'cors', credentials: 'omit', header: 'x-api-key'}},
		{probe: 'control', sent: {method: 'GET', mode: 'cors', credentials: 'omit', header: 'content-type'}},
	],
	hints: [{header: 'Access-Control-Allow-Headers', value: 'x-api-key', on: 'preflight'}],
	docsUrl: 'https://unpkg.com/cors-doctor/docs/errors/HEADER_NOT_ALLOWED.md',
};

const recorder = () => {
	const lines: string[] = [];
	let depth = 0;
	return {
		lines,
		console: {
			groupCollapsed: (label: string) => {
				lines.push(`> ${label}`);
				depth++;
			},
			log: (line: string) => lines.push(`${'  '.repeat(depth)}${line}`),
			groupEnd: () => {
				depth--;
			},
		},
		depth: () => depth,
	};
};

test('one collapsed group: code and request on its line, then the fix and the note about the probes', () => {
	const record = recorder();
	expect(printDiagnosis(error, record.console)).toBe(true);
	expect(record.lines).toEqual([
		'> [cors-doctor] HEADER_NOT_ALLOWED (likely): GET https://api.example.com/items',
		`  ${error.message}`,
		'  fix: Access-Control-Allow-Headers: x-api-key (on the preflight response)',
		'  The 3 other CORS errors the browser may print for https://api.example.com/items are cors-doctor\'s own probes (simple, header x-api-key, control content-type), not more failures of your app.',
		'  https://unpkg.com/cors-doctor/docs/errors/HEADER_NOT_ALLOWED.md',
	]);
	expect(record.depth()).toBe(0);
});

test('no probe note when no probe could print a CORS error (static facts)', () => {
	const record = recorder();
	printDiagnosis({...error, code: 'MIXED_CONTENT', confidence: 'certain', evidence: [], hints: []}, record.console);
	expect(record.lines.some(line => line.includes('probes'))).toBe(false);
	expect(record.lines).toHaveLength(3);
});

test('never prints a header value or a query string', () => {
	const record = recorder();
	printDiagnosis(error, record.console);
	expect(record.lines.join('\n')).not.toMatch(/\?|SECRET/);
});

test.each([
	[true, 'production', true],
	[false, 'development', false],
	[undefined, 'production', false],
	[undefined, 'development', true],
	[undefined, 'test', true],
	[undefined, undefined, false],
	['yes', undefined, false],
])('developmentFrom(DEV %s, NODE_ENV %s) is %s', (dev, nodeEnv, expected) => {
	expect(developmentFrom(dev, nodeEnv)).toBe(expected);
});

test('isDevelopment reads the bundler\'s flag: vitest (a Vite dev pipeline) says DEV', () => {
	expect((import.meta as ImportMeta & {env: {DEV: boolean}}).env.DEV).toBe(true);
	expect(isDevelopment()).toBe(true);
});
