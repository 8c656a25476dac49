import {launchChromium} from './chromium';
import {launchFirefox} from './firefox';
import type {BrowserSession, Engine} from './session';
import {launchWebKit} from './webkit';

const LAUNCHERS: {readonly [E in Engine]: () => Promise<BrowserSession>} = {
	chromium: launchChromium,
	firefox: launchFirefox,
	webkit: launchWebKit,
};

/** Starts `engine` headless on this machine's Debian build and opens one tab. Throws (never skips) when the binary is missing. */
export async function launch(engine: Engine): Promise<BrowserSession> {
	return LAUNCHERS[engine]();
}
