#include "statelesshttphandler.h"

#include "answercache.h"
#include "httpmetrics.h"
#include "httpsettings.h"
#include "journalbackend.h"
#include "jsonrpc.h"
#include "mcpsession.h"
#include "statelessprotocol.h"
#include "workerpool.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace jcr::http {

using mcp::JsonRpc;
using mcp::JsonRpcError;
using mcp::StatelessProtocol;

namespace {

/// How often open listens look whether a sync replaced the database file.
constexpr int DataWatchMilliseconds = 2000;

StatelessHttpHandler::Rejection reject(int status, const QJsonValue& id, const JsonRpcError& error)
{
    return {status, JsonRpc::error(id, error)};
}

StatelessHttpHandler::Rejection mismatch(const QJsonValue& id, const QString& why)
{
    return reject(400, id,
                  JsonRpcError{StatelessProtocol::HeaderMismatch, QStringLiteral("Header mismatch: %1").arg(why)});
}

/// The member of params that Mcp-Name must repeat, or an empty string for methods without one.
QString nameMember(const QString& method)
{
    if (method == QLatin1String("tools/call") || method == QLatin1String("prompts/get"))
        return QStringLiteral("name");
    if (method == QLatin1String("resources/read"))
        return QStringLiteral("uri");
    return QString();
}

/// The MCP-Protocol-Version header names 2026-07-28 but the body has no envelope: initialize cannot start a
/// 2026 exchange, and any other request lacks what the version requires. Neither may silently become a 2025
/// request.
StatelessHttpHandler::Rejection
withoutEnvelope(const QJsonValue& id, const QString& method, const QByteArray& versionHeader)
{
    const QString version = QString::fromLatin1(versionHeader.left(64));
    if (method == QLatin1String("initialize"))
        return mismatch(id,
                        QStringLiteral("MCP-Protocol-Version %1 has no initialize; send server/discover").arg(version));
    return reject(400, id,
                  JsonRpcError{JsonRpc::InvalidParams,
                               QStringLiteral("Invalid params: MCP-Protocol-Version %1 needs params._meta[\"%2\"]")
                                   .arg(version, StatelessProtocol::ProtocolVersionKey)});
}

bool isBase64(const QByteArray& text)
{
    if (text.isEmpty() || text.size() % 4 != 0)
        return false;
    const qsizetype padding = text.endsWith("==") ? 2 : text.endsWith('=') ? 1 : 0;
    for (qsizetype i = 0; i < text.size() - padding; ++i) {
        const char c = text.at(i);
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'))
            return false;
    }
    return true;
}

} // namespace

StatelessHttpHandler::StatelessHttpHandler(const HttpSettings& settings,
                                           const QString& databasePath,
                                           WorkerPool& workers,
                                           const mcp::AnswerCache& answers,
                                           HttpMetrics& metrics,
                                           QObject* parent)
    : QObject(parent), m_keepAliveSeconds(settings.keepAliveSeconds), m_databasePath(databasePath), m_workers(workers),
      m_answers(answers), m_metrics(metrics)
{
    m_dataWatch.setInterval(DataWatchMilliseconds);
    connect(&m_dataWatch, &QTimer::timeout, this, &StatelessHttpHandler::watchData);
}

StatelessHttpHandler::~StatelessHttpHandler() = default;

bool StatelessHttpHandler::claims(const QJsonValue& body, const QByteArray& versionHeader)
{
    if (body.isArray())
        return StatelessProtocol::batchClaims(body.toArray());
    if (StatelessProtocol::claims(body.toObject().value(QStringLiteral("params")).toObject()))
        return true;
    return !versionHeader.isEmpty() && StatelessProtocol::isStatelessVersion(QString::fromLatin1(versionHeader));
}

QByteArray StatelessHttpHandler::decodeHeaderValue(const QByteArray& value, bool* ok)
{
    *ok = true;
    static const QByteArray prefix = "=?base64?";
    static const QByteArray suffix = "?=";
    if (!value.startsWith(prefix) || !value.endsWith(suffix) || value.size() < prefix.size() + suffix.size())
        return value;
    const QByteArray encoded = value.mid(prefix.size(), value.size() - prefix.size() - suffix.size());
    if (!isBase64(encoded)) {
        *ok = false;
        return QByteArray();
    }
    return QByteArray::fromBase64(encoded);
}

