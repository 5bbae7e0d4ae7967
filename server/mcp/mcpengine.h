#pragma once

#include "mcpsession.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace jcr::mcp {

class AnswerCache;
class PromptProvider;
class RequestContext;
class ResourceProvider;
class StatelessProtocol;
class ToolRegistry;

/// The MCP protocol engine for one client session, independent of any transport.
///
///   transport (stdio, tests, HTTP) ──bytes/JSON──▶ McpEngine::handle() ──▶ method table ──▶ ToolRegistry /
///   ResourceProvider / PromptProvider ──▶ core::JournalRepository
///
/// handle() takes one JSON-RPC message (or a batch) and returns what to send back: nothing for
/// notifications and cancelled requests, one response (or one array for a batch) otherwise.
/// Server-initiated messages (notifications/progress, notifications/message) are emitted through
/// notificationReady() while the request runs, i.e. before its response.
///
/// Error policy (see docs/mcp-protocol.md): requests other than initialize and ping before initialize
/// → -32600; a second initialize → -32600; batches only when 2025-03-26 was negotiated, otherwise one
/// -32600; unknown tool or malformed tools/call → -32602; tool arguments that violate the inputSchema
/// → -32602 naming the field before 2025-11-25, an isError result naming the field from 2025-11-25 on
/// (SEP-1303); failures while a tool runs → isError result.
class McpEngine : public QObject
{
    Q_OBJECT
public:
    McpEngine(ToolRegistry& tools, ResourceProvider& resources, PromptProvider& prompts, QObject* parent = nullptr);
    /// An engine for a session that outlives it: the HTTP transports keep each session's state and hand
    /// it to a short-lived engine on whichever worker thread runs the request.
    McpEngine(ToolRegistry& tools,
              ResourceProvider& resources,
              PromptProvider& prompts,
              std::shared_ptr<McpSession> session,
              QObject* parent = nullptr);
    ~McpEngine() override;

    /// One parsed message (object) or batch (array). Returns 0 or 1 messages to send.
    QList<QJsonValue> handle(const QJsonValue& message);
    /// The serialized response to `message` when it can be answered without any work: a ping, or a tools/call
    /// whose result `cache` holds for the data on disk now (and that asks for no progress). Empty otherwise;
    /// the message then goes to handle(). Touches no database and no handler, so a transport may call it on
    /// its event loop; the bytes are those handle() would have produced. A 2026-07-28 request is answered (or
    /// not) by StatelessProtocol::quickAnswer(), without the session.
    static QByteArray quickAnswer(const QJsonObject& message, McpSession& session, const AnswerCache& cache);
    /// One line of input: parses it (answering -32700 without id when it is not JSON) and serializes
    /// the replies as compact single-line JSON without the trailing newline.
    QByteArrayList handleLine(const QByteArray& line);

    McpSession& session() { return m_session; }
    const McpSession& session() const { return m_session; }
    /// The stateless era (2026-07-28): requests whose params._meta names their protocol version go there
    /// instead of through the session above (statelessprotocol.h).
    StatelessProtocol& stateless() { return *m_stateless; }

    /// Where successful tools/call results are remembered (shared by all engines of a server), and
    /// handleLine() answers repeated questions from. Null (the default): nothing is remembered.
    void setAnswerCache(AnswerCache* cache) { m_answers = cache; }

    /// Page size of tools/list, resources/list, resources/templates/list and prompts/list.
    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    int pageSize() const { return m_pageSize; }

    /// Sends notifications/message when `level` is at or above the session's level and the session is
    /// initialized. For events outside a request (e.g. "database missing" at start).
    void log(McpSession::LogLevel level, const QJsonValue& data, const QString& logger = QStringLiteral("jcr-mcp"));

    /// The most messages one batch may hold, unless setMaxBatchSize() says otherwise.
    static constexpr int DefaultMaxBatchSize = 100;
    /// Sets the batch limit of every engine of the process: engines are made per request on HTTP workers, and
    /// the limit is one setting of the server (JCR_MCP_MAX_BATCH_SIZE), so it is not a member.
    static void setMaxBatchSize(int size);
    static int maxBatchSize();
    /// The -32600 message for a batch of `size` messages when it is over the limit, else an empty string. The
    /// one place the rule lives: handle() answers a batch over it with this error and runs none of it; the HTTP
    /// transport answers 400 with it before handing any work to a worker.
    static QString batchTooLarge(qsizetype size);

    /// True for the names of the requests and notifications this engine serves (tools/call, notifications/initialized,
    /// …). Transports label metrics with these names only: whatever else a client sends is not ours to record.
    static bool knowsMethod(const QString& name);

    static QString serverName() { return QStringLiteral("jcr-mcp"); }
    static QString serverVersion();
    /// What initialize and server/discover tell the client about this server.
    static QString instructions();

signals:
    /// A server-initiated message to send now (progress, log). Emitted synchronously from handle().
    void notificationReady(const QJsonObject& message);

private:
    using RequestHandler = QJsonObject (McpEngine::*)(const QJsonObject& params, RequestContext& context);
    using NotificationHandler = void (McpEngine::*)(const QJsonObject& params);
    struct Method
    {
        RequestHandler handler = nullptr;
        bool beforeInitialize = false; ///< served before initialize (initialize itself, ping)
    };

    /// The method table, built once for every engine (engines are made per request on HTTP workers).
    static const QHash<QString, Method>& methods();
    static const QHash<QString, NotificationHandler>& notifications();

    std::optional<QJsonObject> handleOne(const QJsonValue& message);
    /// Runs the handler of `method` for the stateless era (which decides which methods it serves).
    QJsonObject dispatch(const QString& method, const QJsonObject& params, RequestContext& context);
    QJsonObject page(const QJsonArray& items, const QString& list, const QString& key, const QJsonObject& params) const;

    QJsonObject initialize(const QJsonObject& params, RequestContext& context);
    QJsonObject ping(const QJsonObject& params, RequestContext& context);
    QJsonObject setLevel(const QJsonObject& params, RequestContext& context);
    QJsonObject listTools(const QJsonObject& params, RequestContext& context);
    QJsonObject callTool(const QJsonObject& params, RequestContext& context);
    QJsonObject listResources(const QJsonObject& params, RequestContext& context);
    QJsonObject listResourceTemplates(const QJsonObject& params, RequestContext& context);
    QJsonObject readResource(const QJsonObject& params, RequestContext& context);
    QJsonObject listPrompts(const QJsonObject& params, RequestContext& context);
    QJsonObject getPrompt(const QJsonObject& params, RequestContext& context);
    QJsonObject complete(const QJsonObject& params, RequestContext& context);

    void initialized(const QJsonObject& params);
    void cancelled(const QJsonObject& params);

    ToolRegistry& m_tools;
    ResourceProvider& m_resources;
    PromptProvider& m_prompts;
    std::shared_ptr<McpSession> m_sessionHolder;
    McpSession& m_session;
    AnswerCache* m_answers = nullptr;
    int m_pageSize = 50;
    std::unique_ptr<StatelessProtocol> m_stateless;
};

} // namespace jcr::mcp
