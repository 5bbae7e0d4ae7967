#include "healthcheckcommand.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace jcr {

int HealthCheckCommand::run(const QString& url, int timeoutMs)
{
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("Accept", "application/json");
    const QByteArray token = qgetenv("JCR_MCP_TOKEN");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);

    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        m_err << "unhealthy: no answer from " << url << " (" << reply->errorString() << ")" << Qt::endl;
        return 1;
    }
    const QJsonObject health = QJsonDocument::fromJson(reply->readAll()).object();
    const QString state = health.value(QStringLiteral("status")).toString();
    if (status == 200 && state == QLatin1String("ok")) {
        m_out << "healthy: " << url << Qt::endl;
        return 0;
    }
    const QString reason = health.value(QStringLiteral("message")).toString();
    m_err << "unhealthy: " << url << " answered " << status;
    if (!state.isEmpty())
        m_err << " (" << state << ")";
    if (!reason.isEmpty())
        m_err << ": " << reason;
    // The server names its database only to a caller with the token (this command sends JCR_MCP_TOKEN).
    const QString path = health.value(QStringLiteral("path")).toString();
    if (!path.isEmpty())
        m_err << " (database " << path << ")";
    m_err << Qt::endl;
    return 1;
}

} // namespace jcr
