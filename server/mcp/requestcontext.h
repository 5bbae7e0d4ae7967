#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>

namespace jcr::mcp {

class McpSession;

/// What a handler knows about the request it serves: the negotiated version, whether the client has
/// cancelled it, and how to report progress and log to the client. Handlers never see the transport.
class RequestContext
{
public:
    using Sink = std::function<void(const QJsonObject& notification)>;

    RequestContext(const McpSession& session, const QJsonValue& id, const QJsonValue& progressToken, Sink sink);

    /// A request of the stateless era (2026-07-28): its version and log level come from the request's own
    /// params._meta, not from `session`, which then only tracks cancellation. No level: no log messages.
    void setStateless(const QString& protocolVersion, std::optional<int> logLevel);

    QJsonValue id() const { return m_id; }
    QString protocolVersion() const;
    bool atLeast(const QString& version) const;

    /// True once notifications/cancelled arrived for this request; handlers stop early when they see it.
    bool isCancelled() const;

    bool wantsProgress() const { return !m_progressToken.isUndefined(); }
    /// Sends notifications/progress when the client gave a progressToken. Values that do not increase
    /// are dropped (the spec requires strictly increasing progress); `message` needs 2025-03-26.
    void progress(double done, double total, const QString& message = QString());

    /// Sends notifications/message when `level` is at or above the session's log level.
    void log(const QString& level, const QJsonValue& data, const QString& logger = QStringLiteral("jcr-mcp"));

private:
    const McpSession& m_session;
    QJsonValue m_id;
    QJsonValue m_progressToken;
    Sink m_sink;
    double m_lastProgress = -1;
    QString m_statelessVersion;    ///< empty: the session's negotiated version applies
    std::optional<int> m_logLevel; ///< stateless requests: McpSession::LogLevel from _meta, if any
};

} // namespace jcr::mcp
