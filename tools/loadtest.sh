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

log() { printf '[loadtest.sh] %s\n' "$*" >&2; }
die() { printf '[loadtest.sh] ERROR: %s\n' "$*" >&2; exit 1; }
command -v curl >/dev/null || die "curl is needed (apt-get install curl)"

build() { # quiet unless it fails
    local output
    output="$(dotnet build "$1" -c Release -v quiet -nologo 2>&1)" || { printf '%s\n' "$output" >&2; die "build of $1 failed"; }
}
log "building the site and the load generator (Release)"
build "$repo/src/CertPrep.Web"
build "$repo/tools/CertPrep.LoadTest"
site="$repo/src/CertPrep.Web/bin/Release/net10.0/CertPrep.Web.dll"
tool="$repo/tools/CertPrep.LoadTest/bin/Release/net10.0/CertPrep.LoadTest.dll"

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

free_port() { # a port nothing answers on; the site fails loudly if it is taken in between
    local port
    for _ in $(seq 1 50); do
        port=$(( 30000 + RANDOM % 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "found no free port"
}
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
