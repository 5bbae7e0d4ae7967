#!/usr/bin/env bash
# Load benchmark of tools/call over Streamable HTTP (issue 4; results in docs/benchmarks.md).
#
# Starts jcr-mcp-server --transport streamable-http --port 0 (port from its ready line) and the trivial
# QHttpServer baseline (jcr_bench_trivial_http), initializes ONE MCP session with curl (initialize +
# notifications/initialized), checks every request of the mixes once (mcpmix.mjs verify), then runs wrk with
# mcp.lua (which reuses that session on every connection) for each mix and concurrency:
#   get_journal     100 fixed names/ISSNs                     (mcpmix.mjs bodies)
#   search_journal  150 mixed: names, prefixes, inner words, ISSNs, one and two typos
#   ping            JSON-RPC ping on the same session: the HTTP transport and engine without a tool
#   *_uncached      the same mixes on a second server started with JCR_MCP_ANSWER_CACHE_MB=0: every call
#                   runs its queries (the plain mixes repeat their questions, so after the first round the
#                   server answers them from its answer cache)
#   *_2026          the same mixes in MCP 2026-07-28: no session, the envelope in every request's _meta and the
#                   MCP-Protocol-Version/Mcp-Method/Mcp-Name headers (mcp.lua session "2026")
#   trivial         the baseline route, same request bodies as get_journal, no session
# prints a table with targets and writes JSON.
#
# Environment (the bench-http CMake target sets the first five):
#   JCR_BENCH_SERVER   jcr-mcp-server binary                    JCR_BENCH_TRIVIAL  jcr_bench_trivial_http
#   JCR_BENCH_DB       database (built with `sync` when missing) JCR_BENCH_DATA     ShowJCR folder
#   JCR_BENCH_WORK     scratch folder (request files, logs)     JCR_BENCH_JSON     results file
#   JCR_BENCH_DURATION seconds per run (10)                     JCR_BENCH_CONCURRENCY  "1 8 32"
#   JCR_BENCH_THREADS  wrk threads (1: one wrk thread does > 40k req/s here; on 2 cores every extra
#                      client thread takes CPU from the server)
#   JCR_BENCH_MIXES    "get_journal search_journal get_journal_uncached search_journal_uncached ping
#                       get_journal_2026 search_journal_2026 get_journal_2026_uncached search_journal_2026_uncached"
#   JCR_MCP_WORKERS    passed on to the server (default: its own, the number of cores, at least 2)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
server="${JCR_BENCH_SERVER:-$root/../build/server/jcr-mcp-server}"
trivial="${JCR_BENCH_TRIVIAL:-$root/../build/bench/http/jcr_bench_trivial_http}"
db="${JCR_BENCH_DB:-$root/../build/bench-http/jcr.db}"
data="${JCR_BENCH_DATA:-$root/../shared/showjcr}"
work="${JCR_BENCH_WORK:-$(dirname "$db")}"
json="${JCR_BENCH_JSON:-$work/bench-http-results.json}"
duration="${JCR_BENCH_DURATION:-10}"
concurrency="${JCR_BENCH_CONCURRENCY:-1 8 32}"
threads="${JCR_BENCH_THREADS:-1}"
mixes="${JCR_BENCH_MIXES:-get_journal search_journal get_journal_uncached search_journal_uncached ping get_journal_2026 search_journal_2026 get_journal_2026_uncached search_journal_2026_uncached}"
version="2025-11-25"
bench_name="run-http-bench"
# shellcheck source=common.sh
. "$here/common.sh"

# wrk (and jq, for the results) from Debian; installed when missing (needs root or sudo).
for package in wrk jq; do
    command -v "$package" >/dev/null && continue
    echo "run-http-bench: installing $package (apt-get install -y $package)" >&2
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y "$package" >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$package" >/dev/null; }
done
for tool in wrk jq curl node; do command -v "$tool" >/dev/null || die "$tool is required"; done
[ -x "$server" ] || die "no server binary at $server (set JCR_BENCH_SERVER)"
[ -x "$trivial" ] || die "no baseline binary at $trivial (set JCR_BENCH_TRIVIAL)"
ensure_database
node "$here/mcpmix.mjs" bodies "$data" "$work" >&2

