import {corsDoctorRelay, type RelayMiddlewareOptions} from './dev/middleware.js';
import {askRelay} from './dev/relay-client.js';
import {RELAY_PATH} from './dev/relay-types.js';

// askRelay is self-contained (no imports, native fetch), so its source is the page-side client.
const askRelaySource = askRelay.toString();

export type {RelayAnswer, RelayFinding, RequestShape} from './dev/relay-types.js';
export {RELAY_PATH} from './dev/relay-types.js';

export interface CorsDoctorViteOptions extends Partial<RelayMiddlewareOptions> {}

// The few Vite shapes the plugin reads, written structurally so the package needs no types from vite.
interface ProxyEntry {
	readonly target?: string | {readonly protocol?: string; readonly host?: string; readonly port?: number | string};
}

interface ViteDevServer {
	readonly config: {readonly server: {readonly proxy?: Readonly<Record<string, string | ProxyEntry>>}};
	readonly middlewares: {use(handler: ReturnType<typeof corsDoctorRelay>): unknown};
}

/** The plugin object Vite reads (a subset of Vite's `Plugin`). */
export interface CorsDoctorVitePlugin {
	readonly name: 'cors-doctor';
	readonly apply: 'serve';
	configureServer(server: ViteDevServer): void;
	/** Gives the page's classifier a way to ask the relay (`globalThis.__corsDoctorRelay`), so the default `corsFetch` uses it. */
	transformIndexHtml(): Array<{tag: 'script'; children: string; injectTo: 'head-prepend'}>;
}

/** The origins a Vite config names: `server.proxy` targets (strings or `{target}`), as origins. */
export function proxyOrigins(proxy: Readonly<Record<string, string | ProxyEntry>> = {}): string[] {
	const origins: string[] = [];
	for (const entry of Object.values(proxy)) {
		const target = typeof entry === 'string' ? entry : entry.target;
		try {
			if (typeof target === 'string') {
				origins.push(new URL(target).origin);
			} else if (target?.host) {
				origins.push(new URL(`${target.protocol ?? 'http:'}//${target.host}${target.port ? `:${target.port}` : ''}`).origin);
			}
		} catch {}
	}

	return origins;
}

/**
The cors-doctor dev relay for Vite. Only in `vite` / `vite dev` (`apply: 'serve'`): `vite build` never sees it, so
nothing of it reaches a production bundle. It serves `POST /__cors-doctor/relay` to loopback clients and checks only
the origins your config names: `server.proxy` targets plus `origins`.

@example
```
// vite.config.ts
import {defineConfig} from 'vite';
import corsDoctor from 'cors-doctor/vite';

export default defineConfig({plugins: [corsDoctor({origins: ['http://localhost:8080']})]});
```
*/
/** The inline script that installs `globalThis.__corsDoctorRelay`: `askRelay` for the page, as plain JavaScript. */
const relayHook = (path: string): string => `globalThis.__corsDoctorRelay = ${askRelaySource}.bind(null, ${JSON.stringify(path)});`;

export default function corsDoctor(options: CorsDoctorViteOptions = {}): CorsDoctorVitePlugin {
	return {
		name: 'cors-doctor',
		apply: 'serve',
		configureServer(server) {
			const origins = [...new Set([...proxyOrigins(server.config.server.proxy), ...options.origins ?? []])];
			server.middlewares.use(corsDoctorRelay({...options, origins, path: options.path ?? RELAY_PATH}));
		},
		// The page's classifier asks the relay through this hook (only dev pages get it: the plugin acts in serve only,
		// so a production bundle holds no relay client at all).
		transformIndexHtml: () => [{tag: 'script', children: relayHook(options.path ?? RELAY_PATH), injectTo: 'head-prepend'}],
	};
}

export {corsDoctor};
