import {readFileSync} from 'node:fs';

/** The package version, read from package.json two levels up (`dist/cli/` or `src/cli/`), so it never drifts from the release. */
export function packageVersion(): string {
	const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version?: string};
	return manifest.version ?? '0.0.0';
}
