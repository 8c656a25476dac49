import {chromium} from 'playwright-core';
import {requireBinary} from './binaries';
import {type BrowserSession, type CdpCorsError, type CdpFailure, type Settled, pageScript, unwrap} from './session';

// Without the background-networking flags Chromium keeps dialling Google services, which this
// loopback-only machine refuses (research/browsers.md).
/** Also used by the suites that drive Playwright themselves (the lab, the Playwright helper). */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface LoadingFailed {
	requestId: string;
	errorText?: string;
	blockedReason?: string;
	corsErrorStatus?: {corsError: string; failedParameter?: string};
}

/**
`args`: extra command-line switches for suites that need their own launch (e.g. `--host-resolver-rules`,
`--ignore-certificate-errors`, `--ip-address-space-overrides` for real mixed content and Local Network Access).
*/
export async function launchChromium(args: readonly string[] = []): Promise<BrowserSession> {
	const browser = await chromium.launch({executablePath: requireBinary('chromium'), args: [...CHROMIUM_FLAGS, ...args], headless: true});
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		const urls = new Map<string, string>();
		let errors: CdpCorsError[] = [];
		let failures: CdpFailure[] = [];
		cdp.on('Network.requestWillBeSent', event => {
			// A redirect reuses the requestId with the next hop's URL; keep the URL the page asked for.
			if (!urls.has(event.requestId)) {
				urls.set(event.requestId, event.request.url);
			}
		});
		cdp.on('Network.loadingFailed', (event: LoadingFailed) => {
			failures.push({url: urls.get(event.requestId) ?? '', errorText: event.errorText, blockedReason: event.blockedReason});
			// Preflight failures are reported on the actual request, so only events with a CORS status count.
			if (event.corsErrorStatus) {
				errors.push({
					url: urls.get(event.requestId) ?? '',
					corsError: event.corsErrorStatus.corsError,
					failedParameter: event.corsErrorStatus.failedParameter,
					errorText: event.errorText,
					blockedReason: event.blockedReason,
				});
			}
		});
		await cdp.send('Network.enable');
		return {
			engine: 'chromium',
			async goto(url) {
				await page.goto(url);
			},
			async evaluate<T>(fn: string, arg?: unknown) {
				return unwrap<T>(await page.evaluate<Settled>(pageScript(fn, arg)));
			},
			cdpCorsErrors: () => [...errors],
			cdpFailures: () => [...failures],
			clearCdp() {
				errors = [];
				failures = [];
				urls.clear();
			},
			// Playwright removes its temporary user-data dir when the browser closes.
			close: async () => browser.close(),
		};
	} catch (error) {
		await browser.close();
		throw error;
	}
}
