#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace jcr::mcp {

/// Checks tool arguments against the tool's inputSchema before the handler runs, so every tool reports
/// wrong types the same way and names the field. Supports the subset our schemas use: type (one or a
/// list), properties, required, additionalProperties:false, enum, minimum/maximum, minLength/maxLength,
/// items, anyOf/oneOf.
class JsonSchemaValidator
{
public:
    struct Failure
    {
        QString field;   ///< "journal_name", "journal_list[2]"; empty for the arguments object itself
        QString message; ///< "journal_name: expected string, got number"
    };

    /// True when `value` conforms; otherwise fills `failure` with the first problem found.
    static bool validate(const QJsonObject& schema, const QJsonValue& value, Failure* failure);

    /// The JSON type name of a value as JSON Schema spells it ("integer" for whole numbers).
    static QString typeName(const QJsonValue& value);

private:
    static bool check(const QJsonObject& schema, const QJsonValue& value, const QString& path, Failure* failure);
    static bool fail(const QString& path, const QString& message, Failure* failure);
};

} // namespace jcr::mcp
