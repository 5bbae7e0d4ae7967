#!/usr/bin/env bash
# The real image test (issue 6): builds the Dockerfile with Debian's docker.io and runs docker-compose.yml
# on a private Docker engine, then talks MCP to the container with the official SDK client.
#
#   docker-test.sh SHOWJCR_FOLDER          (run as root: it starts its own dockerd)
#
# Phases (each timed):
#  1. tools: /usr/bin/docker, dockerd, /usr/bin/docker-compose (v1) and debootstrap, installed with apt-get
#     when missing (scripts/install-deps.sh lists them too).
#  2. a private dockerd: data root, exec root, pid file and socket in a temporary folder, default bridge.
#  3. the base image debian:bookworm-slim, made locally (this machine reaches Debian's mirror but no image
#     registry): `debootstrap --variant=minbase bookworm` from the mirror the machine's apt uses, imported
#     with `docker import`. The root file system tarball is cached in ${XDG_CACHE_HOME:-~/.cache}/jcr-mcp.
#  4. `docker build` of the repository's Dockerfile (classic builder, as docker.io 20.10 without buildx).
#  5. `docker run` without JCR_MCP_TOKEN: the container listens on 0.0.0.0, so it must stop at once (exit 2,
#     no sync) saying how to set a token. Then `docker-compose up -d` with docker-compose.yml and
#     tests/deployment/docker-compose.test.yml, which mounts SHOWJCR_FOLDER read-only as JCR_MCP_DATA_SOURCE,
#     and a random JCR_MCP_TOKEN in the environment (as .env would give it); the first start must build the
#     database in the volume; wait until Docker's HEALTHCHECK (`jcr-mcp-server healthcheck`) says healthy.
#  6. the SDK client (tests/deployment/mcpclient.mjs, with the token) over Streamable HTTP and legacy SSE:
#     initialize, tools/list, search_journal answers checked against the CSV files.
#  7. `docker-compose restart`: healthy again, the same database (journal count and build time from
#     /health), and the entrypoint did not sync again (its log lines).
#  8. `docker-compose exec jcr-mcp jcr-mcp-server sync` in the running read-only container: the server
#     then answers from the new database (new build time, same journals).
#  9. `--build-arg JCR_MCP_SYNC_AT_BUILD=1` (data from the fixture files served on loopback): the image
#     carries the database, and `docker run` with an empty volume copies it instead of syncing (this one
#     with JCR_MCP_ALLOW_UNAUTHENTICATED=1: the opt-out works too).
# The EXIT trap tears everything down: `down -v`, dockerd stopped, the temporary folder removed.
set -euo pipefail

showjcr=${1:?usage: docker-test.sh SHOWJCR_FOLDER}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export JCR_E2E_HTTP_DIR=${JCR_E2E_HTTP_DIR:-$repo/tests/e2e-http}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/jcr-mcp
docker=/usr/bin/docker
compose=/usr/bin/docker-compose
project=jcrmcptest$$
image=jcr-mcp:deployment-test

started=$SECONDS
phase_started=$SECONDS
fail() {
    echo "docker-test: FAIL: $*" >&2
    exit 1
}
phase() {
    echo "docker-test: [$((SECONDS - phase_started)) s, total $((SECONDS - started)) s] $*" >&2
    phase_started=$SECONDS
}

[[ $(id -u) -eq 0 ]] || fail "runs as root only: it starts its own dockerd"
[[ -f $showjcr/JCR2025-UTF8.csv ]] || fail "no ShowJCR CSV files in $showjcr"
showjcr=$(cd "$showjcr" && pwd)
command -v node >/dev/null || fail "node is not installed; scripts/install-deps.sh installs it"
if [[ ! -f $JCR_E2E_HTTP_DIR/node_modules/@modelcontextprotocol/sdk/package.json ]]; then
    (cd "$JCR_E2E_HTTP_DIR" && npm ci --no-audit --no-fund >&2) || fail "npm ci in $JCR_E2E_HTTP_DIR failed"
fi

