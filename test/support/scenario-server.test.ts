import {request} from 'node:http';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startScenarioServer, type ScenarioServer} from './scenario-server';
import {scenario, scenarios} from './scenarios';

// Raw header lines matter (duplicate ACAO lines), so read them with node:http.
async function get(url: string, method = 'GET', headers: Record<string, string> = {}): Promise<{status: number; raw: string[]}> {
	return new Promise((resolve, reject) => {
		const outgoing = request(url, {method, headers, agent: false}, response => {
			response.resume();
			resolve({status: response.statusCode ?? 0, raw: response.rawHeaders});
		});
		outgoing.on('error', reject);
		outgoing.end();
	});
}

describe('scenario server', () => {
	let server: ScenarioServer;
	beforeAll(async () => {
		server = await startScenarioServer();
	});
	afterAll(async () => {
		await server.close();
	});

	test('three distinct loopback origins', () => {
		const origins = new Set([server.page, server.api, server.third]);
		expect(origins.size).toBe(3);
		for (const origin of origins) {
			expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		}
	});

	test('the page origin serves the test page and registered files', async () => {
		server.serve('/bundle.js', {type: 'text/javascript', body: 'export {}'});
		const page = await fetch(`${server.page}/`);
		expect(await page.text()).toContain('cors-doctor test page');
		const file = await fetch(`${server.page}/bundle.js`);
		expect(file.headers.get('content-type')).toBe('text/javascript');
		expect(await file.text()).toBe('export {}');
		expect((await fetch(`${server.page}/nope`)).status).toBe(404);
	});

	test('{page} is filled in and duplicate lines stay separate', async () => {
		const {raw} = await get(server.url('allow-origin-multiple-lines'));
		const lines = raw.filter((_, index) => index % 2 === 0 && raw[index] === 'Access-Control-Allow-Origin');
		expect(lines).toHaveLength(2);
		expect(raw[raw.indexOf('Access-Control-Allow-Origin') + 1]).toBe(server.page);
	});

	test('OPTIONS gets the preflight answer, other methods the actual one', async () => {
		const preflight = await get(server.url('preflight-404-without-cors'), 'OPTIONS');
		expect(preflight.status).toBe(404);
		const actual = await get(server.url('preflight-404-without-cors'), 'PUT');
		expect(actual.status).toBe(200);
	});

	test('redirects point at the asked origin, with userinfo when told', async () => {
		const {status, raw} = await get(server.url('redirect-userinfo'));
		expect(status).toBe(302);
		const location = raw[raw.indexOf('Location') + 1]!;
		expect(location).toBe(`${server.third.replace('http://', 'http://user:secret@')}/t/wildcard`);
	});

	test('the log records method, path, lowercased headers and body length', async () => {
		server.clear();
		await fetch(server.url('good-simple-get'), {method: 'POST', headers: {'X-Thing': 'a'}, body: 'hello'});
		expect(server.log).toHaveLength(1);
		expect(server.log[0]).toMatchObject({origin: 'api', method: 'POST', path: '/s/good-simple-get', bodyLength: 5});
		expect(server.log[0]!.headers['x-thing']).toBe('a');
	});

	test('refusedUrl refuses connections', async () => {
		await expect(fetch(server.refusedUrl)).rejects.toThrow(TypeError);
	});

	test('close() returns even with a hanging request open', async () => {
		const other = await startScenarioServer();
		const pending = fetch(other.url('network-hang')).catch(() => 'closed');
		await new Promise(resolve => setTimeout(resolve, 50));
		await other.close();
		expect(await pending).toBe('closed');
	});
});

describe('scenario table', () => {
	test('names are unique and cover at least 24 cases', () => {
		const names = scenarios.map(entry => entry.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names.length).toBeGreaterThanOrEqual(24);
	});

	test('every scenario expects either checker codes or a network error', () => {
		for (const entry of scenarios) {
			expect(entry.expect.checker !== undefined || entry.expect.network !== undefined, entry.name).toBe(true);
		}
	});

	test('scenario() throws on an unknown name', () => {
		expect(() => scenario('nope')).toThrow(/Unknown scenario/);
	});
});
