#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace jcr::test {

/// JSON-RPC bodies of MCP requests for black-box tests that speak raw HTTP (compact JSON, as clients send).
class McpMessages
{
public:
    static QByteArray compact(const QJsonObject& object);
    /// initialize with `version`; the client is named after the test program.
    static QByteArray initialize(int id, const QString& version);
    /// tools/call of `tool`; a `progress` token asks for progress notifications.
    static QByteArray
    toolCall(int id, const QString& tool, const QJsonObject& arguments, const QJsonValue& progress = {});
    static QByteArray initialized() { return R"({"jsonrpc":"2.0","method":"notifications/initialized"})"; }
};

} // namespace jcr::test