# ---- 1. tools --------------------------------------------------------------------------------------------
missing=()
[[ -x $docker && -x /usr/sbin/dockerd ]] || missing+=(docker.io)
[[ -x $compose ]] || missing+=(docker-compose)
[[ -x /usr/sbin/debootstrap ]] || missing+=(debootstrap)
if ((${#missing[@]})); then
    echo "docker-test: installing ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
phase "tools: $($docker --version), $($compose --version)"

# ---- 2. a private dockerd -----------------------------------------------------------------------------------
work=$(mktemp -d /tmp/jcr-docker.XXXXXX)
export DOCKER_HOST=unix://$work/docker.sock
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0
dockerd_pid=""
fileserver_pid=""
bridge_existed=0
ip link show docker0 >/dev/null 2>&1 && bridge_existed=1
iptables_before=$(iptables-save 2>/dev/null || true)
forwarding_before=$(sysctl -n net.ipv4.ip_forward 2>/dev/null || true)
compose_files=(-f "$repo/docker-compose.yml" -f "$here/docker-compose.test.yml")
export JCR_SHOWJCR_DIR=$showjcr
compose_up=0

cleanup() {
    local status=$?
    set +e
    if ((status != 0)) && [[ -S $work/docker.sock ]]; then
        echo "---- container logs" >&2
        "$compose" -p "$project" "${compose_files[@]}" logs --no-color --tail 40 >&2 2>&1
        echo "---- dockerd log (warnings and errors)" >&2
        grep -E 'level=(warning|error|fatal)' "$work/dockerd.log" | tail -n 20 >&2
    fi
    phase "tearing down"
    [[ -n $fileserver_pid ]] && kill "$fileserver_pid" 2>/dev/null
    if ((compose_up)); then
        "$compose" -p "$project" "${compose_files[@]}" down -v -t 3 >/dev/null 2>&1
    fi
    if [[ -n $dockerd_pid ]]; then
        kill "$dockerd_pid" 2>/dev/null
        for _ in $(seq 150); do
            kill -0 "$dockerd_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$dockerd_pid" 2>/dev/null
        wait "$dockerd_pid" 2>/dev/null
    fi
    # Mounts left by a dockerd that did not stop cleanly would keep rm from removing the folder.
    grep -o " $work/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null
    rm -rf "$work"
    # dockerd leaves its bridge, its iptables chains (and FORWARD policy DROP) and IP forwarding behind:
    # put the machine back as it was.
    ((bridge_existed)) || ip link delete docker0 2>/dev/null
    [[ -n $iptables_before ]] && iptables-restore <<<"$iptables_before"
    [[ -n $forwarding_before ]] && sysctl -qw net.ipv4.ip_forward="$forwarding_before"
    phase "torn down: containers, volume, dockerd, $work"
    exit "$status"
}
trap cleanup EXIT

/usr/sbin/dockerd --data-root "$work/data" --exec-root "$work/exec" --pidfile "$work/dockerd.pid" \
    -H "unix://$work/docker.sock" --containerd-namespace "$project" \
    --containerd-plugins-namespace "$project-plugins" >"$work/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 300); do
    $docker version >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || fail "dockerd exited: $(tail -n 5 "$work/dockerd.log")"
    sleep 0.1
done
$docker version >/dev/null 2>&1 || fail "dockerd did not answer within 30 s"
phase "dockerd $($docker version -f '{{.Server.Version}}') on $DOCKER_HOST, storage $($docker info -f '{{.Driver}}')"

# ---- 3. the base image ------------------------------------------------------------------------------------------
# The Debian mirror the machine's apt uses (deb822 URIs: or one-line deb entries), else deb.debian.org.
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null |
    sed -n -e 's/^URIs:[[:space:]]*\(http[^ ]*\/debian\/\{0,1\}\)$/\1/p' \
        -e 's/^deb[[:space:]]\{1,\}\(http[^ ]*\/debian\/\{0,1\}\)[[:space:]].*/\1/p' | head -n 1 || true)
mirror=${mirror:-http://deb.debian.org/debian}
rootfs_tar=$cache/debian-bookworm-minbase.tar
if [[ ! -s $rootfs_tar ]]; then
    mkdir -p "$cache"
    debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
        fail "debootstrap from $mirror failed: $(tail -n 5 "$work/debootstrap.log")"
    # The same apt sources as Docker's debian:bookworm-slim (with updates and security).
    rm -f "$work/rootfs/etc/apt/sources.list"
    cat >"$work/rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian*}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
    tar -C "$work/rootfs" -cf "$rootfs_tar.partial" . && mv "$rootfs_tar.partial" "$rootfs_tar"
    rm -rf "$work/rootfs"
    phase "debootstrap bookworm minbase from $mirror, cached as $rootfs_tar"
fi
$docker import "$rootfs_tar" debian:bookworm-slim >/dev/null
phase "base image debian:bookworm-slim imported from $rootfs_tar"

# ---- 4. docker build -------------------------------------------------------------------------------------------
$docker build -t "$image" --build-arg JCR_MCP_REVISION=test "$repo" >"$work/build.log" 2>&1 ||
    fail "docker build failed: $(tail -n 30 "$work/build.log")"
labels=$($docker image inspect -f '{{json .Config.Labels}}' "$image")
for label in title description version source; do
    grep -q "\"org.opencontainers.image.$label\"" <<<"$labels" || fail "the image lacks the label org.opencontainers.image.$label"
done
user=$($docker image inspect -f '{{.Config.User}}' "$image")
[[ -n $user && $user != root && $user != 0* ]] || fail "the image runs as \"$user\", not a non-root user"
[[ $($docker image inspect -f '{{json .Config.Healthcheck.Test}}' "$image") == *healthcheck* ]] ||
    fail "the image has no HEALTHCHECK running jcr-mcp-server healthcheck"
phase "docker build: $image, $($docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1 / 1e6}'), user $user"

# ---- 5. docker-compose up: the first start builds the database ----------------------------------------------
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
refusal=$($docker run --rm "$image" 2>&1) && fail "the container served without JCR_MCP_TOKEN: $refusal"
grep -q "refusing to listen on 0.0.0.0 without JCR_MCP_TOKEN" <<<"$refusal" && ! grep -q "sync" <<<"$refusal" ||
    fail "the container without a token did not refuse at once with the server's message: $refusal"
phase "docker run without JCR_MCP_TOKEN: refused at once"
export JCR_MCP_IMAGE=$image JCR_MCP_PORT=$port JCR_MCP_BIND_ADDRESS=127.0.0.1
unset JCR_MCP_DATA_SOURCE JCR_MCP_DB JCR_MCP_TRANSPORT JCR_MCP_HOST JCR_MCP_ALLOW_UNAUTHENTICATED
export JCR_MCP_TOKEN
JCR_MCP_TOKEN=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
compose_up=1
(cd "$work" && "$compose" -p "$project" "${compose_files[@]}" up -d --no-build) >"$work/compose.log" 2>&1 ||
    fail "docker-compose up failed: $(cat "$work/compose.log")"
container=$("$compose" -p "$project" "${compose_files[@]}" ps -q jcr-mcp)
[[ -n $container ]] || fail "docker-compose started no jcr-mcp container"

wait_healthy() {
    local state=""
    for _ in $(seq 600); do
        state=$($docker inspect -f '{{.State.Status}} {{.State.Health.Status}}' "$container")
        [[ $state == "running healthy" ]] && return 0
        [[ $state == exited* || $state == dead* ]] && fail "the container stopped ($state)"
        sleep 1
    done
    fail "the container is not healthy after 600 s ($state)"
}
wait_healthy
phase "docker-compose up: container healthy on 127.0.0.1:$port"
logs=$($docker logs "$container" 2>&1)
grep -q "jcr-mcp-entrypoint: no database at /data/jcr.db: building it from /showjcr" <<<"$logs" ||
    fail "the first start did not build the database from /showjcr: $logs"
grep -q "^sync done:" <<<"$logs" || fail "no 'sync done' line in the first start's log"
[[ $($docker exec "$container" id -u) != 0 ]] || fail "the server runs as root in the container"

# ---- 6. the SDK client over both transports ------------------------------------------------------------------
client() {
    node "$here/mcpclient.mjs" --url "http://127.0.0.1:$port" --data "$showjcr" --token "$JCR_MCP_TOKEN" "$@"
}
first=$(client --transport streamable-http --calls 6) || fail "Streamable HTTP session against the container"
echo "$first" >&2
client --transport sse --calls 4 >&2 || fail "legacy SSE session against the container"
phase "SDK client: Streamable HTTP and legacy SSE sessions answered with the CSV values"

# ---- 7. restart: the data stays, no second sync ----------------------------------------------------------------
(cd "$work" && "$compose" -p "$project" "${compose_files[@]}" restart -t 5) >>"$work/compose.log" 2>&1 ||
    fail "docker-compose restart failed"
wait_healthy
second=$(client --transport streamable-http --calls 3) || fail "Streamable HTTP session after the restart"
echo "$second" >&2
json_field() {
    node -e 'console.log(JSON.parse(process.argv[1])[process.argv[2]])' "$1" "$2"
}
journals=$(json_field "$first" journals)
[[ $journals =~ ^[0-9]+$ ]] && ((journals > 1000)) || fail "/health reports $journals journals from the real data"
[[ $(json_field "$second" journals) == "$journals" ]] ||
    fail "after the restart /health reports $(json_field "$second" journals) journals, before $journals"
[[ $(json_field "$second" builtAt) == "$(json_field "$first" builtAt)" ]] ||
    fail "the database was rebuilt on restart (built $(json_field "$first" builtAt), now $(json_field "$second" builtAt))"
logs=$($docker logs "$container" 2>&1)
syncs=$(grep -c "jcr-mcp-entrypoint: no database at" <<<"$logs" || true)
reuses=$(grep -c "jcr-mcp-entrypoint: using the existing database /data/jcr.db" <<<"$logs" || true)
((syncs == 1 && reuses == 1)) || fail "expected one first-start sync and one reuse in the log, saw $syncs and $reuses"
phase "restart: still $journals journals, built at $(json_field "$first" builtAt), no second sync"

# ---- 8. a data update inside the running, read-only container --------------------------------------------
(cd "$work" && "$compose" -p "$project" "${compose_files[@]}" exec -T jcr-mcp jcr-mcp-server sync) \
    >"$work/resync.log" 2>&1 || fail "jcr-mcp-server sync in the container failed: $(tail -n 5 "$work/resync.log")"
third=$(client --transport streamable-http --calls 3) || fail "Streamable HTTP session after the update"
echo "$third" >&2
[[ $(json_field "$third" journals) == "$journals" ]] || fail "after the update: $(json_field "$third" journals) journals"
[[ $(json_field "$third" builtAt) != "$(json_field "$first" builtAt)" ]] ||
    fail "sync in the container did not replace the database (still built at $(json_field "$first" builtAt))"
phase "update: sync in the read-only container replaced the database (built at $(json_field "$third" builtAt))"

# ---- 9. the build-time sync: --build-arg JCR_MCP_SYNC_AT_BUILD=1 ---------------------------------------------
# The build downloads the data from a URL: the fixture files, served over HTTP on loopback (the build runs
# in the host's network for that). A container with an empty volume then only copies the database.
fixtures=$repo/tests/data/fixtures/showjcr-mini
node -e '
    const http = require("http"), fs = require("fs"), path = require("path");
    const server = http.createServer((request, response) => {
        const file = path.join(process.argv[1], path.basename(decodeURIComponent(request.url.split("?")[0])));
        fs.readFile(file, (error, data) => {
            response.writeHead(error ? 404 : 200, { "content-type": "text/csv" });
            response.end(error ? "" : data);
        });
    }).listen(0, "127.0.0.1", () => console.log(server.address().port));' "$fixtures" >"$work/fileserver.port" &
fileserver_pid=$!
for _ in $(seq 50); do [[ -s $work/fileserver.port ]] && break; sleep 0.1; done
[[ -s $work/fileserver.port ]] || fail "the fixture file server did not start"
$docker build --network host -t "$image-seeded" --build-arg JCR_MCP_SYNC_AT_BUILD=1 \
    --build-arg JCR_MCP_DATA_SOURCE="http://127.0.0.1:$(cat "$work/fileserver.port")/" "$repo" \
    >"$work/build-seeded.log" 2>&1 || fail "docker build with JCR_MCP_SYNC_AT_BUILD=1 failed: $(tail -n 20 "$work/build-seeded.log")"
kill "$fileserver_pid" 2>/dev/null
grep -q "sync done:" "$work/build-seeded.log" ||
    fail "the build-time sync did not run: $(grep -E "^Step|sync|Using cache|progress" "$work/build-seeded.log" | tail -n 30)"
seeded_port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
# Without a token, by the explicit opt-out: published on loopback only, nothing else reaches it.
container=$($docker run -d -p "127.0.0.1:$seeded_port:8080" -v "$project-seeded:/data" --read-only --tmpfs /tmp \
    -e JCR_MCP_ALLOW_UNAUTHENTICATED=1 --health-interval 2s "$image-seeded") || fail "docker run of the seeded image failed"
wait_healthy
logs=$($docker logs "$container" 2>&1)
grep -q "jcr-mcp-entrypoint: no database at /data/jcr.db: copying the one built into the image" <<<"$logs" ||
    fail "the seeded image did not copy its database into the volume: $logs"
grep -q "building it from" <<<"$logs" && fail "the seeded image synced at start: $logs"
seeded=$(node "$here/mcpclient.mjs" --url "http://127.0.0.1:$seeded_port" --data "$fixtures" --transport streamable-http --calls 4) ||
    fail "Streamable HTTP session against the seeded image"
echo "$seeded" >&2
$docker rm -f "$container" >/dev/null
phase "build-time sync: the image carries the fixture database ($(json_field "$seeded" journals) journals), the first start copied it"
echo "docker-test: passed in $((SECONDS - started)) s" >&2
