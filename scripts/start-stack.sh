#!/usr/bin/env bash
# Starts the portal stack in the foreground: `portal serve` on a FastCGI unix socket and nginx in front
# of it, both under $PORTAL_DATA. Restarts the app if it dies; Ctrl-C (SIGINT) or SIGTERM stops both.
#
# Environment:
#   PORTAL_PORT        nginx port on 127.0.0.1 (default 8080)
#   PORTAL_DATA        data folder (default var/ in the checkout)
#   PORTAL_ENV         development (default) or production
#   PORTAL_BIN         the portal executable (default .build/release/portal)
#   PORTAL_POST_RATE   limit_req rate for login/registration POSTs (default 10r/s)
#   PORTAL_POST_BURST  limit_req burst (default 20)
#   PORTAL_THREADS     FastCGI worker threads (default: the app's own, 32, three per core taking requests)
#   PORTAL_MAX_RESTARTS  app restarts allowed before giving up (default 5; the count resets after 60 s of uptime)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PORTAL_PORT="${PORTAL_PORT:-8080}"
PORTAL_DATA="${PORTAL_DATA:-$ROOT/var}"
PORTAL_ENV="${PORTAL_ENV:-development}"
PORTAL_BIN="${PORTAL_BIN:-$ROOT/.build/release/portal}"
PORTAL_POST_RATE="${PORTAL_POST_RATE:-10r/s}"
PORTAL_POST_BURST="${PORTAL_POST_BURST:-20}"
PORTAL_THREADS="${PORTAL_THREADS:-}"
PORTAL_MAX_RESTARTS="${PORTAL_MAX_RESTARTS:-5}"

