import type {Page} from 'playwright-core';

/**
Calls `listener` with every CORS failure Chromium reports for `page` (CDP `Network.loadingFailed.corsErrorStatus`), with
the URL of the request it belongs to: the oracle the Playwright-page suites compare against.
*/
export async function onCdpCorsError(page: Page, listener: (url: string, reason: string) => void): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	const urls = new Map<string, string>();
	cdp.on('Network.requestWillBeSent', event => {
		if (!urls.has(event.requestId)) {
			urls.set(event.requestId, event.request.url);
		}
	});
	cdp.on('Network.loadingFailed', event => {
		const url = urls.get(event.requestId);
		if (url && event.corsErrorStatus) {
			listener(url, event.corsErrorStatus.corsError);
		}
	});
	await cdp.send('Network.enable');
}
