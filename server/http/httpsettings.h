#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace jcr::http {

/// How the HTTP transports run: what the command line decided (transport, host, port) and the hosted-use
/// settings from the environment (docs/http-transport.md lists them with their defaults).
struct HttpSettings
{
    bool streamableHttp = true; ///< serve /mcp
    bool legacySse = true;      ///< serve /sse and /messages
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
    QByteArray token;           ///< JCR_MCP_TOKEN; empty: no token needed
    QStringList allowedOrigins; ///< JCR_MCP_ALLOWED_ORIGINS, besides the loopback origins
    bool anyOrigin = false;     ///< JCR_MCP_ALLOWED_ORIGINS=*
    /// 4 MiB: check_references takes lists of up to 2 MB, which JSON escaping (quotes, backslashes, \uXXXX)
    /// can make up to twice as long on the wire.
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    int maxSessions = 1000;
    int sessionIdleSeconds = 1800;
    int maxSessionsPerClient = 100;      ///< JCR_MCP_MAX_SESSIONS_PER_CLIENT: by client address; 0: no such cap
    int sessionInitSeconds = 60;         ///< JCR_MCP_SESSION_INIT_SECONDS: to send notifications/initialized
    int maxBatchSize = 100;              ///< JCR_MCP_MAX_BATCH_SIZE: messages in one JSON-RPC batch
    QByteArray sessionSecret;            ///< JCR_MCP_SESSION_SECRET: signed session ids (SessionToken)
    qint64 sessionMaxAgeSeconds = 86400; ///< JCR_MCP_SESSION_MAX_AGE_SECONDS: lifetime of a signed id
    int workers = 2;
    qint64 answerCacheBytes = 64 * 1024 * 1024; ///< JCR_MCP_ANSWER_CACHE_MB (0: answers are not remembered)
    int keepAliveSeconds = 15;                  ///< SSE comment interval on idle streams
    int headerTimeoutSeconds = 10;              ///< a connection must send a whole request head within this
    int idleConnectionSeconds = 120;
    // Connections (docs/http-transport.md, Limits): what one client can make the server hold.
    qint64 maxHeaderBytes = 64 * 1024;         ///< JCR_MCP_MAX_HEADER_BYTES: request line + fields; more → 431
    int maxHeaderFields = 100;                 ///< more → 431
    int bodyTimeoutSeconds = 30;               ///< JCR_MCP_BODY_TIMEOUT_SECONDS: a body must arrive within this → 408
    int maxConnections = 1000;                 ///< JCR_MCP_MAX_CONNECTIONS (also kept below the open-file limit)
    int maxRequestsInFlightPerConnection = 16; ///< pipelined requests answered at once; more wait, unread
    qint64 maxUnsentBytesPerConnection = 1024 * 1024; ///< past this, a connection's next request waits, unread
    /// --allow-unauthenticated or JCR_MCP_ALLOW_UNAUTHENTICATED=1: listen on a non-loopback address without a
    /// token (behind an authenticating proxy); otherwise the server refuses to start there.
    bool allowUnauthenticated = false;

    QHostAddress address() const;
    bool bindsToLoopback() const;

    /// Reads the JCR_MCP_* hosted-use variables. Returns false with a message naming the variable when
    /// one holds a value that makes no sense.
    bool readEnvironment(QString* error);

private:
    bool readConnectionLimits(QString* error);
};

} // namespace jcr::http