start "$work/server.log" "$server" --transport streamable-http --port 0 --db "$db"
server_port="$port"
server_pid="$started_pid"
# The same server with remembered answers off: every call runs its queries (the *_uncached mixes).
JCR_MCP_ANSWER_CACHE_MB=0 start "$work/server-uncached.log" "$server" --transport streamable-http --port 0 --db "$db"
uncached_port="$port"
uncached_pid="$started_pid"
start "$work/trivial.log" "$trivial" --port 0
trivial_port="$port"
trivial_pid="$started_pid"
ticks="$(getconf CLK_TCK)"
# CPU time (user + system, in clock ticks) a process has used so far.
cputicks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
mcp="http://127.0.0.1:$server_port/mcp"
mcp_uncached="http://127.0.0.1:$uncached_port/mcp"

session="$(open_session "$mcp")"
session_uncached="$(open_session "$mcp_uncached")"
echo "run-http-bench: session $session on port $server_port (uncached: port $uncached_port); baseline on port $trivial_port" >&2

# Every request of the mixes once: a benchmark that times errors would be useless.
verified=true
if ! node "$here/mcpmix.mjs" verify "$mcp" "$session" "$work/get_journal.requests" "$work/search_journal.requests" >&2; then
    verified=false
    echo "run-http-bench: WARNING: some requests of the mixes failed (see above); the numbers include them" >&2
fi

results="$work/runs.jsonl"
: >"$results"
run() { # MIX URL REQUESTS SESSION CONCURRENCY PID
    local mix="$1" url="$2" params="$3" sess="$4" c="$5" pid="$6" t="$threads" out before after
    [ "$t" -gt "$c" ] && t="$c"
    before="$(cputicks "$pid")"
    out="$(wrk -t"$t" -c"$c" -d"${duration}s" --timeout 10s -s "$here/mcp.lua" "$url" -- "$params" "$sess" "$version")"
    echo "$out" >"$work/wrk-$mix-c$c.txt"
    local line
    line="$(sed -n 's/^WRK_JSON //p' <<<"$out")"
    [ -n "$line" ] || die "wrk printed no result for $mix c=$c: $out"
    after="$(cputicks "$pid")"
    # Server CPU per request (ms): how much of the machine one call costs, whatever else runs on it.
    echo "{\"mix\":\"$mix\",\"concurrency\":$c,\"threads\":$t,\"server_cpu_s\":$(awk -v d=$((after - before)) -v hz="$ticks" 'BEGIN { printf "%.2f", d / hz }'),\"result\":$line}" |
        jq -c '. + {server_cpu_ms_per_request: (if .result.requests > 0 then (.server_cpu_s * 1000 / .result.requests) else null end)}' >>"$results"
    echo "run-http-bench: $mix c=$c: $(jq -r '"\(.rps|floor) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms"' <<<"$line"), server CPU $(tail -1 "$results" | jq -r '.server_cpu_ms_per_request * 1000 | round / 1000') ms/request" >&2
}
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for c in $concurrency; do
    for mix in $mixes; do
        case "$mix" in
            *_2026_uncached) run "$mix" "$mcp_uncached" "$work/${mix%_2026_uncached}.requests" 2026 "$c" "$uncached_pid" ;;
            *_2026) run "$mix" "$mcp" "$work/${mix%_2026}.requests" 2026 "$c" "$server_pid" ;;
            *_uncached) run "$mix" "$mcp_uncached" "$work/${mix%_uncached}.requests" "$session_uncached" "$c" "$uncached_pid" ;;
            *) run "$mix" "$mcp" "$work/$mix.requests" "$session" "$c" "$server_pid" ;;
        esac
    done
    run trivial "http://127.0.0.1:$trivial_port/mcp" "$work/get_journal.requests" - "$c" "$trivial_pid"
    sleep 1
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# The session is still alive after the load (no expiry, no crash).
alive="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$mcp" \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -H "Mcp-Session-Id: $session" -H "MCP-Protocol-Version: $version" \
    --data '{"jsonrpc":"2.0","id":"after","method":"ping"}')"

