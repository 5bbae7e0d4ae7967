#!/usr/bin/env bash
# Installs what jcr-mcp needs to build and test on Debian 12 (bookworm), from Debian's packages only.
# Safe to run again: it only calls apt-get when a package is missing.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git ca-certificates
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libqt6svg6 desktop-file-utils  # the tray app's SVG icons; checking resources/jcr-mcp-tray.desktop
    sqlite3 nodejs npm
    systemd curl dpkg-dev file  # tests/deployment: systemd-analyze verify, the curl example, cpack -G DEB
    clang libclang-rt-14-dev  # the libFuzzer test (tests/server/fuzz) needs clang and its sanitizer runtimes
    docker.io docker-compose debootstrap nginx  # tests/deployment: the image test (own dockerd), scale-out behind nginx
)

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
echo "Installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
