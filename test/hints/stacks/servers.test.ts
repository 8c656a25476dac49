import {chmodSync} from 'node:fs';
import {afterAll, beforeAll, describe, test} from 'vitest';
import {render as renderApache} from '../../../src/hints/stacks/apache';
import {render as renderCaddy} from '../../../src/hints/stacks/caddy';
import {render as renderNginx} from '../../../src/hints/stacks/nginx';
import {type Harness, prepareFixture, proveSnippet, requireRuntime, startHarness, startRuntime, withFixture} from './support';

const NGINX = '/usr/sbin/nginx';
const APACHE = '/usr/sbin/apache2';
const CADDY = '/usr/bin/caddy';

let harness: Harness | undefined;

beforeAll(async () => {
	requireRuntime(NGINX, 'nginx');
	requireRuntime(APACHE, 'apache2');
	requireRuntime(CADDY, 'caddy');
	harness = await startHarness();
});

afterAll(async () => {
	await harness?.close();
});

describe('nginx (nginx)', () => {
	test('the failing credentialed PUT passes in Chromium with the server-block lines, nginx\'s own 500 included', async () => {
		await proveSnippet(harness!, policy => renderNginx(policy)[0]!.code, async (code, port) => {
			const fixture = prepareFixture('nginx', {file: 'nginx.conf', port, snippet: code});
			return withFixture(fixture, async () => startRuntime(NGINX, ['-p', fixture.dir, '-c', `${fixture.dir}/nginx.conf`, '-e', 'stderr'], {port}));
		});
	}, 120_000);
});

describe('apache (apache2: mod_headers, mod_rewrite, mod_cgid)', () => {
	test('the failing credentialed PUT passes in Chromium with the VirtualHost lines, a crashed CGI\'s 500 included', async () => {
		// Apache refuses to run its children as root; then the app (CGI scripts) runs as www-data and must reach the fixture.
		const root = process.getuid?.() === 0;
		await proveSnippet(harness!, policy => renderApache(policy)[0]!.code, async (code, port) => {
			const fixture = prepareFixture('apache', {file: 'httpd.conf', port, snippet: code, values: {USER: root ? 'User www-data\nGroup www-data' : ''}});
			chmodSync(fixture.dir, 0o755);
			return withFixture(fixture, async () => startRuntime(APACHE, ['-f', `${fixture.dir}/httpd.conf`, '-DFOREGROUND'], {port}));
		});
	}, 120_000);
});

describe('caddy (caddy)', () => {
	test('the failing credentialed PUT passes in Chromium with the site-block lines, a handler error\'s 500 included', async () => {
		await proveSnippet(harness!, policy => renderCaddy(policy)[0]!.code, async (code, port) => {
			const fixture = prepareFixture('caddy', {file: 'Caddyfile', port, snippet: code});
			// Caddy keeps state under HOME/XDG dirs: point them at the fixture so nothing lands in the real home.
			const home = {HOME: fixture.dir, XDG_DATA_HOME: fixture.dir, XDG_CONFIG_HOME: fixture.dir};
			return withFixture(fixture, async () => startRuntime(CADDY, ['run', '--config', `${fixture.dir}/Caddyfile`, '--adapter', 'caddyfile'], {port, env: home}));
		});
	}, 120_000);
});
