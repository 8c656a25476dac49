/**
What a server must send for one failing request to pass CORS: the input every stack's snippet renderer turns into that
stack's configuration. Built from a diagnosis (a `CorsError`, its `toJSON()`, a `checkCors` result, or a code plus
request facts) by the hints catalog; rendered by `src/hints/stacks/<stack>.ts`.
*/
export interface CorsPolicy {
	/** The serialized page origin to grant, e.g. `'https://app.example.com'` (never `*` when `credentials`). */
	readonly origin: string;
	/** Methods the preflight must allow, uppercase, beyond the CORS-safelisted GET/HEAD/POST (may be empty). */
	readonly methods: readonly string[];
	/** Request header names the preflight must allow, lowercase (may be empty). */
	readonly headers: readonly string[];
	/** Whether the request carries credentials (cookies, HTTP auth): then `Access-Control-Allow-Credentials: true`. */
	readonly credentials: boolean;
	/** Response header names page JS must be able to read (`Access-Control-Expose-Headers`), lowercase (may be empty). */
	readonly exposeHeaders: readonly string[];
	/** Preflight cache lifetime in seconds to suggest; absent leaves the stack's default. */
	readonly maxAge?: number;
}

/** The server stacks the catalog has snippets for. */
export type StackId =
	| 'express' | 'fastify' | 'koa' | 'hono' | 'nestjs' | 'nextjs'
	| 'django' | 'flask' | 'fastapi' | 'php' | 'laravel' | 'rails'
	| 'aspnet' | 'spring' | 'go' | 'nginx' | 'apache' | 'caddy' | 's3' | 'api-gateway';

/** One piece of configuration or code to apply. */
export interface Snippet {
	readonly stack: StackId;
	/** Highlighting language: `'js'`, `'ts'`, `'python'`, `'php'`, `'ruby'`, `'go'`, `'nginx'`, `'apache'`, `'caddyfile'`, `'json'`, `'csharp'`, `'java'`, `'xml'`, `'yaml'`. */
	readonly language: string;
	/** Where it goes, e.g. `'settings.py'`, `'server block'`. */
	readonly file?: string;
	readonly code: string;
	/** One sentence to read with it (what it does, what to install). */
	readonly note?: string;
}

/**
Renders a stack's CORS configuration for a policy. The result must, applied as its `note`/`file` say to an app that
has no CORS handling, make every request covered by the policy pass in a browser: preflights answered with a 2xx and
the allow headers, and the CORS headers on every response, error responses included.
*/
export type StackRenderer = (policy: CorsPolicy) => readonly Snippet[];
