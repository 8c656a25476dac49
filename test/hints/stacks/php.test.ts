import {afterAll, beforeAll, describe, test} from 'vitest';
import {render} from '../../../src/hints/stacks/php';
import {type Harness, prepareFixture, proveSnippet, requireRuntime, startHarness, startRuntime, withFixture} from './support';

const PHP = '/usr/bin/php';

let harness: Harness | undefined;

beforeAll(async () => {
	requireRuntime(PHP, 'php-cli');
	harness = await startHarness();
});

afterAll(async () => {
	await harness?.close();
});

describe('plain PHP on the built-in server (php-cli)', () => {
	test('the failing credentialed PUT passes in Chromium with the snippet, uncaught exceptions included', async () => {
		await proveSnippet(harness!, policy => render(policy)[0]!.code, async (code, port) => {
			const fixture = prepareFixture('php', {file: 'index.php', port, snippet: code});
			// display_errors off, as in production: an uncaught exception is then a bare 500.
			return withFixture(fixture, async () => startRuntime(PHP, ['-n', '-d', 'display_errors=0', '-S', `127.0.0.1:${port}`, '-t', fixture.dir, `${fixture.dir}/index.php`], {port}));
		});
	}, 120_000);
});
