#!/bin/sh
# `npm start`: install what is missing, build, and serve the CORS lab (lab/server.ts). Arguments go to the lab: --port <n>, --open.
set -eu
cd "$(dirname -- "$0")/.."
sh scripts/ensure-deps.sh
echo "cors-doctor: building the library (tsup)" >&2
tsup --silent
exec node scripts/lab.js "$@"
