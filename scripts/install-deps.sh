#!/usr/bin/env bash
# Installs what jcr-mcp needs on Debian 12 (bookworm), from Debian's packages only, by profile:
#   scripts/install-deps.sh server   build and run the server only (the README's quick start)
#   scripts/install-deps.sh gui      the server and the tray app
#   scripts/install-deps.sh [test]   everything: the tray app, every test (Docker, nginx, clang, …); CI's
#   scripts/install-deps.sh --list PROFILE   print the profile's packages, one a line, and install nothing
# Each profile includes the ones above it. Safe to run again: it only calls apt-get when a package is missing.
set -euo pipefail

server_packages=(
    build-essential cmake ninja-build pkg-config git ca-certificates
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
)
gui_packages=(
    qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev  # Widgets, Linguist
    libqt6svg6  # the tray app's SVG icons
)
test_packages=(
    desktop-file-utils  # checking resources/jcr-mcp-tray.desktop
    sqlite3 nodejs npm  # the end-to-end tests with the official MCP SDK
    systemd curl dpkg-dev file  # tests/deployment: systemd-analyze verify, the curl example, cpack -G DEB
    patchelf jq  # tests/packaging: the .mcpb's rpath (the mcpb target), the release's fill-server-json.sh
    clang libclang-rt-14-dev  # the libFuzzer test (tests/server/fuzz) needs clang and its sanitizer runtimes
    docker.io docker-compose debootstrap nginx  # tests/deployment: the image test (own dockerd), scale-out behind nginx
)

list_only=0
if [[ ${1:-} == --list ]]; then
    list_only=1
    shift
fi
profile=${1:-test}
case $profile in
    server) packages=("${server_packages[@]}") ;;
    gui) packages=("${server_packages[@]}" "${gui_packages[@]}") ;;
    test) packages=("${server_packages[@]}" "${gui_packages[@]}" "${test_packages[@]}") ;;
    *)
        echo "install-deps.sh: unknown profile '$profile' (server, gui or test)" >&2
        exit 2
        ;;
esac
if ((list_only)); then
    printf '%s\n' "${packages[@]}"
    exit 0
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# A newer Node.js than Debian's (e.g. from NodeSource) also provides npm; do not replace it.
if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs/}")
    missing=("${missing[@]/npm/}")
fi
read -r -a missing <<< "${missing[*]}"
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
    sudo="sudo"
fi
echo "Installing ($profile): ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
