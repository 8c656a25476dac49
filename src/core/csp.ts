import {listenForViolations, violations} from './csp-listener.js';

const matches = (url: string, since: number): boolean =>
	violations?.some(([uri, time]) => time >= since && uri !== '' && (url === uri || url.startsWith(uri))) ?? false;

const tick = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
Whether a CSP violation for `url` was reported since `since` (ms epoch). Waits a macrotask, then up to ~10 ms,
because Chromium reports 0.1-5 ms after the rejection.
*/
export const cspBlocked = async (url: string, since: number): Promise<boolean> => {
	// For diagnose(), which may run without corsFetch ever having been called: later failures will be seen.
	listenForViolations();
	if (!violations) {
		return false;
	}
	await tick(0);
	if (!matches(url, since)) {
		await tick(8);
	}
	return matches(url, since);
};
