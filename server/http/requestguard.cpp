#include "requestguard.h"

#include <QLoggingCategory>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace jcr::http {

bool RequestGuard::isLoopbackName(const QByteArray& host)
{
    const QByteArray lower = host.toLower();
    return lower == "localhost" || lower == "127.0.0.1" || lower == "[::1]" || lower == "::1";
}

std::optional<RequestGuard::Refusal> RequestGuard::admit(const RequestFramer::Head& head) const
{
    const QByteArray host = head.field("host");
    const QByteArray origin = head.field("origin");
    if (!hostAllowed(host) || !originAllowed(origin)) {
        qCInfo(lcHttp) << "refused Host" << host << "Origin" << origin;
        return Refusal{403, -32600, QStringLiteral("Forbidden: Host or Origin not allowed"), {}};
    }
    if (tokenRequired() && head.method != "OPTIONS" && head.path() != "/health" &&
        !tokenAccepted(head.field("authorization")))
        return Refusal{401, -32001, QStringLiteral("Unauthorized: a bearer token is required"),
                       corsHeaders(origin) +
                           QList<QPair<QByteArray, QByteArray>>{{"WWW-Authenticate", "Bearer realm=\"jcr-mcp\""}}};
    return std::nullopt;
}

bool RequestGuard::hostAllowed(const QByteArray& host) const
{
    if (!m_settings.bindsToLoopback())
        return true;
    if (host.isEmpty())
        return false;
    // Strip the port: "localhost:8080" → "localhost", "[::1]:8080" → "[::1]".
    QByteArray name = host.trimmed();
    if (name.startsWith('['))
        name.truncate(name.indexOf(']') + 1);
    else if (name.count(':') == 1)
        name.truncate(name.indexOf(':'));
    return isLoopbackName(name);
}

bool RequestGuard::originAllowed(const QByteArray& origin) const
{
    if (origin.isEmpty())
        return true;
    if (origin.trimmed().toLower() == "null")
        return false;
    if (m_settings.anyOrigin)
        return true;
    const QUrl url(QString::fromLatin1(origin.trimmed()), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return false;
    if (isLoopbackName(url.host().toLatin1()))
        return true;
    return m_settings.allowedOrigins.contains(QString::fromLatin1(origin.trimmed()).toLower());
}

bool RequestGuard::tokenAccepted(const QByteArray& authorization) const
{
    if (m_settings.token.isEmpty())
        return true;
    const QByteArray prefix = "bearer ";
    if (authorization.size() <= prefix.size() || authorization.left(prefix.size()).toLower() != prefix)
        return false;
    const QByteArray given = authorization.mid(prefix.size()).trimmed();
    const QByteArray& expected = m_settings.token;
    // Constant time in the token's length: every byte is compared whatever the first difference.
    unsigned char difference = given.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected.at(i) ^ (i < given.size() ? given.at(i) : 0));
    return difference == 0;
}

QList<QPair<QByteArray, QByteArray>> RequestGuard::corsHeaders(const QByteArray& origin)
{
    if (origin.isEmpty())
        return {};
    return {{"Access-Control-Allow-Origin", origin},
            {"Vary", "Origin"},
            {"Access-Control-Expose-Headers", "Mcp-Session-Id, MCP-Protocol-Version"}};
}

bool RequestGuard::accepts(const QByteArray& accept, const QByteArray& type)
{
    const QByteArray wanted = type.toLower();
    const QByteArray family = wanted.left(wanted.indexOf('/')) + "/*";
    for (const QByteArray& entry : accept.split(',')) {
        const QList<QByteArray> parts = entry.split(';');
        const QByteArray media = parts.value(0).trimmed().toLower();
        if (media != wanted && media != family && media != "*/*")
            continue;
        bool rejected = false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed().toLower();
            if (parameter.startsWith("q=") && parameter.mid(2).toDouble() <= 0.0)
                rejected = true;
        }
        if (!rejected)
            return true;
    }
    return false;
}

bool RequestGuard::isJsonContentType(const QByteArray& contentType)
{
    return contentType.split(';').value(0).trimmed().toLower() == "application/json";
}

} // namespace jcr::http
