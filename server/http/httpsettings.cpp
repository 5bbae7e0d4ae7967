#include "httpsettings.h"

#include "sessiontoken.h"

#include <QThread>

namespace jcr::http {

namespace {

bool readNumber(const char* variable, qint64 minimum, qint64 maximum, qint64* value, QString* error)
{
    const QByteArray text = qgetenv(variable).trimmed();
    if (text.isEmpty())
        return true;
    bool ok = false;
    const qint64 parsed = text.toLongLong(&ok);
    if (!ok || parsed < minimum || parsed > maximum) {
        *error = QStringLiteral("%1 is \"%2\"; it must be a whole number from %3 to %4")
                     .arg(QString::fromLatin1(variable), QString::fromUtf8(text.left(40)))
                     .arg(minimum)
                     .arg(maximum);
        return false;
    }
    *value = parsed;
    return true;
}

bool readPositive(const char* variable, qint64 maximum, qint64* value, QString* error)
{
    return readNumber(variable, 1, maximum, value, error);
}

} // namespace

QHostAddress HttpSettings::address() const
{
    return host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
}

bool HttpSettings::bindsToLoopback() const
{
    return address().isLoopback();
}

bool HttpSettings::readEnvironment(QString* error)
{
    token = qgetenv("JCR_MCP_TOKEN").trimmed();
    // Opting out of authentication must be unmistakable: a value that is neither yes nor no is refused.
    const QByteArray allow = qgetenv("JCR_MCP_ALLOW_UNAUTHENTICATED").trimmed().toLower();
    if (allow == "1" || allow == "true" || allow == "yes") {
        allowUnauthenticated = true;
    } else if (!allow.isEmpty() && allow != "0" && allow != "false" && allow != "no") {
        *error = QStringLiteral("JCR_MCP_ALLOW_UNAUTHENTICATED is \"%1\"; it must be 1 (listen without a token "
                                "behind an authenticating proxy) or 0")
                     .arg(QString::fromUtf8(allow.left(40)));
        return false;
    }
    const QString origins = qEnvironmentVariable("JCR_MCP_ALLOWED_ORIGINS");
    for (const QString& origin : origins.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (origin.trimmed() == QLatin1String("*"))
            anyOrigin = true;
        else
            allowedOrigins << origin.trimmed().toLower();
    }
    sessionSecret = qgetenv("JCR_MCP_SESSION_SECRET").trimmed();
    if (!sessionSecret.isEmpty() && sessionSecret.size() < SessionToken::MinimumSecretLength) {
        *error = QStringLiteral("JCR_MCP_SESSION_SECRET is too short (%1 characters); use at least %2 random "
                                "characters, e.g. from `openssl rand -hex 32`")
                     .arg(sessionSecret.size())
                     .arg(SessionToken::MinimumSecretLength);
        return false;
    }
    workers = std::max(2, QThread::idealThreadCount());
    qint64 body = maxBodyBytes, sessions = maxSessions, idle = sessionIdleSeconds, threads = workers;
    if (!readPositive("JCR_MCP_MAX_BODY_BYTES", qint64(1) << 30, &body, error) ||
        !readPositive("JCR_MCP_MAX_SESSIONS", 1000000, &sessions, error) ||
        !readPositive("JCR_MCP_SESSION_IDLE_SECONDS", 7 * 24 * 3600, &idle, error) ||
        !readPositive("JCR_MCP_SESSION_MAX_AGE_SECONDS", 365 * 24 * 3600, &sessionMaxAgeSeconds, error) ||
        !readPositive("JCR_MCP_WORKERS", 256, &threads, error))
        return false;
    if (!readConnectionLimits(error))
        return false;
    qint64 perClient = maxSessionsPerClient, initSeconds = sessionInitSeconds, batch = maxBatchSize;
    if (!readNumber("JCR_MCP_MAX_SESSIONS_PER_CLIENT", 0, 1000000, &perClient, error) ||
        !readPositive("JCR_MCP_SESSION_INIT_SECONDS", 24 * 3600, &initSeconds, error) ||
        !readPositive("JCR_MCP_MAX_BATCH_SIZE", 100000, &batch, error))
        return false;
    maxSessionsPerClient = int(perClient);
    sessionInitSeconds = int(initSeconds);
    maxBatchSize = int(batch);
    qint64 cacheMegabytes = answerCacheBytes / (1024 * 1024);
    if (!readNumber("JCR_MCP_ANSWER_CACHE_MB", 0, 64 * 1024, &cacheMegabytes, error))
        return false;
    answerCacheBytes = cacheMegabytes * 1024 * 1024;
    maxBodyBytes = body;
    maxSessions = int(sessions);
    sessionIdleSeconds = int(idle);
    workers = int(threads);
    return true;
}

bool HttpSettings::readConnectionLimits(QString* error)
{
    qint64 headerBytes = maxHeaderBytes, bodySeconds = bodyTimeoutSeconds, headerSeconds = headerTimeoutSeconds,
           connections = maxConnections;
    if (!readNumber("JCR_MCP_MAX_HEADER_BYTES", 1024, 1024 * 1024, &headerBytes, error) ||
        !readPositive("JCR_MCP_HEADER_TIMEOUT_SECONDS", 3600, &headerSeconds, error) ||
        !readPositive("JCR_MCP_BODY_TIMEOUT_SECONDS", 3600, &bodySeconds, error) ||
        !readPositive("JCR_MCP_MAX_CONNECTIONS", 1000000, &connections, error))
        return false;
    maxHeaderBytes = headerBytes;
    headerTimeoutSeconds = int(headerSeconds);
    bodyTimeoutSeconds = int(bodySeconds);
    maxConnections = int(connections);
    return true;
}

} // namespace jcr::http
