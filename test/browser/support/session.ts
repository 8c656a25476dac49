/** The three engines the real-browser suites run in. */
export type Engine = 'chromium' | 'firefox' | 'webkit';

export const ENGINES: Engine[] = ['chromium', 'firefox', 'webkit'];

/** One `Network.loadingFailed` event that carried a `corsErrorStatus` (Chromium only). */
export interface CdpCorsError {
	url: string;
	corsError: string;
	failedParameter?: string;
	errorText?: string;
	blockedReason?: string;
}

/** Any `Network.loadingFailed` event (Chromium only): network errors carry `errorText` and no CORS status. */
export interface CdpFailure {
	url: string;
	errorText?: string;
	blockedReason?: string;
}

/**
One open tab in one engine. Suites launch one per file and reuse it across tests: launches cost seconds on a 2-core box.

@example
```ts
const session = await launch('firefox');
await session.goto(server.page);
const type = await session.evaluate<string>('async (url) => (await fetch(url, {mode: "no-cors"})).type', server.url('no-acao'));
await session.close();
```
*/
export interface BrowserSession {
	engine: Engine;
	/** Navigates the tab and waits for the load event. */
	goto(url: string): Promise<void>;
	/**
	Runs `fn` (the source of a function expression, usually async, taking one JSON argument) in the page and resolves
	with its JSON result. A throw in the page rejects with an `Error` whose message is `<name>: <message>` of the page error,
	identically in every engine.
	*/
	evaluate<T>(fn: string, arg?: unknown): Promise<T>;
	/** Chromium only: the CORS failures CDP reported since the last `clearCdp()`. */
	cdpCorsErrors?(): CdpCorsError[];
	/** Chromium only: every failed load since the last `clearCdp()`, CORS or not (refused, reset, mixed content). */
	cdpFailures?(): CdpFailure[];
	clearCdp?(): void;
	/** Closes the browser, its helper processes and its temporary profile. Safe to call twice. */
	close(): Promise<void>;
}

/** What the page-side wrapper returns: a JSON result or the page error's name and message. */
export type Settled = {ok: true; value: unknown} | {ok: false; name: string; message: string};

/**
Wraps a page function so every engine returns the same `Settled` shape. Errors are caught in the page because each
driver reports page exceptions differently (Playwright rewrites them, BiDi wraps them, WebDriver flattens them).
*/
export function pageScript(fn: string, arg: unknown): string {
	return `(async () => {
	try {
		return {ok: true, value: await (${fn})(${JSON.stringify(arg ?? null)})};
	} catch (error) {
		return {ok: false, name: String(error && error.name), message: String(error && error.message)};
	}
})()`;
}

/** Turns a `Settled` back into a value or a rejection in Node. */
export function unwrap<T>(settled: Settled): T {
	if (settled.ok) {
		return settled.value as T;
	}

	throw new Error(`${settled.name}: ${settled.message}`);
}
