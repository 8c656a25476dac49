// The lab in real Chromium: every scenario run from the page, the page's verdict checked against Chromium's own CDP reason
// (through CHROMIUM_CORS_ERRORS) and the Node column against the scenario table; then the screenshot the README shows.
import {resolve} from 'node:path';
import {type Browser, chromium, type Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startLab, type Lab} from '../../lab/server';
import {CHROMIUM_CORS_ERRORS, type ChromiumCorsErrorName} from '../../src/node/chromium';
import {scenarios} from '../support/scenarios';
import {CHROMIUM_FLAGS, requireBinary} from './support';
import {CLASSIFIER_CASES, expectationFor} from './support/classifier-expectations';
import type {LabCase} from '../../lab/cases';
import {onCdpCorsError} from './support/cdp-cors';

const ROOT = resolve(import.meta.dirname, '../..');
// The page claims another origin for these: Chromium sees the plain CORS failure of the real (loopback, http) page.
const STATIC: Record<string, string> = {
	'mode-same-origin': 'MODE_SAME_ORIGIN',
	'scheme-ftp': 'SCHEME_NOT_SUPPORTED',
	'mixed-content-claimed-https': 'MIXED_CONTENT',
	'local-network-claimed-public': 'LOCAL_NETWORK_ACCESS',
};
// Where the browser and the spec-exact checker measurably differ (explained in test/browser/support/classifier-expectations.ts).
const DISAGREE = new Set(['authorization-wildcard', 'redirect-userinfo']);

let lab: Lab;
let browser: Browser;
let page: Page;
let cases: LabCase[];
const reasons = new Map<string, string[]>();

beforeAll(async () => {
	lab = await startLab({root: ROOT, port: 0});
	browser = await chromium.launch({executablePath: requireBinary('chromium'), args: CHROMIUM_FLAGS, headless: true});
	page = await browser.newPage({viewport: {width: 1280, height: 900}});
	await onCdpCorsError(page, (url, reason) => {
		reasons.set(url, [...reasons.get(url) ?? [], reason]);
	});
	await page.goto(lab.url);
	await page.waitForSelector('button[data-run]');
	cases = ((await (await fetch(`${lab.url}api/lab`)).json()) as {cases: LabCase[]}).cases;
});

afterAll(async () => {
	await browser?.close();
	await lab?.close();
});

async function run(id: string): Promise<Record<string, string>> {
	await page.click(`button[data-run="${id}"]`);
	await page.waitForSelector(`#result[data-case="${id}"][data-state="done"]`, {timeout: 15_000});
	return page.$eval('#result', element => ({...(element as HTMLElement).dataset}) as Record<string, string>);
}

test('the page is labelled and works from the keyboard', async () => {
	const unlabelled = await page.$$eval('input, select, textarea', elements => elements.filter(element => !document.querySelector(`label[for="${element.id}"]`)).map(element => element.outerHTML));
	expect(unlabelled).toEqual([]);
	await page.focus('button[data-run="allow-origin-missing"]');
	await page.keyboard.press('Enter');
	await page.waitForSelector('#result[data-case="allow-origin-missing"][data-state="done"]', {timeout: 15_000});
	expect(await page.$$eval('fieldset legend', legends => legends.map(legend => legend.textContent))).toEqual([
		'Access-Control-Allow-Origin', 'Credentials', 'Preflight', 'Redirects', 'Page policy', 'Misuse', 'Network failures (not CORS)', 'Good controls',
	]);
});

