#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace jcr::mcp {

/// A JSON-RPC error that a handler throws; McpEngine turns it into the error response of the request.
struct JsonRpcError
{
    int code = 0;
    QString message;
    QJsonValue data = QJsonValue::Undefined; ///< left out of the response when undefined

    QJsonObject toJson() const;
};

/// Building and checking JSON-RPC 2.0 messages. Stateless helpers shared by the engine and transports.
class JsonRpc
{
public:
    enum ErrorCode {
        ParseError = -32700,
        InvalidRequest = -32600,
        MethodNotFound = -32601,
        InvalidParams = -32602,
        InternalError = -32603,
        ResourceNotFound = -32002,
    };

    /// A response carrying `result`. `id` is echoed exactly as received (string, integer or other number).
    static QJsonObject result(const QJsonValue& id, const QJsonObject& result);
    /// An error response. When `id` is undefined (it could not be read) the `id` member is left out,
    /// never sent as null: the SDK client drops responses whose id is null.
    static QJsonObject error(const QJsonValue& id, const JsonRpcError& error);
    static QJsonObject
    error(const QJsonValue& id, int code, const QString& message, const QJsonValue& data = QJsonValue::Undefined);
    static QJsonObject notification(const QString& method, const QJsonObject& params);

    /// True for the id types MCP allows in a request: a string or an integer (JSON-RPC asks that numbers have no
    /// fraction; MCP allows only integers). Null, fractions, booleans, arrays and objects are refused (-32600).
    static bool isValidId(const QJsonValue& id);
    /// A key that tells ids apart by type and value ("1" and 1 differ), for maps of in-flight requests.
    static QString idKey(const QJsonValue& id);

    /// One compact line without the trailing newline (JSON escapes every newline inside strings).
    static QByteArray serialize(const QJsonValue& message);
};

} // namespace jcr::mcp