jq -s --arg cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" \
      --arg cores "$(nproc)" --arg duration "$duration" --arg threads "$threads" \
      --arg load_before "$load_before" --arg load_after "$load_after" --arg alive "$alive" --arg verified "$verified" \
      --arg build "${JCR_BENCH_BUILD_TYPE:-unknown}" --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
      --arg wrk "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)" '
  def rate(m; c): (map(select(.mix == m and .concurrency == c)) | first | .result.rps) // null;
  def p99(m; c): (map(select(.mix == m and .concurrency == c)) | first | .result.p99_ms) // null;
  {date: $date, machine: {cpu: $cpu, cores: ($cores|tonumber), loadavg_before: $load_before, loadavg_after: $load_after},
   build: $build, wrk: $wrk, wrk_threads: ($threads|tonumber), duration_s: ($duration|tonumber),
   session_alive_after_load: ($alive == "200"), every_request_checked_ok: ($verified == "true"),
   runs: (. as $all | map(. as $r | $r + {vs_trivial: ($all | map(select(.mix == "trivial" and .concurrency == $r.concurrency))
                                                      | first | if . then ($r.result.rps / .result.rps) else null end)})),
   targets: {
     get_journal_c32_rps: {goal: ">= 10000", measured: rate("get_journal"; 32), pass: ((rate("get_journal"; 32) // 0) >= 10000)},
     get_journal_c32_p99_ms: {goal: "< 10", measured: p99("get_journal"; 32), pass: ((p99("get_journal"; 32) // 1e9) < 10)},
     get_journal_vs_trivial_c32: {goal: ">= 0.333", measured: (if rate("trivial"; 32) then (rate("get_journal"; 32) // 0) / rate("trivial"; 32) else null end),
                                  pass: (if rate("trivial"; 32) then ((rate("get_journal"; 32) // 0) / rate("trivial"; 32)) >= (1/3) else false end)},
     search_journal_c32_rps: {goal: ">= 5000", measured: rate("search_journal"; 32), pass: ((rate("search_journal"; 32) // 0) >= 5000)}
   },
   without_answer_cache: {get_journal_c32_rps: rate("get_journal_uncached"; 32), search_journal_c32_rps: rate("search_journal_uncached"; 32)},
   protocol_2026_vs_2025_c32: {get_journal: (if rate("get_journal"; 32) then (rate("get_journal_2026"; 32) // 0) / rate("get_journal"; 32) else null end),
                               search_journal: (if rate("search_journal"; 32) then (rate("search_journal_2026"; 32) // 0) / rate("search_journal"; 32) else null end)}
  }' "$results" >"$json"

# Table.
{
    printf '\n%-24s %5s %10s %9s %9s %9s %8s %11s %12s\n' mix conc 'req/s' 'p50 ms' 'p99 ms' 'max ms' errors 'vs trivial' 'CPU ms/req'
    jq -r '.runs[] | [.mix, .concurrency, (.result.rps|floor), .result.p50_ms, .result.p99_ms, .result.max_ms,
           (.result.bad_status + .result.bad_body + .result.errors.connect + .result.errors.read + .result.errors.write + .result.errors.timeout),
           (if .vs_trivial then (.vs_trivial * 1000 | round / 1000) else "-" end),
           (if .server_cpu_ms_per_request then (.server_cpu_ms_per_request * 1000 | round / 1000) else "-" end)] | @tsv' "$json" |
        while IFS=$'\t' read -r m c r p50 p99 mx e v cpu; do
            printf '%-24s %5s %10s %9s %9s %9s %8s %11s %12s\n' "$m" "$c" "$r" "$p50" "$p99" "$mx" "$e" "$v" "$cpu"
        done
    echo
    jq -r '.targets | to_entries[] | "\(if .value.pass then "PASS" else "FAIL" end)  \(.key): goal \(.value.goal), measured \(.value.measured)"' "$json"
    jq -r '.without_answer_cache | to_entries[] | select(.value != null) | "INFO  \(.key) without the answer cache (every call runs its queries): \(.value | floor)"' "$json"
    jq -r '.protocol_2026_vs_2025_c32 | to_entries[] | select(.value != null and .value > 0) | "INFO  \(.key) in 2026-07-28 (no session) vs 2025-11-25 at c=32: \(.value * 1000 | round / 1000)"' "$json"
    echo "session alive after the load: $(jq -r .session_alive_after_load "$json"); load average before $load_before, after $load_after"
    echo "results: $json"
}
