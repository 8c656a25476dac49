import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runCli} from '../../src/cli/run';
import {auditCors, type AuditResult, type FindingId, nodeTransport, type TransportRequest} from '../../src/node';
import {startExpress, TRUSTED} from './audit-servers/express';
import {startFlask, startNginx, type Subprocess} from './audit-servers/processes';

/**
The audit against real middlewares configured insecurely on purpose (Express + cors, hand-written checks, Flask +
flask-cors from Debian, Debian nginx), and against correct configurations, which must give no finding at all.
*/
const ALL: FindingId[] = ['reflected-origin', 'null-origin', 'suffix-match', 'prefix-match', 'subdomain-trust', 'regex-dot', 'http-origin', 'port-variant'];

const cases: Array<[server: 'express' | 'flask' | 'nginx', path: string, expected: FindingId[]]> = [
	['express', '/cors-origin-true', ALL],
	['express', '/reflector', ALL],
	['express', '/regex-dot', ['regex-dot']],
	['express', '/null-allowed', ['null-origin']],
	['express', '/ends-with', ['prefix-match', 'subdomain-trust', 'regex-dot', 'http-origin']],
	['express', '/starts-with', ['suffix-match', 'port-variant']],
	['express', '/http-and-https', ['http-origin']],
	['express', '/wildcard', ['wildcard-origin']],
	['express', '/good-allowlist', []],
	['express', '/good-function', []],
	['flask', '/any', ALL],
	['flask', '/regex-dot', ['regex-dot']],
	['flask', '/good', []],
	['nginx', '/reflect', ALL],
	['nginx', '/unanchored', ['suffix-match', 'prefix-match', 'regex-dot', 'http-origin', 'port-variant']],
	['nginx', '/good', []],
];

const servers: Partial<Record<'express' | 'flask' | 'nginx', Subprocess>> = {};
const sent: TransportRequest[] = [];
const results = new Map<string, AuditResult>();

beforeAll(async () => {
	const started = await Promise.allSettled([startExpress(), startFlask(), startNginx()]);
	const [express, flask, nginx] = started.map(item => (item.status === 'fulfilled' ? item.value : undefined));
	Object.assign(servers, {express, flask, nginx});
	const failed = started.find(item => item.status === 'rejected');
	if (failed) {
		throw (failed as PromiseRejectedResult).reason;
	}
});

afterAll(async () => {
	await Promise.allSettled(Object.values(servers).map(async server => server?.close()));
});

async function audit(server: keyof typeof servers, path: string): Promise<AuditResult> {
	const url = `${servers[server]!.origin}${path}`;
	let result = results.get(url);
	if (!result) {
		result = await auditCors(url, {
			origins: [TRUSTED],
			transport: async request => {
				sent.push(request);
				return nodeTransport(request);
			},
		});
		results.set(url, result);
	}

	return result;
}

