#!/usr/bin/env bash
# Soak of the Streamable HTTP server (issue 10; results in docs/benchmarks.md "Soak"): a mixed workload of
# every tool and the resources (mcpmix.mjs soak.requests: get_journal, search_journal, compare_journals,
# get_partition_trends, check_warning_journals, resources/read, resources/list, tools/list, ping) driven by
# wrk with mcp.lua on one session for JCR_SOAK_SECONDS against a real server on the real database, once
# with the answer cache on (the default 64 MiB) and once off (JCR_MCP_ANSWER_CACHE_MB=0). Every
# JCR_SOAK_INTERVAL seconds it records the server's resident memory (VmRSS from /proc/PID/status) and the
# requests answered in that interval (from /metrics), then prints one table per run with the growth from
# the first sample after warm-up (10 s) to the end: memory must stay flat once the caches are warm.
#
# Environment (the bench-soak CMake target sets the first four):
#   JCR_BENCH_SERVER   jcr-mcp-server binary          JCR_BENCH_DB    database (built with `sync` when missing)
#   JCR_BENCH_DATA     ShowJCR folder                 JCR_BENCH_WORK  scratch folder (requests, logs, JSON)
#   JCR_SOAK_SECONDS   length of each run (60)        JCR_SOAK_INTERVAL  seconds between samples (5)
#   JCR_SOAK_CONCURRENCY  wrk connections (8)         JCR_SOAK_MODES  "cache nocache"
#   JCR_SOAK_WARMUP    the sample the growth is measured from, in seconds (10)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
server="${JCR_BENCH_SERVER:-$root/build/server/jcr-mcp-server}"
db="${JCR_BENCH_DB:-$root/build/bench-http/jcr.db}"
data="${JCR_BENCH_DATA:-$root/../shared/showjcr}"
work="${JCR_BENCH_WORK:-$(dirname "$db")}"
seconds="${JCR_SOAK_SECONDS:-60}"
interval="${JCR_SOAK_INTERVAL:-5}"
concurrency="${JCR_SOAK_CONCURRENCY:-8}"
modes="${JCR_SOAK_MODES:-cache nocache}"
warmup="${JCR_SOAK_WARMUP:-10}"
version="2025-11-25"
bench_name="run-soak"
# shellcheck source=common.sh
. "$here/common.sh"

for tool in wrk jq curl node; do command -v "$tool" >/dev/null || die "$tool is required (apt-get install wrk jq curl nodejs)"; done
[ -x "$server" ] || die "no server binary at $server (set JCR_BENCH_SERVER)"
ensure_database
node "$here/mcpmix.mjs" bodies "$data" "$work" >&2

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
# Requests the server has answered so far, all routes and statuses (its own counter, not the client's).
answered() {
    curl -sS "http://127.0.0.1:$1/metrics" | awk '/^jcr_http_requests_total\{/ { sum += $NF } END { printf "%d", sum }'
}

results="$work/soak-runs.jsonl"
: >"$results"
for mode in $modes; do
    case "$mode" in
        cache) unset JCR_MCP_ANSWER_CACHE_MB ;;
        nocache) export JCR_MCP_ANSWER_CACHE_MB=0 ;;
        *) die "unknown mode $mode (cache or nocache)" ;;
    esac
    start "$work/soak-server-$mode.log" "$server" --transport streamable-http --port 0 --db "$db"
    server_pid="$started_pid"
    url="http://127.0.0.1:$port/mcp"
    session="$(open_session "$url")"
    node "$here/mcpmix.mjs" verify "$url" "$session" "$work/soak.requests" >&2 ||
        echo "run-soak: WARNING: some requests of the mix failed (see above)" >&2
    echo "run-soak: $mode: server pid $server_pid on port $port, ${seconds} s at concurrency $concurrency" >&2

    samples="$work/soak-samples-$mode.jsonl"
    : >"$samples"
    echo "{\"t\":0,\"rss_kb\":$(rss_kb "$server_pid"),\"answered\":$(answered "$port")}" >>"$samples"
    started=$(date +%s.%N)
    wrk -t1 -c"$concurrency" -d"${seconds}s" --timeout 10s -s "$here/mcp.lua" "$url" -- \
        "$work/soak.requests" "$session" "$version" >"$work/soak-wrk-$mode.txt" &
    wrk_pid=$!
    for ((t = interval; t <= seconds; t += interval)); do
        # Sleep to the sample's time from the start, so that the samples do not drift.
        sleep "$(awk -v s="$started" -v t="$t" -v now="$(date +%s.%N)" 'BEGIN { d = s + t - now; print (d > 0 ? d : 0) }')"
        echo "{\"t\":$t,\"rss_kb\":$(rss_kb "$server_pid"),\"answered\":$(answered "$port")}" >>"$samples"
    done
    wait "$wrk_pid" || die "wrk failed: $(cat "$work/soak-wrk-$mode.txt")"
    line="$(sed -n 's/^WRK_JSON //p' "$work/soak-wrk-$mode.txt")"
    [ -n "$line" ] || die "wrk printed no result: $(cat "$work/soak-wrk-$mode.txt")"
    peak="$(hwm_kb "$server_pid")"
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    jq -cs --arg mode "$mode" --argjson wrk "$line" --argjson peak "$peak" --argjson warmup "$warmup" \
          --argjson interval "$interval" '
        . as $s | {mode: $mode, wrk: $wrk, peak_rss_kb: $peak,
         samples: [range(0; length) as $i | $s[$i] + {rps: (if $i == 0 then null
                                                          else (($s[$i].answered - $s[$i - 1].answered) / $interval) end)}],
         growth_after_warmup_kb: (($s | last | .rss_kb) - ($s | map(select(.t == $warmup)) | first | .rss_kb))}' \
        "$samples" >>"$results"
done

json="$work/soak-results.json"
jq -s --arg cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" --arg cores "$(nproc)" \
      --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
      --argjson seconds "$seconds" --argjson concurrency "$concurrency" \
      '{date: $date, machine: {cpu: $cpu, cores: ($cores|tonumber), loadavg_after: $load},
        seconds: $seconds, concurrency: $concurrency, runs: .}' "$results" >"$json"

for mode in $modes; do
    jq -r --arg mode "$mode" '.runs[] | select(.mode == $mode) |
        "\n\(.mode): \(.wrk.requests) requests in \(.wrk.duration_s) s = \(.wrk.rps | floor) req/s, p99 \(.wrk.p99_ms) ms, " +
        "\(.wrk.bad_status + .wrk.bad_body) bad answers, \(.wrk.errors.connect + .wrk.errors.read + .wrk.errors.write + .wrk.errors.timeout) socket errors",
        "   t (s)   RSS (MB)   req/s in the interval",
        (.samples[] | "  \(.t | tostring | (" " * (6 - length)) + .)   \((.rss_kb / 1024 * 10 | round / 10) | tostring | (" " * (8 - length)) + .)   \(if .rps then (.rps | floor) else "-" end)"),
        "  growth from \($ENV.JCR_SOAK_WARMUP // "10") s to the end: \(.growth_after_warmup_kb) kB; peak (VmHWM) \((.peak_rss_kb / 1024 * 10 | round / 10)) MB"' "$json"
done
echo "results: $json"
