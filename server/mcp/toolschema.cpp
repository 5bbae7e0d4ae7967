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

QJsonObject journalProfileSchema(const QString& description)
{
    const QJsonObject citationAbbreviation = objectSchema(
        {{QStringLiteral("abbreviation"),
          prop(QStringLiteral("string"), QStringLiteral("The abbreviation as written in references"))},
         {QStringLiteral("kind"),
          QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                      {QStringLiteral("enum"),
                       QJsonArray{QStringLiteral("iso4"), QStringLiteral("medline"), QStringLiteral("other")}},
                      {QStringLiteral("description"),
                       QStringLiteral("iso4 (ISO 4, e.g. \"Nat. Commun.\"), medline (NLM, e.g. \"Nat Commun\") "
                                      "or other (other JabRef lists)")}}}},
        {QStringLiteral("abbreviation"), QStringLiteral("kind")});
    QJsonObject schema = objectSchema(
        {{QStringLiteral("id"), prop(QStringLiteral("integer"), QStringLiteral("The journal's id in this database"))},
         {QStringLiteral("title"), prop(QStringLiteral("string"), QStringLiteral("The journal's title"))},
         {QStringLiteral("abbreviations"),
          arrayOf(prop(QStringLiteral("string"), QStringLiteral("A short name")),
                  QStringLiteral("Short names from the CCF and XR lists, e.g. \"TPAMI\""))},
         {QStringLiteral("citationAbbreviations"),
          arrayOf(citationAbbreviation,
                  QStringLiteral("Citation abbreviations from the JabRef lists, each once: ISO 4 first, then "
                                 "MEDLINE, then other lists; empty when the database has no abbreviation lists"))}},
        {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("citationAbbreviations")});
    schema.insert(QStringLiteral("description"), description);
    return schema;
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
