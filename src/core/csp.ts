import {listenForViolations, violations} from './csp-listener.js';

const matches = (url: string, since: number): boolean =>
	violations?.some(([uri, time]) => time >= since && uri !== '' && (url === uri || url.startsWith(uri))) ?? false;

const tick = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
Whether a CSP violation for `url` was reported since `since` (ms epoch), after waiting `ms`: engines report it around
the rejection (WebKit before, Chromium and Firefox 0.1-5 ms after, past a macrotask), so callers check once after a
macrotask (`0`) and, to be sure, once more a few ms later.
*/
export const cspBlocked = async (url: string, since: number, ms: number): Promise<boolean> => {
	// For diagnose(), which may run without corsFetch ever having been called: later failures will be seen.
	listenForViolations();
	if (!violations) {
		return false;
	}
	await tick(ms);
	return matches(url, since);
};
