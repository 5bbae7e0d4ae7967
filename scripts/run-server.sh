#!/usr/bin/env bash
# Quick start, the main job: install what the server needs (install-deps.sh server), build only the server
# target, build the journal database if there is none, then run the MCP server listening over HTTP
# (Streamable HTTP at /mcp and legacy SSE at /sse) until Ctrl-C. The data comes from the ShowJCR project
# online, or from the folder or URL in JCR_MCP_DATA_SOURCE (e.g. JCR_MCP_DATA_SOURCE=../shared/showjcr).
# The database lives in JCR_MCP_DB (default: build/jcr.db).
# JCR_MCP_TRANSPORT, JCR_MCP_HOST and JCR_MCP_PORT choose how it listens (default http on 127.0.0.1:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh server
scripts/build.sh server
server=${JCR_BUILD_DIR:-build}/server/jcr-mcp-server
export JCR_MCP_DB=${JCR_MCP_DB:-$PWD/${JCR_BUILD_DIR:-build}/jcr.db}
if [[ -n "${JCR_MCP_DATA_SOURCE:-}" && -d "$JCR_MCP_DATA_SOURCE" ]]; then
    export JCR_MCP_DATA_SOURCE=$(cd "$JCR_MCP_DATA_SOURCE" && pwd)
    # A local ShowJCR folder: the JabRef abbreviation lists in an `abbrv` folder beside it, as ../shared
    # lays them out, unless JCR_MCP_ABBREVIATIONS_SOURCE names others (online, sync fetches both itself).
    if [[ -z "${JCR_MCP_ABBREVIATIONS_SOURCE:-}" && -d "$JCR_MCP_DATA_SOURCE/../abbrv" ]]; then
        export JCR_MCP_ABBREVIATIONS_SOURCE=$(cd "$JCR_MCP_DATA_SOURCE/../abbrv" && pwd)
    fi
fi

if [[ ! -f "$JCR_MCP_DB" || "${JCR_MCP_SYNC:-}" == 1 ]]; then
    "$server" sync
fi
"$server" query Nature
exec "$server" --transport "${JCR_MCP_TRANSPORT:-http}" "$@"
