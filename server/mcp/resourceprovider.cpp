#include "resourceprovider.h"

#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "journaltools.h"
#include "jsonrpc.h"

#include <QJsonDocument>
#include <QUrl>

namespace jcr::mcp {

const QString ResourceProvider::JournalTemplate = QStringLiteral("jcr://journal/{name_or_issn}");

namespace {

const QString databaseInfoUri = QStringLiteral("jcr://database-info");
const QString healthUri = QStringLiteral("jcr://health");
const QString journalPrefix = QStringLiteral("jcr://journal/");
const QString jsonMime = QStringLiteral("application/json");

QJsonObject entry(const QString& uri,
                  const QString& name,
                  const QString& title,
                  const QString& description,
                  const QString& protocolVersion,
                  const QString& uriKey = QStringLiteral("uri"))
{
    QJsonObject object{{uriKey, uri},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("mimeType"), jsonMime}};
    if (protocolVersion >= QLatin1String("2025-06-18"))
        object.insert(QStringLiteral("title"), title);
    return object;
}

QJsonObject jsonContents(const QString& uri, const QJsonObject& body)
{
    return QJsonObject{{QStringLiteral("contents"),
                        QJsonArray{QJsonObject{{QStringLiteral("uri"), uri},
                                               {QStringLiteral("mimeType"), jsonMime},
                                               {QStringLiteral("text"), QString::fromUtf8(QJsonDocument(body).toJson(
                                                                            QJsonDocument::Indented))}}}}};
}

JsonRpcError notFound(const QString& uri, const QString& why, const QJsonObject& extra = {})
{
    QJsonObject data = extra;
    data.insert(QStringLiteral("uri"), uri);
    return JsonRpcError{JsonRpc::ResourceNotFound, why, data};
}

} // namespace

ResourceProvider::ResourceProvider(JournalBackend& backend) : m_backend(backend)
{
}

QJsonArray ResourceProvider::resources(const QString& protocolVersion) const
{
    return QJsonArray{
        entry(databaseInfoUri, QStringLiteral("database-info"), QStringLiteral("Database info 数据库信息"),
              QStringLiteral("What the journal database holds: source files, years of each table, row counts, "
                             "build time and data source."),
              protocolVersion),
        entry(healthUri, QStringLiteral("health"), QStringLiteral("Health 健康状态"),
              QStringLiteral("Whether the database is present and readable, how old its data is, and what to do "
                             "(run `jcr-mcp-server sync`) when it is not."),
              protocolVersion),
    };
}

QJsonArray ResourceProvider::templates(const QString& protocolVersion) const
{
    return QJsonArray{entry(JournalTemplate, QStringLiteral("journal"), QStringLiteral("Journal profile 期刊档案"),
                            QStringLiteral("Every fact about one journal (JCR, CAS, warning list, CCF) by title, "
                                           "abbreviation or ISSN, e.g. jcr://journal/0028-0836"),
                            protocolVersion, QStringLiteral("uriTemplate"))};
}

QJsonObject ResourceProvider::read(const QString& uri) const
{
    if (uri == healthUri)
        return jsonContents(uri, m_backend.health().toJson());
    if (uri == databaseInfoUri) {
        QString error;
        const JournalRepository* repository = m_backend.repository(&error);
        if (!repository)
            return jsonContents(uri, QJsonObject{{QStringLiteral("available"), false},
                                                 {QStringLiteral("path"), m_backend.databasePath()},
                                                 {QStringLiteral("message"), error}});
        const DatabaseInfo info = repository->databaseInfo(&error);
        if (!error.isEmpty())
            throw JsonRpcError{JsonRpc::InternalError, error, QJsonValue::Undefined};
        QJsonObject body = info.toJson();
        body.insert(QStringLiteral("available"), true);
        return jsonContents(uri, body);
    }
    if (uri.startsWith(journalPrefix)) {
        const QString name = QUrl::fromPercentEncoding(uri.mid(journalPrefix.size()).toUtf8()).simplified();
        if (name.isEmpty() || name.size() > JournalRepository::MaxQueryLength)
            throw notFound(uri,
                           QStringLiteral("Resource not found: give a journal title or ISSN after jcr://journal/"));
        QString error;
        const JournalRepository* repository = m_backend.repository(&error);
        if (!repository)
            throw JsonRpcError{JsonRpc::InternalError, error, QJsonObject{{QStringLiteral("uri"), uri}}};
        QStringList suggestions;
        const auto match = JournalTools::resolve(*repository, name, &suggestions, &error);
        const auto profile = match ? repository->profile(match->journal.id, &error) : std::nullopt;
        if (!profile) {
            if (!error.isEmpty())
                throw JsonRpcError{JsonRpc::InternalError, error, QJsonObject{{QStringLiteral("uri"), uri}}};
            throw notFound(uri, JournalTools::notFoundText(name, suggestions),
                           QJsonObject{{QStringLiteral("suggestions"), QJsonArray::fromStringList(suggestions)}});
        }
        QJsonObject result = jsonContents(uri, profile->toJson());
        QJsonArray contents = result.value(QStringLiteral("contents")).toArray();
        contents.append(QJsonObject{{QStringLiteral("uri"), uri},
                                    {QStringLiteral("mimeType"), QStringLiteral("text/plain")},
                                    {QStringLiteral("text"), JournalTextFormatter::profile(*profile)}});
        result.insert(QStringLiteral("contents"), contents);
        return result;
    }
    throw notFound(uri, QStringLiteral("Resource not found: %1").arg(uri));
}

QStringList ResourceProvider::complete(const QString& uriTemplate, const QString& argument, const QString& value) const
{
    if (uriTemplate != JournalTemplate || argument != QLatin1String("name_or_issn"))
        return {};
    const JournalRepository* repository = m_backend.repository();
    return repository ? JournalTools::uniqueNames(repository->completeNames(value.simplified(), 100)) : QStringList();
}

} // namespace jcr::mcp
