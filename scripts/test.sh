#!/usr/bin/env bash
# README test command (.ci/run runs exactly this): every test, unit and end to end through nginx.
# Any failing step fails the whole run (set -e).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=scripts/lib/toolchain.sh
source "$ROOT/scripts/lib/toolchain.sh"
require_swift test

step() { printf '\n==> %s\n' "$*" >&2; }

step "install dependencies"
bash scripts/install-deps.sh --tests

step "swift build --build-tests"
swift build --build-tests

step "swift test"
swift test

# The end-to-end suite starts scripts/start-stack.sh itself (free port, temporary data folder) with the
# debug executable named here.
PORTAL_BIN="$(swift build --show-bin-path)/portal"
export PORTAL_BIN

step "end-to-end tests (python3 -m pytest Tests/EndToEnd)"
if compgen -G "Tests/EndToEnd/test_*.py" >/dev/null || compgen -G "Tests/EndToEnd/*_test.py" >/dev/null; then
    python3 -m pytest Tests/EndToEnd
else
    # pytest would exit 5 ("no tests collected"); say plainly why nothing ran instead.
    echo "test: no end-to-end tests in Tests/EndToEnd" >&2
    exit 1
fi

# The real-browser suite: headless chromium (with a fake webcam) on a stack of its own, axe-core on every page.
step "browser tests (python3 -m pytest Tests/Browser)"
if compgen -G "Tests/Browser/test_*.py" >/dev/null; then
    python3 -m pytest Tests/Browser
else
    echo "test: no browser tests in Tests/Browser" >&2
    exit 1
fi
