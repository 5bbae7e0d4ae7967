# jcr-mcp-server as a container: the MCP server over HTTP (Streamable HTTP at /mcp, legacy SSE at /sse,
# /health, /metrics) on port 8080, the journal database in the volume /data.
#
#   docker build -t jcr-mcp .
#   docker run -d -p 8080:8080 -v jcr-data:/data jcr-mcp      # or: docker-compose up -d
#
# The first start builds the database in /data from JCR_MCP_DATA_SOURCE (default: the ShowJCR project
# online); restarts reuse it (docker/entrypoint.sh). With --build-arg JCR_MCP_SYNC_AT_BUILD=1 the data is
# downloaded while the image is built instead, and the first start only copies it into the volume.
#
# Plain Dockerfile syntax (no BuildKit-only features): builds with Debian 12's docker.io 20.10 as well.
ARG DEBIAN_IMAGE=debian:bookworm-slim

# ---- build stage: compile the server only (no GUI, tests or benchmarks) ----
FROM ${DEBIAN_IMAGE} AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        build-essential cmake ninja-build pkg-config ca-certificates \
        qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local \
        -DJCR_BUILD_GUI=OFF -DBUILD_TESTING=OFF -DJCR_BUILD_BENCH=OFF \
    && cmake --build /build --target jcr-mcp-server \
    && install -D -s -m 0755 /build/server/jcr-mcp-server /usr/local/bin/jcr-mcp-server \
    && /usr/local/bin/jcr-mcp-server --version

# ---- runtime stage: the Qt runtime libraries, the binary, a non-root user ----
FROM ${DEBIAN_IMAGE}
ARG JCR_MCP_VERSION=0.1.0
ARG JCR_MCP_REVISION=unknown
ARG JCR_MCP_CREATED=unknown
# Where the sources live (the OCI source label; set by CI, e.g. --build-arg JCR_MCP_SOURCE_URL=https://…).
ARG JCR_MCP_SOURCE_URL=
# 1: download the ShowJCR data while building (needs network), so that containers start without it.
ARG JCR_MCP_SYNC_AT_BUILD=0
# Where that build-time sync reads from (a URL; default: the ShowJCR project online).
ARG JCR_MCP_DATA_SOURCE=
# The MCP Registry name of this server (server.json's "name"): the registry checks the image's label against it.
ARG JCR_MCP_REGISTRY_NAME=io.github.jcr-mcp/jcr-mcp

LABEL org.opencontainers.image.title="jcr-mcp" \
      org.opencontainers.image.description="Journal rankings (JCR impact factors and quartiles, CAS partitions, the international warning list, CCF ranks) for AI assistants over the Model Context Protocol (Streamable HTTP and legacy SSE)" \
      org.opencontainers.image.version="${JCR_MCP_VERSION}" \
      org.opencontainers.image.revision="${JCR_MCP_REVISION}" \
      org.opencontainers.image.created="${JCR_MCP_CREATED}" \
      org.opencontainers.image.source="${JCR_MCP_SOURCE_URL}" \
      org.opencontainers.image.documentation="DEPLOYMENT.md in the sources" \
      org.opencontainers.image.vendor="jcr-mcp" \
      org.opencontainers.image.base.name="debian:bookworm-slim" \
      io.modelcontextprotocol.server.name="${JCR_MCP_REGISTRY_NAME}"

# libssl3 and ca-certificates: Qt loads OpenSSL at run time (not in ldd) to download the ShowJCR files.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libqt6core6 libqt6network6 libqt6sql6 libqt6sql6-sqlite libqt6httpserver6 libqt6websockets6 \
        libssl3 ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 jcr \
    && useradd --system --uid 10001 --gid jcr --home-dir /data --shell /usr/sbin/nologin jcr \
    && mkdir -p /data /usr/share/jcr-mcp \
    && chown jcr:jcr /data

COPY --from=build /usr/local/bin/jcr-mcp-server /usr/local/bin/jcr-mcp-server
COPY docker/entrypoint.sh /usr/local/bin/jcr-mcp-entrypoint
RUN chmod 0755 /usr/local/bin/jcr-mcp-entrypoint \
    && if [ "$JCR_MCP_SYNC_AT_BUILD" = 1 ]; then \
        JCR_MCP_DATA_SOURCE="$JCR_MCP_DATA_SOURCE" jcr-mcp-server sync --db /usr/share/jcr-mcp/jcr.db \
        && chmod 0644 /usr/share/jcr-mcp/jcr.db; \
    fi

# The server listens on every interface of the container (it must, to be reachable), so it refuses to start
# without JCR_MCP_TOKEN: `docker run -e JCR_MCP_TOKEN=$(openssl rand -hex 32) ...` (Compose: .env). Behind a
# proxy that authenticates the clients, -e JCR_MCP_ALLOW_UNAUTHENTICATED=1 instead. Neither is baked in.
ENV LANG=C.UTF-8 \
    JCR_MCP_TRANSPORT=http \
    JCR_MCP_HOST=0.0.0.0 \
    JCR_MCP_PORT=8080 \
    JCR_MCP_DB=/data/jcr.db \
    HOME=/data

USER jcr:jcr
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
# The first start may download the data: give it time before failed checks count.
HEALTHCHECK --interval=30s --timeout=10s --start-period=300s --retries=3 CMD ["jcr-mcp-server", "healthcheck"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["jcr-mcp-entrypoint"]
CMD []
