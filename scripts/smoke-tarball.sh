#!/bin/sh
# The package as a user gets it: `npm pack` on a fresh clone (prepack builds dist/), then a fresh Vite app that installs
# the tarball next to its own ky 2, builds with `vite build`, type-checks a TypeScript file under moduleResolution bundler
# and node16, imports the package in Node and runs its CLI. Fails on the first thing that does not work.
# Needs the npm registry (vite) and git; run from anywhere: sh scripts/smoke-tarball.sh
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
PATH="$(sh "$root/scripts/ensure-node.sh"):$PATH"
export PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
say() { echo "smoke-tarball: $*"; }

say "fresh clone of $(git -C "$root" rev-parse --short HEAD) (committed files only)"
git clone --quiet --no-hardlinks "$root" "$tmp/clone"
(cd "$tmp/clone" && npm ci --no-audit --no-fund --silent >/dev/null)
tgz=$(cd "$tmp/clone" && npm pack --silent --pack-destination "$tmp" | tail -n 1)
say "packed $tgz"

# What ships: the built entries with their declarations and source maps, the licence, the user docs; no dev-only docs.
listing=$(tar tzf "$tmp/$tgz")
for want in package/dist/index.js package/dist/index.d.ts package/dist/node.d.ts package/dist/cli.js package/dist/index.js.map \
	package/LICENSE package/README.md package/docs/errors/HEADER_NOT_ALLOWED.md package/docs/cli.md; do
	echo "$listing" | grep -qx "$want" || { say "missing from the tarball: $want"; exit 1; }
done
for unwanted in package/docs/benchmarks.md package/docs/accuracy.md package/docs/testing-browsers.md package/src/index.ts; do
	if echo "$listing" | grep -qx "$unwanted"; then say "dev-only file in the tarball: $unwanted"; exit 1; fi
done
if echo "$listing" | grep -q 'types-.*\.d\.ts$'; then say 'hashed declaration chunk in the tarball'; exit 1; fi

app="$tmp/app"
mkdir -p "$app/src"
cd "$app"
cat > package.json <<'JSON'
{"name": "smoke-app", "private": true, "type": "module"}
JSON
# The app already uses ky 2.0.x: cors-doctor's ^2 range must reuse that copy, not add a second one.
npm install --no-audit --no-fund --silent ky@2.0.2 vite >/dev/null
npm install --no-audit --no-fund --silent "$tmp/$tgz" >/dev/null
copies=$(find . -path '*/node_modules/ky/package.json' | wc -l)
[ "$copies" -eq 1 ] || { say "ky is installed $copies times"; find . -path '*/node_modules/ky/package.json'; exit 1; }
say "one ky copy ($(node -p 'require("./node_modules/ky/package.json").version')) shared with the app"

cat > index.html <<'HTML'
<!doctype html><html><body><script type="module" src="/src/main.ts"></script></body></html>
HTML
cat > src/main.ts <<'TS'
import {corsFetch, createClient, getCorsError, isCorsError, redactUrl, type CorsErrorJSON} from 'cors-doctor';

export async function load(url: string): Promise<unknown> {
	try {
		return await (await corsFetch(url)).json();
	} catch (error) {
		if (isCorsError(error, 'HEADER_NOT_ALLOWED')) console.warn(error.names[0], error.hints);
		const cors = getCorsError(error);
		const json: CorsErrorJSON | undefined = cors?.toJSON();
		console.error(json?.code, redactUrl(url));
		throw error;
	}
}

export const api = createClient({prefix: 'https://api.example.com'});
TS
cat > src/node-check.ts <<'TS'
import {checkCors, toCheckJSON, type CheckJSON, type CorsCode} from 'cors-doctor/node';

export async function codes(url: string): Promise<readonly CorsCode[]> {
	const json: CheckJSON = toCheckJSON(await checkCors(url, {origin: 'https://app.example.com', expectHeaders: ['x-total']}));
	return json.codes;
}
TS
npx vite build --logLevel warn >/dev/null
grep -l 'cors-doctor' dist/assets/*.js >/dev/null || { say 'the Vite bundle does not contain cors-doctor'; exit 1; }
say 'vite build ok'

tsc="$root/node_modules/typescript/bin/tsc"
for mode in bundler node16; do
	module=ESNext; [ "$mode" = node16 ] && module=Node16
	cat > "tsconfig.$mode.json" <<JSON
{"compilerOptions": {"module": "$module", "moduleResolution": "$mode", "target": "ES2022", "lib": ["ES2023", "DOM"],
 "types": [], "typeRoots": ["$root/node_modules/@types"], "strict": true, "noEmit": true, "skipLibCheck": false}, "include": ["src"]}
JSON
	node "$tsc" -p "tsconfig.$mode.json"
	say "types ok under moduleResolution $mode"
done

node --input-type=module -e "
import {CorsError, CORS_CODES} from 'cors-doctor';
import {checkCors} from 'cors-doctor/node';
const error = new CorsError({code: 'ORIGIN_NOT_ALLOWED', confidence: 'likely', request: {method: 'GET', url: 'https://api.example.com/orders/12345?token=x',
	pageOrigin: 'https://app.example.com', targetOrigin: 'https://api.example.com', mode: 'cors', credentials: 'omit', preflight: false, triggers: []}});
const version = JSON.parse((await import('node:fs')).readFileSync('node_modules/cors-doctor/package.json', 'utf8')).version;
if (!error.docsUrl.includes('@' + version + '/')) throw new Error('docsUrl not versioned: ' + error.docsUrl);
if (!error.message.includes('/orders/:id was blocked')) throw new Error('not redacted: ' + error.message);
if (typeof checkCors !== 'function' || CORS_CODES.length < 30) throw new Error('exports missing');
"
[ "$(npx --no-install cors-doctor --version)" = "$(node -p 'require("./node_modules/cors-doctor/package.json").version')" ]
say 'node import and the CLI ok'
