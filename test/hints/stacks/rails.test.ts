import {execFileSync} from 'node:child_process';
import {afterAll, beforeAll, describe, test} from 'vitest';
import {render} from '../../../src/hints/stacks/rails';
import {type Harness, prepareFixture, proveSnippet, requireRuntime, startHarness, startRuntime, withFixture} from './support';

const RACKUP = '/usr/bin/rackup';
// Rails itself from Debian (railties + actionpack 6.1), served by rackup on WEBrick.
const LIBRARIES = {rails: 'ruby-railties', 'action_controller/railtie': 'ruby-actionpack', 'rack/cors': 'ruby-rack-cors', webrick: 'ruby-webrick'};

let harness: Harness | undefined;

beforeAll(async () => {
	requireRuntime(RACKUP, 'ruby-rack');
	for (const [library, apt] of Object.entries(LIBRARIES)) {
		try {
			execFileSync('/usr/bin/ruby', ['-e', `require ${JSON.stringify(library)}`], {stdio: 'pipe'});
		} catch {
			throw new Error(`Ruby cannot load ${library}: this stack's snippet test needs it. Install it with: apt-get install -y ${apt} (.ci/run does this)`);
		}
	}
	harness = await startHarness();
});

afterAll(async () => {
	await harness?.close();
});

describe('rails + rack-cors (ruby-railties, ruby-actionpack, ruby-rack-cors, ruby-webrick)', () => {
	test('the failing credentialed PUT passes in Chromium with the initializer, 500 pages included', async () => {
		await proveSnippet(harness!, policy => render(policy)[0]!.code, async (code, port) => {
			const fixture = prepareFixture('rails', {file: 'config.ru', port, snippet: code});
			return withFixture(fixture, async () => startRuntime(RACKUP, ['-s', 'webrick', '-E', 'none', '-o', '127.0.0.1', '-p', String(port), `${fixture.dir}/config.ru`], {
				port,
				env: {RAILS_ENV: 'development'},
			}));
		});
	}, 180_000);
});
