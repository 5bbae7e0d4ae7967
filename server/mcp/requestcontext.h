#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>

namespace jcr::mcp {

class McpSession;

/// What a handler knows about the request it serves: the negotiated version, whether the client has
/// cancelled it, and how to report progress and log to the client. Handlers never see the transport.
class RequestContext
{
public:
    using Sink = std::function<void(const QJsonObject& notification)>;

    RequestContext(const McpSession& session, const QJsonValue& id, const QJsonValue& progressToken, Sink sink);

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
};

} // namespace jcr::mcp
