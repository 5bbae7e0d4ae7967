#include "mcpsession.h"

#include "jsonrpc.h"

#include <QMutexLocker>

#include <array>

namespace jcr::mcp {

namespace {
const std::array<QLatin1String, 8> logLevelNames = {
    QLatin1String("debug"), QLatin1String("info"),     QLatin1String("notice"), QLatin1String("warning"),
    QLatin1String("error"), QLatin1String("critical"), QLatin1String("alert"),  QLatin1String("emergency")};
}

void McpSession::setClient(const QJsonObject& info, const QJsonObject& capabilities)
{
    QMutexLocker lock(&m_mutex);
    m_clientInfo = info;
    m_clientCapabilities = capabilities;
}

bool McpSession::beginInitialization(const QString& version, const QJsonObject& info, const QJsonObject& capabilities)
{
    QMutexLocker lock(&m_mutex);
    if (m_state != State::New)
        return false;
    m_protocolVersion = version;
    m_clientInfo = info;
    m_clientCapabilities = capabilities;
    m_state = State::Initializing;
    return true;
}

bool McpSession::beginRequest(const QJsonValue& id)
{
    QMutexLocker lock(&m_mutex);
    const QString key = JsonRpc::idKey(id);
    if (m_inFlight.contains(key))
        return false;
    m_inFlight.insert(key, m_abandoned);
    return true;
}

bool McpSession::endRequest(const QJsonValue& id)
{
    QMutexLocker lock(&m_mutex);
    return m_inFlight.take(JsonRpc::idKey(id));
}

bool McpSession::cancel(const QJsonValue& id)
{
    if (!JsonRpc::isValidId(id))
        return false;
    QMutexLocker lock(&m_mutex);
    auto it = m_inFlight.find(JsonRpc::idKey(id));
    if (it == m_inFlight.end())
        return false;
    it.value() = true;
    return true;
}

bool McpSession::isCancelled(const QJsonValue& id) const
{
    QMutexLocker lock(&m_mutex);
    return m_inFlight.value(JsonRpc::idKey(id), false);
}

void McpSession::abandon()
{
    QMutexLocker lock(&m_mutex);
    m_abandoned = true;
    for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it)
        it.value() = true;
}

int McpSession::requestsInFlight() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_inFlight.size());
}

const QStringList& McpSession::supportedVersions()
{
    static const QStringList versions{QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"),
                                      QStringLiteral("2025-03-26"), QStringLiteral("2024-11-05")};
    return versions;
}

QString McpSession::latestVersion()
{
    return supportedVersions().constFirst();
}

QString McpSession::negotiate(const QString& requested)
{
    return supportedVersions().contains(requested) ? requested : latestVersion();
}

bool McpSession::parseLogLevel(const QString& name, LogLevel* level)
{
    for (size_t i = 0; i < logLevelNames.size(); ++i) {
        if (name == logLevelNames[i]) {
            *level = LogLevel(i);
            return true;
        }
    }
    return false;
}

QString McpSession::logLevelName(LogLevel level)
{
    return logLevelNames[size_t(level)];
}

} // namespace jcr::mcp
