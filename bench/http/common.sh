# Shared by run-http-bench.sh and run-soak.sh (sourced, not run). Expects $bench_name (for messages), $server,
# $db, $data, $work and $version to be set.

die() { echo "$bench_name: $*" >&2; exit 1; }

# The database the benchmark reads: built with `sync` from $data when missing or older than the server.
ensure_database() {
    mkdir -p "$work"
    if [ ! -f "$db" ] || [ "$server" -nt "$db" ]; then
        [ -f "$data/JCR2025-UTF8.csv" ] || die "no ShowJCR data at $data (set JCR_BENCH_DATA)"
        echo "$bench_name: building $db with sync" >&2
        rm -f "$db"
        "$server" sync --from "$data" --db "$db" >/dev/null
    fi
}

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# start LOG COMMAND... → sets $port from the command's ready line "…: listening on http://HOST:PORT (…)" and
# $started_pid; the process is ended on exit.
start() {
    local log="$1"; shift
    "$@" 2>"$log" &
    started_pid="$!"
    pids+=("$started_pid")
    for _ in $(seq 1 300); do
        port="$(sed -n 's|.*listening on http://[^:]*:\([0-9]*\) .*|\1|p' "$log" | head -1)"
        [ -n "$port" ] && return 0
        kill -0 "$started_pid" 2>/dev/null || die "$1 exited: $(cat "$log")"
        sleep 0.1
    done
    die "no ready line from $1: $(cat "$log")"
}

# open_session URL → prints the id of ONE session, initialized once; every wrk connection reuses it.
open_session() {
    local url="$1" headers="$work/$bench_name-init.headers" body="$work/$bench_name-init.body" sid status
    curl -sS -o "$body" -D "$headers" -X POST "$url" \
        -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
        --data '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"'"$version"'","capabilities":{},"clientInfo":{"name":"'"$bench_name"'","version":"1.0.0"}}}'
    sid="$(tr -d '\r' <"$headers" | sed -n 's/^[Mm][Cc][Pp]-[Ss]ession-[Ii][Dd]: *//p' | head -1)"
    [ -n "$sid" ] || die "initialize gave no Mcp-Session-Id: $(cat "$headers" "$body")"
    status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$url" \
        -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
        -H "Mcp-Session-Id: $sid" -H "MCP-Protocol-Version: $version" \
        --data '{"jsonrpc":"2.0","method":"notifications/initialized"}')"
    [ "$status" = 202 ] || die "notifications/initialized answered $status, expected 202"
    echo "$sid"
}
