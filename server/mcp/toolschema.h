#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

/// JSON Schema pieces shared by the tools' input and output schemas. Free functions, not a class: they hold
/// no state and read best unqualified in the tool definitions (`using namespace toolschema;`).
namespace jcr::mcp::toolschema {

QJsonObject prop(const QString& type, const QString& description);
QJsonObject objectSchema(const QJsonObject& properties, const QStringList& required = {});
QJsonObject arrayOf(const QJsonObject& items, const QString& description);
QJsonObject anyObject(const QString& description);
/// The string argument that names one journal.
QJsonObject journalNameArgument(const QString& description);
/// The "did you mean" titles of an answer that found nothing.
QJsonObject suggestionsProperty(const QString& description = QStringLiteral("Did you mean"),
                                const QString& itemDescription = QStringLiteral("A journal title"));
QJsonObject foundProperty();
/// A journal profile (JournalProfile::toJson): the fields a client can rely on are described, the rest is open.
QJsonObject journalProfileSchema(const QString& description);
/// Every journal tool only reads: the annotations that say so (readOnly, idempotent, closed world).
QJsonObject readOnlyAnnotations(const QString& title);
QJsonArray toArray(const QStringList& list);

} // namespace jcr::mcp::toolschema
