#include "statelessprotocol.h"

#include "answercache.h"
#include "jsonschemavalidator.h"
#include "mcpengine.h"
#include "mcplogging.h"
#include "mcpsession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <exception>

namespace jcr::mcp {

const QString StatelessProtocol::ProtocolVersionKey = QStringLiteral("io.modelcontextprotocol/protocolVersion");
const QString StatelessProtocol::ClientCapabilitiesKey = QStringLiteral("io.modelcontextprotocol/clientCapabilities");
const QString StatelessProtocol::ClientInfoKey = QStringLiteral("io.modelcontextprotocol/clientInfo");
const QString StatelessProtocol::LogLevelKey = QStringLiteral("io.modelcontextprotocol/logLevel");
const QString StatelessProtocol::ServerInfoKey = QStringLiteral("io.modelcontextprotocol/serverInfo");
const QString StatelessProtocol::SubscriptionIdKey = QStringLiteral("io.modelcontextprotocol/subscriptionId");

namespace {

/// How long a client may keep an answer. The lists and the capabilities change only with the server's
/// version, so an hour is honest; the data changes only with a sync (which listens hear about as
/// resources/updated), so a journal or database-info read keeps five minutes; health may change any moment.
constexpr int StaticTtlMs = 3600000;
constexpr int DataTtlMs = 300000;
const QString HealthUri = QStringLiteral("jcr://health");

/// The resources whose content is the database's: a sync that replaces the file changes all of them.
bool isDatabaseResource(const QString& uri)
{
    return uri.startsWith(QLatin1String("jcr://"));
}

JsonRpcError badEnvelope(const QString& why, const QString& key)
{
    return JsonRpcError{JsonRpc::InvalidParams, QStringLiteral("Invalid params: %1").arg(why),
                        QJsonObject{{QStringLiteral("field"), QStringLiteral("_meta.") + key}}};
}

QJsonObject serverInfo()
{
    return QJsonObject{{QStringLiteral("name"), McpEngine::serverName()},
                       {QStringLiteral("version"), McpEngine::serverVersion()}};
}

} // namespace

const QStringList& StatelessProtocol::supportedVersions()
{
    static const QStringList versions{QStringLiteral("2026-07-28")};
    return versions;
}

bool StatelessProtocol::isStatelessVersion(const QString& version)
{
    return version >= QLatin1String("2026-07-28");
}

bool StatelessProtocol::claims(const QJsonObject& params)
{
    return params.value(QStringLiteral("_meta")).toObject().contains(ProtocolVersionKey);
}

bool StatelessProtocol::batchClaims(const QJsonArray& batch)
{
    for (const QJsonValue& message : batch) {
        if (claims(message.toObject().value(QStringLiteral("params")).toObject()))
            return true;
    }
    return false;
}

bool StatelessProtocol::servesMethod(const QString& method)
{
    static const QStringList methods{QStringLiteral("server/discover"),
                                     QStringLiteral("tools/list"),
                                     QStringLiteral("tools/call"),
                                     QStringLiteral("prompts/list"),
                                     QStringLiteral("prompts/get"),
                                     QStringLiteral("resources/list"),
                                     QStringLiteral("resources/templates/list"),
                                     QStringLiteral("resources/read"),
                                     QStringLiteral("completion/complete"),
                                     QStringLiteral("subscriptions/listen")};
    return methods.contains(method);
}

StatelessProtocol::Envelope StatelessProtocol::readEnvelope(const QJsonObject& params)
{
    const QJsonObject meta = params.value(QStringLiteral("_meta")).toObject();
    Envelope envelope;
    const QJsonValue version = meta.value(ProtocolVersionKey);
    if (!version.isString() || version.toString().isEmpty())
        throw badEnvelope(QStringLiteral("_meta.%1 must be a protocol version string").arg(ProtocolVersionKey),
                          ProtocolVersionKey);
    const QJsonValue capabilities = meta.value(ClientCapabilitiesKey);
    if (!capabilities.isObject())
        throw badEnvelope(QStringLiteral("_meta.%1 is required and must be an object, got %2")
                              .arg(ClientCapabilitiesKey, JsonSchemaValidator::typeName(capabilities)),
                          ClientCapabilitiesKey);
    const QJsonValue info = meta.value(ClientInfoKey);
    if (!info.isUndefined() && !info.isObject())
        throw badEnvelope(QStringLiteral("_meta.%1 must be an object").arg(ClientInfoKey), ClientInfoKey);
    const QJsonValue level = meta.value(LogLevelKey);
    if (!level.isUndefined()) {
        McpSession::LogLevel parsed;
        if (!level.isString() || !McpSession::parseLogLevel(level.toString(), &parsed))
            throw badEnvelope(QStringLiteral("_meta.%1 must be debug, info, notice, warning, error, critical, alert "
                                             "or emergency")
                                  .arg(LogLevelKey),
                              LogLevelKey);
        envelope.logLevel = int(parsed);
    }
    envelope.protocolVersion = version.toString();
    if (!supportedVersions().contains(envelope.protocolVersion))
        throw unsupportedVersion(envelope.protocolVersion);
    envelope.clientCapabilities = capabilities.toObject();
    envelope.clientInfo = info.toObject();
    envelope.progressToken = meta.value(QStringLiteral("progressToken"));
    return envelope;
}

JsonRpcError StatelessProtocol::unsupportedVersion(const QString& requested)
{
    return JsonRpcError{UnsupportedProtocolVersion,
                        QStringLiteral("Unsupported protocol version: %1 (supported: %2)")
                            .arg(requested.left(64), supportedVersions().join(QStringLiteral(", "))),
                        QJsonObject{{QStringLiteral("supported"), QJsonArray::fromStringList(supportedVersions())},
                                    {QStringLiteral("requested"), requested.left(64)}}};
}

QJsonObject StatelessProtocol::discover()
{
    // The tools and prompts never change while the server runs; the resources do when a sync replaces the data.
    const QJsonObject capabilities{{QStringLiteral("tools"), QJsonObject{{QStringLiteral("listChanged"), false}}},
                                   {QStringLiteral("resources"), QJsonObject{{QStringLiteral("subscribe"), true},
                                                                             {QStringLiteral("listChanged"), true}}},
                                   {QStringLiteral("prompts"), QJsonObject{{QStringLiteral("listChanged"), false}}},
                                   {QStringLiteral("completions"), QJsonObject()},
                                   {QStringLiteral("logging"), QJsonObject()}};
    return QJsonObject{{QStringLiteral("supportedVersions"), QJsonArray::fromStringList(supportedVersions())},
                       {QStringLiteral("capabilities"), capabilities},
                       {QStringLiteral("instructions"), McpEngine::instructions()}};
}

QJsonObject StatelessProtocol::decorate(const QString& method, const QJsonObject& params, QJsonObject result)
{
    result.insert(QStringLiteral("resultType"), QStringLiteral("complete"));
    QJsonObject meta = result.value(QStringLiteral("_meta")).toObject();
    meta.insert(ServerInfoKey, serverInfo());
    result.insert(QStringLiteral("_meta"), meta);
    int ttl = -1;
    if (method == QLatin1String("server/discover") || method.endsWith(QLatin1String("/list")))
        ttl = StaticTtlMs;
    else if (method == QLatin1String("resources/read"))
        ttl = params.value(QStringLiteral("uri")).toString() == HealthUri ? 0 : DataTtlMs;
    if (ttl >= 0) {
        // Nothing here depends on who asks (the token only admits), so shared caches may keep it.
        result.insert(QStringLiteral("ttlMs"), ttl);
        result.insert(QStringLiteral("cacheScope"), QStringLiteral("public"));
    }
    return result;
}

JsonRpcError StatelessProtocol::translate(const JsonRpcError& error, const QJsonObject& params)
{
    if (error.code != JsonRpc::ResourceNotFound)
        return error;
    QJsonObject data = error.data.toObject();
    if (!data.contains(QStringLiteral("uri")))
        data.insert(QStringLiteral("uri"), params.value(QStringLiteral("uri")));
    return JsonRpcError{JsonRpc::InvalidParams, error.message, data};
}

JsonRpcError StatelessProtocol::methodNotFound(const QString& method, const QString& version)
{
    return JsonRpcError{JsonRpc::MethodNotFound,
                        QStringLiteral("Method not found: %1 (not part of protocol version %2)")
                            .arg(method.left(100), version.left(64)),
                        QJsonObject{{QStringLiteral("method"), method.left(100)}}};
}

QJsonObject StatelessProtocol::honoredNotifications(const QJsonObject& params)
{
    const QJsonObject requested = params.value(QStringLiteral("notifications")).toObject();
    QJsonObject honored;
    // Only the resources can change (a sync); tools and prompts change with the server's version alone.
    if (requested.value(QStringLiteral("resourcesListChanged")).toBool())
        honored.insert(QStringLiteral("resourcesListChanged"), true);
    QJsonArray uris;
    for (const QJsonValue& uri : requested.value(QStringLiteral("resourceSubscriptions")).toArray()) {
        if (uri.isString() && isDatabaseResource(uri.toString()) && !uris.contains(uri) && uris.size() < 100)
            uris.append(uri);
    }
    if (!uris.isEmpty())
        honored.insert(QStringLiteral("resourceSubscriptions"), uris);
    return honored;
}

QJsonObject StatelessProtocol::acknowledgement(const QJsonValue& subscriptionId, const QJsonObject& honored)
{
    return JsonRpc::notification(
        QStringLiteral("notifications/subscriptions/acknowledged"),
        QJsonObject{{QStringLiteral("_meta"), QJsonObject{{SubscriptionIdKey, subscriptionId}}},
                    {QStringLiteral("notifications"), honored}});
}

QList<QJsonObject> StatelessProtocol::dataChangedNotifications(const QJsonValue& subscriptionId,
                                                               const QJsonObject& honored)
{
    const QJsonObject tag{{QStringLiteral("_meta"), QJsonObject{{SubscriptionIdKey, subscriptionId}}}};
    QList<QJsonObject> notifications;
    if (honored.value(QStringLiteral("resourcesListChanged")).toBool())
        notifications << JsonRpc::notification(QStringLiteral("notifications/resources/list_changed"), tag);
    for (const QJsonValue& uri : honored.value(QStringLiteral("resourceSubscriptions")).toArray()) {
        QJsonObject params = tag;
        params.insert(QStringLiteral("uri"), uri);
        notifications << JsonRpc::notification(QStringLiteral("notifications/resources/updated"), params);
    }
    return notifications;
}

QJsonObject StatelessProtocol::listenEnded(const QJsonValue& subscriptionId)
{
    return JsonRpc::result(
        subscriptionId, QJsonObject{{QStringLiteral("resultType"), QStringLiteral("complete")},
                                    {QStringLiteral("_meta"),
                                     QJsonObject{{SubscriptionIdKey, subscriptionId}, {ServerInfoKey, serverInfo()}}}});
}

QByteArray StatelessProtocol::quickAnswer(const QJsonObject& message, const AnswerCache& cache)
{
    const QJsonValue id = message.value(QStringLiteral("id"));
    const QJsonObject params = message.value(QStringLiteral("params")).toObject();
    if (!cache.isEnabled() || !JsonRpc::isValidId(id) ||
        message.value(QStringLiteral("method")) != QLatin1String("tools/call") ||
        params.value(QStringLiteral("_meta")).toObject().contains(QStringLiteral("progressToken")))
        return QByteArray();
    const QJsonValue tool = params.value(QStringLiteral("name"));
    const QJsonValue arguments = params.value(QStringLiteral("arguments"));
    if (!tool.isString() || !(arguments.isObject() || arguments.isUndefined() || arguments.isNull()))
        return QByteArray();
    Envelope envelope;
    try {
        envelope = readEnvelope(params);
    } catch (const JsonRpcError&) {
        return QByteArray(); // the engine answers with the error
    }
    const QByteArray stored = cache.find(
        AnswerCache::key(envelope.protocolVersion, tool.toString(), arguments.toObject()), cache.currentDataVersion());
    if (stored.isEmpty())
        return QByteArray();
    // The members in the order QJsonDocument writes them, so the bytes equal handle()'s answer.
    return QByteArrayLiteral("{\"id\":") + JsonRpc::serialize(id) +
           QByteArrayLiteral(",\"jsonrpc\":\"2.0\",\"result\":") + decoratedToolResult(stored) + '}';
}

QByteArray StatelessProtocol::decoratedToolResult(const QByteArray& stored)
{
    // decorate() without parsing the stored result again (it carries the whole answer twice, as text and as
    // structuredContent): QJsonDocument writes members sorted, so _meta comes first and resultType right
    // after isError. A stored successful result is {"content":…,"isError":false,…}; inside strings every quote
    // is escaped, and the content blocks have no isError member, so the first `"isError":false,` is the
    // top-level one.
    static const QByteArray meta =
        QByteArrayLiteral("{\"_meta\":") + JsonRpc::serialize(QJsonObject{{ServerInfoKey, serverInfo()}}) + ',';
    static const QByteArray isError = QByteArrayLiteral("\"isError\":false,");
    const qsizetype at = stored.indexOf(isError);
    if (!stored.startsWith("{\"content\":") || at < 0)
        return JsonRpc::serialize(
            decorate(QStringLiteral("tools/call"), QJsonObject(), QJsonDocument::fromJson(stored).object()));
    const qsizetype split = at + isError.size();
    return meta + stored.mid(1, split - 1) + QByteArrayLiteral("\"resultType\":\"complete\",") + stored.mid(split);
}

StatelessProtocol::StatelessProtocol(Dispatcher dispatcher, RequestContext::Sink sink)
    : m_dispatcher(std::move(dispatcher)), m_sink(std::move(sink)), m_requests(std::make_shared<McpSession>())
{
}

StatelessProtocol::~StatelessProtocol() = default;

void StatelessProtocol::setRequests(std::shared_ptr<McpSession> requests)
{
    m_requests = std::move(requests);
}

std::optional<QJsonObject>
StatelessProtocol::handle(const QJsonValue& id, const QString& method, const QJsonObject& params)
{
    Envelope envelope;
    try {
        envelope = readEnvelope(params);
    } catch (const JsonRpcError& error) {
        return JsonRpc::error(id, error);
    }
    if (!servesMethod(method))
        return JsonRpc::error(id, methodNotFound(method, envelope.protocolVersion));
    if (method == QLatin1String("server/discover"))
        return JsonRpc::result(id, decorate(method, params, discover()));
    if (method == QLatin1String("subscriptions/listen")) {
        const QJsonObject honored = honoredNotifications(params);
        {
            QMutexLocker lock(&m_mutex);
            const QString key = JsonRpc::idKey(id);
            if (m_listens.contains(key))
                return JsonRpc::error(id, JsonRpc::InvalidRequest,
                                      QStringLiteral("Invalid Request: a listen with this id is open"));
            m_listens.insert(key, {id, honored});
        }
        if (m_sink)
            m_sink(acknowledgement(id, honored));
        return std::nullopt;
    }

    if (!m_requests->beginRequest(id))
        return JsonRpc::error(id, JsonRpc::InvalidRequest,
                              QStringLiteral("Invalid Request: a request with this id is still in progress"));
    RequestContext context(*m_requests, id, envelope.progressToken, m_sink);
    context.setStateless(envelope.protocolVersion, envelope.logLevel);
    std::optional<QJsonObject> reply;
    try {
        reply = JsonRpc::result(id, decorate(method, params, m_dispatcher(method, params, context)));
    } catch (const JsonRpcError& error) {
        reply = JsonRpc::error(id, translate(error, params));
    } catch (const std::exception& exception) {
        qCWarning(lcMcp) << "internal error in" << method << exception.what();
        reply = JsonRpc::error(id, JsonRpc::InternalError, QStringLiteral("Internal error: %1").arg(exception.what()));
    }
    if (m_requests->endRequest(id)) {
        qCDebug(lcMcp) << "dropping the response of cancelled request" << JsonRpc::serialize(id);
        return std::nullopt;
    }
    return reply;
}

bool StatelessProtocol::cancel(const QJsonValue& id)
{
    if (!JsonRpc::isValidId(id))
        return false;
    {
        QMutexLocker lock(&m_mutex);
        if (m_listens.remove(JsonRpc::idKey(id)) > 0)
            return true;
    }
    return m_requests->cancel(id);
}

int StatelessProtocol::dataChanged()
{
    QList<std::pair<QJsonValue, QJsonObject>> listens;
    {
        QMutexLocker lock(&m_mutex);
        listens = m_listens.values();
    }
    for (const auto& [id, honored] : listens) {
        for (const QJsonObject& notification : dataChangedNotifications(id, honored)) {
            if (m_sink)
                m_sink(notification);
        }
    }
    return int(listens.size());
}

bool StatelessProtocol::hasListeners() const
{
    QMutexLocker lock(&m_mutex);
    return !m_listens.isEmpty();
}

QList<QJsonObject> StatelessProtocol::endListens()
{
    QMutexLocker lock(&m_mutex);
    QList<QJsonObject> responses;
    for (const auto& [id, honored] : std::as_const(m_listens))
        responses << listenEnded(id);
    m_listens.clear();
    return responses;
}

} // namespace jcr::mcp
