#!/usr/bin/env bash
# Runs every test of CertPrep: installs what is missing (Debian/Ubuntu), starts a throw-away PostgreSQL cluster on a
# free loopback port for the run, runs `dotnet test CertPrep.sln`, then stops and deletes the cluster.
# Usage: tools/test.sh [extra dotnet test arguments]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { printf '[test.sh] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else die "need root to run: $* (install it yourself, or run as root)"
    fi
}

apt_updated=0
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "missing $*; this script installs packages only on Debian/Ubuntu (apt-get). Install $* yourself."
    if [ "$apt_updated" -eq 0 ]; then
        log "apt-get update"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        apt_updated=1
    fi
    log "installing: $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- prerequisites -------------------------------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is required (https://dot.net): dotnet was not found on PATH"

command -v npm >/dev/null 2>&1 || apt_install nodejs npm

chromium_path="${CERTPREP_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
    apt_install chromium fonts-dejavu-core
    [ -x "$chromium_path" ] || die "chromium is not at $chromium_path after installing; set CERTPREP_CHROMIUM to its path"
fi
export CERTPREP_CHROMIUM="$chromium_path"

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    apt_install postgresql
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || die "PostgreSQL's initdb was not found under /usr/lib/postgresql/*/bin"
fi

# --- throw-away PostgreSQL cluster -----------------------------------------------------------------------------------
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$(( 20000 + RANDOM % 20000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    die "no free loopback port found"
}

pg_dir="$(mktemp -d /tmp/certprep-pg.XXXXXX)"
pg_user="$(id -un)"
run_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the 'postgres' account the package created.
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to own the cluster"
    chown postgres "$pg_dir"
    pg_user=postgres
    run_pg() { runuser -u postgres -- "$@"; }
fi

cleanup() {
    local status=$?
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
        log "stopping PostgreSQL"
        run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
    exit $status
}
trap cleanup EXIT INT TERM

pg_port="$(free_port)"
log "starting a throw-away PostgreSQL ($("$pg_bin/postgres" --version)) on 127.0.0.1:$pg_port"
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; die "initdb failed"; }
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$pg_dir/server.log" >&2; die "PostgreSQL did not start"; }
export CERTPREP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

# --- tests -----------------------------------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "dotnet test CertPrep.sln"
output="$pg_dir/test-output.log"
status=0
dotnet test CertPrep.sln --configuration Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$output" || status=$?

# One closing line for the whole run, summed over the test projects.
sum() { { grep -E "^\s+$1:\s+[0-9]+" "$output" || true; } | awk '{s += $2} END {print s + 0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then die "no test ran"; fi
exit "$status"
