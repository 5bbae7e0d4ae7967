#!/usr/bin/env bash
# Configures and builds jcr-mcp into build/ (or $JCR_BUILD_DIR).
#   scripts/build.sh [all]    everything: server, tray app, tests, benchmarks
#   scripts/build.sh server   only the jcr-mcp-server target (a fresh build folder is configured without the
#                             tray app, tests and benchmarks, so that install-deps.sh's server profile suffices;
#                             an existing build folder keeps its settings)
# Further arguments go to cmake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${JCR_BUILD_DIR:-build}
what=all
if [[ ${1:-} == server || ${1:-} == all ]]; then
    what=$1
    shift
fi
options=()
targets=()
if [[ $what == server ]]; then
    targets=(--target jcr-mcp-server)
    if [[ ! -f $build_dir/CMakeCache.txt ]]; then
        options=(-DJCR_BUILD_GUI=OFF -DBUILD_TESTING=OFF -DJCR_BUILD_BENCH=OFF)
    fi
else
    options=(-DJCR_BUILD_GUI=ON -DBUILD_TESTING=ON -DJCR_BUILD_BENCH=ON)
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${JCR_BUILD_TYPE:-RelWithDebInfo}" \
    -DJCR_WARNINGS_AS_ERRORS=ON "${options[@]}" "$@" >&2
cmake --build "$build_dir" "${targets[@]}" --parallel "$(nproc)" >&2
