#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace jcr::mcp {

class JournalBackend;

/// The resources: jcr://database-info, jcr://health and the template jcr://journal/{name_or_issn}.
/// read() throws JsonRpcError (-32002 with data.uri) for an unknown URI or journal.
class ResourceProvider
{
public:
    explicit ResourceProvider(JournalBackend& backend);

    static const QString JournalTemplate; ///< "jcr://journal/{name_or_issn}"

    QJsonArray resources(const QString& protocolVersion) const;
    QJsonArray templates(const QString& protocolVersion) const;
    /// The result object of resources/read: {contents:[…]}.
    QJsonObject read(const QString& uri) const;
    /// Completion values for an argument of a resource template (empty for unknown templates).
    QStringList complete(const QString& uriTemplate, const QString& argument, const QString& value) const;

private:
    JournalBackend& m_backend;
};

} // namespace jcr::mcp
