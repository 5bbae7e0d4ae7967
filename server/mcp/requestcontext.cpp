#include "requestcontext.h"

#include "jsonrpc.h"
#include "mcpsession.h"

namespace jcr::mcp {

RequestContext::RequestContext(const McpSession& session,
                               const QJsonValue& id,
                               const QJsonValue& progressToken,
                               Sink sink)
    : m_session(session), m_id(id), m_progressToken(progressToken), m_sink(std::move(sink))
{
    if (!m_progressToken.isString() && !m_progressToken.isDouble())
        m_progressToken = QJsonValue::Undefined;
}

void RequestContext::setStateless(const QString& protocolVersion, std::optional<int> logLevel)
{
    m_statelessVersion = protocolVersion;
    m_logLevel = logLevel;
}

QString RequestContext::protocolVersion() const
{
    return m_statelessVersion.isEmpty() ? m_session.protocolVersion() : m_statelessVersion;
}

bool RequestContext::atLeast(const QString& version) const
{
    return protocolVersion() >= version;
}

bool RequestContext::isCancelled() const
{
    return !m_id.isUndefined() && m_session.isCancelled(m_id);
}

void RequestContext::progress(double done, double total, const QString& message)
{
    if (!wantsProgress() || !m_sink || done <= m_lastProgress || isCancelled())
        return;
    m_lastProgress = done;
    QJsonObject params{{QStringLiteral("progressToken"), m_progressToken}, {QStringLiteral("progress"), done}};
    if (total > 0)
        params.insert(QStringLiteral("total"), total);
    if (!message.isEmpty() && atLeast(QStringLiteral("2025-03-26")))
        params.insert(QStringLiteral("message"), message);
    m_sink(JsonRpc::notification(QStringLiteral("notifications/progress"), params));
}

void RequestContext::log(const QString& level, const QJsonValue& data, const QString& logger)
{
    McpSession::LogLevel parsed;
    if (!m_sink || !McpSession::parseLogLevel(level, &parsed))
        return;
    // A stateless request logs only at the level it asked for, and not at all without one.
    const bool below =
        m_statelessVersion.isEmpty() ? parsed < m_session.logLevel() : !m_logLevel || int(parsed) < *m_logLevel;
    if (below)
        return;
    m_sink(
        JsonRpc::notification(QStringLiteral("notifications/message"), QJsonObject{{QStringLiteral("level"), level},
                                                                                   {QStringLiteral("logger"), logger},
                                                                                   {QStringLiteral("data"), data}}));
}

} // namespace jcr::mcp
