#include "datamirrors.h"

#include <QRegularExpression>
#include <QUrl>

namespace jcr {

QStringList DataMirrors::defaultTemplates()
{
    return {QStringLiteral("https://cdn.jsdelivr.net/gh/{owner}/{repo}@{branch}/{file_path}")};
}

QStringList DataMirrors::configuredTemplates()
{
    const QString configured = qEnvironmentVariable("JCR_MCP_DATA_MIRRORS").trimmed();
    if (configured.isEmpty())
        return defaultTemplates();
    if (configured.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return {};
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return configured.split(separators, Qt::SkipEmptyParts);
}

QString DataMirrors::expand(const QString& urlTemplate, const QString& baseUrl)
{
    const QUrl url(baseUrl, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return QString();
    // The path as it was written (percent-encoded), so that it goes out again unchanged.
    const QString path = url.path(QUrl::FullyEncoded).mid(1);
    QString result = urlTemplate;
    result.replace(QLatin1String("{url}"), baseUrl);
    result.replace(QLatin1String("{path}"), path);
    if (url.host() == QLatin1String("raw.githubusercontent.com")) {
        const QStringList parts = path.split(QLatin1Char('/'));
        if (parts.size() >= 3) {
            result.replace(QLatin1String("{owner}"), parts.at(0));
            result.replace(QLatin1String("{repo}"), parts.at(1));
            result.replace(QLatin1String("{branch}"), parts.at(2));
            result.replace(QLatin1String("{file_path}"), parts.mid(3).join(QLatin1Char('/')));
        }
    }
    static const QRegularExpression unfilled(QStringLiteral("\\{(url|path|owner|repo|branch|file_path)\\}"));
    return result.contains(unfilled) ? QString() : result;
}

QStringList DataMirrors::candidates(const QString& baseUrl, const QStringList& templates)
{
    QStringList urls{baseUrl};
    for (const QString& urlTemplate : templates) {
        const QString mirror = expand(urlTemplate, baseUrl);
        if (!mirror.isEmpty() && !urls.contains(mirror))
            urls << mirror;
    }
    return urls;
}

} // namespace jcr
