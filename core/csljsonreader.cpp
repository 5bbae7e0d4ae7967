#include "csljsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace jcr {

namespace {

/// A CSL value that should be a string but is sometimes an array of strings or a number.
QString textOf(const QJsonValue& value)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return array.isEmpty() ? QString() : textOf(array.first());
    }
    if (value.isDouble())
        return QString::number(value.toDouble());
    return value.toString().simplified();
}

ReferenceEntry entryOf(const QJsonObject& item, int index)
{
    ReferenceEntry entry;
    entry.format = QStringLiteral("csl-json");
    entry.key = textOf(item.value(QStringLiteral("id")));
    if (entry.key.isEmpty())
        entry.key = QStringLiteral("item %1").arg(index + 1);
    entry.type = textOf(item.value(QStringLiteral("type")));
    for (const char* field : {"container-title", "container-title-short", "journalAbbreviation"}) {
        entry.venue = textOf(item.value(QLatin1String(field)));
        if (!entry.venue.isEmpty())
            break;
    }
    entry.issn = textOf(item.value(QStringLiteral("ISSN")));
    entry.url = textOf(item.value(QStringLiteral("URL")));
    if (entry.url.isEmpty())
        entry.url = textOf(item.value(QStringLiteral("DOI")));
    for (const char* field : {"publisher", "archive", "source", "number"})
        entry.eprint += textOf(item.value(QLatin1String(field))) + QLatin1Char(' ');
    entry.eprint = entry.eprint.simplified();
    return entry;
}

} // namespace

CslJsonReader::Result CslJsonReader::read(const QString& text, int maxEntries)
{
    Result result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = QStringLiteral("The text looks like CSL-JSON but is not valid JSON: %1 at character %2.")
                           .arg(parseError.errorString())
                           .arg(parseError.offset);
        return result;
    }
    QJsonArray items;
    if (document.isArray())
        items = document.array();
    else
        items.append(document.object());
    for (int i = 0; i < items.size() && result.entries.size() <= maxEntries; ++i) {
        if (!items.at(i).isObject()) {
            result.error = QStringLiteral("CSL-JSON item %1 is not an object.").arg(i + 1);
            result.entries.clear();
            return result;
        }
        result.entries << entryOf(items.at(i).toObject(), i);
    }
    return result;
}

} // namespace jcr
