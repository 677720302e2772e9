#!/usr/bin/env bash
# Measures how long `dotnet run`-style start-up takes until /health answers 200, on a built tree.
# Two cases: first run (empty data directory: creates the SQLite file and applies every migration) and a warm
# start (database present). Usage: tools/startup-time.sh [runs=5]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
command -v curl >/dev/null || { echo "curl is needed (apt-get install curl)" >&2; exit 1; }

dotnet build "$repo/src/CertPrep.Web" -c Release -v quiet -nologo >/dev/null
dll="$repo/src/CertPrep.Web/bin/Release/net10.0/CertPrep.Web.dll"
port=$(( 30000 + RANDOM % 20000 ))
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT

measure() { # prints milliseconds from process start to the first 200 from /health
    local start end pid
    start=$(date +%s%N)
    ( cd "$repo/src/CertPrep.Web" && exec env ASPNETCORE_ENVIRONMENT=Production CertPrep__DataDirectory="$data" \
        Logging__LogLevel__Default=Warning dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 ) &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.02; done
    end=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo $(( (end - start) / 1000000 ))
}

first=(); warm=()
for _ in $(seq 1 "$runs"); do
    rm -rf "${data:?}"/*
    first+=("$(measure)")
    warm+=("$(measure)")
done
summary() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %d ms, median %d ms, max %d ms", a[1], a[int((NR+1)/2)], a[NR]}'; }
echo "first run (new database, all migrations): $(summary "${first[@]}")"
echo "warm start (database present):            $(summary "${warm[@]}")"
