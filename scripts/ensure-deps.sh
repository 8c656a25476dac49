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
# The servers and runtimes the suites start for real (middlewares, the audit matrix, every stack's snippet), also from
# Debian. Keep in step with .ci/run. (Skipped when CORS_DOCTOR_BIN_DIR points the browser check at a test directory.)
servers=''
if [ -z "${CORS_DOCTOR_BIN_DIR:-}" ] && command -v dpkg-query >/dev/null; then
  for package in nginx openssl php-cli python3-flask python3-flask-cors python3-django python3-django-cors-headers \
    python3-fastapi python3-uvicorn ruby-rack ruby-rack-cors ruby-railties ruby-actionpack ruby-webrick golang-go \
    golang-github-rs-cors-dev apache2 caddy; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || servers="$servers $package"
  done
fi
servers=${servers:-}
[ -n "$need$servers" ] || exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "cors-doctor: installing Debian packages for the real-browser and real-server tests:$need$servers (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  # The suites start nginx, apache2 and caddy on loopback themselves: keep the packages from starting system daemons.
  guard=''
  if [ -n "$servers" ] && [ ! -e /usr/sbin/policy-rc.d ] && [ -d /usr/sbin ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && guard=1
  fi
  apt-get update -qq >&2
  # shellcheck disable=SC2086 # lists of package names
  { [ -z "$need" ] || apt-get install -y -qq $need >/dev/null; } \
    && { [ -z "$servers" ] || apt-get install -y -qq --no-install-recommends $servers >/dev/null; } \
    || { [ -z "$guard" ] || rm -f /usr/sbin/policy-rc.d; exit 1; }
  [ -z "$guard" ] || rm -f /usr/sbin/policy-rc.d
else
  echo "cors-doctor: the real-browser and real-server tests need Debian packages; run: sudo apt-get install -y$need$servers" >&2
  exit 1
fi