std::optional<StatelessHttpHandler::Rejection> StatelessHttpHandler::checkName(const QJsonValue& id,
                                                                               const QString& method,
                                                                               const QJsonObject& params,
                                                                               const QByteArray& header)
{
    const QString member = nameMember(method);
    if (member.isEmpty())
        return std::nullopt;
    if (header.isEmpty())
        return mismatch(id, QStringLiteral("the Mcp-Name header is required for %1").arg(method));
    bool ok = false;
    const QByteArray name = decodeHeaderValue(header, &ok);
    if (!ok)
        return mismatch(id, QStringLiteral("Mcp-Name is not valid base64"));
    if (QString::fromUtf8(name) != params.value(member).toString())
        return mismatch(id, QStringLiteral("Mcp-Name differs from params.%1").arg(member));
    return std::nullopt;
}

std::optional<StatelessHttpHandler::Rejection> StatelessHttpHandler::check(const QJsonValue& body,
                                                                           const HeaderLookup& header)
{
    if (body.isArray())
        return reject(400, QJsonValue::Undefined,
                      JsonRpcError{JsonRpc::InvalidRequest,
                                   QStringLiteral("Invalid Request: protocol version 2026-07-28 has no batches")});
    const QJsonObject message = body.toObject();
    const QJsonValue id = message.value(QStringLiteral("id"));
    const QString method = message.value(QStringLiteral("method")).toString();
    const QJsonObject params = message.value(QStringLiteral("params")).toObject();
    const QByteArray versionHeader = header("mcp-protocol-version");

    if (!StatelessProtocol::claims(params))
        return withoutEnvelope(id, method, versionHeader);

    // The envelope, then the headers against the body, then the version (a wrong body version with the right
    // header is a mismatch, not an unsupported version).
    std::optional<JsonRpcError> unsupported;
    QString bodyVersion;
    try {
        bodyVersion = StatelessProtocol::readEnvelope(params).protocolVersion;
    } catch (const JsonRpcError& error) {
        if (error.code != StatelessProtocol::UnsupportedProtocolVersion)
            return reject(400, id, error);
        unsupported = error;
        bodyVersion =
            params.value(QStringLiteral("_meta")).toObject().value(StatelessProtocol::ProtocolVersionKey).toString();
    }
    if (!versionHeader.isEmpty() && QString::fromLatin1(versionHeader) != bodyVersion)
        return mismatch(id, QStringLiteral("MCP-Protocol-Version %1 differs from params._meta version %2")
                                .arg(QString::fromLatin1(versionHeader.left(64)), bodyVersion.left(64)));
    const QByteArray methodHeader = header("mcp-method");
    if (!methodHeader.isEmpty() && QString::fromUtf8(methodHeader) != method)
        return mismatch(id, QStringLiteral("Mcp-Method %1 differs from method %2")
                                .arg(QString::fromUtf8(methodHeader.left(100)), method.left(100)));
    if (unsupported)
        return reject(400, id, *unsupported);
    if (versionHeader.isEmpty())
        return mismatch(id, QStringLiteral("the MCP-Protocol-Version header is required"));
    if (methodHeader.isEmpty())
        return mismatch(id, QStringLiteral("the Mcp-Method header is required"));
    if (auto rejection = checkName(id, method, params, header("mcp-name")))
        return rejection;
    if (!StatelessProtocol::servesMethod(method))
        return reject(404, id, StatelessProtocol::methodNotFound(method, bodyVersion));
    return std::nullopt;
}

void StatelessHttpHandler::post(const QJsonValue& body, const HeaderLookup& header, Exchange exchange)
{
    const QJsonObject message = body.toObject();
    const bool request = message.contains(QStringLiteral("id")) && message.contains(QStringLiteral("method"));
    if (body.isObject() && !request) {
        // A notification (notifications/cancelled means nothing here: closing the stream cancels) or a
        // response (this era has no server requests): accepted, nothing to answer.
        return exchange.answer(202, QByteArray(), QByteArray(), exchange.headers);
    }
    if (const auto rejection = check(body, header)) {
        m_metrics.recordCall(message.value(QStringLiteral("method")).toString().toUtf8(), true,
                             double(exchange.timer.nsecsElapsed()) / 1e6);
        return exchange.answer(rejection->status, JsonRpc::serialize(rejection->error), "application/json",
                               exchange.headers);
    }
    if (message.value(QStringLiteral("method")) == QLatin1String("subscriptions/listen"))
        return listen(message, std::move(exchange));
    // A question answered before: the bytes are ready, no worker needed.
    if (const QByteArray quick = StatelessProtocol::quickAnswer(message, m_answers); !quick.isEmpty()) {
        m_metrics.recordCall("tools/call", false, double(exchange.timer.nsecsElapsed()) / 1e6);
        return exchange.answer(200, quick, "application/json", exchange.headers);
    }
    run(message, std::move(exchange));
}

