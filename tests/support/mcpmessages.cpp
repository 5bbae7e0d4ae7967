#include "mcpmessages.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace jcr::test {

QByteArray McpMessages::compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray McpMessages::initialize(int id, const QString& version)
{
    const QJsonObject client{{QStringLiteral("name"), QCoreApplication::applicationName()},
                             {QStringLiteral("version"), QStringLiteral("1")}};
    return compact(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                               {QStringLiteral("id"), id},
                               {QStringLiteral("method"), QStringLiteral("initialize")},
                               {QStringLiteral("params"), QJsonObject{{QStringLiteral("protocolVersion"), version},
                                                                      {QStringLiteral("capabilities"), QJsonObject()},
                                                                      {QStringLiteral("clientInfo"), client}}}});
}

QByteArray McpMessages::toolCall(int id, const QString& tool, const QJsonObject& arguments, const QJsonValue& progress)
{
    QJsonObject params{{QStringLiteral("name"), tool}, {QStringLiteral("arguments"), arguments}};
    if (!progress.isUndefined() && !progress.isNull())
        params.insert(QStringLiteral("_meta"), QJsonObject{{QStringLiteral("progressToken"), progress}});
    return compact(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                               {QStringLiteral("id"), id},
                               {QStringLiteral("method"), QStringLiteral("tools/call")},
                               {QStringLiteral("params"), params}});
}

} // namespace jcr::test
