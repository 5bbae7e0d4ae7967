#!/usr/bin/env bash
# MCP over Streamable HTTP with nothing but curl: initialize (the answer carries the session id), the
# initialized notification, one tool call, then the session's end (DELETE).
#   examples/curl-streamable-http.sh [http://HOST:PORT/mcp] [JOURNAL]
# JCR_MCP_TOKEN: sent as `Authorization: Bearer <token>` when set.
set -euo pipefail
url=${1:-http://127.0.0.1:8080/mcp}
journal=${2:-Nature}
headers=(-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
if [[ -n ${JCR_MCP_TOKEN:-} ]]; then
    headers+=(-H "Authorization: Bearer $JCR_MCP_TOKEN")
fi
head_file=$(mktemp)
trap 'rm -f "$head_file"' EXIT

# 1. initialize: the response header Mcp-Session-Id names the session for every later request.
curl -sS --fail-with-body -D "$head_file" "${headers[@]}" "$url" -d '{"jsonrpc":"2.0","id":1,"method":"initialize",
    "params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl-example","version":"1"}}}'
echo
session=$(tr -d '\r' <"$head_file" | sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: *//p')
if [[ -z $session ]]; then
    echo "no Mcp-Session-Id in the answer to initialize" >&2
    exit 1
fi
headers+=(-H "Mcp-Session-Id: $session" -H 'MCP-Protocol-Version: 2025-06-18')

# 2. The client is ready (a notification: 202, no body).
curl -sS --fail-with-body "${headers[@]}" "$url" -d '{"jsonrpc":"2.0","method":"notifications/initialized"}'

# 3. A tool call. The journal name goes into JSON: escape backslashes and quotes.
name=${journal//\\/\\\\}
name=${name//\"/\\\"}
curl -sS --fail-with-body "${headers[@]}" "$url" \
    -d "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"search_journal\",\"arguments\":{\"journal_name\":\"$name\"}}}"
echo

# 4. End the session.
curl -sS --fail-with-body -X DELETE "${headers[@]}" "$url" >/dev/null
