#!/usr/bin/env bash
# Benchmark of the whole stack (nginx + FastCGI app, release build) in one bounded run:
#   static file /css/portal.css (nginx alone), GET / (home page), GET /card (signed in, e-card page),
#   POST /login/permit (valid CSRF token, unknown permit number: a full Argon2id hash and the generic error).
# Prints a markdown table (req/s, p50, p99, ratio to the static file) and the machine it ran on.
#
# Environment: BENCH_DURATION (10s), BENCH_CONNECTIONS (32), BENCH_LOGIN_CONNECTIONS (the hashing gate's capacity), BENCH_THREADS (2), BENCH_WARMUP (2s),
#              BENCH_SKIP_BUILD=1 to use an existing release build, BENCH_KEEP_DATA=1 to keep the temp data.
# It starts its own stack on a free port with a temporary data folder and stops it at exit, whatever happens.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
# The app hashes on all cores but one and queues as many again (HashingGate): that many logins at once.
cores="$(nproc)"
LOGIN_CONNECTIONS="${BENCH_LOGIN_CONNECTIONS:-$((2 * (cores > 1 ? cores - 1 : 1)))}"
THREADS="${BENCH_THREADS:-2}"
WARMUP="${BENCH_WARMUP:-2s}"

log() { printf 'bench: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# shellcheck source=scripts/lib/toolchain.sh
source "$ROOT/scripts/lib/toolchain.sh"
require_swift bench

bash scripts/install-deps.sh
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "swift build -c release"
    swift build -c release
fi
PORTAL_BIN="${PORTAL_BIN:-$(swift build -c release --show-bin-path)/portal}"
[ -x "$PORTAL_BIN" ] || die "no release executable at $PORTAL_BIN"
export PORTAL_BIN

WORK="$(mktemp -d /tmp/portal-bench.XXXXXX)"
# nginx's workers (user nobody) pass through this folder to the socket; nothing in it is listable.
chmod 0711 "$WORK"
export PORTAL_DATA="$WORK/data"
export PORTAL_ENV=development
# The rate limit exists for people; the benchmark measures the app's own cost of a login.
export PORTAL_POST_RATE=1000000r/s PORTAL_POST_BURST=1000000
PORTAL_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export PORTAL_PORT
BASE="http://127.0.0.1:$PORTAL_PORT"
mkdir -p "$PORTAL_DATA"

stack_pid=""
cleanup() {
    local status=$? i
    trap - EXIT INT TERM
    if [ -n "$stack_pid" ] && kill -0 "$stack_pid" 2>/dev/null; then
        kill -TERM "$stack_pid" 2>/dev/null || true
        for ((i = 0; i < 300; i++)); do
            kill -0 "$stack_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$stack_pid" 2>/dev/null || true
        wait "$stack_pid" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ]; then
        log "failed; last lines of the stack and app logs:"
        tail -n 15 "$WORK/stack.log" "$PORTAL_DATA/portal.log" >&2 2>/dev/null || true
    fi
    if [ "${BENCH_KEEP_DATA:-0}" = 1 ]; then
        log "data kept in $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "importing demo data into $PORTAL_DATA"
bash scripts/import-demo-data.sh >/dev/null

log "starting the stack on port $PORTAL_PORT"
bash scripts/start-stack.sh >"$WORK/stack.out" 2>"$WORK/stack.log" &
stack_pid=$!
for ((i = 0; i < 600; i++)); do
    grep -q '^http://' "$WORK/stack.out" 2>/dev/null && break
    kill -0 "$stack_pid" 2>/dev/null || die "the stack did not start"
    sleep 0.05
done
grep -q '^http://' "$WORK/stack.out" || die "the stack did not start within 30 s"

# ---- a signed-in user: register ANNA SCHMIDT and pass facial recognition, as a browser would ----
JAR="$WORK/cookies.txt"
PASSWORD='Portal2026!x'
CURL=(curl -sS --max-time 30 -c "$JAR" -b "$JAR")

# Prints the value of the form's hidden csrf_token input (HTML on stdin).
csrf_token() {
    python3 -c '
import html, re, sys
page = sys.stdin.read()
for tag in re.findall(r"<input\b[^>]*>", page, re.I):
    if re.search(r"""\bname\s*=\s*["\x27]?csrf_token\b""", tag):
        value = re.search(r"""\bvalue\s*=\s*["\x27]([^"\x27]*)""", tag)
        if value:
            print(html.unescape(value.group(1)))
            sys.exit(0)
sys.exit("no csrf_token input in the page")
'
}

# Cookie header from a curl jar (HttpOnly cookies are stored with a #HttpOnly_ prefix).
cookie_header() {
    awk -F '\t' 'NF == 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$1"
}

# Expects a 303 to the given path; prints what came instead otherwise.
expect_redirect() {
    local got="$1" want="$2"
    [[ "$got" == "303 "*"$want" ]] || die "expected 303 to $want, got: $got"
}

token="$("${CURL[@]}" "$BASE/register" | csrf_token)"
result="$("${CURL[@]}" -o "$WORK/register.html" -w '%{http_code} %{redirect_url}' \
    --data-urlencode "full_name=ANNA SCHMIDT" --data-urlencode "permit_number=WP2026000001" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "password_confirm=$PASSWORD" \
    --data-urlencode "csrf_token=$token" "$BASE/register")"
expect_redirect "$result" "/register/face"

# A real 200x200 PNG (a face-coloured disc), made with zlib and struct only.
python3 - "$WORK/face.png" <<'PY'
import struct, sys, zlib
w = h = 200
rows = bytearray()
for y in range(h):
    rows.append(0)  # filter: none
    for x in range(w):
        inside = (x - 100) ** 2 + (y - 100) ** 2 < 80 ** 2
        rows += bytes((224, 172, 140) if inside else (40, 90, 160))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY

token="$("${CURL[@]}" "$BASE/register/face" | csrf_token)"
result="$("${CURL[@]}" -o "$WORK/face.html" -w '%{http_code} %{redirect_url}' \
    -F "csrf_token=$token" -F "face_image=@$WORK/face.png;type=image/png" "$BASE/register/face")"
expect_redirect "$result" "/card"

card_status="$("${CURL[@]}" -o "$WORK/card.html" -w '%{http_code}' "$BASE/card")"
if [ "$card_status" != 200 ] || ! grep -q 'ANNA SCHMIDT' "$WORK/card.html"; then
    die "GET /card after registration did not show the e-card (status $card_status)"
fi
SIGNED_IN_COOKIE="$(cookie_header "$JAR")"
log "registered and verified ANNA SCHMIDT; /card answers 200"

# ---- an anonymous login form: its cookie and CSRF token, then a login that must fail generically ----
ANON_JAR="$WORK/anon-cookies.txt"
token="$(curl -sS --max-time 30 -c "$ANON_JAR" -b "$ANON_JAR" "$BASE/login/permit" | csrf_token)"
ANON_COOKIE="$(cookie_header "$ANON_JAR")"
LOGIN_BODY="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlencode({"permit_number": "WP2099999999", "password": "Wrong2026!x", "csrf_token": sys.argv[1]}))' "$token")"
login_status="$(curl -sS --max-time 30 -o "$WORK/login.html" -w '%{http_code}' -H "Cookie: $ANON_COOKIE" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$LOGIN_BODY" "$BASE/login/permit")"
grep -q 'The work permit number or password is incorrect' "$WORK/login.html" \
    || die "POST /login/permit did not answer with the generic error (status $login_status)"
