#!/usr/bin/env bash
# Configures and builds jcr-mcp into build/ (or $JCR_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${JCR_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${JCR_BUILD_TYPE:-RelWithDebInfo}" \
    -DJCR_WARNINGS_AS_ERRORS=ON "$@" >&2
cmake --build "$build_dir" --parallel "$(nproc)" >&2
