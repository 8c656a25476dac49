// Recent `securitypolicyviolation` events: [blockedURI, time]. The listener is installed on the first failure and
// kept, so the happy path costs nothing; engines dispatch the event a macrotask after fetch rejects, so the
// failure that installs the listener is still seen.
let seen: Array<[string, number]> | undefined;

const listen = (): void => {
	if (!seen && typeof document === 'object' && document?.addEventListener) {
		const buffer: Array<[string, number]> = seen = [];
		document.addEventListener('securitypolicyviolation', event => {
			if (buffer.push([(event as SecurityPolicyViolationEvent).blockedURI ?? '', Date.now()]) > 32) {
				buffer.shift();
			}
		});
	}
};

const matches = (url: string, since: number): boolean =>
	seen?.some(([uri, time]) => time >= since && uri !== '' && (url === uri || url.startsWith(uri))) ?? false;

const tick = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
Whether a CSP violation for `url` was reported since `since` (ms epoch). Waits a macrotask, then up to ~10 ms,
because Chromium reports 0.1-5 ms after the rejection.
*/
export const cspBlocked = async (url: string, since: number): Promise<boolean> => {
	listen();
	if (!seen) {
		return false;
	}
	await tick(0);
	if (!matches(url, since)) {
		await tick(8);
	}
	return matches(url, since);
};
