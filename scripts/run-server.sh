#!/usr/bin/env bash
# Quick start, the main job: install what is missing, build, build the journal database, then answer a
# journal question from it. The data comes from the ShowJCR project online, or from the folder or URL in
# JCR_MCP_DATA_SOURCE (e.g. JCR_MCP_DATA_SOURCE=../shared/showjcr). The database lives in JCR_MCP_DB
# (default: build/jcr.db).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
server=${JCR_BUILD_DIR:-build}/server/jcr-mcp-server
export JCR_MCP_DB=${JCR_MCP_DB:-$PWD/${JCR_BUILD_DIR:-build}/jcr.db}
if [[ -n "${JCR_MCP_DATA_SOURCE:-}" && -d "$JCR_MCP_DATA_SOURCE" ]]; then
    export JCR_MCP_DATA_SOURCE=$(cd "$JCR_MCP_DATA_SOURCE" && pwd)
fi

"$server" sync
"$server" query "${1:-Nature}"
