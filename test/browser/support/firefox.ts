import puppeteer from 'puppeteer-core';
import {requireBinary} from './binaries';
import {type BrowserSession, type Settled, pageScript, unwrap} from './session';

export async function launchFirefox(): Promise<BrowserSession> {
	// puppeteer creates a temporary profile and removes it on close.
	const browser = await puppeteer.launch({browser: 'firefox', executablePath: requireBinary('firefox'), headless: true});
	try {
		const page = await browser.newPage();
		// Firefox reports each blocked CORS request as a page error ("Cross-Origin Request Blocked"); those are
		// the expected outcome of most scenarios, so nothing listens for 'pageerror' to fail on.
		return {
			engine: 'firefox',
			async goto(url) {
				await page.goto(url);
			},
			async evaluate<T>(fn: string, arg?: unknown) {
				return unwrap<T>(await page.evaluate(pageScript(fn, arg)) as Settled);
			},
			close: async () => browser.close(),
		};
	} catch (error) {
		await browser.close();
		throw error;
	}
}
