import {accessSync, constants} from 'node:fs';

/** The Debian package that provides each binary the harness runs. */
export const BINARIES = {
	chromium: {path: '/usr/bin/chromium', apt: 'chromium'},
	firefox: {path: '/usr/bin/firefox-esr', apt: 'firefox-esr'},
	webDriver: {path: '/usr/bin/WebKitWebDriver', apt: 'webkit2gtk-driver'},
	xvfb: {path: '/usr/bin/Xvfb', apt: 'xvfb'},
} as const;

/**
Returns `path` if it is executable, or throws naming the package to install. A missing browser must fail
the run, never skip it: a skipped real-browser suite would let CI pass while proving nothing.
*/
export function requireExecutable(path: string, apt: string): string {
	try {
		accessSync(path, constants.X_OK);
	} catch {
		throw new Error(`${path} is missing: the real-browser tests need it. Install it with: sudo apt-get install -y ${apt} (never a downloaded browser; see docs/testing-browsers.md)`);
	}

	return path;
}

export function requireBinary(name: keyof typeof BINARIES): string {
	return requireExecutable(BINARIES[name].path, BINARIES[name].apt);
}
