// Recent `securitypolicyviolation` events: [blockedURI, time]. WebKit dispatches the event before fetch rejects and
// Chromium/Firefox a macrotask after, so the listener must exist before the first request: cors-fetch.ts installs it
// on its first call (not at import, which must stay free of side effects). It only records; matching is lazy (csp.ts).
export let violations: Array<[string, number]> | undefined;

export const listenForViolations = (): void => {
	if (!violations && typeof document === 'object' && document?.addEventListener) {
		const buffer: Array<[string, number]> = violations = [];
		document.addEventListener('securitypolicyviolation', event => {
			if (buffer.push([(event as SecurityPolicyViolationEvent).blockedURI ?? '', Date.now()]) > 32) {
				buffer.shift();
			}
		});
	}
};
