#include "mcpengine.h"

#include "answercache.h"
#include "jsonrpc.h"
#include "jsonschemavalidator.h"
#include "mcplogging.h"
#include "pagecursor.h"
#include "promptprovider.h"
#include "requestcontext.h"
#include "resourceprovider.h"
#include "statelessprotocol.h"
#include "toolregistry.h"

#include <QJsonDocument>

#include <atomic>
#include <exception>

namespace jcr::mcp {

namespace {

QString requireString(const QJsonObject& params, const QString& name)
{
    const QJsonValue value = params.value(name);
    if (!value.isString())
        throw JsonRpcError{JsonRpc::InvalidParams,
                           QStringLiteral("Invalid params: %1 must be a string, got %2")
                               .arg(name, JsonSchemaValidator::typeName(value)),
                           QJsonObject{{QStringLiteral("field"), name}}};
    return value.toString();
}

QJsonObject optionalObject(const QJsonObject& params, const QString& name)
{
    const QJsonValue value = params.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject())
        throw JsonRpcError{JsonRpc::InvalidParams,
                           QStringLiteral("Invalid params: %1 must be an object, got %2")
                               .arg(name, JsonSchemaValidator::typeName(value)),
                           QJsonObject{{QStringLiteral("field"), name}}};
    return value.toObject();
}

std::atomic<int> g_maxBatchSize{McpEngine::DefaultMaxBatchSize};

} // namespace

void McpEngine::setMaxBatchSize(int size)
{
    g_maxBatchSize.store(qMax(1, size), std::memory_order_relaxed);
}

int McpEngine::maxBatchSize()
{
    return g_maxBatchSize.load(std::memory_order_relaxed);
}

QString McpEngine::batchTooLarge(qsizetype size)
{
    const int limit = maxBatchSize();
    return size > limit ? QStringLiteral("Invalid Request: batch too large: at most %1 messages").arg(limit)
                        : QString();
}

McpEngine::McpEngine(ToolRegistry& tools, ResourceProvider& resources, PromptProvider& prompts, QObject* parent)
    : McpEngine(tools, resources, prompts, std::make_shared<McpSession>(), parent)
{
}

McpEngine::McpEngine(ToolRegistry& tools,
                     ResourceProvider& resources,
                     PromptProvider& prompts,
                     std::shared_ptr<McpSession> session,
                     QObject* parent)
    : QObject(parent), m_tools(tools), m_resources(resources), m_prompts(prompts), m_sessionHolder(std::move(session)),
      m_session(*m_sessionHolder),
      m_stateless(std::make_unique<StatelessProtocol>(
          [this](const QString& method, const QJsonObject& params, RequestContext& context) {
              return dispatch(method, params, context);
          },
          [this](const QJsonObject& notification) { emit notificationReady(notification); }))
{
}

const QHash<QString, McpEngine::Method>& McpEngine::methods()
{
    static const QHash<QString, Method> table{
        {QStringLiteral("initialize"), {&McpEngine::initialize, true}},
        {QStringLiteral("ping"), {&McpEngine::ping, true}},
        {QStringLiteral("logging/setLevel"), {&McpEngine::setLevel, false}},
        {QStringLiteral("tools/list"), {&McpEngine::listTools, false}},
        {QStringLiteral("tools/call"), {&McpEngine::callTool, false}},
        {QStringLiteral("resources/list"), {&McpEngine::listResources, false}},
        {QStringLiteral("resources/templates/list"), {&McpEngine::listResourceTemplates, false}},
        {QStringLiteral("resources/read"), {&McpEngine::readResource, false}},
        {QStringLiteral("prompts/list"), {&McpEngine::listPrompts, false}},
        {QStringLiteral("prompts/get"), {&McpEngine::getPrompt, false}},
        {QStringLiteral("completion/complete"), {&McpEngine::complete, false}},
    };
    return table;
}

const QHash<QString, McpEngine::NotificationHandler>& McpEngine::notifications()
{
    static const QHash<QString, NotificationHandler> table{
        {QStringLiteral("notifications/initialized"), &McpEngine::initialized},
        {QStringLiteral("notifications/cancelled"), &McpEngine::cancelled},
    };
    return table;
}

McpEngine::~McpEngine() = default;

