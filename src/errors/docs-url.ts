import type {CorsCode} from '../codes.js';

// Injected at build time from package.json (tsup.config.ts and vitest.config.ts `define`), so a docs link always matches
// the release that produced it. Without the define (someone bundling src/ directly) the link falls back to the latest docs.
declare const __CORS_DOCTOR_VERSION__: string | undefined;

/** The package version this build was made from, or `undefined` in an unbuilt source tree. */
export const VERSION: string | undefined = typeof __CORS_DOCTOR_VERSION__ === 'string' ? __CORS_DOCTOR_VERSION__ : undefined;

/**
The page that explains a code, pinned to this version of cors-doctor.

@example
```
docsUrl('HEADER_NOT_ALLOWED') // 'https://unpkg.com/cors-doctor@0.1.0/docs/errors/HEADER_NOT_ALLOWED.md'
```
*/
export const docsUrl = (code: CorsCode): string => `https://unpkg.com/cors-doctor${VERSION ? '@' + VERSION : ''}/docs/errors/${code}.md`;
