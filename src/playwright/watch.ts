import type {CorsCode} from '../codes.js';
import {redactUrl} from '../errors/redact.js';
import {chromiumReasonToCode} from '../node/chromium.js';

/** One request Chromium refused for CORS, in cors-doctor's vocabulary. */
export interface CorsFailure {
	/** The URL the page asked for, without query, fragment or userinfo. */
	readonly url: string;
	readonly method: string;
	/** Chromium's own reason (`Network.CorsError`), e.g. `HeaderDisallowedByPreflightResponse`. */
	readonly reason: string;
	/** The cors-doctor code for the reason (`undefined` for a name Chromium did not use so far). */
	readonly code: CorsCode | undefined;
	/** What Chromium names as the failing part: a header name, a method, or the CORS header value it rejected. */
	readonly parameter?: string;
}

// The structural slice of Playwright's Page and CDPSession the helper uses: no runtime or type dependency on playwright.
interface CdpSession {
	on(event: string, handler: (event: any) => void): unknown;
	send(method: string, params?: object): Promise<unknown>;
	detach(): Promise<void>;
}

export interface ChromiumPage {
	context(): {newCDPSession(page: any): Promise<CdpSession>};
}

export interface CorsWatcher {
	/** The CORS failures since the watch started (or the last `clear()`), oldest first. */
	failures(): CorsFailure[];
	clear(): void;
	/** Throws an `Error` listing every CORS failure (code, method, redacted URL, Chromium's reason) when there is any. */
	expectNoCorsErrors(): void;
	/** Detaches from the page. */
	stop(): Promise<void>;
}

interface RequestWillBeSent {
	requestId: string;
	request: {url: string; method: string};
}

interface LoadingFailed {
	requestId: string;
	corsErrorStatus?: {corsError: string; failedParameter?: string};
}

/**
Watches a Playwright Chromium page through CDP and turns Chromium's own CORS reasons (the ones DevTools shows) into
cors-doctor codes, for end-to-end tests. Chromium only: Firefox and WebKit do not report a reason to automation.

@example
```
// In a @playwright/test spec:
import {watchCorsErrors} from 'cors-doctor/playwright';

test('the dashboard makes no CORS errors', async ({page}) => {
	const cors = await watchCorsErrors(page);
	await page.goto('http://localhost:5173/dashboard');
	await page.waitForLoadState('networkidle');
	cors.expectNoCorsErrors();
});
```
*/
export async function watchCorsErrors(page: ChromiumPage): Promise<CorsWatcher> {
	const session = await page.context().newCDPSession(page);
	const requests = new Map<string, {url: string; method: string}>();
	let failures: CorsFailure[] = [];
	session.on('Network.requestWillBeSent', (event: RequestWillBeSent) => {
		// A redirect reuses the requestId for the next hop: keep what the page asked for.
		if (!requests.has(event.requestId)) {
			requests.set(event.requestId, {url: event.request.url, method: event.request.method});
		}
	});
	session.on('Network.loadingFailed', (event: LoadingFailed) => {
		const status = event.corsErrorStatus;
		if (!status) {
			return;
		}

		const request = requests.get(event.requestId);
		failures.push({
			url: redactUrl(request?.url ?? ''),
			method: request?.method ?? '',
			reason: status.corsError,
			code: chromiumReasonToCode(status.corsError),
			...(status.failedParameter ? {parameter: status.failedParameter} : {}),
		});
	});
	await session.send('Network.enable');
	return {
		failures: () => [...failures],
		clear() {
			failures = [];
		},
		expectNoCorsErrors() {
			if (failures.length > 0) {
				const lines = failures.map(failure => `  ${failure.code ?? 'unknown'}: ${failure.method} ${failure.url} (Chromium: ${failure.reason}${failure.parameter ? ` ${failure.parameter}` : ''})`);
				throw new Error(`Expected no CORS errors, found ${failures.length}:\n${lines.join('\n')}`);
			}
		},
		stop: async () => session.detach(),
	};
}
