import {readdirSync, readFileSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import type {ScenarioServer} from '../../support/scenario-server';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Where the page finds things: the built entry and the module the page functions import. */
export const BUNDLE_ENTRY = '/dist/index.js';

/** The page every classifier test runs in: an import map that resolves ky's bare import, nothing else. */
export const CLASSIFIER_PAGE = '/classifier.html';

/** The same page served with `Content-Security-Policy: connect-src 'self'`: every cross-origin fetch is refused by CSP. */
export const CSP_PAGE = '/classifier-csp.html';

const walk = (dir: string): string[] =>
	readdirSync(dir, {withFileTypes: true}).flatMap(entry =>
		entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []);

const page = (map: string) => `<!doctype html><html><head><meta charset="utf-8"><title>cors-doctor classifier</title>
<script type="importmap">${map}</script></head><body>cors-doctor classifier page</body></html>`;

/**
Serves the built bundle (`dist/*.js`, as `npx tsup` leaves it) and ky's own ESM distribution from the page origin, with an
import map for ky (the bundle keeps it an external bare import, as an app's bundler would resolve it). Tests the
artifact users get, not the sources. Files are read once, now: a concurrent rebuild cannot tear them mid-suite.

@example
```
serveBundle(server);
await session.goto(server.page + CLASSIFIER_PAGE);
await session.evaluate(`async () => Object.keys(await import('${BUNDLE_ENTRY}'))`);
```
*/
export function serveBundle(server: ScenarioServer, dist = join(ROOT, 'dist')): void {
	const files = walk(dist);
	const entry = readFileSync(join(dist, 'index.js'), 'utf8');
	if (!/\bcreateCorsFetch\b/.test(entry)) {
		throw new Error(`${dist}/index.js does not export createCorsFetch: run \`npx tsup\` first`);
	}

	for (const file of files) {
		server.serve(`/dist/${relative(dist, file)}`, {type: 'text/javascript', body: readFileSync(file)});
	}

	const ky = join(ROOT, 'node_modules/ky/distribution');
	for (const file of walk(ky)) {
		server.serve(`/ky/${relative(ky, file)}`, {type: 'text/javascript', body: readFileSync(file)});
	}

	const map = JSON.stringify({imports: {ky: '/ky/index.js'}});
	server.serve(CLASSIFIER_PAGE, {type: 'text/html; charset=utf-8', body: page(map)});
	server.serve(CSP_PAGE, {type: 'text/html; charset=utf-8', body: page(map), headers: {'Content-Security-Policy': 'connect-src \'self\''}});
}
