#pragma once

#include "httpconnection.h"
#include "ssestream.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace jcr::mcp {
class AnswerCache;
}

namespace jcr::http {

class HttpMetrics;
struct HttpSettings;
class WorkerPool;

/// Streamable HTTP for MCP 2026-07-28 (docs/http-transport.md, "Protocol 2026-07-28"): one POST per request,
/// no batches, no session. McpHttpServer hands it every POST /mcp whose body claims the stateless era (or whose
/// MCP-Protocol-Version header names it), after Host/Origin, the token, the size limits, Accept and
/// Content-Type were checked as for every request.
///
///   check(): batch → 400 -32600; envelope → 400 -32602; header versus body (MCP-Protocol-Version, Mcp-Method,
///   Mcp-Name, with the =?base64?…?= form) → 400 -32020; version → 400 -32022; method → 404 -32601
///   → answer cache, or WorkerPool (the engine's StatelessProtocol) → 200 JSON, or SSE once progress comes;
///   a closed response stream cancels the request
///   subscriptions/listen → a long SSE stream: acknowledgement, then what a database swap changes
///
/// The answers never carry Mcp-Session-Id, so any replica can answer any request.
class StatelessHttpHandler : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    /// A request header by case-insensitive name, its value trimmed; empty when absent.
    using HeaderLookup = std::function<QByteArray(const QByteArray& name)>;

    /// One POST being answered: where its response goes and how the server records and writes it.
    struct Exchange
    {
        QPointer<HttpConnection> connection;
        HttpConnection::ResponsePtr response;
        Headers headers; ///< CORS headers for the answer
        QElapsedTimer timer;
        /// Writes a complete response (and records it).
        std::function<void(int status, const QByteArray& body, const QByteArray& contentType, const Headers& extra)>
            answer;
        /// Records a response that was written as a stream.
        std::function<void(int status)> streamed;
    };

    /// A request refused before it runs: the HTTP status and the JSON-RPC error (with the request's id).
    struct Rejection
    {
        int status = 400;
        QJsonObject error;
    };

    StatelessHttpHandler(const HttpSettings& settings,
                         const QString& databasePath,
                         WorkerPool& workers,
                         const mcp::AnswerCache& answers,
                         HttpMetrics& metrics,
                         QObject* parent = nullptr);
    ~StatelessHttpHandler() override;

    /// True when this POST body belongs to the stateless era: a message (or an element of a batch) whose
    /// params._meta names a protocol version, or an MCP-Protocol-Version header naming 2026-07-28 or later.
    static bool claims(const QJsonValue& body, const QByteArray& versionHeader);
    /// The checks of the specification, in its order, before anything runs. Nothing when the request may run.
    static std::optional<Rejection> check(const QJsonValue& body, const HeaderLookup& header);
    /// A header value as the client meant it: `=?base64?…?=` decoded (false in `ok` for bad base64), anything
    /// else literal.
    static QByteArray decodeHeaderValue(const QByteArray& value, bool* ok);

    /// Answers a POST that claims() the stateless era.
    void post(const QJsonValue& body, const HeaderLookup& header, Exchange exchange);

    /// Requests accepted and not yet answered (listens do not count: they end only with the server).
    int pendingRequests() const { return m_pending; }
    /// Open subscriptions/listen streams.
    int listens() const { return int(m_listens.size()); }
    /// Ends every listen with its response (shutdown).
    void closeStreams();

private:
    struct Listen
    {
        QPointer<SseStream> stream;
        QJsonValue id;
        QJsonObject honored;
    };

    /// Mcp-Name against params.name (tools/call, prompts/get) or params.uri (resources/read).
    static std::optional<Rejection>
    checkName(const QJsonValue& id, const QString& method, const QJsonObject& params, const QByteArray& header);
    void listen(const QJsonObject& message, Exchange exchange);
    void run(const QJsonObject& message, Exchange exchange);
    void watchData();

    int m_keepAliveSeconds;
    QString m_databasePath;
    WorkerPool& m_workers;
    const mcp::AnswerCache& m_answers;
    HttpMetrics& m_metrics;
    QList<Listen> m_listens;
    QTimer m_dataWatch;
    qint64 m_dataVersion = 0;
    int m_pending = 0;
};

} // namespace jcr::http
