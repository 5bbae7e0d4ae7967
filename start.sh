#!/usr/bin/env bash
# Starts jcr-mcp-server for hosted use (PaaS, containers, a plain server): picks the transport, host and port
# from the arguments and the environment, builds the journal database first when there is none, then exec's
# the server so that it receives the platform's signals (SIGTERM finishes the requests in flight).
# `./start.sh --help` explains the arguments; DEPLOYMENT.md the variables. Argument mistakes exit with 2.
set -euo pipefail

readonly program=${0##*/}
readonly transports="stdio sse streamable-http http"

usage() {
    cat <<EOF
Usage: $program [TRANSPORT] [--host ADDRESS] [--port N] [--db PATH] [--allow-unauthenticated]
       [-- SERVER-OPTIONS...]

Starts jcr-mcp-server. When the journal database does not exist yet (or JCR_MCP_SYNC=1), it is built
first with \`jcr-mcp-server sync\` (from JCR_MCP_DATA_SOURCE, else the ShowJCR project online).

TRANSPORT (default: JCR_MCP_TRANSPORT, else http):
  stdio            MCP over stdin/stdout, for a client that starts the server itself
  sse              legacy SSE: GET /sse and POST /messages
  streamable-http  Streamable HTTP: /mcp
  http             both HTTP transports on one port

Options:
  --host ADDRESS   address to listen on (default: JCR_MCP_HOST, else 127.0.0.1; 0.0.0.0 for every interface)
  --port N         port, 0 to 65535, 0 for any free one (default: JCR_MCP_PORT, else PORT, else 8080)
  --db PATH        the journal database (default: JCR_MCP_DB, else
                   \${XDG_DATA_HOME:-~/.local/share}/jcr-mcp/jcr.db)
  --allow-unauthenticated
                   listen on a non-loopback address without JCR_MCP_TOKEN (also:
                   JCR_MCP_ALLOW_UNAUTHENTICATED=1); only behind a proxy that authenticates the clients.
                   Without a token or this, a non-loopback address is refused (exit 2)
  -h, --help       this text
  --               everything after it goes to jcr-mcp-server as it is

Environment: every JCR_MCP_* variable of jcr-mcp-server (see DEPLOYMENT.md); PORT, set by PaaS platforms,
becomes JCR_MCP_PORT when that is unset; JCR_MCP_SERVER_BIN names the server binary (default: the one on
PATH, else build/server/jcr-mcp-server beside this script); JCR_MCP_SYNC=1 rebuilds the database first.
Health: GET /health; \`jcr-mcp-server healthcheck\` exits 0 when the server is healthy.
EOF
}

# Exit code 2 with a message, as jcr-mcp-server does for command-line mistakes.
usage_error() {
    echo "$program: $*" >&2
    echo "Try '$program --help'." >&2
    exit 2
}

is_transport() {
    [[ " $transports " == *" $1 "* ]]
}

# 0 to 65535, digits only.
is_port() {
    [[ $1 =~ ^[0-9]{1,5}$ ]] && ((10#$1 <= 65535))
}

# What the server accepts (an IP address or localhost). IPv6 is only checked for its alphabet here;
# the server parses it and rejects what is not an address.
is_host() {
    local host=$1 octet
    [[ $host == localhost ]] && return 0
    if [[ $host =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]]; then
        for octet in "${BASH_REMATCH[@]:1}"; do
            ((10#$octet <= 255)) || return 1
        done
        return 0
    fi
    [[ $host == *:* && $host =~ ^[0-9A-Fa-f:.]+$ ]]
}

# Whether the server will be open to the network without a token: it would refuse to start then, and this
# script says so before a first sync that may take minutes.
unauthenticated_public_bind() {
    local address=${host:-${JCR_MCP_HOST:-127.0.0.1}} token=${JCR_MCP_TOKEN:-} argument
    [[ $transport == stdio || $address == localhost || $address =~ ^127\. || $address == ::1 ]] && return 1
    [[ -n ${token//[[:space:]]/} ]] && return 1
    [[ ${JCR_MCP_ALLOW_UNAUTHENTICATED:-} =~ ^[[:space:]]*(1|[Tt][Rr][Uu][Ee]|[Yy][Ee][Ss])[[:space:]]*$ ]] && return 1
    for argument in "${server_arguments[@]}"; do
        [[ $argument == --allow-unauthenticated ]] && return 1
    done
    return 0
}

# The server binary: JCR_MCP_SERVER_BIN, else jcr-mcp-server on PATH, else the build beside this script.
find_server() {
    local here
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    if [[ -n ${JCR_MCP_SERVER_BIN:-} ]]; then
        [[ -x $JCR_MCP_SERVER_BIN && ! -d $JCR_MCP_SERVER_BIN ]] ||
            usage_error "JCR_MCP_SERVER_BIN is \"$JCR_MCP_SERVER_BIN\", which is not an executable file"
        echo "$JCR_MCP_SERVER_BIN"
    elif command -v jcr-mcp-server >/dev/null 2>&1; then
        command -v jcr-mcp-server
    elif [[ -x $here/${JCR_BUILD_DIR:-build}/server/jcr-mcp-server ]]; then
        echo "$here/${JCR_BUILD_DIR:-build}/server/jcr-mcp-server"
    else
        echo "$program: jcr-mcp-server not found: install it, build it (scripts/build.sh), or set JCR_MCP_SERVER_BIN" >&2
        exit 1
    fi
}

# Where the server keeps the database when given no --db on Linux (QStandardPaths::AppDataLocation).
default_database() {
    if [[ ${XDG_DATA_HOME:-} == /* ]]; then
        echo "$XDG_DATA_HOME/jcr-mcp/jcr.db"
    elif [[ -n ${HOME:-} ]]; then
        echo "$HOME/.local/share/jcr-mcp/jcr.db"
    else
        usage_error "neither JCR_MCP_DB nor HOME is set: say where the database lives with --db or JCR_MCP_DB"
    fi
}

transport=${JCR_MCP_TRANSPORT:-http}
transport_origin=JCR_MCP_TRANSPORT
host='' port='' database=''
server_arguments=()
while (($# > 0)); do
    case $1 in
    -h | --help)
        usage
        exit 0
        ;;
    --host | --port | --db)
        (($# >= 2)) || usage_error "$1 needs a value"
        case $1 in
        --host) host=$2 ;;
        --port) port=$2 ;;
        --db) database=$2 ;;
        esac
        shift 2
        ;;
    --allow-unauthenticated)
        server_arguments+=("$1")
        shift
        ;;
    --host=*) host=${1#*=} && shift ;;
    --port=*) port=${1#*=} && shift ;;
    --db=*) database=${1#*=} && shift ;;
    --)
        shift
        server_arguments+=("$@")
        break
        ;;
    -*)
        usage_error "unknown option \"$1\""
        ;;
    *)
        is_transport "$1" || usage_error "unknown transport \"$1\"; it must be one of: $transports"
        transport=$1
        transport_origin="the argument"
        shift
        ;;
    esac
done

is_transport "$transport" || usage_error "$transport_origin gives the transport \"$transport\"; it must be one of: $transports"
if [[ -n $host ]]; then
    is_host "$host" || usage_error "--host \"$host\" is not an IP address (such as 127.0.0.1 or 0.0.0.0) or localhost"
elif [[ -n ${JCR_MCP_HOST:-} ]]; then
    is_host "$JCR_MCP_HOST" || usage_error "JCR_MCP_HOST \"$JCR_MCP_HOST\" is not an IP address or localhost"
fi
# PaaS platforms (Heroku, Railway, Fly.io, Render...) say which port to listen on in PORT.
if [[ -z ${JCR_MCP_PORT:-} && -n ${PORT:-} ]]; then
    is_port "$PORT" || usage_error "PORT \"$PORT\" is not a port number from 0 to 65535"
    export JCR_MCP_PORT=$PORT
fi
if [[ -n $port ]]; then
    is_port "$port" || usage_error "--port \"$port\" is not a port number from 0 to 65535"
elif [[ -n ${JCR_MCP_PORT:-} ]]; then
    is_port "$JCR_MCP_PORT" || usage_error "JCR_MCP_PORT \"$JCR_MCP_PORT\" is not a port number from 0 to 65535"
fi

if unauthenticated_public_bind; then
    echo "$program: refusing to listen on ${host:-$JCR_MCP_HOST} without JCR_MCP_TOKEN: anyone who can reach it could use the server." >&2
    echo "  Set a token, e.g. export JCR_MCP_TOKEN=\$(openssl rand -hex 32) (clients send 'Authorization: Bearer <token>')," >&2
    echo "  or, only behind a proxy that authenticates the clients, add --allow-unauthenticated (JCR_MCP_ALLOW_UNAUTHENTICATED=1)." >&2
    exit 2
fi

server=$(find_server)
export JCR_MCP_DB=${database:-${JCR_MCP_DB:-$(default_database)}}
export JCR_MCP_TRANSPORT=$transport

# Build the database when there is none. Progress goes to stderr, whatever the transport: over stdio,
# stdout is the MCP stream. A failed sync does not stop the start: the server then answers /health
# with 503 and says how to sync, as it does for a missing database.
if [[ ! -s $JCR_MCP_DB || ${JCR_MCP_SYNC:-} == 1 ]]; then
    mkdir -p "$(dirname "$JCR_MCP_DB")"
    echo "$program: building the journal database $JCR_MCP_DB" >&2
    "$server" sync >&2 || echo "$program: sync failed; starting without a database (/health reports it)" >&2
fi

command=("$server" --transport "$transport")
[[ -n $host ]] && command+=(--host "$host")
[[ -n $port ]] && command+=(--port "$port")
exec "${command[@]}" "${server_arguments[@]}"