bool McpEngine::knowsMethod(const QString& name)
{
    return methods().contains(name) || notifications().contains(name) || StatelessProtocol::servesMethod(name);
}

QString McpEngine::serverVersion()
{
    return QStringLiteral(JCR_MCP_VERSION);
}

QByteArrayList McpEngine::handleLine(const QByteArray& line)
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    QJsonValue message;
    if (parseError.error == QJsonParseError::NoError) {
        if (document.isObject() && m_answers) {
            const QByteArray quick = quickAnswer(document.object(), m_session, *m_answers);
            if (!quick.isEmpty())
                return {quick};
        }
        message = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    } else {
        // QJsonDocument reads only objects and arrays; a bare scalar is JSON but not a request (-32600).
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + line + ']');
        if (wrapped.isArray() && wrapped.array().size() == 1 && !wrapped.array().at(0).isObject() &&
            !wrapped.array().at(0).isArray()) {
            message = wrapped.array().at(0);
        } else {
            qCDebug(lcMcp) << "parse error at offset" << parseError.offset << parseError.errorString();
            return {JsonRpc::serialize(JsonRpc::error(
                QJsonValue::Undefined, JsonRpc::ParseError,
                QStringLiteral("Parse error: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)))};
        }
    }
    QByteArrayList lines;
    for (const QJsonValue& reply : handle(message))
        lines << JsonRpc::serialize(reply);
    return lines;
}

QByteArray McpEngine::quickAnswer(const QJsonObject& message, McpSession& session, const AnswerCache& cache)
{
    const QJsonValue id = message.value(QStringLiteral("id"));
    const QJsonValue method = message.value(QStringLiteral("method"));
    if (!JsonRpc::isValidId(id) || message.value(QStringLiteral("jsonrpc")) != QLatin1String("2.0"))
        return QByteArray();
    const QJsonValue paramsValue = message.value(QStringLiteral("params"));
    if (!paramsValue.isUndefined() && !paramsValue.isObject())
        return QByteArray();
    const QJsonObject params = paramsValue.toObject();
    if (StatelessProtocol::claims(params))
        return StatelessProtocol::quickAnswer(message, cache); // in that era's shape, without the session

    QByteArray result;
    if (method == QLatin1String("ping")) {
        result = QByteArrayLiteral("{}");
    } else if (method == QLatin1String("tools/call") && session.isInitialized()) {
        // A client that asked for progress gets the work done live, with its notifications.
        if (params.value(QStringLiteral("_meta")).toObject().contains(QStringLiteral("progressToken")))
            return QByteArray();
        const QJsonValue tool = params.value(QStringLiteral("name"));
        const QJsonValue arguments = params.value(QStringLiteral("arguments"));
        if (!tool.isString() || !(arguments.isObject() || arguments.isUndefined() || arguments.isNull()))
            return QByteArray();
        result = cache.find(AnswerCache::key(session.protocolVersion(), tool.toString(), arguments.toObject()),
                            cache.currentDataVersion());
    }
    if (result.isEmpty())
        return QByteArray();
    // A request whose id is still running elsewhere gets its error from handle().
    if (!session.beginRequest(id))
        return QByteArray();
    session.endRequest(id);
    // The members in the order QJsonDocument writes them, so the bytes equal handle()'s answer.
    return QByteArrayLiteral("{\"id\":") + JsonRpc::serialize(id) +
           QByteArrayLiteral(",\"jsonrpc\":\"2.0\",\"result\":") + result + '}';
}

QList<QJsonValue> McpEngine::handle(const QJsonValue& message)
{
    if (!message.isArray()) {
        const auto reply = handleOne(message);
        return reply ? QList<QJsonValue>{*reply} : QList<QJsonValue>{};
    }
    const QJsonArray batch = message.toArray();
    if (batch.isEmpty())
        return {JsonRpc::error(QJsonValue::Undefined, JsonRpc::InvalidRequest,
                               QStringLiteral("Invalid Request: empty batch"))};
    if (StatelessProtocol::batchClaims(batch))
        return {JsonRpc::error(QJsonValue::Undefined, JsonRpc::InvalidRequest,
                               QStringLiteral("Invalid Request: protocol version 2026-07-28 has no batches"))};
    if (!m_session.isInitialized() || m_session.protocolVersion() != QLatin1String("2025-03-26"))
        return {JsonRpc::error(
            QJsonValue::Undefined, JsonRpc::InvalidRequest,
            QStringLiteral("Invalid Request: JSON-RPC batches are only supported with protocol version 2025-03-26%1")
                .arg(m_session.isInitialized() ? QStringLiteral(" (negotiated: %1)").arg(m_session.protocolVersion())
                                               : QStringLiteral(" and after initialize")))};
    if (const QString tooLarge = batchTooLarge(batch.size()); !tooLarge.isEmpty())
        return {JsonRpc::error(QJsonValue::Undefined, JsonRpc::InvalidRequest, tooLarge)};
    QJsonArray replies;
    for (const QJsonValue& entry : batch) {
        if (const auto reply = handleOne(entry))
            replies.append(*reply);
    }
    if (replies.isEmpty())
        return {};
    return {replies};
}

std::optional<QJsonObject> McpEngine::handleOne(const QJsonValue& message)
{
    if (!message.isObject())
        return JsonRpc::error(QJsonValue::Undefined, JsonRpc::InvalidRequest,
                              QStringLiteral("Invalid Request: a message must be a JSON object"));
    const QJsonObject object = message.toObject();
    const bool hasId = object.contains(QStringLiteral("id"));
    const QJsonValue id = object.value(QStringLiteral("id"));
    const QJsonValue method = object.value(QStringLiteral("method"));
    const bool validVersion = object.value(QStringLiteral("jsonrpc")) == QJsonValue(QStringLiteral("2.0"));
    const QJsonValue replyId = JsonRpc::isValidId(id) ? id : QJsonValue(QJsonValue::Undefined);

    if (method.isUndefined()) {
        // A response from the client (we send no requests, so none is expected): never answered.
        if (hasId && (object.contains(QStringLiteral("result")) || object.contains(QStringLiteral("error"))))
            return std::nullopt;
        return JsonRpc::error(replyId, JsonRpc::InvalidRequest, QStringLiteral("Invalid Request: no method"));
    }

    if (!hasId) {
        // Notifications are never answered, not even when malformed or unknown.
        if (!validVersion || !method.isString())
            return std::nullopt;
        const auto handler = notifications().value(method.toString());
        if (handler) {
            const QJsonValue params = object.value(QStringLiteral("params"));
            (this->*handler)(params.toObject());
        }
        return std::nullopt;
    }

    if (!JsonRpc::isValidId(id))
        return JsonRpc::error(QJsonValue::Undefined, JsonRpc::InvalidRequest,
                              QStringLiteral("Invalid Request: id must be a string or an integer, got %1")
                                  .arg(JsonSchemaValidator::typeName(id)));
    if (!validVersion)
        return JsonRpc::error(id, JsonRpc::InvalidRequest, QStringLiteral("Invalid Request: jsonrpc must be \"2.0\""));
    if (!method.isString())
        return JsonRpc::error(id, JsonRpc::InvalidRequest, QStringLiteral("Invalid Request: method must be a string"));

    const QJsonValue paramsValue = object.value(QStringLiteral("params"));
    if (!paramsValue.isUndefined() && !paramsValue.isObject() && !paramsValue.isNull()) {
        if (paramsValue.isArray())
            return JsonRpc::error(id, JsonRpc::InvalidParams,
                                  QStringLiteral("Invalid params: params must be an object"));
        return JsonRpc::error(id, JsonRpc::InvalidRequest,
                              QStringLiteral("Invalid Request: params must be an object or an array"));
    }
    const QJsonObject params = paramsValue.toObject();

    const QString name = method.toString();
    if (StatelessProtocol::claims(params))
        return m_stateless->handle(id, name, params);
    const auto found = methods().constFind(name);
    if (found == methods().constEnd())
        return JsonRpc::error(id, JsonRpc::MethodNotFound, QStringLiteral("Method not found: %1").arg(name),
                              QJsonObject{{QStringLiteral("method"), name}});
    if (!m_session.isInitialized() && !found->beforeInitialize)
        return JsonRpc::error(id, JsonRpc::InvalidRequest,
                              QStringLiteral("Server not initialized: send initialize before %1").arg(name));
    if (!m_session.beginRequest(id))
        return JsonRpc::error(id, JsonRpc::InvalidRequest,
                              QStringLiteral("Invalid Request: a request with this id is still in progress"));

    const QJsonValue progressToken =
        params.value(QStringLiteral("_meta")).toObject().value(QStringLiteral("progressToken"));
    RequestContext context(m_session, id, progressToken,
                           [this](const QJsonObject& notification) { emit notificationReady(notification); });
    std::optional<QJsonObject> reply;
    try {
        reply = JsonRpc::result(id, (this->*(found->handler))(params, context));
    } catch (const JsonRpcError& error) {
        reply = JsonRpc::error(id, error);
    } catch (const std::exception& exception) {
        qCWarning(lcMcp) << "internal error in" << name << exception.what();
        reply = JsonRpc::error(id, JsonRpc::InternalError, QStringLiteral("Internal error: %1").arg(exception.what()));
    }
    const bool wasCancelled = m_session.endRequest(id);
    if (wasCancelled && name != QLatin1String("initialize")) {
        qCDebug(lcMcp) << "dropping the response of cancelled request" << JsonRpc::serialize(id);
        return std::nullopt;
    }
    return reply;
}

void McpEngine::log(McpSession::LogLevel level, const QJsonValue& data, const QString& logger)
{
    if (!m_session.isInitialized() || level < m_session.logLevel())
        return;
    emit notificationReady(JsonRpc::notification(QStringLiteral("notifications/message"),
                                                 QJsonObject{{QStringLiteral("level"), McpSession::logLevelName(level)},
                                                             {QStringLiteral("logger"), logger},
                                                             {QStringLiteral("data"), data}}));
}

QJsonObject
McpEngine::page(const QJsonArray& items, const QString& list, const QString& key, const QJsonObject& params) const
{
    int offset = 0;
    const QJsonValue cursor = params.value(QStringLiteral("cursor"));
    if (!cursor.isUndefined() && !cursor.isNull()) {
        if (!cursor.isString() || !PageCursor::decode(cursor.toString(), list, &offset) || offset > items.size())
            throw JsonRpcError{JsonRpc::InvalidParams, QStringLiteral("Invalid params: invalid cursor"),
                               QJsonObject{{QStringLiteral("field"), QStringLiteral("cursor")}}};
    }
    QJsonArray pageItems;
    for (qsizetype i = offset; i < items.size() && pageItems.size() < m_pageSize; ++i)
        pageItems.append(items.at(i));
    QJsonObject result{{key, pageItems}};
    const int next = offset + int(pageItems.size());
    if (next < items.size())
        result.insert(QStringLiteral("nextCursor"), PageCursor::encode(list, next));
    return result;
}

QJsonObject McpEngine::initialize(const QJsonObject& params, RequestContext&)
{
    const QString requested = requireString(params, QStringLiteral("protocolVersion"));
    const QString version = McpSession::negotiate(requested);
    if (!m_session.beginInitialization(version, params.value(QStringLiteral("clientInfo")).toObject(),
                                       params.value(QStringLiteral("capabilities")).toObject()))
        throw JsonRpcError{JsonRpc::InvalidRequest,
                           QStringLiteral("Invalid Request: the session is already initialized"),
                           QJsonValue::Undefined};
    qCDebug(lcMcp).noquote()
        << "initialize: client"
        << params.value(QStringLiteral("clientInfo")).toObject().value(QStringLiteral("name")).toString() << "asked for"
        << requested << "→" << version;

    QJsonObject capabilities{{QStringLiteral("tools"), QJsonObject{{QStringLiteral("listChanged"), false}}},
                             {QStringLiteral("resources"), QJsonObject{{QStringLiteral("subscribe"), false},
                                                                       {QStringLiteral("listChanged"), false}}},
                             {QStringLiteral("prompts"), QJsonObject{{QStringLiteral("listChanged"), false}}},
                             {QStringLiteral("logging"), QJsonObject()}};
    if (m_session.atLeast(QStringLiteral("2025-03-26")))
        capabilities.insert(QStringLiteral("completions"), QJsonObject());
    QJsonObject serverInfo{{QStringLiteral("name"), serverName()}, {QStringLiteral("version"), serverVersion()}};
    if (m_session.atLeast(QStringLiteral("2025-06-18")))
        serverInfo.insert(QStringLiteral("title"), QStringLiteral("JCR journal rankings 期刊分区查询"));
    return QJsonObject{{QStringLiteral("protocolVersion"), version},
                       {QStringLiteral("capabilities"), capabilities},
                       {QStringLiteral("serverInfo"), serverInfo},
                       {QStringLiteral("instructions"), instructions()}};
}

QString McpEngine::instructions()
{
    return QStringLiteral("Answers questions about academic journals from a local database: JCR impact factors and "
                          "quartiles, CAS (中科院) partitions and Top, the international journal warning list "
                          "(预警名单) and CCF ranks. Use search_journal or get_journal for one journal, "
                          "compare_journals for several, filter_journals to find journals by criteria, "
                          "get_partition_trends for trends and check_warning_journals for the warning list.");
}

QJsonObject McpEngine::dispatch(const QString& method, const QJsonObject& params, RequestContext& context)
{
    const auto found = methods().constFind(method);
    if (found == methods().constEnd())
        throw JsonRpcError{JsonRpc::MethodNotFound, QStringLiteral("Method not found: %1").arg(method),
                           QJsonObject{{QStringLiteral("method"), method}}};
    return (this->*(found->handler))(params, context);
}

QJsonObject McpEngine::ping(const QJsonObject&, RequestContext&)
{
    return {};
}

QJsonObject McpEngine::setLevel(const QJsonObject& params, RequestContext&)
{
    McpSession::LogLevel level;
    const QString name = requireString(params, QStringLiteral("level"));
    if (!McpSession::parseLogLevel(name, &level))
        throw JsonRpcError{JsonRpc::InvalidParams,
                           QStringLiteral("Invalid params: unknown log level \"%1\" (use debug, info, notice, warning, "
                                          "error, critical, alert or emergency)")
                               .arg(name),
                           QJsonObject{{QStringLiteral("field"), QStringLiteral("level")}}};
    m_session.setLogLevel(level);
    return {};
}

QJsonObject McpEngine::listTools(const QJsonObject& params, RequestContext& context)
{
    QJsonArray tools;
    for (const ToolDefinition& tool : m_tools.tools())
        tools.append(ToolRegistry::describe(tool, context.protocolVersion()));
    return page(tools, QStringLiteral("tools"), QStringLiteral("tools"), params);
}

QJsonObject McpEngine::callTool(const QJsonObject& params, RequestContext& context)
{
    const QString name = requireString(params, QStringLiteral("name"));
    const ToolDefinition* tool = m_tools.find(name);
    if (!tool) {
        QJsonArray known;
        for (const ToolDefinition& definition : m_tools.tools())
            known.append(definition.name);
        throw JsonRpcError{JsonRpc::InvalidParams, QStringLiteral("Unknown tool: %1").arg(name),
                           QJsonObject{{QStringLiteral("tool"), name}, {QStringLiteral("known"), known}}};
    }
    const QJsonObject arguments = optionalObject(params, QStringLiteral("arguments"));
    const bool argumentErrorsAsResults = context.atLeast(QStringLiteral("2025-11-25"));

    // Read before the tool runs: the version of the data the answer will come from.
    const qint64 dataVersion = m_answers && m_answers->isEnabled() ? m_tools.dataVersion() : 0;
    ToolOutput output;
    JsonSchemaValidator::Failure failure;
    if (!JsonSchemaValidator::validate(tool->inputSchema, arguments, &failure)) {
        output = ToolOutput::invalidArgument(failure.field, failure.message);
    } else {
        try {
            output = tool->handler(arguments, context);
        } catch (const JsonRpcError&) {
            throw;
        } catch (const std::exception& exception) {
            qCWarning(lcMcp) << "tool" << name << "failed:" << exception.what();
            output =
                ToolOutput::failure(QStringLiteral("The tool %1 failed unexpectedly: %2").arg(name, exception.what()));
        }
    }
    if (!output.invalidField.isEmpty() && !argumentErrorsAsResults)
        throw JsonRpcError{JsonRpc::InvalidParams,
                           QStringLiteral("Invalid arguments for tool %1: %2").arg(name, output.text),
                           QJsonObject{{QStringLiteral("tool"), name}, {QStringLiteral("field"), output.invalidField}}};
    if (!output.invalidField.isEmpty())
        output.text = QStringLiteral("Invalid arguments for tool %1: %2").arg(name, output.text);

    QJsonArray content{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), output.text}}};
    QJsonObject result{{QStringLiteral("content"), content}, {QStringLiteral("isError"), output.isError}};
    if (!output.isError) {
        if (context.atLeast(QStringLiteral("2025-06-18"))) {
            result.insert(QStringLiteral("structuredContent"), output.structured);
        } else {
            // No structuredContent before 2025-06-18: the same JSON as a second text block.
            content.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                            {QStringLiteral("text"), QString::fromUtf8(JsonRpc::serialize(output.structured))}});
            result.insert(QStringLiteral("content"), content);
        }
        // Failures (database missing, a query that failed, a wrong argument) are not remembered: the next
        // call may succeed.
        if (m_answers && m_answers->isEnabled())
            m_answers->insert(AnswerCache::key(context.protocolVersion(), name, arguments), dataVersion,
                              JsonRpc::serialize(result));
    }
    return result;
}

