# Shared by tools/loadtest.sh and tools/loadmix.sh (sourced, not run): messages, the Release build of the site and the
# load generator, and a free loopback port. Sets $site and $tool to the built DLLs.
name="$(basename "$0")"
log() { printf '[%s] %s\n' "$name" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$name" "$*" >&2; exit 1; }
command -v curl >/dev/null || die "curl is needed (apt-get install curl)"

build() { # quiet unless it fails
    local output
    output="$(dotnet build "$1" -c Release -v quiet -nologo 2>&1)" || { printf '%s\n' "$output" >&2; die "build of $1 failed"; }
}

build_site_and_load_generator() {
    [ -d "$repo/src/CertPrep.Web/node_modules" ] || (cd "$repo/src/CertPrep.Web" && npm ci --no-audit --no-fund >&2)
    log "building the site and the load generator (Release)"
    build "$repo/src/CertPrep.Web"
    build "$repo/tools/CertPrep.LoadTest"
    site="$repo/src/CertPrep.Web/bin/Release/net10.0/CertPrep.Web.dll"
    tool="$repo/tools/CertPrep.LoadTest/bin/Release/net10.0/CertPrep.LoadTest.dll"
}

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
