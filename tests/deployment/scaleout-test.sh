#!/usr/bin/env bash
# Scale-out test (issue 6): three jcr-mcp-server replicas on loopback behind a real nginx (Debian's package,
# run in the foreground with its own prefix and config in a temporary folder), with the proxy rules of
# deploy/nginx/jcr-mcp-locations.conf and the upstreams of deploy/nginx/jcr-mcp.conf (round robin for /mcp,
# ip_hash for the legacy SSE endpoints).
#
#   scaleout-test.sh SERVER_BINARY FIXTURE_FOLDER
#
# 1. One database built by the real `jcr-mcp-server sync` from the fixture, shared by the three replicas,
#    which all get the same JCR_MCP_SESSION_SECRET.
# 2. The official SDK client (StreamableHTTPClientTransport) runs one session through nginx: initialize,
#    tools/list, search_journal calls checked against the CSV. Each replica's /metrics must show tool calls
#    of that session: the requests really were spread over all three.
# 3. A second session; one replica is SIGKILLed mid-session and the session goes on through the others.
# 4. A legacy SSE session (SSEClientTransport) through the sticky upstream.
# 5. An MCP 2026-07-28 client (SDK 2.x, pinned; no session) round robin over the two replicas left: both answer.
# Everything started here is stopped in the EXIT trap. Needs nginx and node (scripts/install-deps.sh) and
# the SDK installed in tests/e2e-http (npm ci; CTest runs it when missing).
set -euo pipefail

server=${1:?usage: scaleout-test.sh SERVER_BINARY FIXTURE_FOLDER}
fixtures=${2:?usage: scaleout-test.sh SERVER_BINARY FIXTURE_FOLDER}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
e2e_http=${JCR_E2E_HTTP_DIR:-$repo/tests/e2e-http}
nginx=${JCR_NGINX:-/usr/sbin/nginx}
export JCR_E2E_HTTP_DIR=$e2e_http

fail() {
    echo "scaleout-test: FAIL: $*" >&2
    exit 1
}
phase_start=$SECONDS
phase() {
    echo "scaleout-test: [$((SECONDS - phase_start)) s] $*" >&2
}

[[ -x $server ]] || fail "no server binary at $server"
[[ -f $fixtures/JCR2025-UTF8.csv ]] || fail "no fixture CSV files in $fixtures"
[[ -x $nginx ]] || fail "nginx is not installed ($nginx); scripts/install-deps.sh installs it"
command -v node >/dev/null || fail "node is not installed; scripts/install-deps.sh installs it"
if [[ ! -f $e2e_http/node_modules/@modelcontextprotocol/sdk/package.json ]]; then
    (cd "$e2e_http" && npm ci --no-audit --no-fund >&2) || fail "npm ci in $e2e_http failed"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/jcr-scaleout.XXXXXX")
