import {createRequire} from 'node:module';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type BrowserSession, launch} from '../../browser/support';
import {freePort, type Helper, spawnHelper, waitFor} from '../../browser/support/processes';
import {expectBlocked, expectCheckPasses, expectFixed, runFromPage, scratchDir, snippetsFor, startPage} from '../support/runtime';

/**
The Next.js snippets, tested for real on one `next dev` server (App Router) with three copies of the same routes:
`/bare/*` without CORS (fails in Chromium), `/api/*` under the rendered proxy file, and `/rh/*` using the rendered
route-handler helper. Both fixed variants must pass in headless Chromium, keep a 500 readable, refuse an origin not
on the list, and satisfy `checkCors`.
*/

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const ROUTES = (prefix: string, wrap: (handler: string) => string, head = '') => ({
	[`app/${prefix}/items/route.js`]: `${head}export const PUT = ${wrap(`async request => {
	const body = await request.json();
	return Response.json({ok: true, name: body.name}, {headers: {'x-request-id': 'item-1'}});
}`)};
`,
	[`app/${prefix}/fail/route.js`]: `${head}export const GET = ${wrap(`async () => {
	throw new Error('boom');
}`)};
export const dynamic = 'force-dynamic';
`,
});

let session: BrowserSession;
let page: Awaited<ReturnType<typeof startPage>>;
let otherPage: Awaited<ReturnType<typeof startPage>>;
let next: Helper | undefined;
let origin: string;
const scratch = scratchDir('nextjs');

beforeAll(async () => {
	[session, page, otherPage] = await Promise.all([launch('chromium'), startPage(), startPage()]);
	const [proxy, routeHelper] = snippetsFor('nextjs', page.origin);
	expect(proxy?.file).toMatch(/^proxy\.js/);
	expect(routeHelper?.file).toMatch(/^lib\/cors\.js/);
	scratch.write('proxy.js', proxy!.code);
	scratch.write('lib/cors.js', routeHelper!.code);
	const files = {
		...ROUTES('bare', handler => handler),
		...ROUTES('api', handler => handler),
		...ROUTES('rh', handler => `withCors(${handler})`, 'import {OPTIONS, withCors} from \'../../../lib/cors.js\';\nexport {OPTIONS};\n'),
	};
	for (const [file, text] of Object.entries(files)) scratch.write(file, text);
	// The root layout Next.js requires of every App Router project (the tests call only route handlers).
	scratch.write('app/layout.js', 'export default function Layout({children}) {\n\treturn children;\n}\n');

	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	next = spawnHelper(process.execPath, [nextBin, 'dev', scratch.path, '--port', String(port), '--hostname', '127.0.0.1'], {
		env: {...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'development'},
	});
	await waitFor(async () => (await fetch(`${origin}/api/items`, {method: 'OPTIONS'})).status > 0, 120_000, () => `next dev did not start: ${next?.stderr()}`);
}, 180_000);

afterAll(async () => {
	await Promise.all([session?.close(), page?.close(), otherPage?.close(), next?.stop()]);
	scratch.remove();
});

describe('nextjs', () => {
	it('without CORS handling, the request fails in Chromium', async () => {
		expectBlocked(await runFromPage(session, page.origin, `${origin}/bare`));
	}, 120_000);

	it.each(['api', 'rh'])('with the rendered %s snippet, it passes in Chromium, errors stay readable, and checkCors reports nothing', async prefix => {
		const api = `${origin}/${prefix}`;
		expectFixed(await runFromPage(session, page.origin, api));
		expectBlocked(await runFromPage(session, otherPage.origin, api));
		await expectCheckPasses(api, page.origin);
	}, 120_000);
});
