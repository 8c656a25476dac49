#!/bin/sh
# Installs what `npm start` / `npm test` need when it is missing, saying what it does, so a fresh clone needs no other step.
#   sh scripts/ensure-deps.sh          npm dependencies (npm ci) when node_modules is missing or older than package-lock.json
#   sh scripts/ensure-deps.sh browsers also Debian's browsers for the real-browser suites (apt-get as root; otherwise one line to run)
# Runs after ensure-node.sh put a Node >= 22 first on PATH (scripts/run does that), so npm's own JS runs on it.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"

# npm dependencies: a stamp of the lock's hash, written after a successful `npm ci`, says node_modules matches it.
stamp=node_modules/.cors-doctor-lock
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  if [ -d node_modules ]; then reason='package-lock.json changed since the last install'; else reason='node_modules is missing'; fi
  echo "cors-doctor: $reason; installing npm dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$want" > "$stamp"
fi

[ "${1:-}" = browsers ] || exit 0

# Debian's browsers (never a browser download from a test tool). Keep in step with test/browser/support/binaries.ts.
# (CORS_DOCTOR_BIN_DIR only lets test/lab/ensure-deps.test.ts point the check at an empty directory.)
bin=${CORS_DOCTOR_BIN_DIR:-/usr/bin}
need=''
[ -x "$bin/chromium" ] || need="$need chromium"
[ -x "$bin/firefox-esr" ] || need="$need firefox-esr"
[ -x "$bin/WebKitWebDriver" ] || need="$need webkit2gtk-driver"
[ -x "$bin/Xvfb" ] || need="$need xvfb"
[ -n "$need" ] || exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "cors-doctor: installing Debian packages for the real-browser tests:$need (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # shellcheck disable=SC2086 # a list of package names
  apt-get install -y -qq $need >/dev/null
else
  echo "cors-doctor: the real-browser tests need Debian packages; run: sudo apt-get install -y$need" >&2
  exit 1
fi