log "POST /login/permit answers $login_status with the generic error"

# ---- measure ----
# Runs wrk on one target and prints "rps p50_us p99_us non2xx socket_errors".
measure() {
    local name="$1" url="$2" out
    out="$WORK/wrk-$name.txt"
    BENCH_METHOD="${BENCH_METHOD:-GET}" wrk -t"$THREADS" -c"${BENCH_CONN:-$CONNECTIONS}" -d"$DURATION" --latency \
        -s bench/wrk.lua "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed on $name"; }
    grep '^BENCH_RESULT' "$out" | sed -E 's/.*rps=([0-9.]+) p50_us=([0-9]+) p99_us=([0-9]+) non2xx3xx=([0-9]+) socket_errors=([0-9]+).*/\1 \2 \3 \4 \5/'
}

log "warming up ($WARMUP)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/" >/dev/null 2>&1 || true

log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency: static file"
read -r static_rps static_p50 static_p99 static_bad static_err < <(measure static "$BASE/css/portal.css")
log "... GET /"
read -r home_rps home_p50 home_p99 home_bad home_err < <(measure home "$BASE/")
log "... GET /card (signed in)"
read -r card_rps card_p50 card_p99 card_bad card_err < <(BENCH_COOKIE="$SIGNED_IN_COOKIE" measure card "$BASE/card")
# Logins are measured with as many connections as the hashing gate admits, so the figure is hashing
# throughput, not refusals.
log "... POST /login/permit (unknown permit number), $LOGIN_CONNECTIONS connections"
read -r login_rps login_p50 login_p99 login_bad login_err < <(BENCH_CONN="$LOGIN_CONNECTIONS" BENCH_METHOD=POST \
    BENCH_BODY="$LOGIN_BODY" BENCH_COOKIE="$ANON_COOKIE" measure login "$BASE/login/permit")
