#pragma once

#include "jsonrpc.h"
#include "requestcontext.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace jcr::mcp {

class AnswerCache;
class McpSession;

/// The stateless era of MCP (2026-07-28 and later) for one engine: a request whose params._meta carries
/// `io.modelcontextprotocol/protocolVersion` is served here, on its own, with nothing taken from earlier
/// requests or from the 2025 session (docs/mcp-protocol.md, "Protocol 2026-07-28").
///
///   McpEngine::handle() ──claims()──▶ handle(): envelope → version → method → dispatcher (the engine's
///   handlers, the same tools/resources/prompts as the 2025 path) → result decorated (resultType, serverInfo,
///   ttlMs/cacheScope) or error translated (-32002 → -32602 with data.uri)
///
/// The static parts (envelope, errors, result decoration, discover, listen acknowledgement and notifications)
/// are what the HTTP transport uses too, so both transports answer alike. The object itself holds only what
/// stdio needs across messages of one process: the requests running (for notifications/cancelled) and the
/// open subscriptions/listen requests.
class StatelessProtocol
{
public:
    /// Runs a method of the engine (tools/list, tools/call, …) for a request; throws JsonRpcError.
    using Dispatcher = std::function<QJsonObject(const QString& method, const QJsonObject& params, RequestContext&)>;

    /// What params._meta of a modern request says.
    struct Envelope
    {
        QString protocolVersion;
        QJsonObject clientCapabilities;
        QJsonObject clientInfo;      ///< optional in the request; empty when absent
        std::optional<int> logLevel; ///< McpSession::LogLevel; none: no log messages for this request
        QJsonValue progressToken = QJsonValue::Undefined;
    };

    static const QString ProtocolVersionKey;    ///< io.modelcontextprotocol/protocolVersion
    static const QString ClientCapabilitiesKey; ///< io.modelcontextprotocol/clientCapabilities
    static const QString ClientInfoKey;         ///< io.modelcontextprotocol/clientInfo
    static const QString LogLevelKey;           ///< io.modelcontextprotocol/logLevel
    static const QString ServerInfoKey;         ///< io.modelcontextprotocol/serverInfo
    static const QString SubscriptionIdKey;     ///< io.modelcontextprotocol/subscriptionId

    enum ErrorCode {
        HeaderMismatch = -32020,
        MissingRequiredClientCapability = -32021,
        UnsupportedProtocolVersion = -32022,
    };

    /// Versions served statelessly, newest first (server/discover's supportedVersions).
    static const QStringList& supportedVersions();
    /// True for versions of the stateless era (2026-07-28 or later; versions are dates, compared as text).
    static bool isStatelessVersion(const QString& version);
    /// True when `params` claims the stateless era: its _meta has the protocol version key (whatever its value).
    static bool claims(const QJsonObject& params);
    /// True when one message of a batch claims it (a batch has no place in the stateless era: -32600).
    static bool batchClaims(const QJsonArray& batch);
    /// The requests of the stateless era. Others (initialize, ping, logging/setLevel, resources/subscribe, …)
    /// are -32601 here, whatever the 2025 path does with them.
    static bool servesMethod(const QString& method);

    /// Reads params._meta. Throws -32602 for a malformed envelope (a required key missing or of the wrong type,
    /// an unknown log level) and -32022 {supported, requested} for a version not served.
    static Envelope readEnvelope(const QJsonObject& params);
    /// The -32022 error for `requested`.
    static JsonRpcError unsupportedVersion(const QString& requested);
    /// The -32601 error for a method this era does not serve (removed, or unknown).
    static JsonRpcError methodNotFound(const QString& method, const QString& version);

    /// The result of server/discover.
    static QJsonObject discover();
    /// `result` of `method` as the stateless era sends it: resultType "complete", serverInfo in _meta, and the
    /// caching hints on discover, the list methods and resources/read.
    static QJsonObject decorate(const QString& method, const QJsonObject& params, QJsonObject result);
    /// An error of the 2025 path as the stateless era sends it: resource not found is -32602 with data.uri
    /// (never -32002).
    static JsonRpcError translate(const JsonRpcError& error, const QJsonObject& params);

    /// subscriptions/listen: the subset of the requested notifications this server delivers.
    static QJsonObject honoredNotifications(const QJsonObject& params);
    /// The first message of a listen stream.
    static QJsonObject acknowledgement(const QJsonValue& subscriptionId, const QJsonObject& honored);
    /// What a listen with `honored` receives after the database was replaced (a sync): resources/list_changed
    /// and resources/updated for the subscribed database resources, each tagged with `subscriptionId`.
    static QList<QJsonObject> dataChangedNotifications(const QJsonValue& subscriptionId, const QJsonObject& honored);
    /// The response that ends a listen request gracefully (server shutdown, end of input).
    static QJsonObject listenEnded(const QJsonValue& subscriptionId);

    /// The serialized response to a modern tools/call whose result `cache` holds for the data on disk now (and
    /// that asks for no progress); empty otherwise (the request then goes to the engine). Touches no database,
    /// so an HTTP transport may call it on its event loop.
    static QByteArray quickAnswer(const QJsonObject& message, const AnswerCache& cache);

    /// A stored tools/call result as this era sends it: decorate() and serialize, by splicing bytes (the
    /// answer cache's hits need no parsing).
    static QByteArray decoratedToolResult(const QByteArray& stored);

    StatelessProtocol(Dispatcher dispatcher, RequestContext::Sink sink);
    ~StatelessProtocol();

    /// Serves one request that claims the stateless era (valid id, jsonrpc "2.0", method a string, params an
    /// object: the engine checked these). Returns its response, or nothing for a cancelled request and for an
    /// accepted subscriptions/listen (its acknowledgement goes to the sink; the response comes at its end).
    std::optional<QJsonObject> handle(const QJsonValue& id, const QString& method, const QJsonObject& params);
    /// notifications/cancelled: stops a running request or ends a listen (no response). False for unknown ids.
    bool cancel(const QJsonValue& id);
    /// Tells every open listen that the database was replaced. Returns how many listens there are.
    int dataChanged();
    bool hasListeners() const;
    /// Ends every open listen: returns their final responses (shutdown, end of input).
    QList<QJsonObject> endListens();

    /// Where stateless requests are tracked while they run (for cancellation). Over HTTP a request's transport
    /// passes its own, so closing the response stream can cancel it; by default the protocol has one.
    void setRequests(std::shared_ptr<McpSession> requests);

private:
    Dispatcher m_dispatcher;
    RequestContext::Sink m_sink;
    std::shared_ptr<McpSession> m_requests;
    mutable QMutex m_mutex;
    QHash<QString, std::pair<QJsonValue, QJsonObject>> m_listens; ///< JsonRpc::idKey → (id, honored)
};

} // namespace jcr::mcp
