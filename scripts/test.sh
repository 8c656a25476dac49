#!/bin/sh
# `npm test`: install what is missing (npm deps, Debian browsers), build, type-check, run every suite. Extra arguments go to vitest.
set -eu
cd "$(dirname -- "$0")/.."
sh scripts/ensure-deps.sh browsers
echo "cors-doctor: building (tsup), type-checking (tsc), then running every test (vitest)" >&2
tsup --silent
tsc --noEmit
exec vitest run "$@"
