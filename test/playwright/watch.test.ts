// cors-doctor/playwright in real Chromium: a page makes good and bad requests; the watcher must report exactly the CORS
// failures a separate raw CDP session sees, each with the code the scenario table expects, and nothing for the good ones.
import {type Browser, chromium, type Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startScenarioServer, type ScenarioServer} from '../support/scenario-server';
import {scenario} from '../support/scenarios';
import {CHROMIUM_FLAGS, requireBinary} from '../browser/support';
import {CHROMIUM_CORS_ERRORS, type ChromiumCorsErrorName} from '../../src/node/chromium';
import {watchCorsErrors, type CorsWatcher} from '../../src/playwright';
import {onCdpCorsError} from '../browser/support/cdp-cors';

const BAD = ['allow-origin-missing', 'header-not-allowed', 'wildcard-with-credentials', 'method-not-allowed', 'redirect-userinfo'];
const GOOD = ['good-simple-get', 'good-preflight-put', 'good-credentialed-get'];

let server: ScenarioServer;
let browser: Browser;
let page: Page;
let watcher: CorsWatcher;
const raw: Array<{url: string; reason: string}> = [];

beforeAll(async () => {
	server = await startScenarioServer();
	browser = await chromium.launch({executablePath: requireBinary('chromium'), args: CHROMIUM_FLAGS, headless: true});
	page = await browser.newPage();
	// The oracle: a second, raw CDP session on the same page.
	await onCdpCorsError(page, (url, reason) => {
		raw.push({url, reason});
	});
	watcher = await watchCorsErrors(page);
	await page.goto(server.page);
});

afterAll(async () => {
	await watcher?.stop();
	await browser?.close();
	await server?.close();
});

const send = async (names: string[]) => page.evaluate(async requests => Promise.all(requests.map(async ({url, init}) => fetch(url, init as RequestInit).then(() => 'ok', () => 'failed'))),
	names.map(name => {
		const {request} = scenario(name);
		return {url: `${server.url(name)}?token=secret`, init: {method: request.method, headers: Object.fromEntries(Object.keys(request.headers ?? {}).map(header => [header, 'x'])), credentials: request.credentials ?? 'same-origin'} as Record<string, unknown>};
	}));

test('reports exactly the CDP CORS failures of a page with good and bad requests, as codes', async () => {
	const outcomes = await send([...GOOD, ...BAD]);
	expect(outcomes).toEqual([...GOOD.map(() => 'ok'), ...BAD.map(() => 'failed')]);
	// CDP events travel apart from the page: wait until the oracle has one per bad request.
	for (let waited = 0; raw.length < BAD.length && waited < 2000; waited += 20) {
		await new Promise(resolve => setTimeout(resolve, 20));
	}

	const failures = watcher.failures();
	const byUrl = (list: Array<{url: string; reason: string}>) => [...list].map(({url, reason}) => `${url} ${reason}`).sort();
	expect(byUrl(failures)).toEqual(byUrl(raw.map(({url, reason}) => ({url: url.split('?')[0]!, reason}))));
	expect(failures.map(failure => failure.url).sort()).toEqual(BAD.map(name => server.url(name)).sort());
	for (const failure of failures) {
		const name = decodeURIComponent(failure.url.split('/s/')[1]!);
		expect(failure.reason).toBe(scenario(name).expect.chromium);
		expect(failure.code).toBe(CHROMIUM_CORS_ERRORS[failure.reason as ChromiumCorsErrorName].code);
		expect(failure.url).not.toContain('secret');
	}

	expect(() => {
		watcher.expectNoCorsErrors();
	}).toThrow(/^Expected no CORS errors, found 5:\n(.|\n)*^ {2}ALLOW_ORIGIN_MISSING: GET http:\/\/127\.0\.0\.1:\d+\/s\/allow-origin-missing \(Chromium: MissingAllowOriginHeader\)$/m);
});

test('expectNoCorsErrors passes on a page whose requests all pass', async () => {
	watcher.clear();
	expect(await send(GOOD)).toEqual(GOOD.map(() => 'ok'));
	await new Promise(resolve => setTimeout(resolve, 200));
	expect(watcher.failures()).toEqual([]);
	watcher.expectNoCorsErrors();
});