log() { printf 'start-stack: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# ---- check the settings: they end up inside nginx.conf, so nothing may break its syntax ----
if ! [[ "$PORTAL_PORT" =~ ^[0-9]+$ ]] || [ "$PORTAL_PORT" -lt 1 ] || [ "$PORTAL_PORT" -gt 65535 ]; then
    die "PORTAL_PORT must be a port number, not '$PORTAL_PORT'"
fi
[[ "$PORTAL_POST_RATE" =~ ^[0-9]+r/[sm]$ ]] || die "PORTAL_POST_RATE must look like 10r/s or 600r/m, not '$PORTAL_POST_RATE'"
[[ "$PORTAL_POST_BURST" =~ ^[0-9]+$ ]] || die "PORTAL_POST_BURST must be a whole number, not '$PORTAL_POST_BURST'"
[ -z "$PORTAL_THREADS" ] || [[ "$PORTAL_THREADS" =~ ^[1-9][0-9]*$ ]] || die "PORTAL_THREADS must be a positive number"
[[ "$PORTAL_MAX_RESTARTS" =~ ^[0-9]+$ ]] || die "PORTAL_MAX_RESTARTS must be a whole number"
[ -x "$PORTAL_BIN" ] || die "no portal executable at $PORTAL_BIN (build it with 'swift build -c release', or set PORTAL_BIN)"
command -v nginx >/dev/null 2>&1 || die "nginx is not installed (run scripts/install-deps.sh)"

mkdir -p "$PORTAL_DATA"
PORTAL_DATA="$(cd "$PORTAL_DATA" && pwd)"
PUBLIC_DIR="$ROOT/public"
NGINX_DIR="$PORTAL_DATA/nginx"
RUN_DIR="$PORTAL_DATA/run"
SOCKET="$RUN_DIR/portal.sock"
APP_LOG="$PORTAL_DATA/portal.log"
export PORTAL_DATA PORTAL_ENV

for path in "$PORTAL_DATA" "$PUBLIC_DIR"; do
    [[ "$path" =~ ^[A-Za-z0-9._/+@:,=-]+$ ]] \
        || die "path '$path' has characters nginx.conf cannot take unquoted (spaces, quotes, ; { } \$ #); use a plainer path"
done
# A unix socket path must fit in sockaddr_un.sun_path (108 bytes with the NUL).
[ "${#SOCKET}" -lt 108 ] || die "socket path too long for a unix socket (${#SOCKET} bytes): $SOCKET; use a shorter PORTAL_DATA"

# Files the app creates (database, SMS outbox) are not for other users of the machine.
umask 027

# ---- folders: nginx workers run as nobody:nogroup and must reach the socket and their temp files ----
mkdir -p "$RUN_DIR" "$NGINX_DIR/logs" "$NGINX_DIR/temp"
worker_user=nobody
worker_group=nogroup
if [ "$(id -u)" -eq 0 ]; then
    chgrp "$worker_group" "$RUN_DIR" "$NGINX_DIR" "$NGINX_DIR/temp"
    chmod 0750 "$RUN_DIR" "$NGINX_DIR" "$NGINX_DIR/temp"
    # The workers only pass through the data folder (o+x, no listing); its files stay 0640 (umask above).
    runuser -u "$worker_user" -- test -x "$PORTAL_DATA" 2>/dev/null || chmod o+x "$PORTAL_DATA"
    if ! runuser -u "$worker_user" -- test -x "$RUN_DIR" 2>/dev/null \
        || ! runuser -u "$worker_user" -- test -r "$PUBLIC_DIR/css/portal.css" 2>/dev/null; then
        # A parent folder (a checkout or a temp folder under /root, say) is closed to others. Rather than
        # open up folders this script does not own, run the workers as root in this development stack.
        log "warning: user $worker_user cannot reach $PUBLIC_DIR or $RUN_DIR through their parent folders;"
        log "warning: running nginx workers as root for this development stack"
        worker_user=root
        worker_group=root
    fi
fi

# ---- nginx's own error pages (413, 429, 502), rendered from the templates and the message catalogue ----
"$PORTAL_BIN" error-pages --templates "$ROOT/templates" --out "$NGINX_DIR/errors" \
    || die "$PORTAL_BIN error-pages failed"
if [ "$(id -u)" -eq 0 ]; then
    chgrp -R "$worker_group" "$NGINX_DIR/errors"
    chmod 0750 "$NGINX_DIR/errors"
fi

# ---- what nginx must know of the routes (rate-limited POSTs, body sizes, camera), rendered from them ----
"$PORTAL_BIN" nginx-routes --socket "$SOCKET" --post-burst "$PORTAL_POST_BURST" --out "$NGINX_DIR" \
    || die "$PORTAL_BIN nginx-routes failed"

# ---- nginx.conf from the template ----
template="$(<"$ROOT/nginx/portal.conf.template")"
# Quoted replacements: bash 5.2 would otherwise read '&' in them as the matched text.
conf="${template//@PORT@/"$PORTAL_PORT"}"
conf="${conf//@DATA@/"$PORTAL_DATA"}"
conf="${conf//@PUBLIC@/"$PUBLIC_DIR"}"
conf="${conf//@SOCKET@/"$SOCKET"}"
conf="${conf//@POST_RATE@/"$PORTAL_POST_RATE"}"
if [ "$worker_user" != nobody ]; then
    conf="${conf//user nobody nogroup;/"user $worker_user $worker_group;"}"
fi
printf '%s\n' "$conf" >"$NGINX_DIR/nginx.conf"

nginx_cmd=(nginx -p "$NGINX_DIR/" -c nginx.conf -e "$NGINX_DIR/logs/error.log")
"${nginx_cmd[@]}" -t -q || die "nginx rejected $NGINX_DIR/nginx.conf"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORTAL_PORT") 2>/dev/null; }
if port_open; then
    die "something already listens on 127.0.0.1:$PORTAL_PORT (set PORTAL_PORT to a free port)"
fi

# ---- process handling ----
app_pid=""
nginx_pid=""
stopping=0

# Sends TERM, waits up to 10 s, then KILL; always reaps.
stop_process() {
    local pid="$1" i
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "process $pid did not stop after 10 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    [ "$stopping" -eq 1 ] && return 0
    stopping=1
    trap - INT TERM HUP
    # nginx first, so no request reaches an app that is going away.
    stop_process "$nginx_pid"
    nginx_pid=""
    stop_process "$app_pid"
    app_pid=""
    rm -f "$SOCKET"
}
on_signal() {
    log "stopping"
    cleanup
    log "stopped"
    exit 0
}
trap on_signal INT TERM HUP
trap cleanup EXIT

start_app() {
    local args=(serve --socket "$SOCKET" --socket-group "$worker_group" --templates "$ROOT/templates"
                --public-url "http://127.0.0.1:$PORTAL_PORT")
    [ -z "$PORTAL_THREADS" ] || args+=(--threads "$PORTAL_THREADS")
    # A socket left by a killed app would make the wait below succeed too early.
    rm -f "$SOCKET"
    printf '%s start-stack: starting %s %s\n' "$(date -u +%FT%TZ)" "$PORTAL_BIN" "${args[*]}" >>"$APP_LOG"
    # Same process group as this script: a terminal Ctrl-C reaches all three, and a caller that kills the
    # group (the end-to-end suite's fallback) kills everything. The INT/TERM trap still stops both.
    "$PORTAL_BIN" "${args[@]}" </dev/null 2>>"$APP_LOG" >>"$APP_LOG" &
    app_pid=$!
    app_started=$SECONDS
}

# Polls (bounded) until the app has created its socket; fails (leaving no app running) if it does not.
wait_for_socket() {
    local i
    for ((i = 0; i < 600; i++)); do
        [ -S "$SOCKET" ] && return 0
        if ! kill -0 "$app_pid" 2>/dev/null; then
            wait "$app_pid" 2>/dev/null || true
            app_pid=""
            log "the app exited before opening $SOCKET; last lines of $APP_LOG:"
            tail -n 20 "$APP_LOG" >&2 || true
            return 1
        fi
        sleep 0.05
    done
    log "the app did not open $SOCKET within 30 s; last lines of $APP_LOG:"
    tail -n 20 "$APP_LOG" >&2 || true
    stop_process "$app_pid"
    app_pid=""
    return 1
}

# Starts the app again after a short, growing pause; gives up after PORTAL_MAX_RESTARTS failures in a row.
restarts=0
restart_app() {
    local delay
    while true; do
        # A run of a minute or more counts as healthy: start counting again.
        if (( SECONDS - app_started >= 60 )); then
            restarts=0
        fi
        if (( restarts >= PORTAL_MAX_RESTARTS )); then
            die "the app died $((restarts + 1)) times in a row; giving up (see $APP_LOG)"
        fi
        restarts=$((restarts + 1))
        # The first restart is immediate; only repeated crashes wait longer and longer.
        delay=$(( restarts == 1 ? 0 : (restarts < 6 ? 1 << (restarts - 2) : 16) ))   # 0, 1, 2, 4, 8, 16 s
        log "restart $restarts of $PORTAL_MAX_RESTARTS in ${delay}s"
        # Waiting on a background sleep lets SIGINT/SIGTERM interrupt the pause at once.
        sleep "$delay" &
        wait $! || true
        start_app
        if wait_for_socket; then
            log "the app is back (pid $app_pid)"
            return 0
        fi
    done
}

start_app
wait_for_socket || exit 1

"${nginx_cmd[@]}" -g 'daemon off;' </dev/null &
nginx_pid=$!
for ((i = 0; i < 200; i++)); do
    port_open && break
    if ! kill -0 "$nginx_pid" 2>/dev/null; then
        wait "$nginx_pid" 2>/dev/null || true
        nginx_pid=""
        die "nginx did not start; see $NGINX_DIR/logs/error.log"
    fi
    sleep 0.05
done
port_open || die "nginx did not listen on 127.0.0.1:$PORTAL_PORT within 10 s"

log "app log: $APP_LOG; nginx logs: $NGINX_DIR/logs/"
log "the portal is running at http://127.0.0.1:$PORTAL_PORT/ (Ctrl-C stops it)"
echo "http://127.0.0.1:$PORTAL_PORT/"

# ---- supervise: restart the app when it dies; stop everything if nginx dies ----
while true; do
    # Returns when either child exits, or at once when a trapped signal arrives (the trap then exits).
    exited=""
    status=0
    wait -n -p exited "$app_pid" "$nginx_pid" || status=$?
    # Both exit 0 only when told to stop (Ctrl-C in a terminal reaches the whole process group, and a child
    # may notice before this script's trap runs): then everything stops, nothing is restarted.
    if [ -n "$exited" ] && [ "$status" -eq 0 ]; then
        log "a child exited 0 (asked to stop); stopping"
        cleanup
        log "stopped"
        exit 0
    fi
    if [ "$exited" = "$nginx_pid" ]; then
        nginx_pid=""
        die "nginx exited unexpectedly (status $status); see $NGINX_DIR/logs/error.log"
    fi
    if [ "$exited" = "$app_pid" ]; then
        app_pid=""
        log "the app exited with status $status (see $APP_LOG)"
        restart_app
    fi
done
