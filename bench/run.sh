#!/usr/bin/env bash
# Benchmark of the whole stack (nginx + FastCGI app, release build) in one bounded run, beside nginx's static file
# and a hand-written C libfcgi reference (bench/c-reference) served by the same nginx:
#   rounds (medians of BENCH_ROUNDS) of: static /css/portal.css, the C reference (a connection per request, and
#   with kept connections), GET / (home page), GET /card (signed in);
#   the C reference, / and /card again at 256 connections (the p99 trap of kept connections);
#   rounds of POST /login/permit (unknown number: a full hash, generic error), each between two measures of the raw
#   Argon2id rate (portal hash-rate), the round with the median ratio reported;
#   a 32-connection login flood with /card measured during it and three people logging in from other addresses;
#   a million holders (bench/fill-million.py) in a second stack of their own, whose /card is measured in the same
#   rounds, alternating with the demo-size /card (the machine drifts by a tenth within minutes); serve's start on it;
#   portal import permits of a million generated rows (time, peak memory); portal serve's resident memory.
# Prints a markdown table with the targets of issue 8 and the machine it ran on.
#
# Environment: BENCH_DURATION (10s), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_WARMUP (2s),
#              BENCH_LOGIN_CONNECTIONS (4), BENCH_MILLION (1000000, 0 skips the million-holder part),
#              BENCH_SKIP_BUILD=1 to use an existing release build, BENCH_KEEP_DATA=1 to keep the temp data.
# It starts its own stack on a free port with a temporary data folder and stops it at exit, whatever happens.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
ROUNDS="${BENCH_ROUNDS:-3}"
MILLION="${BENCH_MILLION:-1000000}"
cores="$(nproc)"
# serve hashes on all cores but one (ServeCommand.hashingGate); the raw rate is measured with as many threads.
HASH_THREADS=$((cores > 1 ? cores - 1 : 1))
# Within one address's share of the hashing queue (HashingGate.perClientLimit), so the figure is throughput.
LOGIN_CONNECTIONS="${BENCH_LOGIN_CONNECTIONS:-4}"
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
MILLION_DATA="$WORK/million"
export PORTAL_PORT
BASE="http://127.0.0.1:$PORTAL_PORT"
mkdir -p "$PORTAL_DATA"