describe('auditCors against real servers', () => {
	test.each(cases)('%s %s', async (server, path, expected) => {
		const result = await audit(server, path);
		expect([...new Set(result.findings.map(finding => finding.id))].sort()).toEqual([...expected].sort());
		expect(result.ok).toBe(expected.length === 0);
		// The audit proved something: the trusted origin itself is granted everywhere.
		expect(result.notes.filter(note => note.includes('itself is not granted'))).toEqual([]);
		for (const finding of result.findings) {
			expect(finding.evidence.length).toBeGreaterThan(0);
			for (const exchange of finding.evidence) {
				expect(exchange.request.origin).toBe(finding.origin);
				expect(exchange.headers.every(([name]) => /^(access-control-|vary$)/i.test(name))).toBe(true);
			}
		}
	});

	test('a reflected origin with credentials is critical, and its fix is self-contained', async () => {
		for (const [server, path] of [['express', '/cors-origin-true'], ['flask', '/any'], ['nginx', '/reflect']] as const) {
			const finding = (await audit(server, path)).findings[0]!;
			expect(finding).toMatchObject({id: 'reflected-origin', severity: 'critical', credentials: true, preflight: true});
			expect(finding.fix).toContain(`'${TRUSTED}'`);
			const credentialed = finding.evidence.find(exchange => exchange.probe === 'actual-credentialed')!;
			expect(credentialed.headers.map(([name, value]) => `${name.toLowerCase()}: ${value}`)).toEqual(expect.arrayContaining([
				`access-control-allow-origin: ${finding.origin}`,
				'access-control-allow-credentials: true',
			]));
		}
	});

	test('the wildcard is low and gives no credentialed read', async () => {
		expect((await audit('express', '/wildcard')).findings).toMatchObject([{id: 'wildcard-origin', severity: 'low', credentials: false}]);
	});

	test('only OPTIONS and GET were sent, OPTIONS always as a preflight, and no cookie but the dummy', async () => {
		await audit('express', '/good-allowlist');
		expect(new Set(sent.map(request => request.method))).toEqual(new Set(['OPTIONS', 'GET']));
		for (const request of sent) {
			const names = new Map(request.headers.map(([name, value]) => [name.toLowerCase(), value]));
			expect(names.has('origin')).toBe(true);
			expect(names.has('access-control-request-method')).toBe(request.method === 'OPTIONS');
			expect([undefined, 'cors-doctor-audit=1']).toContain(names.get('cookie'));
			expect(request.method === 'OPTIONS' && names.has('cookie')).toBe(false);
		}
	});
});

describe('cors-doctor audit (CLI)', () => {
	const io = () => {
		const out = {stdout: '', stderr: ''};
		return {out, io: {stdout: (text: string) => (out.stdout += text), stderr: (text: string) => (out.stderr += text), env: {}, isTTY: false, version: () => '0.0.0'}};
	};

	test('exit 1 with findings, JSON with the ids; exit 0 on a correct config', async () => {
		const bad = io();
		expect(await runCli(['audit', `${servers.express!.origin}/null-allowed`, '--origin', TRUSTED, '--json'], bad.io)).toBe(1);
		expect(JSON.parse(bad.out.stdout)).toMatchObject({schemaVersion: 1, ids: ['null-origin'], ok: false});
		const good = io();
		expect(await runCli(['audit', `${servers.nginx!.origin}/good`, '--origin', TRUSTED], good.io)).toBe(0);
		expect(good.out.stdout).toContain('No permissive CORS pattern found.');
	});

	test('--fail-on filters by severity; the text names severity, evidence and fix', async () => {
		const high = io();
		expect(await runCli(['audit', `${servers.express!.origin}/http-and-https`, '--origin', TRUSTED, '--fail-on', 'high'], high.io)).toBe(0);
		expect(high.out.stdout).toMatch(/MEDIUM http-origin: .*\n {2}> GET Origin: http:\/\/app\.example\.com/);
		expect(high.out.stdout).toContain('  fix: Trust only https origins');
		const medium = io();
		expect(await runCli(['audit', `${servers.express!.origin}/http-and-https`, '--origin', TRUSTED, '--fail-on', 'medium'], medium.io)).toBe(1);
	});

	test('exit 2 on bad input', async () => {
		const bad = io();
		expect(await runCli(['audit', `${servers.express!.origin}/good-allowlist`, '--origin', TRUSTED, '--fail-on', 'severe'], bad.io)).toBe(2);
		expect(bad.out.stderr).toContain('Invalid --fail-on "severe"');
		expect(await runCli(['audit', `${servers.express!.origin}/x`, '--origin', 'https://app.example.com/path'], io().io)).toBe(2);
		expect(await runCli(['audit', `${servers.express!.origin}/x`], io().io)).toBe(2);
		const misplaced = io();
		expect(await runCli(['audit', `${servers.express!.origin}/x`, '--origin', TRUSTED, '--method', 'PUT'], misplaced.io)).toBe(2);
		expect(misplaced.out.stderr).toContain('--method belongs to check');
	});
});