pids=()
nginx_pid=""
cleanup() {
    local status=$?
    [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if ((status != 0)); then
        for log in "$work"/*.log; do
            [[ -f $log ]] && { echo "---- $(basename "$log") (last lines)" >&2; tail -n 20 "$log" >&2; }
        done
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

# ---- 1. database and replicas -------------------------------------------------------------------------
phase "building the database from $fixtures"
"$server" sync --from "$fixtures" --db "$work/jcr.db" 2>"$work/sync.log" || fail "sync failed"
export JCR_MCP_SESSION_SECRET
JCR_MCP_SESSION_SECRET=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
unset JCR_MCP_TOKEN JCR_MCP_HOST JCR_MCP_PORT JCR_MCP_TRANSPORT

ports=()
for n in 1 2 3; do
    "$server" --transport http --host 127.0.0.1 --port 0 --db "$work/jcr.db" 2>"$work/replica$n.log" &
    pids+=($!)
done
for n in 1 2 3; do
    port=""
    for _ in $(seq 100); do
        port=$(sed -n 's/^jcr-mcp-server: listening on http:\/\/127\.0\.0\.1:\([0-9]*\) (http)$/\1/p' "$work/replica$n.log")
        [[ -n $port ]] && break
        kill -0 "${pids[$((n - 1))]}" 2>/dev/null || fail "replica $n exited before its ready line"
        sleep 0.1
    done
    [[ -n $port ]] || fail "replica $n wrote no ready line within 10 s"
    ports+=("$port")
done
phase "replicas on ports ${ports[*]} (pids ${pids[*]})"

# ---- nginx in front ---------------------------------------------------------------------------------------
free_port() {
    node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
nginx_port=$(free_port)
upstream_servers() {
    for port in "${ports[@]}"; do
        echo "        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"
    done
}
mkdir -p "$work/nginx/logs" "$work/nginx/temp"
# As root nginx's workers would switch to `nobody`, which cannot use this private temporary folder.
user_line=""
[[ $(id -u) -eq 0 ]] && user_line="user root;"
cat >"$work/nginx/nginx.conf" <<EOF
# Written by tests/deployment/scaleout-test.sh: the upstreams of deploy/nginx/jcr-mcp.conf with the test's
# replica ports, and the production proxy rules (deploy/nginx/jcr-mcp-locations.conf) included unchanged.
$user_line
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx.log info;
events {
    worker_connections 256;
}
http {
    log_format upstream '\$request_method \$uri \$status upstream=\$upstream_addr';
    access_log $work/nginx-access.log upstream;
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    fastcgi_temp_path $work/nginx/temp/fastcgi;
    uwsgi_temp_path $work/nginx/temp/uwsgi;
    scgi_temp_path $work/nginx/temp/scgi;

    upstream jcr_mcp {
$(upstream_servers)
        keepalive 32;
    }
    upstream jcr_mcp_sticky {
        ip_hash;
$(upstream_servers)
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$nginx_port;
        include $repo/deploy/nginx/jcr-mcp-locations.conf;
    }
}
EOF
"$nginx" -t -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx.log" 2>>"$work/nginx.log" ||
    fail "nginx rejects the configuration (deploy/nginx/jcr-mcp-locations.conf)"

# The production example as shipped must pass `nginx -t` too: its certificate, log and include paths
# pointed at this folder (a throwaway self-signed certificate), everything else unchanged.
production=$repo/deploy/nginx/jcr-mcp.conf
for upstream in "upstream jcr_mcp {" "upstream jcr_mcp_sticky {"; do
    grep -qF "$upstream" "$production" || fail "$production has no '$upstream'"
done
awk '/upstream jcr_mcp_sticky/,/}/' "$production" | grep -q "ip_hash;" ||
    fail "$production: the sticky upstream does not use ip_hash"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=mcp.example.org \
    -keyout "$work/nginx/tls.key" -out "$work/nginx/tls.crt" 2>/dev/null || fail "openssl could not make a test certificate"
sed -e "s|/etc/ssl/certs/mcp.example.org.fullchain.pem|$work/nginx/tls.crt|" \
    -e "s|/etc/ssl/private/mcp.example.org.key|$work/nginx/tls.key|" \
    -e "s|/var/log/nginx/|$work/nginx/logs/|" \
    -e "s|/etc/nginx/snippets/jcr-mcp-locations.conf|$repo/deploy/nginx/jcr-mcp-locations.conf|" \
    "$production" >"$work/nginx/production-site.conf"
cat >"$work/nginx/production.conf" <<EOF
$user_line
pid $work/nginx/production.pid;
events {
}
http {
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    include $work/nginx/production-site.conf;
}
EOF
"$nginx" -t -p "$work/nginx" -c "$work/nginx/production.conf" -e "$work/nginx.log" 2>>"$work/nginx.log" ||
    fail "nginx -t rejects deploy/nginx/jcr-mcp.conf: $(tail -n 3 "$work/nginx.log")"
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx.log" &
nginx_pid=$!
base=http://127.0.0.1:$nginx_port
for _ in $(seq 100); do
    curl -fsS "$base/health" >/dev/null 2>&1 && break
    kill -0 "$nginx_pid" 2>/dev/null || fail "nginx exited"
    sleep 0.1
done
curl -fsS "$base/health" >/dev/null || fail "no /health through nginx at $base"
phase "nginx on $base (pid $nginx_pid)"

# The number of answered tools/call requests of one replica, from its Prometheus /metrics.
tool_calls() {
    curl -fsS "http://127.0.0.1:$1/metrics" |
        sed -n 's/^jcr_mcp_call_duration_seconds_count{method="tools\/call"} \([0-9]*\)$/\1/p' | grep . || echo 0
}
client() {
    node "$here/mcpclient.mjs" --url "$base" --data "$fixtures" "$@"
}

# ---- 2. one Streamable HTTP session spread over the three replicas --------------------------------------
calls=12
before=()
for port in "${ports[@]}"; do before+=("$(tool_calls "$port")"); done
client --transport streamable-http --calls "$calls" >"$work/session1.json" 2>"$work/session1.log" ||
    fail "Streamable HTTP session through nginx: $(cat "$work/session1.log")"
cat "$work/session1.json" >&2
total=0
for i in 0 1 2; do
    served=$(($(tool_calls "${ports[$i]}") - before[i]))
    echo "scaleout-test: replica $((i + 1)) (port ${ports[$i]}) answered $served of the session's tools/call" >&2
    ((served > 0)) || fail "replica $((i + 1)) answered none of the session's tool calls: not balanced"
    total=$((total + served))
done
((total == calls)) || fail "the replicas answered $total tool calls, the client made $calls"
phase "Streamable HTTP session of $calls calls answered by all three replicas"

# ---- 3. a replica killed mid-session -------------------------------------------------------------------
victim=${pids[1]}
kill_after=4
before=("$(tool_calls "${ports[0]}")" "$(tool_calls "${ports[2]}")")
client --transport streamable-http --calls "$calls" --kill-pid "$victim" --kill-after "$kill_after" \
    >"$work/session2.json" 2>"$work/session2.log" ||
    fail "the session did not survive replica 2 being killed: $(cat "$work/session2.log")"
cat "$work/session2.json" >&2
wait "$victim" 2>/dev/null || true
kill -0 "$victim" 2>/dev/null && fail "replica 2 (pid $victim) still runs"
served1=$(($(tool_calls "${ports[0]}") - before[0]))
served3=$(($(tool_calls "${ports[2]}") - before[1]))
echo "scaleout-test: replicas 1 and 3 answered $served1 and $served3 of the session's $calls tools/call" >&2
((served1 > 0 && served3 > 0 && served1 + served3 >= calls - kill_after)) ||
    fail "after the kill the calls were not spread over the two replicas left ($served1, $served3)"
phase "replica 2 killed after $kill_after of $calls calls; the session went on through replicas 1 and 3"

# ---- 4. legacy SSE through the sticky upstream ------------------------------------------------------------
client --transport sse --calls 6 >"$work/sse.json" 2>"$work/sse.log" ||
    fail "legacy SSE session through nginx (ip_hash): $(cat "$work/sse.log")"
cat "$work/sse.json" >&2
# Sticky: the stream and every POST of the session went to one replica (the last address nginx tried).
sse_upstreams=$(awk '$2 == "/sse" || $2 == "/messages" { sub(/.*upstream=/, ""); n = split($0, a, ", "); print a[n] }' \
    "$work/nginx-access.log" | sort -u)
echo "scaleout-test: legacy SSE requests went to: $(echo $sse_upstreams)" >&2
[[ -n $sse_upstreams && $(wc -l <<<"$sse_upstreams") -eq 1 ]] ||
    fail "the legacy SSE session's requests reached several replicas: $(echo $sse_upstreams)"
phase "legacy SSE session through the sticky upstream"

# ---- 5. MCP 2026-07-28: no session, so plain round robin needs no stickiness ---------------------------
before=("$(tool_calls "${ports[0]}")" "$(tool_calls "${ports[2]}")")
client --transport 2026 --calls "$calls" >"$work/modern.json" 2>"$work/modern.log" ||
    fail "MCP 2026-07-28 client through nginx: $(cat "$work/modern.log")"
cat "$work/modern.json" >&2
served1=$(($(tool_calls "${ports[0]}") - before[0]))
served3=$(($(tool_calls "${ports[2]}") - before[1]))
echo "scaleout-test: replicas 1 and 3 answered $served1 and $served3 of the 2026 client's $calls tools/call" >&2
((served1 > 0 && served3 > 0 && served1 + served3 == calls)) ||
    fail "the 2026 client's calls were not spread over both replicas left ($served1, $served3)"
phase "MCP 2026-07-28 client round robin over replicas 1 and 3, no session"
echo "scaleout-test: passed" >&2
