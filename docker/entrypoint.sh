#!/bin/sh
# The container's entrypoint (Dockerfile): makes sure the journal database exists, then runs the server.
#
# At the first start the volume holds no database: it is copied from the image when the image was built with
# --build-arg JCR_MCP_SYNC_AT_BUILD=1, else built by `jcr-mcp-server sync` from JCR_MCP_DATA_SOURCE (a folder
# mounted into the container, or a URL; default: the ShowJCR project online). An existing database is never
# deleted or rebuilt on restart; `docker-compose exec jcr-mcp jcr-mcp-server sync` refreshes it (the new file
# is swapped in only when complete; the running server picks it up).
#
# Arguments: none (serve), server options (`--transport sse`), or a command (`sync`, `query Nature`,
# `search tpami`, `healthcheck`, `--help`), which runs as given.
set -eu

server=jcr-mcp-server
seed=/usr/share/jcr-mcp/jcr.db
db=${JCR_MCP_DB:-/data/jcr.db}

log() {
    echo "jcr-mcp-entrypoint: $*" >&2
}

case "${1:-}" in
sync | healthcheck | -h | --help | --help-all | -v | --version)
    exec "$server" "$@"
    ;;
esac

# The server refuses to listen on the container's 0.0.0.0 without a token (or the explicit opt-out). Say so
# now rather than after a first sync that may take minutes; the server prints how to fix it.
if [ $# -eq 0 ] && [ "${JCR_MCP_TRANSPORT:-stdio}" != stdio ] && [ -z "$(printf '%s' "${JCR_MCP_TOKEN:-}" | tr -d '[:space:]')" ]; then
    case "${JCR_MCP_HOST:-127.0.0.1}" in
    127.* | localhost | ::1) ;;
    *)
        case "$(printf '%s' "${JCR_MCP_ALLOW_UNAUTHENTICATED:-}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')" in
        1 | true | yes) ;;
        *)
            log "no JCR_MCP_TOKEN: pass one (docker run -e JCR_MCP_TOKEN=\$(openssl rand -hex 32), or .env with Compose)"
            exec "$server"
            ;;
        esac
        ;;
    esac
fi

if [ -s "$db" ]; then
    log "using the existing database $db"
elif [ -s "$seed" ]; then
    log "no database at $db: copying the one built into the image"
    mkdir -p "$(dirname "$db")"
    cp "$seed" "$db.partial"
    mv "$db.partial" "$db"
else
    log "no database at $db: building it from ${JCR_MCP_DATA_SOURCE:-the ShowJCR project online} (first start)"
    mkdir -p "$(dirname "$db")"
    if ! "$server" sync --db "$db"; then
        log "sync failed; the container stops so that its restart policy tries again"
        exit 1
    fi
    log "database built: $db"
fi

# Platforms such as Heroku, Railway or Cloud Run say in PORT where the container must listen.
if [ -n "${PORT:-}" ]; then
    export JCR_MCP_PORT="$PORT"
fi
exec "$server" "$@"
