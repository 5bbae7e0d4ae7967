#include "jsonrpc.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace jcr::mcp {

QJsonObject JsonRpcError::toJson() const
{
    QJsonObject object{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!data.isUndefined())
        object.insert(QStringLiteral("data"), data);
    return object;
}

QJsonObject JsonRpc::result(const QJsonValue& id, const QJsonObject& result)
{
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("result"), result}};
}

QJsonObject JsonRpc::error(const QJsonValue& id, const JsonRpcError& error)
{
    QJsonObject message{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("error"), error.toJson()}};
    if (!id.isUndefined() && !id.isNull())
        message.insert(QStringLiteral("id"), id);
    return message;
}

QJsonObject JsonRpc::error(const QJsonValue& id, int code, const QString& message, const QJsonValue& data)
{
    return error(id, JsonRpcError{code, message, data});
}

QJsonObject JsonRpc::notification(const QString& method, const QJsonObject& params)
{
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("method"), method},
                       {QStringLiteral("params"), params}};
}

bool JsonRpc::isValidId(const QJsonValue& id)
{
    if (id.isString())
        return true;
    // QJsonValue calls every JSON number "double" (integers are kept exactly inside): an id must be a whole one,
    // so 1.5 is refused like true or {} are.
    const double number = id.toDouble();
    return id.isDouble() && std::isfinite(number) && std::floor(number) == number;
}

QString JsonRpc::idKey(const QJsonValue& id)
{
    if (id.isString())
        return QLatin1Char('s') + id.toString();
    return QLatin1Char('n') + QString::fromUtf8(serialize(id));
}

QByteArray JsonRpc::serialize(const QJsonValue& message)
{
    if (message.isObject())
        return QJsonDocument(message.toObject()).toJson(QJsonDocument::Compact);
    if (message.isArray())
        return QJsonDocument(message.toArray()).toJson(QJsonDocument::Compact);
    // A scalar: wrap it in an array and strip the brackets, QJsonDocument only writes containers.
    QByteArray wrapped = QJsonDocument(QJsonArray{message}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace jcr::mcp
