#!/usr/bin/env bash
# The release workflow's test on Windows and macOS, where the QtTest suite (POSIX process handling) does not
# build: the server given as $1 builds a database from the repository's fixtures, finds a journal in it and
# answers tools/list and a tool call over stdio.
set -euo pipefail
server=$1
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$server" --version
"$server" sync --from tests/data/fixtures/showjcr-mini --abbreviations-from "" --db "$work/jcr.db"
"$server" query "ALPHA JOURNAL OF TESTING" --db "$work/jcr.db" | tee "$work/query.txt"
grep -q "6.1" "$work/query.txt"
printf '%s\n' \
    '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"smoke","version":"1"}}}' \
    '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
    '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' \
    '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_journal","arguments":{"name_or_issn":"ALPHA JOURNAL OF TESTING"}}}' |
    "$server" --db "$work/jcr.db" > "$work/stdio.txt"
grep -q '"get_journal"' "$work/stdio.txt"
grep -q '"id":3' "$work/stdio.txt"
echo "smoke test passed"
