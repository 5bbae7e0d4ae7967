#pragma once

#include "answercache.h"
#include "httpconnection.h"
#include "httpmetrics.h"
#include "httpsettings.h"
#include "requestguard.h"
#include "sessionregistry.h"
#include "statelesshttphandler.h"
#include "workerpool.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QPointer>
#include <QSet>

namespace jcr::http {

class GuardedTcpServer;

/// The MCP server over HTTP: Streamable HTTP at /mcp, legacy SSE at /sse + /messages, /health, /metrics.
/// docs/http-transport.md is the contract.
///
///   QTcpServer (GuardedTcpServer: header/idle timeouts, early 413)
///     → QAbstractHttpServer parses a request → handleRequest(): Host/Origin, token, route, size checks
///       → SessionRegistry (Mcp-Session-Id → HttpSession: protocol state, stream)
///       → WorkerPool: McpEngine::handle() on a worker thread, with that thread's database connection
///     ← HttpConnection writes the JSON response, or an SseStream the notifications and then the response,
///       in request order per connection.
///
/// The engine sees only JSON-RPC messages and a session; nothing below this class knows about HTTP.
class McpHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    McpHttpServer(const HttpSettings& settings, const QString& databasePath, QObject* parent = nullptr);
    ~McpHttpServer() override;

    /// Binds to the configured address and port. Returns false with the reason (port in use, …).
    bool start(QString* error);
    quint16 port() const;

    /// Stops accepting connections; requests arriving on open connections get 503. Requests already
    /// accepted still get their answers.
    void beginShutdown();
    /// True when no accepted request is still waiting for its answer.
    bool hasPendingRequests() const { return m_pendingRequests > 0 || m_stateless->pendingRequests() > 0; }
    /// Ends every open SSE stream (shutdown).
    void closeStreams();

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    /// Where a request's answer goes; copied into callbacks, since the request itself is gone by then.
    struct Reply
    {
        QPointer<HttpConnection> connection;
        HttpConnection::ResponsePtr response;
        QByteArray route;  ///< for the metrics
        QByteArray origin; ///< an allowed Origin, for the CORS headers
        QElapsedTimer timer;
    };
    /// One request being routed.
    struct Exchange
    {
        const QHttpServerRequest& request;
        Reply reply;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    struct Route
    {
        QString path;
        QList<QHttpServerRequest::Method> methods;
    };

    void route(Exchange& exchange);
    void postMcp(Exchange& exchange);
    /// A POST of protocol version 2026-07-28: no session, answered by m_stateless.
    void postStateless(Exchange& exchange, const QJsonValue& body);
    void getMcp(Exchange& exchange);
    void deleteMcp(Exchange& exchange);
    void getSse(Exchange& exchange);
    void postMessages(Exchange& exchange);
    void getHealth(Exchange& exchange);
    void getMetrics(Exchange& exchange);
    void preflight(Exchange& exchange);

    /// Runs requests of a Streamable HTTP POST and answers with JSON, or with SSE once a notification comes.
    void dispatchStreamable(const Reply& reply,
                            const std::shared_ptr<HttpSession>& session,
                            const QJsonValue& message,
                            bool newSession);
    /// Runs the legacy SSE session's next queued message; its replies go to the session's stream.
    void dispatchLegacy(const std::shared_ptr<HttpSession>& session);
    std::shared_ptr<HttpSession> sessionFor(Exchange& exchange, bool* answered);
    /// 429 when the client has its maximum of sessions, 503 when the server has.
    void answerNoSession(const Reply& reply, SessionRegistry::Refusal refusal);

    void answer(const Reply& reply,
                int status,
                const QByteArray& body,
                const QByteArray& contentType = "application/json",
                const Headers& extra = {});
    void answerError(const Reply& reply, int status, int code, const QString& message, const Headers& extra = {});
    QByteArray header(const QHttpServerRequest& request, const QByteArray& name) const;
    void finished(const Reply& reply, int status);

    /// Messages a legacy SSE session may have waiting; more are refused, so one client cannot queue without end.
    static constexpr int MaxQueuedLegacyMessages = 256;

    HttpSettings m_settings;
    QList<Route> m_routes;
    RequestGuard m_guard;
    SessionRegistry m_sessions;
    mcp::AnswerCache m_answers; ///< before m_workers, whose engines write to it
    WorkerPool m_workers;
    HttpMetrics m_metrics;
    StatelessHttpHandler* m_stateless = nullptr; ///< child; MCP 2026-07-28 requests
    GuardedTcpServer* m_tcpServer = nullptr;
    QElapsedTimer m_uptime;
    QHash<QByteArray, QList<QJsonValue>> m_legacyQueues; ///< legacy SSE: messages waiting, by session
    QSet<QByteArray> m_legacyBusy;                       ///< legacy SSE sessions with a message running
    QString m_lastHealthMessage; ///< the last unhealthy /health message logged, so a poller does not flood the log
    int m_pendingRequests = 0;
    bool m_shuttingDown = false;
};

} // namespace jcr::http
