import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:https';
import type {Duplex} from 'node:stream';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {CorsCode} from '../../src/codes';
import {CHROMIUM_CORS_ERRORS} from '../../src/node/chromium';
import {type ScenarioServer, type StaticFile, startScenarioServer} from '../support/scenario-server';
import {BUNDLE_ENTRY, CLASSIFIER_PAGE, serveBundle} from './support/bundle';
import {launchChromium} from './support/chromium';
import {PROBE_BUDGET, probeViolations, runCase} from './support/classifier-runner';
import {requireBinary} from './support/binaries';
import {FETCH_TYPE_ERROR} from './support/messages';
import {tempDir} from './support/processes';
import type {BrowserSession} from './support/session';

// Mixed content and Local Network Access for real, in one Chromium launch (research/browsers.md, last section): host
// names mapped to 127.0.0.1, an https page with a self-signed certificate, and one page port whose address space is
// overridden to public. Expected codes come from what Chromium itself reports for the original request.

const mapping = CHROMIUM_CORS_ERRORS as Readonly<Record<string, {code: CorsCode; inferred: readonly CorsCode[]}>>;

let api: ScenarioServer | undefined;
let publicPage: ScenarioServer | undefined;
let https: {origin: string; close(): Promise<void>} | undefined;
let session: BrowserSession | undefined;
let certs: {path: string; remove(): void} | undefined;

