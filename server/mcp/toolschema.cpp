#include "toolschema.h"

namespace jcr::mcp::toolschema {

QJsonObject prop(const QString& type, const QString& description)
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("description"), description}};
}

QJsonObject objectSchema(const QJsonObject& properties, const QStringList& required)
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return schema;
}

QJsonObject arrayOf(const QJsonObject& items, const QString& description)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                       {QStringLiteral("items"), items},
                       {QStringLiteral("description"), description}};
}

QJsonObject anyObject(const QString& description)
{
    return prop(QStringLiteral("object"), description);
}

QJsonObject journalNameArgument(const QString& description)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("minLength"), 1}};
}

QJsonObject suggestionsProperty(const QString& description, const QString& itemDescription)
{
    return arrayOf(prop(QStringLiteral("string"), itemDescription), description);
}

QJsonObject foundProperty()
{
    return prop(QStringLiteral("boolean"), QStringLiteral("Whether the journal was found"));
}

QJsonObject readOnlyAnnotations(const QString& title)
{
    return QJsonObject{{QStringLiteral("title"), title},
                       {QStringLiteral("readOnlyHint"), true},
                       {QStringLiteral("destructiveHint"), false},
                       {QStringLiteral("idempotentHint"), true},
                       {QStringLiteral("openWorldHint"), false}};
}

QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace jcr::mcp::toolschema