QJsonObject McpEngine::listResources(const QJsonObject& params, RequestContext& context)
{
    return page(m_resources.resources(context.protocolVersion()), QStringLiteral("resources"),
                QStringLiteral("resources"), params);
}

QJsonObject McpEngine::listResourceTemplates(const QJsonObject& params, RequestContext& context)
{
    return page(m_resources.templates(context.protocolVersion()), QStringLiteral("resourceTemplates"),
                QStringLiteral("resourceTemplates"), params);
}

QJsonObject McpEngine::readResource(const QJsonObject& params, RequestContext&)
{
    return m_resources.read(requireString(params, QStringLiteral("uri")));
}

QJsonObject McpEngine::listPrompts(const QJsonObject& params, RequestContext& context)
{
    return page(m_prompts.prompts(context.protocolVersion()), QStringLiteral("prompts"), QStringLiteral("prompts"),
                params);
}

QJsonObject McpEngine::getPrompt(const QJsonObject& params, RequestContext& context)
{
    const QString name = requireString(params, QStringLiteral("name"));
    return m_prompts.get(name, optionalObject(params, QStringLiteral("arguments")), context.protocolVersion());
}

QJsonObject McpEngine::complete(const QJsonObject& params, RequestContext&)
{
    const QJsonObject ref = optionalObject(params, QStringLiteral("ref"));
    const QJsonObject argument = optionalObject(params, QStringLiteral("argument"));
    if (ref.isEmpty() || argument.isEmpty())
        throw JsonRpcError{JsonRpc::InvalidParams, QStringLiteral("Invalid params: ref and argument are required"),
                           QJsonValue::Undefined};
    const QString type = requireString(ref, QStringLiteral("type"));
    const QString argumentName = requireString(argument, QStringLiteral("name"));
    const QString value = argument.value(QStringLiteral("value")).toString();
    if (value.size() > 512)
        throw JsonRpcError{JsonRpc::InvalidParams, QStringLiteral("Invalid params: argument.value is too long"),
                           QJsonValue::Undefined};
    QStringList values;
    // Unknown refs and arguments complete to nothing rather than failing (what conformance expects).
    if (type == QLatin1String("ref/prompt"))
        values = m_prompts.complete(ref.value(QStringLiteral("name")).toString(), argumentName, value);
    else if (type == QLatin1String("ref/resource"))
        values = m_resources.complete(ref.value(QStringLiteral("uri")).toString(), argumentName, value);
    const int total = int(values.size());
    values = values.mid(0, 100);
    return QJsonObject{
        {QStringLiteral("completion"), QJsonObject{{QStringLiteral("values"), QJsonArray::fromStringList(values)},
                                                   {QStringLiteral("total"), total},
                                                   {QStringLiteral("hasMore"), total > values.size()}}}};
}

void McpEngine::initialized(const QJsonObject&)
{
    if (m_session.state() == McpSession::State::Initializing)
        m_session.setState(McpSession::State::Ready);
}

void McpEngine::cancelled(const QJsonObject& params)
{
    // Ids of both eras may be running on one stdio process; unknown ids are ignored by each.
    if (m_session.cancel(params.value(QStringLiteral("requestId"))) ||
        m_stateless->cancel(params.value(QStringLiteral("requestId"))))
        qCDebug(lcMcp) << "cancelled request" << JsonRpc::serialize(params.value(QStringLiteral("requestId")))
                       << params.value(QStringLiteral("reason")).toString();
}

} // namespace jcr::mcp
