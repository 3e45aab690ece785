#!/usr/bin/env bash
# Builds the benchmark's C reference responder (reference.c): bash bench/c-reference/build.sh [OUT]
# OUT defaults to ./reference (relative to the current directory); callable from any directory.
# Needs libfcgi-dev and libsqlite3-dev.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-./reference}"
mkdir -p "$(dirname "$OUT")"
cc -O2 -Wall -Wextra -o "$OUT" "$DIR/reference.c" -lfcgi -lsqlite3 -lpthread