test('every scenario: the page agrees with Chromium\'s CDP reason, the Node column with the scenario table', async () => {
	const problems: string[] = [];
	for (const entry of cases) {
		reasons.clear();
		const shown = await run(entry.id);
		// CDP events travel apart from the page: give the original's a moment to arrive.
		const deadline = Date.now() + 500;
		while (!reasons.has(entry.url) && Date.now() < deadline) {
			await new Promise(resolve => setTimeout(resolve, 20));
		}

		// The original fails before any probe is sent: the first CORS event for its URL is its own.
		const reason = reasons.get(entry.url)?.[0];
		const classifierCase = CLASSIFIER_CASES.find(item => item.name === entry.id);
		const chromiumExpect = classifierCase ? expectationFor(classifierCase, 'chromium') : undefined;
		const what = `${entry.id}: page ${shown.kind} ${shown.code}, CDP ${reason ?? 'none'}`;
		if (STATIC[entry.id]) {
			if (shown.code !== STATIC[entry.id]) {
				problems.push(`${what}: expected ${STATIC[entry.id]}`);
			}
		} else if (chromiumExpect && 'network' in chromiumExpect) {
			if (shown.kind !== 'error') {
				problems.push(`${what}: Chromium cannot reach it, so no CorsError`);
			}
		} else if (reason) {
			const info = CHROMIUM_CORS_ERRORS[reason as ChromiumCorsErrorName];
			const allowed: readonly string[] = info ? [info.code, ...info.inferred] : [];
			if (shown.kind !== 'cors' || !allowed.includes(shown.code!)) {
				problems.push(`${what}: CDP's reason maps to ${allowed.join(' | ') || 'nothing'}`);
			}
		} else if (entry.id === 'header-not-exposed') {
			if (shown.code !== 'HEADER_NOT_EXPOSED') {
				problems.push(`${what}: expected HEADER_NOT_EXPOSED (the lab expects x-total-count)`);
			}
		} else if (entry.id === 'preflight-socket-destroyed') {
			// CDP reports a reset preflight as a network failure of the request, with no CORS status.
			if (shown.code !== 'PREFLIGHT_REJECTED') {
				problems.push(`${what}: expected PREFLIGHT_REJECTED`);
			}
		} else {
			const table = scenarios.find(item => item.name === entry.scenario)!;
			if (shown.kind !== (table.expect.browserOk ? 'success' : 'error')) {
				problems.push(`${what}: no CORS reason, so ${table.expect.browserOk ? 'a success' : 'a platform error'}`);
			}
		}

		const table = scenarios.find(item => item.name === entry.id);
		if (table) {
			const node = table.expect.network ? `network:${table.expect.network}` : table.expect.checker!.length === 0 ? 'ok' : table.expect.checker!.join(' ');
			if (shown.node !== node) {
				problems.push(`${entry.id}: Node column "${shown.node}", expected "${node}"`);
			}
		}

		if (shown.agree === 'false' && !DISAGREE.has(entry.id)) {
			problems.push(`${what}: browser and checker disagree`);
		}
	}

	expect(problems).toEqual([]);
	expect(await page.$$eval('#summary tbody tr', rows => rows.length)).toBe(cases.length);
}, 300_000);

test('the own-request form diagnoses a loopback URL and refuses any other', async () => {
	await page.fill('#own-url', 'http://10.1.2.3/items');
	await page.click('#own button[type="submit"]');
	expect(await page.textContent('#own-error')).toContain('Only URLs on this machine');
	const target = cases.find(entry => entry.id === 'header-not-allowed')!;
	await page.fill('#own-url', target.url);
	await page.fill('#own-headers', 'x-api-key: my-own-value');
	await page.click('#own button[type="submit"]');
	await page.waitForSelector('#result[data-case="own request"][data-state="done"]', {timeout: 15_000});
	const shown = await page.$eval('#result', element => ({...(element as HTMLElement).dataset}));
	expect(shown).toMatchObject({kind: 'cors', node: 'HEADER_NOT_ALLOWED', agree: 'true'});
	expect(['HEADER_NOT_ALLOWED', 'PREFLIGHT_REJECTED']).toContain(shown.code);
});

test('screenshot for the README', async () => {
	await run('header-not-allowed');
	await page.evaluate(() => {
		window.scrollTo(0, 0);
		document.querySelector('nav')!.scrollTop = 0;
	});
	await page.screenshot({path: resolve(ROOT, 'docs/lab.png')});
});
