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
# Every HTML page the suite is given is kept here for the W3C Nu HTML checker below.
PORTAL_PAGES_DIR="$(mktemp -d -t portal-pages.XXXXXX)"
export PORTAL_PAGES_DIR
if compgen -G "Tests/EndToEnd/test_*.py" >/dev/null || compgen -G "Tests/EndToEnd/*_test.py" >/dev/null; then
    python3 -m pytest Tests/EndToEnd
else
    # pytest would exit 5 ("no tests collected"); say plainly why nothing ran instead.
    echo "test: no end-to-end tests in Tests/EndToEnd" >&2
    exit 1
fi

step "W3C Nu HTML checker on the pages the end-to-end suite visited (bash scripts/check-pages.sh)"
bash scripts/check-pages.sh "$PORTAL_PAGES_DIR" "$PORTAL_BIN"
rm -rf "$PORTAL_PAGES_DIR"
unset PORTAL_PAGES_DIR

# The real-browser suite: headless chromium (with a fake webcam) on a stack of its own, axe-core on every page.
step "browser tests (python3 -m pytest Tests/Browser)"
if compgen -G "Tests/Browser/test_*.py" >/dev/null; then
    python3 -m pytest Tests/Browser
else
    echo "test: no browser tests in Tests/Browser" >&2
    exit 1
fi

# libFuzzer on the decoders a stranger's bytes reach, 20 s each (scripts/fuzz.sh; the README has a long run's figures).
step "fuzzing, a short run of each target (bash scripts/fuzz.sh)"
bash scripts/fuzz.sh