# A login flood beyond the gate is answered 503 at once; the pages that need no hashing must stay fast.
log "... GET / while $CONNECTIONS connections flood POST /login/permit"
BENCH_METHOD=POST BENCH_BODY="$LOGIN_BODY" BENCH_COOKIE="$ANON_COOKIE" measure flood "$BASE/login/permit" \
    >"$WORK/flood.result" &
flood_pid=$!
read -r during_rps during_p50 during_p99 during_bad during_err < <(BENCH_CONN=16 measure during "$BASE/")
wait "$flood_pid" || die "the login flood failed"
read -r flood_rps flood_p50 flood_p99 flood_bad flood_err <"$WORK/flood.result"

ms() { awk -v us="$1" 'BEGIN { if (us < 10000) printf "%.2f ms", us / 1000; else printf "%.0f ms", us / 1000 }'; }
row() {
    local what="$1" rps="$2" p50="$3" p99="$4" bad="$5" err="$6"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$what" "$(printf '%.0f' "$rps")" "$(ms "$p50")" "$(ms "$p99")" \
        "$(awk -v a="$rps" -v b="$static_rps" 'BEGIN { printf "%.3f", a / b }')" "$((bad + err))"
}

cpu_model="$(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
nginx_version="$(nginx -v 2>&1 | sed 's/^nginx version: nginx\///')"
# `wrk -v` prints its version with the usage text and exits 1.
wrk_version="$( (wrk -v 2>&1 || true) | awk 'NR == 1 { print $2 }')"
swift_version="$( (swift --version 2>/dev/null || true) | awk 'NR == 1')"

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, one run, $(date -u +%F)"
echo
echo "| request | req/s | p50 | p99 | ratio to static | non-2xx/3xx or socket errors |"
echo "|---|---:|---:|---:|---:|---:|"
row "static \`/css/portal.css\` (nginx only)" "$static_rps" "$static_p50" "$static_p99" "$static_bad" "$static_err"
row "GET \`/\` (home page)" "$home_rps" "$home_p50" "$home_p99" "$home_bad" "$home_err"
row "GET \`/card\` (signed in)" "$card_rps" "$card_p50" "$card_p99" "$card_bad" "$card_err"
row "POST \`/login/permit\` (unknown number, Argon2id), $LOGIN_CONNECTIONS connections" "$login_rps" "$login_p50" "$login_p99" "$login_bad" "$login_err"
row "POST \`/login/permit\` flood, $CONNECTIONS connections (503 busy beyond the gate)" "$flood_rps" "$flood_p50" "$flood_p99" "$flood_bad" "$flood_err"
row "GET \`/\` during that flood, 16 connections" "$during_rps" "$during_p50" "$during_p99" "$during_bad" "$during_err"
echo
echo "POST /login/permit answered $login_status with the generic error before the run; the last column counts"
echo "answers wrk saw as non-2xx/3xx (the flood's 503 busy answers among them) plus connect/read/write/timeout errors."
echo
echo "Machine: $(nproc) CPUs (nproc), $cpu_model; $(uname -sr); nginx $nginx_version; wrk $wrk_version;"
echo "$swift_version; executable $PORTAL_BIN; wrk on the same machine."
