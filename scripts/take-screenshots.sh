#!/usr/bin/env bash
# Takes the tray app's screenshots for the documentation, under a virtual X server with a real tray:
#   docs/images/tray-menu.png, docs/images/settings-dialog.png, docs/images/lookup-window.png, the lookup
#   window's impact factor chart saved by its own Ctrl+S (docs/images/trend-chart.png) and
#   docs/images/reference-check.png
#
# Usage: scripts/take-screenshots.sh [BUILD_DIR]   (default: build; jcr-mcp-tray and jcr-mcp-server built)
# The journal data comes from JCR_MCP_DATA_SOURCE, else ../shared/showjcr beside the checkout. The language
# is JCR_SCREENSHOT_LANGUAGE (zh_CN, the default, or en).
#
# Not part of CI: it installs what it needs itself (Xvfb, the openbox window manager, the trayer system
# tray, xdotool, ImageMagick, the Noto CJK fonts so that Chinese renders, Qt's SVG plugin).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
tray="$build/gui/jcr-mcp-tray"
server="$build/server/jcr-mcp-server"
source_dir=${JCR_MCP_DATA_SOURCE:-$root/../shared/showjcr}
language=${JCR_SCREENSHOT_LANGUAGE:-zh_CN}
images="$root/docs/images"
for binary in "$tray" "$server"; do
    [[ -x $binary ]] || { echo "take-screenshots: $binary is not built" >&2; exit 1; }
done

packages=(xvfb openbox trayer xdotool imagemagick x11-utils x11-xserver-utils fonts-noto-cjk libqt6svg6)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    echo "Installing: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

work=$(mktemp -d)
pids=()
stop_started() { # only what this script started, newest first
    local pid
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        pid=${pids[i]}
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    pids=()
}
cleanup() {
    stop_started
    rm -rf "$work"
}
trap cleanup EXIT

echo "Building a journal database from $source_dir" >&2
abbreviations=${JCR_MCP_ABBREVIATIONS_SOURCE:-$source_dir/../abbrv} # the JabRef lists, as ../shared lays them out
"$server" sync --from "$source_dir" --abbreviations-from "$abbreviations" --db "$work/jcr.db" 2>"$work/sync.log" ||
    { cat "$work/sync.log" >&2; exit 1; }

# A fresh home with the app's settings (QSettings: organisation jcr-mcp, application jcr-mcp-tray).
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_CONFIG_HOME/jcr-mcp" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# The default port when it is free (it reads best in the pictures), else any free one.
port=$(python3 -c '
import socket
for port in (8080, 0):
    try:
        s = socket.socket(); s.bind(("127.0.0.1", port)); print(s.getsockname()[1]); break
    except OSError:
        pass')
cat > "$XDG_CONFIG_HOME/jcr-mcp/jcr-mcp-tray.conf" <<SETTINGS
[General]
v=1

[app]
language=$language
startAppAtLogin=false
startServerWithApp=true

[data]
databasePath=$work/jcr.db
source=

[server]
accessToken=
host=127.0.0.1
port=$port
transport=streamable-http
SETTINGS

if [[ $language == zh_CN ]]; then
    export LANG=zh_CN.UTF-8 LANGUAGE=zh_CN
else
    export LANG=C.UTF-8 LANGUAGE=en
fi
export QT_QPA_PLATFORM=xcb QT_QPA_PLATFORMTHEME= QT_SCALE_FACTOR=1
export PATH="$(dirname "$server"):$PATH" # the app finds the server beside itself or on PATH

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
openbox >"$work/openbox.log" 2>&1 &
pids+=($!)
sleep 1
xsetroot -solid '#4a6f93'
trayer --edge top --align right --widthtype request --height 30 --SetDockType true --SetPartialStrut true \
    --transparent true --alpha 0 --tint 0x2f3640 --distance 0 --margin 80 >"$work/trayer.log" 2>&1 &
pids+=($!)
sleep 1.5

# Runs the app with the given arguments, waits until its server is up, then runs the capture command.
run_app() {
    "$tray" "$@" >"$work/tray.log" 2>&1 &
    app=$!
    for _ in $(seq 100); do grep -q "server pid" "$work/tray.log" && break; sleep 0.2; done
    grep -q "server pid" "$work/tray.log" || { cat "$work/tray.log" >&2; echo "take-screenshots: no server" >&2; exit 1; }
    sleep 1.5
}
end_app() {
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
}
# The window of the running app whose title matches, by the window manager's frame (decorations included).
window_of() {
    xdotool search --sync --onlyvisible --pid "$app" --name "$1" | head -n1
}

mkdir -p "$images"

echo "tray-menu.png" >&2
run_app
# Right-click the icon in the tray, as a user would; the menu opens below it at the top right.
eval "$(xdotool search --name '^panel$' getwindowgeometry --shell | head -n5)"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) click 3
sleep 1
import -window root -crop 400x372+880+0 +repage "$images/tray-menu.png"
end_app

