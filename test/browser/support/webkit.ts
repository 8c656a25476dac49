import {join} from 'node:path';
import {Builder, type WebDriver} from 'selenium-webdriver';
import {requireBinary} from './binaries';
import {type Helper, freePort, spawnHelper, tempDir, waitFor} from './processes';
import {type BrowserSession, type Settled, pageScript, unwrap} from './session';

/** Starts Xvfb on a display it picks itself (`-displayfd`), so parallel suites never fight over `:99`. */
async function startXvfb(): Promise<{helper: Helper; display: string}> {
	const helper = spawnHelper(requireBinary('xvfb'), ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x800x24'], {extraFd: true});
	const fd = helper.process.stdio[3];
	if (!fd || !('on' in fd)) {
		await helper.stop();
		throw new Error('Xvfb: no display fd');
	}

	try {
		const display = await new Promise<string>((resolve, reject) => {
			let text = '';
			const timer = setTimeout(() => {
				reject(new Error(`Xvfb did not report a display within 10 s: ${helper.stderr()}`));
			}, 10_000);
			fd.on('data', (chunk: Buffer) => {
				text += chunk.toString();
				if (text.includes('\n')) {
					clearTimeout(timer);
					resolve(`:${text.trim()}`);
				}
			});
			helper.process.once('exit', code => {
				clearTimeout(timer);
				reject(new Error(`Xvfb exited with ${code}: ${helper.stderr()}`));
			});
		});
		return {helper, display};
	} catch (error) {
		await helper.stop();
		throw error;
	}
}

export async function launchWebKit(): Promise<BrowserSession> {
	const driverPath = requireBinary('webDriver');
	const cleanups: Array<() => Promise<void>> = [];
	const cleanup = async () => {
		// Reverse order: the driver session, then WebKitWebDriver, then Xvfb, then the profile dirs.
		for (const step of cleanups.splice(0).reverse()) {
			await step().catch(() => undefined);
		}
	};

	try {
		const home = tempDir('cors-doctor-webkit-');
		cleanups.push(async () => {
			home.remove();
		});
		const xvfb = await startXvfb();
		cleanups.push(async () => xvfb.helper.stop());
		const port = await freePort();
		// MiniBrowser writes caches and a data store under the XDG dirs; point them at a dir removed on close.
		const env = {
			...process.env,
			DISPLAY: xvfb.display,
			XDG_CACHE_HOME: join(home.path, 'cache'),
			XDG_DATA_HOME: join(home.path, 'data'),
			XDG_CONFIG_HOME: join(home.path, 'config'),
		};
		const driverProcess = spawnHelper(driverPath, [`--port=${port}`, '--host=127.0.0.1'], {env});
		cleanups.push(async () => driverProcess.stop());
		const server = `http://127.0.0.1:${port}`;
		await waitFor(async () => (await fetch(`${server}/status`)).ok, 10_000, () => `WebKitWebDriver did not answer on ${server}: ${driverProcess.stderr()}`);
		// WebKitWebDriver allows one session at a time, which is all a suite needs.
		const driver: WebDriver = await withTimeout(
			Promise.resolve<WebDriver>(new Builder().usingServer(server).withCapabilities({browserName: 'MiniBrowser'}).build()),
			30_000,
			() => `WebKitWebDriver session did not start (is DISPLAY ${xvfb.display} usable?): ${driverProcess.stderr()}`,
		);
		cleanups.push(async () => driver.quit());
		await driver.manage().setTimeouts({script: 30_000, pageLoad: 30_000});
		return {
			engine: 'webkit',
			async goto(url) {
				await driver.get(url);
			},
			async evaluate<T>(fn: string, arg?: unknown) {
				const script = `const done = arguments[arguments.length - 1]; ${pageScript(fn, arg)}.then(done);`;
				return unwrap<T>(await driver.executeAsyncScript<Settled>(script));
			},
			close: cleanup,
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			reject(new Error(message()));
		}, ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
