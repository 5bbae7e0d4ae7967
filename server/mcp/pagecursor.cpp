#include "pagecursor.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace jcr::mcp {

namespace {
constexpr auto base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QString PageCursor::encode(const QString& list, int offset)
{
    const QJsonObject payload{{QStringLiteral("l"), list}, {QStringLiteral("o"), offset}};
    return QString::fromLatin1(QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(base64Options));
}

bool PageCursor::decode(const QString& cursor, const QString& list, int* offset)
{
    if (cursor.isEmpty() || cursor.size() > 256)
        return false;
    const auto decoded =
        QByteArray::fromBase64Encoding(cursor.toLatin1(), base64Options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded);
    const QJsonObject payload = document.object();
    const QJsonValue value = payload.value(QStringLiteral("o"));
    if (payload.value(QStringLiteral("l")).toString() != list || !value.isDouble())
        return false;
    const double number = value.toDouble();
    if (number < 0 || number > 1e7 || number != double(int(number)))
        return false;
    *offset = int(number);
    return true;
}

} // namespace jcr::mcp
