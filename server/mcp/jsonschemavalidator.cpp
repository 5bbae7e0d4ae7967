#include "jsonschemavalidator.h"

#include <QJsonArray>
#include <QStringList>

#include <cmath>
#include <optional>

namespace jcr::mcp {

namespace {

bool isInteger(const QJsonValue& value)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return std::isfinite(number) && std::floor(number) == number;
}

bool hasType(const QJsonValue& value, const QString& type)
{
    if (type == QLatin1String("integer"))
        return isInteger(value);
    if (type == QLatin1String("number"))
        return value.isDouble();
    return JsonSchemaValidator::typeName(value) == type;
}

} // namespace

QString JsonSchemaValidator::typeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return isInteger(value) ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

bool JsonSchemaValidator::validate(const QJsonObject& schema, const QJsonValue& value, Failure* failure)
{
    return check(schema, value, QString(), failure);
}

bool JsonSchemaValidator::fail(const QString& path, const QString& message, Failure* failure)
{
    if (failure) {
        failure->field = path;
        failure->message = path.isEmpty() ? message : path + QStringLiteral(": ") + message;
    }
    return false;
}

bool JsonSchemaValidator::check(const QJsonObject& schema,
                                const QJsonValue& value,
                                const QString& path,
                                Failure* failure)
{
    const QJsonValue type = schema.value(QStringLiteral("type"));
    if (type.isString() || type.isArray()) {
        QStringList types;
        if (type.isString())
            types << type.toString();
        for (const QJsonValue& entry : type.toArray())
            types << entry.toString();
        bool matched = false;
        for (const QString& candidate : std::as_const(types))
            matched = matched || hasType(value, candidate);
        if (!matched)
            return fail(path,
                        QStringLiteral("expected %1, got %2").arg(types.join(QStringLiteral(" or ")), typeName(value)),
                        failure);
    }

    for (const QString& key : {QStringLiteral("anyOf"), QStringLiteral("oneOf")}) {
        const QJsonArray alternatives = schema.value(key).toArray();
        if (alternatives.isEmpty())
            continue;
        bool matched = false;
        std::optional<Failure> sameType; ///< why the alternative of the value's own type refused it
        for (const QJsonValue& alternative : alternatives) {
            Failure attempt;
            if (check(alternative.toObject(), value, path, &attempt)) {
                matched = true;
                break;
            }
            const QJsonValue alternativeType = alternative.toObject().value(QStringLiteral("type"));
            if (!sameType && alternativeType.isString() && hasType(value, alternativeType.toString()))
                sameType = attempt;
        }
        if (!matched && sameType) {
            // The value has a right type but breaks a rule of that alternative (maxItems, minLength, …):
            // say that rule, not "expected string or array, got array".
            if (failure)
                *failure = *sameType;
            return false;
        }
        if (!matched) {
            QStringList types;
            for (const QJsonValue& alternative : alternatives)
                types << alternative.toObject().value(QStringLiteral("type")).toString();
            return fail(path,
                        QStringLiteral("expected %1, got %2").arg(types.join(QStringLiteral(" or ")), typeName(value)),
                        failure);
        }
    }

    const QJsonArray allowed = schema.value(QStringLiteral("enum")).toArray();
    if (!allowed.isEmpty() && !allowed.contains(value)) {
        QStringList names;
        for (const QJsonValue& entry : allowed)
            names << (entry.isString() ? entry.toString() : QString::number(entry.toDouble()));
        return fail(path, QStringLiteral("must be one of %1").arg(names.join(QStringLiteral(", "))), failure);
    }

    if (value.isDouble()) {
        const double number = value.toDouble();
        if (schema.contains(QStringLiteral("minimum")) && number < schema.value(QStringLiteral("minimum")).toDouble())
            return fail(path,
                        QStringLiteral("must be at least %1").arg(schema.value(QStringLiteral("minimum")).toDouble()),
                        failure);
        if (schema.contains(QStringLiteral("maximum")) && number > schema.value(QStringLiteral("maximum")).toDouble())
            return fail(path,
                        QStringLiteral("must be at most %1").arg(schema.value(QStringLiteral("maximum")).toDouble()),
                        failure);
    }

    if (value.isString()) {
        const int length = int(value.toString().size());
        if (schema.contains(QStringLiteral("minLength")) && length < schema.value(QStringLiteral("minLength")).toInt())
            return fail(path, QStringLiteral("must not be empty"), failure);
        if (schema.contains(QStringLiteral("maxLength")) && length > schema.value(QStringLiteral("maxLength")).toInt())
            return fail(
                path,
                QStringLiteral("is longer than %1 characters").arg(schema.value(QStringLiteral("maxLength")).toInt()),
                failure);
    }

    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(QStringLiteral("minItems")) &&
            array.size() < schema.value(QStringLiteral("minItems")).toInt())
            return fail(
                path, QStringLiteral("needs at least %1 item(s)").arg(schema.value(QStringLiteral("minItems")).toInt()),
                failure);
        if (schema.contains(QStringLiteral("maxItems")) &&
            array.size() > schema.value(QStringLiteral("maxItems")).toInt())
            return fail(path,
                        QStringLiteral("has more than %1 items").arg(schema.value(QStringLiteral("maxItems")).toInt()),
                        failure);
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        if (!items.isEmpty()) {
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!check(items, array.at(i), QStringLiteral("%1[%2]").arg(path).arg(i), failure))
                    return false;
            }
        }
    }

    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (const QJsonValue& required : schema.value(QStringLiteral("required")).toArray()) {
            if (!object.contains(required.toString())) {
                const QString field =
                    path.isEmpty() ? required.toString() : path + QLatin1Char('.') + required.toString();
                return fail(field, QStringLiteral("is required"), failure);
            }
        }
        const bool closed = schema.value(QStringLiteral("additionalProperties")) == QJsonValue(false);
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString field = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
            if (properties.contains(it.key())) {
                if (!check(properties.value(it.key()).toObject(), it.value(), field, failure))
                    return false;
            } else if (closed) {
                return fail(field,
                            QStringLiteral("is not a known argument (known: %1)")
                                .arg(properties.keys().join(QStringLiteral(", "))),
                            failure);
            }
        }
    }
    return true;
}

} // namespace jcr::mcp
