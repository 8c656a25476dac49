// Headless Debian Chromium through playwright-core (never a downloaded browser), with the flags
// that keep it off the network (see the research notes on driving browsers here, shared/research/browsers.md), and a page at the page
// origin with the bench bundle loaded.
import {chromium} from 'playwright-core';
import * as esbuild from 'esbuild';
import {fileURLToPath} from 'node:url';
import {startPageServer} from '../servers/page-server.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'];

async function bundleEntry() {
	const result = await esbuild.build({
		entryPoints: [fileURLToPath(new URL('entry.js', import.meta.url))],
		bundle: true,
		format: 'esm',
		platform: 'browser',
		target: 'es2022',
		write: false,
		logLevel: 'error',
	});
	return result.outputFiles[0].text;
}

/** @returns {Promise<{page: import('playwright-core').Page, pageOrigin: string, version: string, reload: () => Promise<void>, close: () => Promise<void>}>} */
export async function openBenchPage() {
	const pageServer = await startPageServer(await bundleEntry());
	const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: ARGS, headless: true});
	try {
		const page = await browser.newPage();
		const reload = async () => {
			await page.goto(`${pageServer.origin}/`);
			await page.waitForFunction(() => 'bench' in window);
		};

		await reload();
		return {
			page,
			pageOrigin: pageServer.origin,
			version: browser.version(),
			reload,
			async close() {
				await browser.close();
				await pageServer.close();
			},
		};
	} catch (error) {
		await browser.close();
		await pageServer.close();
		throw error;
	}
}