echo "settings-dialog.png" >&2
run_app --open settings
id=$(window_of 'JCR MCP|设置')
sleep 0.5
import -frame -window "$id" "$images/settings-dialog.png"
end_app

echo "lookup-window.png" >&2
run_app --open lookup
id=$(window_of '.')
xdotool windowactivate --sync "$id" >/dev/null 2>&1 || true
xdotool windowsize "$id" 900 680
sleep 0.5
xdotool type --delay 60 "${JCR_SCREENSHOT_JOURNAL:-Nature Communications}"
sleep 0.8
xdotool key Return
sleep 1.5
import -frame -window "$id" "$images/lookup-window.png"

echo "trend-chart.png" >&2
# The chart under the headline saves itself, as a user does it: Ctrl+S, then the path in the file dialog.
rm -f "$images/trend-chart.png"
xdotool windowactivate --sync "$id" >/dev/null 2>&1 || true
xdotool key ctrl+s
xdotool search --sync --onlyvisible --pid "$app" --name 'Save chart|另存为' >/dev/null
sleep 0.8
xdotool key ctrl+a
xdotool type --delay 20 "$images/trend-chart.png"
xdotool key Return
for _ in $(seq 50); do [[ -s $images/trend-chart.png ]] && break; sleep 0.1; done
[[ -s $images/trend-chart.png ]] || { echo "take-screenshots: the chart was not saved" >&2; exit 1; }
end_app

# The lookup window's "Check a reference list…" button (next in the tab order after the search box), then a
# short BibTeX list typed into the check window and checked.
run_app --open lookup
id=$(window_of '.')
xdotool windowactivate --sync "$id" >/dev/null 2>&1 || true
xdotool key Tab space
sleep 1
# The check window, by its title (xdotool's --name regex does not tell the two Chinese titles apart).
rid=$(xdotool search --sync --onlyvisible --pid "$app" --name '.' | grep -vx "$id" |
    while read -r w; do name=$(xdotool getwindowname "$w"); [[ $name == *参考文献* || $name == *"reference list"* ]] && echo "$w"; done |
    head -n1 || true)
xdotool windowactivate --sync "$rid" >/dev/null 2>&1 || true
xdotool windowsize "$rid" 1260 600
sleep 0.5
references=(
    '@article{watson1953, journal = {Nature}}'
    '@article{iso, journal = {Nat. Commun.}}'
    '@article{tpami, journal = {IEEE Transactions on Pattern Analysis and Machine Intelligence}}'
    '@inproceedings{he2016, booktitle = {Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)}}'
    '@misc{attention2017, eprint = {1706.03762}, archivePrefix = {arXiv}}'
    '@book{knuth1997, title = {The Art of Computer Programming}}'
    '@article{warned, journal = {Wireless Personal Communications}}'
    '@article{todo, journal = {[FILL]}}'
)
for line in "${references[@]}"; do
    xdotool type --delay 4 "$line"
    xdotool key Return
done
xdotool key Tab Tab space
sleep 1.5
import -frame -window "$rid" "$images/reference-check.png"
end_app

echo "Wrote $images/tray-menu.png, settings-dialog.png, lookup-window.png, trend-chart.png, reference-check.png" >&2
