#!/usr/bin/env bash
# Quick start, the tests: install what is missing, build, run every test (unit, integration on the real
# ShowJCR files, end-to-end). The real files are taken from JCR_MCP_DATA_SOURCE, else ../shared/showjcr.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
scripts/build.sh all
if [[ -n "${JCR_MCP_DATA_SOURCE:-}" && -d "$JCR_MCP_DATA_SOURCE" ]]; then
    export JCR_MCP_DATA_SOURCE=$(cd "$JCR_MCP_DATA_SOURCE" && pwd)
fi
ctest --test-dir "${JCR_BUILD_DIR:-build}" --output-on-failure --parallel "$(nproc)" "$@"