void StatelessHttpHandler::run(const QJsonObject& message, Exchange exchange)
{
    const QByteArray method = message.value(QStringLiteral("method")).toString().toUtf8();
    if (!exchange.connection || !exchange.response->isConnected()) {
        // The client closed its response stream before the request ran: that cancels it (2026-07-28).
        qCDebug(lcHttp) << "not running a request whose client has gone" << method;
        return;
    }
    // The request's own table of running requests: closing its response stream cancels it, also in the moment
    // between here and the worker starting it.
    const auto requests = std::make_shared<mcp::McpSession>();
    auto* call = new QObject(this);
    auto stream = std::make_shared<QPointer<SseStream>>();
    ++m_pending;
    connect(exchange.connection, &HttpConnection::closed, call, [requests] { requests->abandon(); });
    auto onNotification = [this, exchange, stream, call](const QByteArray& notification) {
        if (!exchange.connection)
            return;
        // The first notification (progress, a log message) turns the answer into an event stream. No event ids:
        // this era does not resume streams.
        if (!*stream)
            *stream = new SseStream(exchange.connection, exchange.response, exchange.headers, m_keepAliveSeconds, call);
        (*stream)->send(notification, "message");
    };
    auto onReplies = [this, exchange, stream, call, method](const WorkerPool::Outcome& outcome) {
        --m_pending;
        m_metrics.recordCall(method, outcome.error || outcome.toolError, double(exchange.timer.nsecsElapsed()) / 1e6);
        if (*stream) {
            for (const QByteArray& answer : outcome.replies)
                (*stream)->send(answer, "message");
            (*stream)->end();
            exchange.streamed(200);
        } else if (!outcome.replies.isEmpty()) {
            // Errors of the handlers stay in the body with 200 (only the checks before dispatch use 4xx).
            exchange.answer(200, outcome.replies.first(), "application/json", exchange.headers);
        } else {
            exchange.answer(202, QByteArray(), QByteArray(), exchange.headers); // cancelled: the client has gone
        }
        call->deleteLater();
    };
    m_workers.submitStateless(requests, message, call, onNotification, onReplies);
}

void StatelessHttpHandler::listen(const QJsonObject& message, Exchange exchange)
{
    const QJsonValue id = message.value(QStringLiteral("id"));
    const QJsonObject honored =
        StatelessProtocol::honoredNotifications(message.value(QStringLiteral("params")).toObject());
    auto* stream = new SseStream(exchange.connection, exchange.response, exchange.headers, m_keepAliveSeconds, this);
    connect(stream, &SseStream::closed, this, [this, stream] {
        m_listens.removeIf([stream](const Listen& listen) { return listen.stream == stream; });
        stream->deleteLater();
        if (m_listens.isEmpty())
            m_dataWatch.stop();
    });
    stream->send(JsonRpc::serialize(StatelessProtocol::acknowledgement(id, honored)), "message");
    m_metrics.recordCall("subscriptions/listen", false, double(exchange.timer.nsecsElapsed()) / 1e6);
    exchange.streamed(200);
    m_listens.append({stream, id, honored});
    if (!m_dataWatch.isActive()) {
        m_dataVersion = mcp::JournalBackend::fileVersion(m_databasePath);
        m_dataWatch.start();
    }
}

void StatelessHttpHandler::watchData()
{
    const qint64 now = mcp::JournalBackend::fileVersion(m_databasePath);
    if (now == m_dataVersion)
        return;
    m_dataVersion = now;
    for (const Listen& listen : std::as_const(m_listens)) {
        if (!listen.stream)
            continue;
        for (const QJsonObject& notification : StatelessProtocol::dataChangedNotifications(listen.id, listen.honored))
            listen.stream->send(JsonRpc::serialize(notification), "message");
    }
}

void StatelessHttpHandler::closeStreams()
{
    const QList<Listen> listens = m_listens;
    m_listens.clear();
    m_dataWatch.stop();
    for (const Listen& listen : listens) {
        if (!listen.stream)
            continue;
        listen.stream->send(JsonRpc::serialize(StatelessProtocol::listenEnded(listen.id)), "message");
        listen.stream->end();
    }
}

} // namespace jcr::http
