#!/usr/bin/env bash
# Realistic learner mix (issue 10) on a built tree: builds the site and tools/CertPrep.LoadTest in Release, starts
# one or more site processes on free loopback ports over one database, and has simulated learners register or sign
# in, enrol, then browse, practise, review and take mock exams with fixed weights (tools/CertPrep.LoadTest 'mix'),
# with GET /health/live measured in the same run as the reference and every site process's VmRSS/VmHWM sampled.
# Prints a Markdown report. The bundled content/ is the library (CPIM, CSCP, both Lean Six Sigma belts).
# Usage: tools/loadmix.sh [nodes=1] [db=sqlite] [duration=60] [learners=20] [data=0]
#   db sqlite:   one SQLite file in a temporary data directory (nodes must be 1)
#   db postgres: a throw-away PostgreSQL cluster (Debian's /usr/lib/postgresql/*/bin) on a free loopback port; every
#                node uses it (Database:Provider=PostgreSql); a learner's requests alternate between the nodes
#   data N:      before the run, tools/CertPrep.LoadData generates N other learners' history into the SQLite file
#                (attempts and answers, review cards and logs, study plans); half the simulated learners then sign
#                in as generated learners (their history and due cards), the others register
# Environment: WARMUP=10 (s), THINK_MS=0, SAMPLE_SECONDS=5, SAMPLES=<file> (every memory sample as CSV),
#              EXISTING=<n> (learners signing in as generated accounts; default half of them when data > 0),
#              DATA_DB=<file> (data > 0: generate into this SQLite file and keep it; reused as it is when it exists,
#              so a large database is generated once; the run adds to it).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nodes="${1:-1}"
db="${2:-sqlite}"
duration="${3:-60}"
learners="${4:-20}"
data="${5:-0}"
warmup="${WARMUP:-10}"
think="${THINK_MS:-0}"
sample="${SAMPLE_SECONDS:-5}"

# shellcheck source=tools/load-common.sh
. "$repo/tools/load-common.sh"
case "$db" in sqlite | postgres) ;; *) die "db must be sqlite or postgres, not '$db'" ;; esac
[ "$db" = postgres ] || [ "$nodes" -eq 1 ] || die "several nodes need one shared database: use db postgres"
[ "$data" -eq 0 ] || [ "$db" = sqlite ] || die "generated data (data > 0) is written into SQLite only"
existing="${EXISTING:-$(( data > 0 ? learners / 2 : 0 ))}"

build_site_and_load_generator

work="$(mktemp -d)"
servers=()
pg_bin=""
run_pg() { "$@"; }
cleanup() {
    for pid in "${servers[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    if [ -n "$pg_bin" ] && [ -f "$work/pg/data/postmaster.pid" ]; then
        run_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/data"


database=(Database__Provider=Sqlite CertPrep__DataDirectory="$work/data")
if [ "$db" = postgres ]; then
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || die "PostgreSQL is needed (apt-get install postgresql): no initdb under /usr/lib/postgresql/*/bin"
    mkdir -p "$work/pg"
    if [ "$(id -u)" -eq 0 ]; then # initdb refuses to run as root
        chown postgres "$work/pg"
        chmod o+rx "$work"
        run_pg() { runuser -u postgres -- "$@"; }
    fi
    pg_port="$(free_port)"
    log "starting a throw-away PostgreSQL ($("$pg_bin/postgres" --version)) on 127.0.0.1:$pg_port"
    run_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log" 2>&1 \
        || { cat "$work/pg/initdb.log" >&2; die "initdb failed"; }
    run_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
        -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg -c max_connections=300" \
        start >/dev/null || { cat "$work/pg/server.log" >&2; die "PostgreSQL did not start"; }
    database=(Database__Provider=PostgreSql "ConnectionStrings__CertPrep=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=certprep")
fi

if [ "$data" -gt 0 ]; then
    data_db="${DATA_DB:-$work/data/certprep.db}"
    if [ -f "$data_db" ]; then
        log "using the generated database $data_db as it is ($(du -h "$data_db" | cut -f1))"
    else
        build "$repo/tools/CertPrep.LoadData"
        log "generating $data learners' history into $data_db"
        dotnet "$repo/tools/CertPrep.LoadData/bin/Release/net10.0/CertPrep.LoadData.dll" "$data_db" "$data" >&2
    fi
    database=(Database__Provider=Sqlite "ConnectionStrings__CertPrep=Data Source=$data_db")
fi

urls=()
for n in $(seq 1 "$nodes"); do
    port="$(free_port)"
    base="http://127.0.0.1:$port"
    log "starting site node $n on $base ($db)"
    ( cd "$repo/src/CertPrep.Web" && exec env ASPNETCORE_ENVIRONMENT=Production "${database[@]}" Logging__LogLevel__Default=Warning \
        RateLimits__AnswersPerMinute=0 RateLimits__SignInPerMinute=0 RateLimits__CalendarFeedPerHour=0 \
        dotnet "$site" --urls "$base" ) >"$work/site-$n.log" 2>&1 &
    servers+=("$!")
    # One node at a time: the first migrates and imports the content, the next finds both done.
    for _ in $(seq 1 900); do
        curl -fs -o /dev/null "$base/health" && break
        kill -0 "${servers[-1]}" 2>/dev/null || { cat "$work/site-$n.log" >&2; die "site node $n exited during start-up"; }
        sleep 0.2
    done
    curl -fs -o /dev/null "$base/health" || { tail -n 50 "$work/site-$n.log" >&2; die "site node $n did not answer /health within 180 s"; }
    urls+=("$base")
done

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
status=0
dotnet "$tool" mix --url "$(IFS=,; echo "${urls[*]}")" --pids "$(IFS=,; echo "${servers[*]}")" --learners "$learners" --existing "$existing" \
    --warmup "$warmup" --duration "$duration" --think-ms "$think" --sample-seconds "$sample" ${SAMPLES:+--samples "$SAMPLES"} || status=$?
echo
echo "Machine: $(nproc) cores (nproc)$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: /, /' || true); the site node(s), the load generator$([ "$db" = postgres ] && echo " and PostgreSQL") shared them. $db, ASPNETCORE_ENVIRONMENT=Production, $(date -u +%Y-%m-%d)."
echo "Load average (1, 5, 15 min; the machine is shared with other work) before the run: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)."
for n in $(seq 1 "${#servers[@]}"); do
    if grep -qiE "fail|error|exception" "$work/site-$n.log"; then
        log "site node $n logged warnings or errors (each distinct message line with its count; stack frames left out):"
        grep -vE '^\s+(at |--- End of)' "$work/site-$n.log" | sort | uniq -c | sort -rn | head -n 30 >&2
    fi
done
exit "$status"
