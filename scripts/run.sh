#!/usr/bin/env bash
# README run command: installs what is missing, builds release, fills $PORTAL_DATA with the demo
# records and serves the portal through nginx at http://127.0.0.1:$PORTAL_PORT/ until Ctrl-C.
# Environment: PORTAL_PORT (8080), PORTAL_DATA (var/ in the checkout), PORTAL_ENV (development);
# the rest as in scripts/start-stack.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=scripts/lib/toolchain.sh
source "$ROOT/scripts/lib/toolchain.sh"
require_swift run

bash scripts/install-deps.sh

echo "run: swift build -c release" >&2
swift build -c release
export PORTAL_BIN="${PORTAL_BIN:-$(swift build -c release --show-bin-path)/portal}"

export PORTAL_ENV="${PORTAL_ENV:-development}"
export PORTAL_DATA="${PORTAL_DATA:-$ROOT/var}"
mkdir -p "$PORTAL_DATA"

bash scripts/import-demo-data.sh

exec bash scripts/start-stack.sh
