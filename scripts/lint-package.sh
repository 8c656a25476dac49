#!/bin/sh
# Checks the package as it would be published: publint and @arethetypeswrong/cli on the packed tarball.
set -eu
cd "$(dirname -- "$0")/.."
mkdir -p .tmp
rm -f .tmp/cors-doctor-*.tgz
tgz=$(npm pack --silent --pack-destination .tmp | tail -n 1)
publint run ".tmp/$tgz" --strict
# ESM-only on purpose (like ky 2): the CJS resolution modes are not a target.
attw ".tmp/$tgz" --profile esm-only
