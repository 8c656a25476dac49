import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {render} from '../../../src/hints/stacks/go';
import {tempDir} from '../../browser/support/processes';
import {type Harness, policyFor, prepareFixture, proveSnippet, requireRuntime, startHarness, startRuntime, withFixture} from './support';

const GO = '/usr/bin/go';
// Debian's golang-github-rs-cors-dev installs the source here; GOPATH mode builds against it with no network.
const RS_CORS = '/usr/share/gocode/src/github.com/rs/cors/cors.go';

let harness: Harness | undefined;
let cache: {path: string; remove(): void} | undefined;

beforeAll(async () => {
	requireRuntime(GO, 'golang-go');
	requireRuntime(RS_CORS, 'golang-github-rs-cors-dev');
	cache = tempDir('cors-doctor-gocache-');
	harness = await startHarness();
});

afterAll(async () => {
	await harness?.close();
	cache?.remove();
});

async function startGo(code: string | undefined, port: number) {
	// The fixture serves wrap(mux); the hook points it at the snippet's withCORS, as the snippet's comment says to.
	const snippet = code === undefined ? undefined : `${code}\nfunc init() { wrap = withCORS }\n`;
	const fixture = prepareFixture('go', {file: 'main.go', port, snippet});
	return withFixture(fixture, async () => {
		await promisify(execFile)(GO, ['build', '-o', `${fixture.dir}/server`, `${fixture.dir}/main.go`], {
			env: {...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOCACHE: cache!.path},
		});
		return startRuntime(`${fixture.dir}/server`, [String(port)], {port});
	});
}

describe('go (golang-go, golang-github-rs-cors-dev)', () => {
	test('renders two alternatives, net/http and rs/cors, both already gofmt-clean', async () => {
		const snippets = render(policyFor('http://127.0.0.1:1'));
		expect(snippets.map(snippet => snippet.code.includes('github.com/rs/cors'))).toEqual([false, true]);
		for (const snippet of snippets) {
			const fixture = prepareFixture('go', {file: 'main.go', port: 1, snippet: snippet.code});
			try {
				const {stdout} = await promisify(execFile)('/usr/bin/gofmt', ['-l', `${fixture.dir}/main.go`]);
				expect(stdout, snippet.code).toBe('');
			} finally {
				fixture.remove();
			}
		}
	});

	test('net/http: the failing credentialed PUT passes in Chromium with the wrapper, http.Error responses included', async () => {
		await proveSnippet(harness!, policy => render(policy)[0]!.code, startGo);
	}, 180_000);

	test('rs/cors: the failing credentialed PUT passes in Chromium with the wrapper, http.Error responses included', async () => {
		await proveSnippet(harness!, policy => render(policy)[1]!.code, startGo);
	}, 180_000);
});
