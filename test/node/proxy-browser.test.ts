// The development proxy in real Chromium: requests that fail against the raw target (CDP says why) succeed through it.
import {type Browser, chromium, type Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {type CorsProxy, startCorsProxy} from '../../src/node/proxy';
import {CHROMIUM_FLAGS, requireBinary} from '../browser/support';
import {startScenarioServer, type ScenarioServer} from '../support/scenario-server';
import {scenario} from '../support/scenarios';
import {onCdpCorsError} from '../browser/support/cdp-cors';

const CASES = ['allow-origin-missing', 'header-not-allowed', 'method-not-allowed', 'wildcard-with-credentials', 'preflight-404-without-cors'];
let server: ScenarioServer;
let proxy: CorsProxy;
let other: CorsProxy;
let browser: Browser;
let page: Page;
const reasons = new Map<string, string>();

beforeAll(async () => {
	server = await startScenarioServer();
	proxy = await startCorsProxy({target: server.api, origins: [server.page], credentials: true});
	other = await startCorsProxy({target: server.api, origins: ['http://localhost:1'], credentials: true});
	browser = await chromium.launch({executablePath: requireBinary('chromium'), args: CHROMIUM_FLAGS, headless: true});
	page = await browser.newPage();
	await onCdpCorsError(page, (url, reason) => {
		reasons.set(url, reason);
	});
	await page.goto(server.page);
});

afterAll(async () => {
	await browser?.close();
	await proxy?.close();
	await other?.close();
	await server?.close();
});

const call = async (url: string, name: string) => {
	const {request} = scenario(name);
	const init = {method: request.method, headers: Object.fromEntries(Object.keys(request.headers ?? {}).map(header => [header, 'x'])), credentials: request.credentials ?? 'same-origin'};
	return page.evaluate(async ({url, init}) => fetch(url, init as RequestInit).then(async response => `ok ${response.status} ${await response.text()}`, (error: Error) => `failed: ${error.message}`), {url, init});
};

test.each(CASES)('%s: fails against the target, succeeds through the proxy', async name => {
	const direct = server.url(name);
	expect(await call(direct, name)).toBe('failed: Failed to fetch');
	for (let waited = 0; !reasons.has(direct) && waited < 1000; waited += 20) {
		await new Promise(resolve => setTimeout(resolve, 20));
	}

	expect(reasons.get(direct)).toBe(scenario(name).expect.chromium);
	const proxied = direct.replace(server.api, proxy.url);
	expect(await call(proxied, name)).toBe('ok 200 ok');
	expect(reasons.has(proxied)).toBe(false);
});

test('a page whose origin the proxy does not allow still fails', async () => {
	const url = server.url('allow-origin-missing').replace(server.api, other.url);
	expect(await call(url, 'allow-origin-missing')).toBe('failed: Failed to fetch');
});