/** An https page server on loopback serving what `serveBundle` registers (as `app.test`, certificate errors ignored). */
async function startHttpsPage(key: Buffer, cert: Buffer): Promise<{origin: string; close(): Promise<void>; serve(path: string, file: StaticFile): void}> {
	const files = new Map<string, StaticFile>();
	const sockets = new Set<Duplex>();
	const server: Server = createServer({key, cert}, (request, response) => {
		const file = files.get(new URL(request.url ?? '/', 'https://app.test').pathname);
		response.writeHead(file ? 200 : 404, {'Content-Type': file?.type ?? 'text/plain', 'Cache-Control': 'no-store'});
		response.end(file?.body ?? 'not found');
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as {port: number};
	return {
		origin: `https://app.test:${port}`,
		serve(path, file) {
			files.set(path, file);
		},
		async close() {
			const closed = new Promise(resolve => {
				server.close(resolve);
			});
			for (const socket of sockets) {
				socket.destroy();
			}

			await closed;
		},
	};
}

beforeAll(async () => {
	certs = tempDir('cors-doctor-cert-');
	const key = join(certs.path, 'key.pem');
	const cert = join(certs.path, 'cert.pem');
	execFileSync(requireOpenssl(), ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=app.test',
		'-addext', 'subjectAltName=DNS:app.test,IP:127.0.0.1', '-keyout', key, '-out', cert], {stdio: 'ignore'});
	api = await startScenarioServer();
	serveBundle(api);
	publicPage = await startScenarioServer();
	serveBundle(publicPage);
	const page = await startHttpsPage(readFileSync(key), readFileSync(cert));
	https = page;
	serveBundle(page as unknown as ScenarioServer);
	const publicPort = new URL(publicPage.page).port;
	session = await launchChromium([
		'--ignore-certificate-errors',
		// Only these two names, both to loopback: nothing leaves the machine.
		'--host-resolver-rules=MAP app.test 127.0.0.1, MAP api.test 127.0.0.1',
		`--ip-address-space-overrides=127.0.0.1:${publicPort}=public`,
	]);
});

afterAll(async () => {
	await Promise.allSettled([session?.close(), api?.close(), publicPage?.close(), https?.close()]);
	certs?.remove();
});

function requireOpenssl(): string {
	try {
		return execFileSync('sh', ['-c', 'command -v openssl'], {encoding: 'utf8'}).trim();
	} catch {
		throw new Error('openssl is missing: install the Debian package openssl (.ci/run does)');
	}
}

// One call through a fresh createCorsFetch in the current page: the classifier's answer, as the page sees it.
const CALL = `async ({entry, url, init}) => {
	const cd = await import(entry);
	try {
		const response = await cd.createCorsFetch()(url, {cache: 'no-store', ...init});
		return {kind: 'success', status: response.status, secure: isSecureContext};
	} catch (error) {
		if (cd.isCorsError(error)) return {kind: 'cors', code: error.code, confidence: error.confidence, mayHaveRun: error.mayHaveRun, name: error.name, message: error.message, secure: isSecureContext};
		return {kind: 'error', name: error.name, message: error.message, secure: isSecureContext};
	}
}`;

interface Called {
	kind: 'success' | 'cors' | 'error';
	code?: string;
	confidence?: string;
	mayHaveRun?: boolean;
	name?: string;
	message?: string;
	secure: boolean;
}

test('an https page calling http://api.test (not potentially trustworthy): Chromium blocks it as mixed content, the classifier says MIXED_CONTENT', async () => {
	await session!.goto(`${https!.origin}${CLASSIFIER_PAGE}`);
	const url = `http://api.test:${new URL(api!.api).port}/s/good-simple-get`;
	api!.clear();
	session!.clearCdp!();
	const result = await session!.evaluate<Called>(CALL, {entry: BUNDLE_ENTRY, url, init: {}});
	expect(result.secure).toBe(true);
	// Chromium's own account: blocked before any network activity, as mixed content.
	const failure = session!.cdpFailures!().find(event => event.url === url);
	expect(failure?.blockedReason).toBe('mixed-content');
	expect(api!.log).toEqual([]);
	expect(result).toMatchObject({kind: 'cors', code: 'MIXED_CONTENT', mayHaveRun: false});
});

test('the same https page calling http://127.0.0.1 (loopback is trustworthy): a normal CORS verdict, not MIXED_CONTENT', async () => {
	await session!.goto(`${https!.origin}${CLASSIFIER_PAGE}`);
	const url = api!.url('allow-origin-missing');
	session!.clearCdp!();
	const result = await session!.evaluate<Called>(CALL, {entry: BUNDLE_ENTRY, url, init: {}});
	const reason = session!.cdpCorsErrors!().find(event => event.url === url)?.corsError;
	expect(reason).toBe('MissingAllowOriginHeader');
	const info = mapping[reason!]!;
	expect(result.kind).toBe('cors');
	expect([info.code, ...info.inferred]).toContain(result.code);
});

const hostNameCases = ['allow-origin-missing', 'header-not-allowed', 'wildcard-with-credentials', 'preflight-404-without-cors', 'good-simple-get'] as const;

test.each(hostNameCases)('a page on a host name (app.test -> 127.0.0.1) calling 127.0.0.1: %s gets Chromium\'s reason, never LOCAL_NETWORK_ACCESS', async name => {
	await session!.goto(`http://app.test:${new URL(api!.page).port}${CLASSIFIER_PAGE}`);
	const run = await runCase(session!, api!, {name, expect: {success: true}}, {expectCdp: true});
	// The scenario server grants {page} = http://127.0.0.1:PORT: from app.test even its good endpoints mismatch.
	expect(run.cdpReason, 'Chromium reported a CORS reason').toBeTruthy();
	const info = mapping[run.cdpReason!]!;
	expect(run.result.kind, run.result.message).toBe('cors');
	expect([info.code, ...info.inferred], `${run.result.code} for ${run.cdpReason}`).toContain(run.result.code);
	expect(run.result.code).not.toBe('LOCAL_NETWORK_ACCESS');
	// The probes really ran (a host-name page is no reason to skip them), safely.
	expect(run.probes.length).toBeGreaterThan(0);
	expect(probeViolations(run)).toEqual([]);
	expect(run.result.probeFetches).toBeLessThanOrEqual(PROBE_BUDGET);
});

test('a page on a host name calling a refused 127.0.0.1 port: the platform error stands (no LOCAL_NETWORK_ACCESS)', async () => {
	await session!.goto(`http://app.test:${new URL(api!.page).port}${CLASSIFIER_PAGE}`);
	const result = await session!.evaluate<Called>(CALL, {entry: BUNDLE_ENTRY, url: `${api!.refusedUrl}x`, init: {}});
	expect(result.kind, `${result.code}: ${result.message}`).toBe('error');
	expect(`${result.name}: ${result.message}`).toBe(FETCH_TYPE_ERROR.chromium);
});

test('a public page (address space overridden) calling a loopback API: Chromium denies Local Network Access, the classifier says LOCAL_NETWORK_ACCESS', async () => {
	await session!.goto(`${publicPage!.page}${CLASSIFIER_PAGE}`);
	const url = api!.url('good-simple-get');
	api!.clear();
	session!.clearCdp!();
	const result = await session!.evaluate<Called>(CALL, {entry: BUNDLE_ENTRY, url, init: {}});
	const reason = session!.cdpCorsErrors!().find(event => event.url === url)?.corsError;
	expect(reason).toBe('LocalNetworkAccessPermissionDenied');
	expect(result).toMatchObject({kind: 'cors', code: mapping[reason!]!.code});
	// Blocked before the network: neither the request nor any probe reached the API.
	expect(api!.log).toEqual([]);
});