stack_pids=()
reference_pids=()
cleanup() {
    local status=$? i pid
    trap - EXIT INT TERM
    for i in "${reference_pids[@]}"; do kill -TERM "$i" 2>/dev/null || true; done
    for pid in "${stack_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${stack_pids[@]}"; do
        for ((i = 0; i < 300; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
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

# ---- the C reference: built here, two instances (a connection per request; kept connections), same nginx ----
REFERENCE_DIR="$WORK/c-reference"
mkdir -p "$REFERENCE_DIR"
chmod 0711 "$REFERENCE_DIR"
bash bench/c-reference/build.sh "$REFERENCE_DIR/reference"
"$REFERENCE_DIR/reference" --create-db "$REFERENCE_DIR/holders.sqlite"
chmod 0644 "$REFERENCE_DIR/holders.sqlite"
"$REFERENCE_DIR/reference" "$REFERENCE_DIR/each.sock" "$REFERENCE_DIR/holders.sqlite" 4 2>>"$WORK/reference.log" &
reference_pids+=($!)
"$REFERENCE_DIR/reference" "$REFERENCE_DIR/kept.sock" "$REFERENCE_DIR/holders.sqlite" 64 2>>"$WORK/reference.log" &
reference_pids+=($!)
mkdir -p "$PORTAL_DATA/nginx/local"
cat >"$PORTAL_DATA/nginx/local/c-reference.http.conf" <<CONF
upstream c_reference_kept {
    server unix:$REFERENCE_DIR/kept.sock;
    keepalive 16;
}
CONF
cat >"$PORTAL_DATA/nginx/local/c-reference.server.conf" <<CONF
location = /bench/c-reference {
    fastcgi_keep_conn off;
    fastcgi_pass unix:$REFERENCE_DIR/each.sock;
}
location = /bench/c-reference-kept {
    fastcgi_pass c_reference_kept;
}
CONF

log "importing demo data into $PORTAL_DATA"
bash scripts/import-demo-data.sh >/dev/null

# Starts a stack (nginx + portal serve) on the data folder and port given; its output goes to $WORK/NAME.out/.log.
start_stack() {
    local data="$1" port="$2" name="$3" pid i
    log "starting the $name stack on port $port"
    PORTAL_DATA="$data" PORTAL_PORT="$port" bash scripts/start-stack.sh >"$WORK/$name.out" 2>"$WORK/$name.log" &
    pid=$!
    stack_pids+=("$pid")
    for ((i = 0; i < 600; i++)); do
        grep -q '^http://' "$WORK/$name.out" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || die "the $name stack did not start"
        sleep 0.05
    done
    grep -q '^http://' "$WORK/$name.out" || die "the $name stack did not start within 30 s"
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
start_stack "$PORTAL_DATA" "$PORTAL_PORT" stack

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
# Runs wrk on one target and prints "rps p50_us p99_us non2xx socket_errors good_rps" (good: 2xx/3xx answers a second).
measure() {
    local name="$1" url="$2" out
    out="$WORK/wrk-$name.txt"
    BENCH_METHOD="${BENCH_METHOD:-GET}" wrk -t"$THREADS" -c"${BENCH_CONN:-$CONNECTIONS}" -d"$DURATION" --latency \
        -s bench/wrk.lua "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed on $name"; }
    grep '^BENCH_RESULT' "$out" | sed -E 's/.*requests=([0-9]+) rps=([0-9.]+) p50_us=([0-9]+) p99_us=([0-9]+) non2xx3xx=([0-9]+) socket_errors=([0-9]+).*/\1 \2 \3 \4 \5 \6/' \
        | awk '{ good = $2 * ($1 - $5 - $6) / ($1 > 0 ? $1 : 1); print $2, $3, $4, $5, $6, good }'
}
median() { python3 bench/tools.py median "$@"; }
app_pid() { pgrep -f -- "serve --socket ${1:-$PORTAL_DATA}/run/portal.sock" | head -1; }
# Resident memory of portal serve (of the data folder given, the demo one by default) now and at its peak (VmHWM), in MB.
app_memory() { awk '/^VmRSS|^VmHWM/ { printf "%s=%.0f ", $1, $2 / 1024 }' "/proc/$(app_pid "${1:-}")/status"; }

million_card="skipped" million_start="skipped" import_line="skipped" fill_line="skipped"
if [ "$MILLION" -gt 0 ]; then
    log "a second stack: the demo data and $MILLION generated holders (accounts, sessions)"
    PORTAL_DATA="$MILLION_DATA" bash scripts/import-demo-data.sh >/dev/null
    fill_started=$SECONDS
    MILLION_COOKIE="$(python3 bench/fill-million.py "$MILLION_DATA/portal.sqlite" --count "$MILLION")"
    fill_line="$((SECONDS - fill_started)) s"
    MILLION_PORT="$(free_port)"
    start_stack "$MILLION_DATA" "$MILLION_PORT" million-stack
    status="$(curl -sS -o "$WORK/million-card.html" -w '%{http_code}' -H "Cookie: $MILLION_COOKIE" \
        "http://127.0.0.1:$MILLION_PORT/card")"
    [ "$status" = 200 ] || die "GET /card as a generated holder answered $status"
    million_card=yes
fi

curl -sS -o /dev/null "$BASE/bench/c-reference" || die "the C reference does not answer"
[ "$(curl -sS -o /dev/null -w '%{http_code}' "$BASE/bench/c-reference-kept")" = 200 ] || die "the kept C reference does not answer"
log "warming up ($WARMUP)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/" >/dev/null 2>&1 || true
BENCH_COOKIE="$SIGNED_IN_COOKIE" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk.lua "$BASE/card" >/dev/null 2>&1 || true
if [ "$million_card" = yes ]; then
    BENCH_COOKIE="$MILLION_COOKIE" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk.lua \
        "http://127.0.0.1:$MILLION_PORT/card" >/dev/null 2>&1 || true
fi

# Each target's results over the rounds: "rps p50 p99 bad" lines in $WORK/results-NAME.
targets=(static reference kept home card)
declare -A url=([static]="$BASE/css/portal.css" [reference]="$BASE/bench/c-reference"
                [kept]="$BASE/bench/c-reference-kept" [home]="$BASE/" [card]="$BASE/card")
if [ "$million_card" = yes ]; then
    targets+=(million)
    url[million]="http://127.0.0.1:$MILLION_PORT/card"
fi
run_target() {
    local name="$1" label="$2" rps p50 p99 bad err cookie=""
    [ "$name" = card ] && cookie="$SIGNED_IN_COOKIE"
    [ "$name" = million ] && cookie="$MILLION_COOKIE"
    read -r rps p50 p99 bad err _ < <(BENCH_COOKIE="$cookie" measure "$label" "${url[$name]}")
    echo "$rps $p50 $p99 $((bad + err))" >>"$WORK/results-$label"
}
for ((round = 1; round <= ROUNDS; round++)); do
    log "round $round of $ROUNDS: ${targets[*]} ($CONNECTIONS connections)"
    for name in "${targets[@]}"; do run_target "$name" "$name"; done
done
log "... the C reference, GET / and GET /card at 256 connections"
for name in reference home card; do BENCH_CONN=256 run_target "$name" "$name-256"; done
# Median of one column (1 req/s, 3 p99) of a target's results; bad answers are summed.
column() { median $(awk -v c="$2" '{ print $c }' "$WORK/results-$1"); }
bad_total() { awk '{ s += $4 } END { print s + 0 }' "$WORK/results-$1"; }
memory_after_pages="$(app_memory)"

# Logins in rounds like the pages: each round's rate beside the raw rate measured just before and just after it
# (this machine's speed drifts by a tenth within minutes: 32.5/s, then 29.9/s, five seconds apart, more than the
# ratio's margin), and the round with the median ratio reported. A round's raw "after" is the next one's "before".
hash_rate() { "$PORTAL_BIN" hash-rate --threads "$HASH_THREADS" --seconds 5; }
rate_of() { sed -E 's/.*rate=([0-9.]+).*/\1/' <<<"$1"; }
log "raw Argon2id rate, $HASH_THREADS thread(s), the logins' parameters"
read -r raw_before < <(hash_rate)
login_bad=0 login_err=0 login_rounds=""
for ((round = 1; round <= ROUNDS; round++)); do
    log "... POST /login/permit (unknown permit number), $LOGIN_CONNECTIONS connections, round $round of $ROUNDS; the raw rate after it"
    read -r _ _ p99 bad err rps < <(BENCH_CONN="$LOGIN_CONNECTIONS" BENCH_METHOD=POST \
        BENCH_BODY="$LOGIN_BODY" BENCH_COOKIE="$ANON_COOKIE" measure "login-$round" "$BASE/login/permit")
    read -r raw_after < <(hash_rate)
    login_bad=$((login_bad + bad)) login_err=$((login_err + err))
    # "ratio rps p99_us raw_mean" per round
    echo "$(python3 -c 'import sys; raw = (float(sys.argv[2]) + float(sys.argv[3])) / 2; print(round(float(sys.argv[1]) / raw, 3), sys.argv[1], sys.argv[4], round(raw, 1))' \
        "$rps" "$(rate_of "$raw_before")" "$(rate_of "$raw_after")" "$p99")" >>"$WORK/results-logins"
    login_rounds+="$(rate_of "$raw_before")/s, ${rps%.*}/s, "
    raw_before="$raw_after"
done
login_rounds+="$(rate_of "$raw_after")/s"
read -r _ login_rps login_p99 raw_rate < <(sort -n "$WORK/results-logins" | sed -n "$(( (ROUNDS + 1) / 2 ))p")
raw_line="raw, logins, raw, … in turn: $login_rounds; the median round's raw rate (mean of the two beside it)=$raw_rate"

log "... a $CONNECTIONS-connection login flood; GET /card during it; three people logging in from other addresses"
BENCH_METHOD=POST BENCH_BODY="$LOGIN_BODY" BENCH_COOKIE="$ANON_COOKIE" measure flood "$BASE/login/permit" \
    >"$WORK/flood.result" &
flood_pid=$!
python3 bench/tools.py genuine-logins "$BASE" "$ANON_COOKIE" "$LOGIN_BODY" 9 >"$WORK/genuine.result" &
genuine_pid=$!
read -r during_rps during_p50 during_p99 during_bad during_err _ < <(BENCH_CONN=16 BENCH_COOKIE="$SIGNED_IN_COOKIE" \
    measure during "$BASE/card")
wait "$flood_pid" || die "the login flood failed"
wait "$genuine_pid" || die "the genuine logins failed"
read -r flood_rps flood_p50 flood_p99 flood_bad flood_err _ <"$WORK/flood.result"
genuine="$(cat "$WORK/genuine.result")"
memory_after_logins="$(app_memory)"

log "... GET / while 8 clients upload 60,000-part bodies to /register/face, signed out (the attacker review's attack)"
BENCH_CONN=8 BENCH_MULTIPART_PARTS=60000 measure upload "$BASE/register/face" >"$WORK/upload.result" &
upload_pid=$!
read -r attacked_rps attacked_p50 attacked_p99 attacked_bad attacked_err _ < <(measure attacked "$BASE/")
wait "$upload_pid" || die "the upload attack failed"
read -r upload_rps upload_p50 upload_p99 upload_bad upload_err _ <"$WORK/upload.result"
memory_after_uploads="$(app_memory)"

if [ "$million_card" = yes ]; then
    log "... portal serve's start on it, to its first answer (three starts)"
    starts=()
    for ((round = 1; round <= 3; round++)); do
        starts+=("$(PORTAL_DATA="$MILLION_DATA" python3 bench/tools.py start-time "$PORTAL_BIN" "$WORK/start.sock" \
            "$ROOT/templates" | sed 's/ms=//')")
    done
    million_start="$(median "${starts[@]}") ms (starts: ${starts[*]} ms)"
    log "... portal import permits of $MILLION generated rows, into an empty data folder"
    python3 bench/tools.py permits-csv "$MILLION" "$WORK/permits-million.csv"
    mkdir -p "$WORK/import-data"
    import_line="$(PORTAL_DATA="$WORK/import-data" /usr/bin/time -f '%e s, peak %M KB' "$PORTAL_BIN" import permits \
        "$WORK/permits-million.csv" 2>&1 >/dev/null | tail -1)"
fi
memory_end="$(app_memory)"
[ "$million_card" = yes ] && memory_million="$(app_memory "$MILLION_DATA")" || memory_million="skipped"

ms() { awk -v us="$1" 'BEGIN { if (us < 10000) printf "%.1f ms", us / 1000; else printf "%.0f ms", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
static_rps="$(column static 1)" reference_rps="$(column reference 1)"
row() {
    local what="$1" rps="$2" p99="$3" bad="$4" target="$5"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$what" "$(printf '%.0f' "$rps")" "$(ratio "$rps" "$static_rps")" \
        "$(ratio "$rps" "$reference_rps")" "$(ms "$p99")" "$bad" "$target"
}
target_row() { row "$1" "$(column "$2" 1)" "$(column "$2" 3)" "$(bad_total "$2")" "$3"; }

cpu_model="$(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
nginx_version="$(nginx -v 2>&1 | sed 's/^nginx version: nginx\///')"
# `wrk -v` prints its version with the usage text and exits 1.
wrk_version="$( (wrk -v 2>&1 || true) | awk 'NR == 1 { print $2 }')"
swift_version="$( (swift --version 2>/dev/null || true) | awk 'NR == 1')"

echo
echo "wrk -t$THREADS -d$DURATION --latency, one run, $(date -u +%F); rows with rounds are medians of $ROUNDS rounds"
echo
echo "| request | req/s | × nginx static | × C reference | p99 | errors | target |"
echo "|---|---:|---:|---:|---:|---:|---|"
target_row "nginx, static \`/css/portal.css\`, $CONNECTIONS connections" static ""
target_row "C reference, 4 threads, a connection per request, $CONNECTIONS connections" reference "the 1.00 of this column"
target_row "C reference, 64 threads, kept connections (keepalive 16), $CONNECTIONS connections" kept ""
target_row "portal GET \`/\`, $CONNECTIONS connections" home "≥ 1.0 × C"
target_row "portal GET \`/card\` signed in, $CONNECTIONS connections" card "≥ 0.6 × C (goal 1.0), p99 ≤ 5 ms"
target_row "C reference, 256 connections" reference-256 ""
target_row "portal GET \`/\`, 256 connections" home-256 "no p99 trap"
target_row "portal GET \`/card\`, 256 connections" card-256 "no p99 trap"
row "POST \`/login/permit\` (Argon2id), $LOGIN_CONNECTIONS connections, answered (not busy)" "$login_rps" "$login_p99" "$((login_bad + login_err))" \
    "≥ 0.9 × raw rate ($raw_rate/s): $(ratio "$login_rps" "$raw_rate") ×"
row "POST \`/login/permit\` flood, $CONNECTIONS connections" "$flood_rps" "$flood_p99" "$((flood_bad + flood_err))" "refused beyond the queue"
row "GET \`/card\` during that flood, 16 connections" "$during_rps" "$during_p99" "$((during_bad + during_err))" "p99 ≤ 20 ms"
row "POST \`/register/face\` signed out, 60,000 tiny parts (4 MB), 8 connections" "$upload_rps" "$upload_p99" \
    "$((upload_bad + upload_err))" "refused (nginx 429 beyond its rate, else a redirect to login, body unread)"
row "GET \`/\` during that upload attack, $CONNECTIONS connections" "$attacked_rps" "$attacked_p99" \
    "$((attacked_bad + attacked_err))" "$(ratio "$attacked_rps" "$(column home 1)") × the quiet GET \`/\`"
if [ "$million_card" = yes ]; then
    target_row "GET \`/card\` with $MILLION holders, accounts and sessions" million \
        "within 10% of /card: $(ratio "$(column million 1)" "$(column card 1)") ×"
fi
echo
echo "- Raw Argon2id rate (portal hash-rate, $HASH_THREADS thread(s), m=19456 KiB, t=2, p=1): $raw_line"
echo "- Three people logging in during the flood (9 POSTs a second each, from 127.0.0.2-4): $genuine (target: busy=0)"
echo "- Filling $MILLION holders: $fill_line; portal serve's start to its first answer on that database: $million_start (target ≤ 300 ms)"
echo "- portal import permits, $MILLION generated rows: $import_line (targets ≤ 30 s, ≤ 100 MB)"
echo "- portal serve resident memory (MB; VmHWM is the peak since it started): after the pages $memory_after_pages;"
echo "  after the logins $memory_after_logins; after the upload attack $memory_after_uploads; at the end $memory_end"
echo "  (target ≤ 100); the million-holder stack's portal serve at the end: $memory_million"
echo "- Errors count answers wrk saw as non-2xx/3xx (the flood's 503 busy answers among them) plus socket errors."
echo
echo "Machine: $(nproc) CPUs (nproc), $cpu_model; $(uname -sr); nginx $nginx_version; wrk $wrk_version;"
echo "$swift_version; executable $PORTAL_BIN; wrk on the same machine."
