#!/usr/bin/env bash
# Fuzzes the decoders that read what a stranger sends (Tests/Fuzz): the URL-encoded and multipart form decoders,
# the cookie parser, the registry CSV rows and the FastCGI parameter mapping, each a libFuzzer program built with
# Swift's -sanitize=fuzzer,address.
#
#   bash scripts/fuzz.sh                     every target for 20 s (the test command's short run)
#   bash scripts/fuzz.sh --runs 10000000     every target for ten million executions (the README's figures)
#   bash scripts/fuzz.sh --seconds 600 Cookies MultipartForm
#
# Each target starts from its seeds in Tests/Fuzz/Corpus/<target> and keeps what it learns in
# .build/fuzz/corpus/<target>, so later runs go on from there. A crash stops the run and fails the script; the
# input is kept in .build/fuzz/artifacts/ and replays with `.build/fuzz/release/Fuzz<target> <file>`. Whatever a
# run finds becomes a regular unit test beside the decoder's others.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/toolchain.sh
source "$ROOT/scripts/lib/toolchain.sh"
require_swift fuzz

ALL_TARGETS=(URLEncodedForm MultipartForm Cookies RegistryRows FastCGIParams)
limit=(-max_total_time=20)
jobs=2
targets=()
while (($#)); do
    case "$1" in
        --runs) limit=(-runs="$2"); shift 2 ;;
        --seconds) limit=(-max_total_time="$2"); shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        -*) echo "fuzz: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
((${#targets[@]})) || targets=("${ALL_TARGETS[@]}")
for target in "${targets[@]}"; do
    [[ -d "Tests/Fuzz/$target" ]] || { echo "fuzz: no target $target (have: ${ALL_TARGETS[*]})" >&2; exit 2; }
done

SCRATCH="$ROOT/.build/fuzz"
# A build folder of its own: the sanitizer flags would otherwise rebuild the regular build from scratch.
# lld links them: gold fails on libFuzzer's objects. -enable-testing lets the targets reach internal decoders.
build=(swift build -c release --scratch-path "$SCRATCH" -Xswiftc -sanitize=fuzzer,address
       -Xswiftc -enable-testing -Xswiftc -use-ld=lld)
for target in "${targets[@]}"; do
    echo "fuzz: building Fuzz$target" >&2
    PORTAL_FUZZ=1 "${build[@]}" --product "Fuzz$target" >&2
done

mkdir -p "$SCRATCH/artifacts" "$SCRATCH/logs"
run_target() {
    local target="$1" corpus="$SCRATCH/corpus/$1"
    mkdir -p "$corpus"
    # Swift's backtracer stays out of libFuzzer's crash handling, which writes the input first.
    SWIFT_BACKTRACE=enable=no "$SCRATCH/release/Fuzz$target" "${limit[@]}" -max_len=8192 -print_final_stats=1 \
        -artifact_prefix="$SCRATCH/artifacts/$target-" "$corpus" "Tests/Fuzz/Corpus/$target" \
        >"$SCRATCH/logs/$target.log" 2>&1
}

# Up to $jobs targets at a time (one core each).
declare -A status=()
pending=("${targets[@]}")
running=()
while ((${#pending[@]} || ${#running[@]})); do
    while ((${#pending[@]})) && ((${#running[@]} < jobs)); do
        target="${pending[0]}"; pending=("${pending[@]:1}")
        echo "fuzz: running Fuzz$target ${limit[*]}" >&2
        run_target "$target" & running+=("$!:$target")
    done
    wait -n || true
    still=()
    for entry in "${running[@]}"; do
        pid="${entry%%:*}" target="${entry#*:}"
        if kill -0 "$pid" 2>/dev/null; then still+=("$entry"); continue; fi
        if wait "$pid"; then status[$target]=0; else status[$target]=$?; fi
    done
    running=("${still[@]+"${still[@]}"}")
done

# One line per target from libFuzzer's final statistics.
failed=0
printf '\n%-16s %14s %9s %10s %8s\n' target executions seconds "exec/s" crashes
for target in "${targets[@]}"; do
    log="$SCRATCH/logs/$target.log"
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    seconds="$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)"
    crashes=0
    if [[ "${status[$target]}" != 0 ]]; then
        crashes=1 failed=1
    fi
    printf '%-16s %14s %9s %10s %8s\n' "$target" "${runs:-?}" "${seconds:-?}" "${speed:-?}" "$crashes"
done
if ((failed)); then
    for target in "${targets[@]}"; do
        [[ "${status[$target]}" == 0 ]] && continue
        echo >&2
        echo "fuzz: Fuzz$target failed (exit ${status[$target]}); the end of its log:" >&2
        grep -a -v '^#[0-9]' "$SCRATCH/logs/$target.log" | tail -25 >&2
    done
    echo "fuzz: replay an input with .build/fuzz/release/Fuzz<target> .build/fuzz/artifacts/<file>" >&2
    exit 1
fi
