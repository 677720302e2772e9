#!/usr/bin/env bash
# Load test of answer saving on a built tree: builds the site and tools/CertPrep.LoadTest in Release, generates the
# 'load' credential (400 questions) into a temporary content folder, starts the site on a fresh SQLite database on a
# free loopback port, has simulated learners take a full mock exam (register, enrol, start, then save answers in a
# closed loop), measures GET /health/live the same way as a reference, and prints a Markdown report.
# The site and the load generator share this machine's cores.
# Usage: tools/loadtest.sh [learners=50] [duration=30] [rate=0]   (warm-up seconds: WARMUP=5 in the environment)
#   rate 0: closed loop, every learner saves again as soon as the last save returns (capacity);
#   rate N: the learners together offer N answers per second on a fixed schedule (latency at that load).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
learners="${1:-50}"
duration="${2:-30}"
rate="${3:-0}"
warmup="${WARMUP:-5}"

# shellcheck source=tools/load-common.sh
. "$repo/tools/load-common.sh"

build_site_and_load_generator

work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/data" "$work/content"
dotnet "$tool" generate-content "$work/content" >&2

port="$(free_port)"
base="http://127.0.0.1:$port"

log "starting the site on $base (SQLite in a temporary data directory)"
( cd "$repo/src/CertPrep.Web" && exec env ASPNETCORE_ENVIRONMENT=Production CertPrep__DataDirectory="$work/data" \
    Content__Path="$work/content" Logging__LogLevel__Default=Warning RateLimits__AnswersPerMinute=0 RateLimits__SignInPerMinute=0 \
    dotnet "$site" --urls "$base" ) >"$work/site.log" 2>&1 &
server=$!
# Migrations and the content import run before the site answers, so a 200 from /health means the content is in;
# the load generator still retries enrolling for a while in case it is not.
for _ in $(seq 1 600); do
    curl -fs -o /dev/null "$base/health" && break
    kill -0 "$server" 2>/dev/null || { cat "$work/site.log" >&2; die "the site exited during start-up"; }
    sleep 0.2
done
curl -fs -o /dev/null "$base/health" || { tail -n 50 "$work/site.log" >&2; die "the site did not answer /health within 120 s"; }

status=0
dotnet "$tool" run --url "$base" --learners "$learners" --warmup "$warmup" --duration "$duration" --rate "$rate" || status=$?
echo
echo "Machine: $(nproc) cores (nproc)$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: /, /' || true); the site and the load generator shared them. SQLite, ASPNETCORE_ENVIRONMENT=Production."
if [ "$status" -ne 0 ] && [ -s "$work/site.log" ]; then
    log "the run failed (exit code $status); the site's log (warnings and errors):"
    tail -n 50 "$work/site.log" >&2
fi
exit "$status"
