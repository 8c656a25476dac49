// selenium-webdriver ships no types and @types/selenium-webdriver is not installed; this declares only
// what the WebKit launcher uses.
declare module 'selenium-webdriver' {
	export class WebDriver {
		get(url: string): Promise<void>;
		executeAsyncScript<T>(script: string, ...args: unknown[]): Promise<T>;
		manage(): {setTimeouts(timeouts: {script?: number; pageLoad?: number; implicit?: number}): Promise<void>};
		quit(): Promise<void>;
	}

	export class Builder {
		usingServer(url: string): this;
		withCapabilities(capabilities: Record<string, unknown>): this;
		/** The session is created asynchronously; awaiting the result waits for it. */
		build(): WebDriver & PromiseLike<WebDriver>;
	}
}
