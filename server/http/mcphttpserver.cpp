#include "mcphttpserver.h"

#include "connectionreader.h"
#include "guardedtcpserver.h"
#include "mcpengine.h"
#include "mcpsession.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcHttp, "jcr.http")

namespace jcr::http {

namespace {

bool isRequest(const QJsonValue& message)
{
    const QJsonObject object = message.toObject();
    return object.contains(QStringLiteral("method")) && object.contains(QStringLiteral("id"));
}

/// A JSON-RPC message of any kind: a request or notification (method), or a response (id with result or
/// error). Anything else is refused with 400 before it reaches the engine.
bool isJsonRpcMessage(const QJsonValue& message)
{
    const QJsonObject object = message.toObject();
    if (!message.isObject() || object.value(QStringLiteral("jsonrpc")) != QLatin1String("2.0"))
        return false;
    if (object.value(QStringLiteral("method")).isString())
        return true;
    return object.contains(QStringLiteral("id")) &&
           (object.contains(QStringLiteral("result")) || object.contains(QStringLiteral("error")));
}

/// Parses any JSON value. QJsonDocument holds only objects and arrays, so a scalar ("42", "null") is parsed
/// inside an array: it is JSON, just not JSON-RPC, and must get -32600 rather than -32700.
bool parseJson(const QByteArray& text, QJsonValue* value)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::NoError) {
        *value = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        return true;
    }
    const QJsonDocument wrapped = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError || wrapped.array().size() != 1)
        return false;
    *value = wrapped.array().first();
    return true;
}

QList<QJsonValue> messagesOf(const QJsonValue& body)
{
    if (!body.isArray())
        return {body};
    const QJsonArray array = body.toArray();
    return QList<QJsonValue>(array.begin(), array.end());
}

/// The client's address, the key of the per-client session cap. Behind a reverse proxy every client has the
/// proxy's address (docs/http-transport.md, Limits).
QByteArray clientAddress(const QHttpServerRequest& request)
{
    return request.remoteAddress().toString().toLatin1();
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

} // namespace

McpHttpServer::McpHttpServer(const HttpSettings& settings, const QString& databasePath, QObject* parent)
    : QAbstractHttpServer(parent), m_settings(settings), m_guard(settings),
      m_sessions(settings.maxSessions,
                 settings.sessionIdleSeconds,
                 SessionToken(settings.sessionSecret, settings.sessionMaxAgeSeconds)),
      m_answers(databasePath, settings.answerCacheBytes), m_workers(databasePath, settings.workers, &m_answers)
{
    m_uptime.start();
    m_stateless = new StatelessHttpHandler(settings, databasePath, m_workers, m_answers, m_metrics, this);
    m_sessions.setClientLimits(settings.maxSessionsPerClient, settings.sessionInitSeconds);
    mcp::McpEngine::setMaxBatchSize(settings.maxBatchSize);
    // The routes this transport serves, fixed for the server's life (route() reads them on every request).
    using M = QHttpServerRequest::Method;
    if (settings.streamableHttp)
        m_routes.append({QStringLiteral("/mcp"), {M::Post, M::Get, M::Delete, M::Options}});
    if (settings.legacySse) {
        m_routes.append({QStringLiteral("/sse"), {M::Get, M::Options}});
        m_routes.append({QStringLiteral("/messages"), {M::Post, M::Options}});
    }
    m_routes.append({QStringLiteral("/health"), {M::Get}});
    m_routes.append({QStringLiteral("/metrics"), {M::Get}});
}

McpHttpServer::~McpHttpServer()
{
    // Streams and calls are children whose signals reach into the members (a stream that ends removes its
    // session). QObject would delete them after the members are gone; delete them while they exist.
    // One at a time from the live list: deleting a child edits that list.
    while (!children().isEmpty())
        delete children().constFirst();
}

bool McpHttpServer::start(QString* error)
{
    m_tcpServer = new GuardedTcpServer(m_settings, m_guard, this);
    // Refused before the routes (framing, limits, Host/Origin, token, timeouts): counted like other answers.
    connect(m_tcpServer, &GuardedTcpServer::requestRefused, this,
            [this](int status) { m_metrics.recordRequest("other", status, 0.0); });
    if (!m_tcpServer->listen(m_settings.address(), m_settings.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_settings.host)
                     .arg(m_settings.port)
                     .arg(m_tcpServer->errorString());
        return false;
    }
    bind(m_tcpServer);
    m_workers.warmUp();
    return true;
}

quint16 McpHttpServer::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

void McpHttpServer::beginShutdown()
{
    m_shuttingDown = true;
    if (m_tcpServer)
        m_tcpServer->close();
}

void McpHttpServer::closeStreams()
{
    m_stateless->closeStreams();
    for (const std::shared_ptr<HttpSession>& session : m_sessions.all()) {
        if (SseStream* stream = session->stream())
            stream->end();
    }
}

QByteArray McpHttpServer::header(const QHttpServerRequest& request, const QByteArray& name) const
{
    for (const auto& [key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return QByteArray();
}

bool McpHttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // Every socket comes from GuardedTcpServer, whose reader framed and admitted this request already.
    bool keepAlive = true;
    ConnectionReader* reader = ConnectionReader::of(socket);
    if (!reader || !reader->takeRequest(&keepAlive))
        return true;
    HttpConnection* connection = HttpConnection::of(socket);
    Exchange exchange{request, {connection, connection->openResponse(), "other", QByteArray(), {}}};
    exchange.reply.timer.start();
    if (!keepAlive || m_shuttingDown)
        connection->closeWhenDone();
    route(exchange);
    reader->requestHandled();
    return true;
}

void McpHttpServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    handleRequest(request, socket);
}

void McpHttpServer::route(Exchange& exchange)
{
    const QHttpServerRequest& request = exchange.request;
    const QString path = request.url().path();
    const QHttpServerRequest::Method method = request.method();
    using M = QHttpServerRequest::Method;
    const Route* matched = nullptr;
    for (const Route& candidate : m_routes) {
        if (candidate.path == path)
            matched = &candidate;
    }
    if (matched)
        exchange.reply.route = path.toLatin1();

    // Host, Origin, the token and the size were checked on the head (ConnectionReader, RequestGuard::admit).
    exchange.reply.origin = header(request, "origin");
    if (m_shuttingDown)
        return answerError(exchange.reply, 503, -32000, QStringLiteral("Service Unavailable: the server is stopping"));
    // Route and method.
    if (!matched)
        return answerError(exchange.reply, 404, -32601, QStringLiteral("Not Found: %1").arg(path.left(200)));
    if (!matched->methods.contains(method)) {
        QByteArrayList allowed;
        for (M allowedMethod : matched->methods)
            allowed << methodName(allowedMethod);
        return answerError(exchange.reply, 405, -32600,
                           QStringLiteral("Method Not Allowed: %1").arg(QString::fromLatin1(methodName(method))),
                           {{"Allow", allowed.join(", ")}});
    }
    if (method == M::Options)
        return preflight(exchange);
    if (path == QLatin1String("/mcp"))
        return method == M::Post ? postMcp(exchange) : method == M::Get ? getMcp(exchange) : deleteMcp(exchange);
    if (path == QLatin1String("/sse"))
        return getSse(exchange);
    if (path == QLatin1String("/messages"))
        return postMessages(exchange);
    if (path == QLatin1String("/health"))
        return getHealth(exchange);
    return getMetrics(exchange);
}

std::shared_ptr<HttpSession> McpHttpServer::sessionFor(Exchange& exchange, bool* answered)
{
    *answered = true;
    const QByteArray id = header(exchange.request, "mcp-session-id");
    if (id.isEmpty()) {
        answerError(exchange.reply, 400, -32600, QStringLiteral("Bad Request: Mcp-Session-Id header is required"));
        return nullptr;
    }
    std::shared_ptr<HttpSession> session = m_sessions.find(id);
    SessionRegistry::Refusal refusal = SessionRegistry::Refusal::Invalid;
    if (!session) // started by another replica (signed ids)
        session = m_sessions.adopt(id, clientAddress(exchange.request), &refusal);
    if (!session && refusal != SessionRegistry::Refusal::Invalid) {
        answerNoSession(exchange.reply, refusal);
        return nullptr;
    }
    if (!session || session->kind() != HttpSession::Kind::StreamableHttp) {
        answerError(exchange.reply, 404, -32001, QStringLiteral("Session not found: start a new one with initialize"));
        return nullptr;
    }
    const QByteArray version = header(exchange.request, "mcp-protocol-version");
    if (!version.isEmpty() && !mcp::McpSession::supportedVersions().contains(QString::fromLatin1(version))) {
        answerError(
            exchange.reply, 400, -32600,
            QStringLiteral("Bad Request: unsupported MCP-Protocol-Version %1").arg(QString::fromLatin1(version)));
        return nullptr;
    }
    *answered = false;
    session->touch();
    return session;
}

void McpHttpServer::postMcp(Exchange& exchange)
{
    const QByteArray accept = header(exchange.request, "accept");
    if (!RequestGuard::accepts(accept, "application/json") || !RequestGuard::accepts(accept, "text/event-stream"))
        return answerError(exchange.reply, 406, -32600,
                           QStringLiteral("Not Acceptable: Accept must list application/json and text/event-stream"));
    if (!RequestGuard::isJsonContentType(header(exchange.request, "content-type")))
        return answerError(exchange.reply, 415, -32600,
                           QStringLiteral("Unsupported Media Type: Content-Type must be application/json"));
    QJsonValue body;
    if (!parseJson(exchange.request.body(), &body))
        return answerError(exchange.reply, 400, -32700, QStringLiteral("Parse error: the body is not JSON"));
    const QList<QJsonValue> messages = messagesOf(body);
    if (messages.isEmpty() || !std::all_of(messages.cbegin(), messages.cend(), isJsonRpcMessage))
        return answerError(exchange.reply, 400, -32600, QStringLiteral("Invalid Request: not a JSON-RPC 2.0 message"));
    // The era is a property of the request: 2026-07-28 names itself in params._meta (or its header).
    if (StatelessHttpHandler::claims(body, header(exchange.request, "mcp-protocol-version")))
        return postStateless(exchange, body);

    const bool initialize =
        body.isObject() && body.toObject().value(QStringLiteral("method")) == QLatin1String("initialize");
    if (initialize) {
        const QByteArray id = header(exchange.request, "mcp-session-id");
        if (!id.isEmpty())
            return m_sessions.find(id) ? answerError(exchange.reply, 400, -32600,
                                                     QStringLiteral("Invalid Request: already initialized"))
                                       : answerError(exchange.reply, 404, -32001, QStringLiteral("Session not found"));
        const QString requested = body.toObject()
                                      .value(QStringLiteral("params"))
                                      .toObject()
                                      .value(QStringLiteral("protocolVersion"))
                                      .toString();
        SessionRegistry::Refusal refusal = SessionRegistry::Refusal::None;
        const std::shared_ptr<HttpSession> session =
            m_sessions.create(HttpSession::Kind::StreamableHttp, mcp::McpSession::negotiate(requested),
                              clientAddress(exchange.request), &refusal);
        if (!session)
            return answerNoSession(exchange.reply, refusal);
        return dispatchStreamable(exchange.reply, session, body, true);
    }
    bool answered = false;
    const std::shared_ptr<HttpSession> session = sessionFor(exchange, &answered);
    if (answered)
        return;
    if (body.isArray() && session->state()->protocolVersion() != QLatin1String("2025-03-26"))
        return answerError(exchange.reply, 400, -32600,
                           QStringLiteral("Invalid Request: batches are only part of protocol version 2025-03-26"));
    if (const QString tooLarge = mcp::McpEngine::batchTooLarge(messages.size()); !tooLarge.isEmpty())
        return answerError(exchange.reply, 400, -32600, tooLarge);
    dispatchStreamable(exchange.reply, session, body, false);
}

void McpHttpServer::postStateless(Exchange& exchange, const QJsonValue& body)
{
    const Reply reply = exchange.reply;
    StatelessHttpHandler::Exchange stateless;
    stateless.connection = reply.connection;
    stateless.response = reply.response;
    stateless.headers = RequestGuard::corsHeaders(reply.origin);
    stateless.timer = reply.timer;
    stateless.answer = [this, reply](int status, const QByteArray& answerBody, const QByteArray& contentType,
                                     const Headers& extra) { answer(reply, status, answerBody, contentType, extra); };
    stateless.streamed = [this, reply](int status) { finished(reply, status); };
    const QHttpServerRequest& request = exchange.request;
    m_stateless->post(
        body, [this, &request](const QByteArray& name) { return header(request, name); }, std::move(stateless));
}

void McpHttpServer::dispatchStreamable(const Reply& reply,
                                       const std::shared_ptr<HttpSession>& session,
                                       const QJsonValue& message,
                                       bool newSession)
{
    const QList<QJsonValue> messages = messagesOf(message);
    QJsonArray requestIds;
    for (const QJsonValue& one : messages) {
        if (isRequest(one))
            requestIds.append(one.toObject().value(QStringLiteral("id")));
    }
    const QByteArray method = messages.size() == 1
                                  ? messages.first().toObject().value(QStringLiteral("method")).toString().toLatin1()
                                  : QByteArray("batch");
    Headers headers = RequestGuard::corsHeaders(reply.origin);
    if (newSession)
        headers.emplace_back("Mcp-Session-Id", session->id());

    // A ping or a question answered before: the bytes are ready, no worker needed.
    if (!newSession && message.isObject()) {
        const QByteArray quick = mcp::McpEngine::quickAnswer(message.toObject(), *session->state(), m_answers);
        if (!quick.isEmpty()) {
            m_metrics.recordCall(method, false, double(reply.timer.nsecsElapsed()) / 1e6);
            return answer(reply, 200, quick, "application/json", headers);
        }
    }

    // One QObject per call: it receives the worker's answers, and its death cuts every connection below.
    auto* call = new QObject(this);
    auto stream = std::make_shared<QPointer<SseStream>>();
    ++m_pendingRequests;
    ++session->activeRequests;
    // A client that goes away cancels its requests; the engine then drops their answers.
    if (reply.connection)
        connect(reply.connection, &HttpConnection::closed, call, [session, requestIds] {
            for (const QJsonValue& id : requestIds)
                session->state()->cancel(id);
        });

    static quint64 streamSequence = 0;
    const QByteArray streamId = "p" + QByteArray::number(++streamSequence);
    auto eventNumber = std::make_shared<int>(0);
    auto onNotification = [this, reply, headers, stream, streamId, eventNumber, call,
                           requestIds](const QByteArray& notification) {
        if (requestIds.isEmpty() || !reply.connection)
            return;
        // The first notification turns the answer into an event stream: notifications, then the response.
        if (!*stream)
            *stream = new SseStream(reply.connection, reply.response, headers, m_settings.keepAliveSeconds, call);
        (*stream)->send(notification, "message", streamId + '-' + QByteArray::number(++*eventNumber));
    };
    auto onReplies = [this, reply, headers, stream, streamId, eventNumber, call, session, newSession, method,
                      requestIds](const WorkerPool::Outcome& outcome) {
        --m_pendingRequests;
        --session->activeRequests;
        session->touch();
        m_metrics.recordCall(method, outcome.error || outcome.toolError, double(reply.timer.nsecsElapsed()) / 1e6);
        if (newSession && (outcome.replies.isEmpty() || outcome.error))
            m_sessions.remove(session->id()); // initialize failed: no session to keep
        if (*stream) {
            for (const QByteArray& answer : outcome.replies)
                (*stream)->send(answer, "message", streamId + '-' + QByteArray::number(++*eventNumber));
            (*stream)->end();
            finished(reply, 200);
        } else if (requestIds.isEmpty() || outcome.replies.isEmpty()) {
            // Only notifications or responses, or requests cancelled while they ran: nothing to return.
            answer(reply, 202, QByteArray(), QByteArray(), headers);
        } else {
            answer(reply, 200, outcome.replies.first(), "application/json", headers);
        }
        call->deleteLater();
    };
    m_workers.submit(session->state(), message, call, onNotification, onReplies);
}

void McpHttpServer::getMcp(Exchange& exchange)
{
    if (!RequestGuard::accepts(header(exchange.request, "accept"), "text/event-stream"))
        return answerError(exchange.reply, 406, -32600,
                           QStringLiteral("Not Acceptable: Accept must list text/event-stream"));
    bool answered = false;
    const std::shared_ptr<HttpSession> session = sessionFor(exchange, &answered);
    if (answered)
        return;
    if (session->hasOpenStream())
        return answerError(exchange.reply, 409, -32600, QStringLiteral("Conflict: this session already has a stream"));
    auto* stream = new SseStream(exchange.reply.connection, exchange.reply.response,
                                 RequestGuard::corsHeaders(exchange.reply.origin), m_settings.keepAliveSeconds, this);
    connect(stream, &SseStream::closed, stream, &QObject::deleteLater);
    session->setStream(stream);
    for (const auto& [id, json] : session->eventsAfter(header(exchange.request, "last-event-id")))
        stream->send(json, "message", id);
    finished(exchange.reply, 200);
}

void McpHttpServer::deleteMcp(Exchange& exchange)
{
    bool answered = false;
    const std::shared_ptr<HttpSession> session = sessionFor(exchange, &answered);
    if (answered)
        return;
    if (SseStream* stream = session->stream())
        stream->end();
    m_sessions.end(session->id()); // for good: a signed id is not taken up again either
    answer(exchange.reply, 200, QByteArray(), QByteArray(), RequestGuard::corsHeaders(exchange.reply.origin));
}

void McpHttpServer::getSse(Exchange& exchange)
{
    SessionRegistry::Refusal refusal = SessionRegistry::Refusal::None;
    const std::shared_ptr<HttpSession> session =
        m_sessions.create(HttpSession::Kind::Sse, QString(), clientAddress(exchange.request), &refusal);
    if (!session)
        return answerNoSession(exchange.reply, refusal);
    auto* stream = new SseStream(exchange.reply.connection, exchange.reply.response,
                                 RequestGuard::corsHeaders(exchange.reply.origin), m_settings.keepAliveSeconds, this);
    session->setStream(stream);
    const QByteArray id = session->id();
    // The stream is the session: when it closes, the session ends.
    connect(stream, &SseStream::closed, this, [this, id, stream] {
        m_sessions.remove(id);
        m_legacyQueues.remove(id);
        stream->deleteLater();
    });
    // A relative URL: clients resolve it against the stream's URL, whatever name or proxy they used.
    stream->send("/messages?session_id=" + id, "endpoint");
    finished(exchange.reply, 200);
}

void McpHttpServer::postMessages(Exchange& exchange)
{
    const QUrlQuery query = exchange.request.query();
    QByteArray id = query.queryItemValue(QStringLiteral("session_id")).toLatin1();
    if (id.isEmpty())
        id = query.queryItemValue(QStringLiteral("sessionId")).toLatin1();
    if (id.isEmpty())
        return answerError(exchange.reply, 400, -32600, QStringLiteral("Bad Request: session_id is required"));
    const std::shared_ptr<HttpSession> session = m_sessions.find(id);
    if (!session || session->kind() != HttpSession::Kind::Sse || !session->hasOpenStream())
        return answerError(exchange.reply, 404, -32001, QStringLiteral("Session not found: open a new stream at /sse"));
    QJsonValue message;
    if (!parseJson(exchange.request.body(), &message))
        return answerError(exchange.reply, 400, -32700, QStringLiteral("Parse error: the body is not JSON"));
    session->touch();
    // The answer travels on the stream; messages of one legacy session run one after another, in order.
    QList<QJsonValue>& queue = m_legacyQueues[id];
    if (queue.size() >= MaxQueuedLegacyMessages)
        return answerError(
            exchange.reply, 503, -32000,
            QStringLiteral("Service Unavailable: %1 messages of this session are still waiting").arg(queue.size()));
    queue.append(message);
    answer(exchange.reply, 202, "Accepted", "text/plain", RequestGuard::corsHeaders(exchange.reply.origin));
    dispatchLegacy(session);
}

void McpHttpServer::dispatchLegacy(const std::shared_ptr<HttpSession>& session)
{
    const QByteArray id = session->id();
    QList<QJsonValue>& queue = m_legacyQueues[id];
    QElapsedTimer timer;
    QJsonValue message;
    QByteArray method;
    for (;;) {
        if (m_legacyBusy.contains(id) || queue.isEmpty())
            return;
        timer.start();
        message = queue.takeFirst();
        method = message.toObject().value(QStringLiteral("method")).toString().toLatin1();
        // Answers that need no worker go out at once, still in the session's order (nothing of it is running).
        const QByteArray quick = message.isObject()
                                     ? mcp::McpEngine::quickAnswer(message.toObject(), *session->state(), m_answers)
                                     : QByteArray();
        if (quick.isEmpty())
            break;
        session->sendOnStream(quick);
        m_metrics.recordCall(method, false, double(timer.nsecsElapsed()) / 1e6);
    }
    m_legacyBusy.insert(id);
    ++m_pendingRequests;
    ++session->activeRequests;
    m_workers.submit(
        session->state(), message, this,
        [session](const QByteArray& notification) { session->sendOnStream(notification); },
        [this, session, id, timer, method](const WorkerPool::Outcome& outcome) {
            --m_pendingRequests;
            --session->activeRequests;
            m_legacyBusy.remove(id);
            for (const QByteArray& answer : outcome.replies)
                session->sendOnStream(answer);
            m_metrics.recordCall(method.isEmpty() ? QByteArray("batch") : method, outcome.error || outcome.toolError,
                                 double(timer.nsecsElapsed()) / 1e6);
            if (m_sessions.find(id))
                dispatchLegacy(session);
        });
}

void McpHttpServer::answerNoSession(const Reply& reply, SessionRegistry::Refusal refusal)
{
    if (refusal == SessionRegistry::Refusal::ClientFull)
        return answerError(reply, 429, -32000,
                           QStringLiteral("Too Many Requests: this client has %1 sessions open; end one (DELETE) first")
                               .arg(m_settings.maxSessionsPerClient));
    answerError(reply, 503, -32000, QStringLiteral("Service Unavailable: too many sessions, try again later"));
}

void McpHttpServer::getHealth(Exchange& exchange)
{
    const Reply reply = exchange.reply;
    // /health needs no token; the database's path is shown only to a caller that sent the required token
    // (`jcr-mcp-server healthcheck` sends JCR_MCP_TOKEN), never to anyone who can reach the port.
    const bool trusted = m_guard.tokenRequired() && m_guard.tokenAccepted(header(exchange.request, "authorization"));
    m_workers.health(this, [this, reply, trusted](const HealthReport& report) {
        QJsonObject health = report.toJson();
        // Where the database lives is for the operator (this log, `healthcheck` with the token), not for anyone
        // who can reach /health: without the token the body names the file only.
        if (!report.healthy && report.message != m_lastHealthMessage)
            qCWarning(lcHttp).noquote() << "unhealthy:" << report.message << "(database" << report.path << ")";
        m_lastHealthMessage = report.healthy ? QString() : report.message;
        if (!trusted)
            health.remove(QStringLiteral("path"));
        if (!trusted && !report.path.isEmpty() && !report.message.isEmpty()) {
            QString message = report.message;
            message.replace(report.path, QFileInfo(report.path).fileName());
            health.insert(QStringLiteral("message"), message);
        }
        health.insert(QStringLiteral("version"), mcp::McpEngine::serverVersion());
        health.insert(QStringLiteral("uptimeSeconds"), m_uptime.elapsed() / 1000);
        health.insert(
            QStringLiteral("sessions"),
            QJsonObject{{QStringLiteral("streamableHttp"), m_sessions.count(HttpSession::Kind::StreamableHttp)},
                        {QStringLiteral("sse"), m_sessions.count(HttpSession::Kind::Sse)}});
        answer(reply, report.healthy ? 200 : 503, QJsonDocument(health).toJson(QJsonDocument::Compact),
               "application/json", RequestGuard::corsHeaders(reply.origin));
    });
}

void McpHttpServer::getMetrics(Exchange& exchange)
{
    const QByteArray text = m_metrics.render({{"streamable-http", m_sessions.count(HttpSession::Kind::StreamableHttp)},
                                              {"sse", m_sessions.count(HttpSession::Kind::Sse)}},
                                             m_workers.busyThreads(), double(m_uptime.elapsed()) / 1000.0);
    answer(exchange.reply, 200, text, "text/plain; version=0.0.4; charset=utf-8");
}

void McpHttpServer::preflight(Exchange& exchange)
{
    Headers headers = RequestGuard::corsHeaders(exchange.reply.origin);
    headers.emplace_back("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
    headers.emplace_back("Access-Control-Allow-Headers",
                         "Content-Type, Accept, Authorization, Mcp-Session-Id, MCP-Protocol-Version, Mcp-Method, "
                         "Mcp-Name, Last-Event-ID");
    headers.emplace_back("Access-Control-Max-Age", "86400");
    answer(exchange.reply, 204, QByteArray(), QByteArray(), headers);
}

void McpHttpServer::answer(
    const Reply& reply, int status, const QByteArray& body, const QByteArray& contentType, const Headers& extra)
{
    Headers headers;
    if (!contentType.isEmpty())
        headers.emplace_back("Content-Type", contentType);
    headers.emplace_back("Cache-Control", "no-store");
    headers += extra;
    if (m_shuttingDown)
        headers.emplace_back("Connection", "close");
    reply.response->write(httpResponse(status, headers, body));
    reply.response->finish();
    finished(reply, status);
}

void McpHttpServer::answerError(const Reply& reply, int status, int code, const QString& message, const Headers& extra)
{
    answer(reply, status, jsonRpcErrorBody(code, message), "application/json",
           RequestGuard::corsHeaders(reply.origin) + extra);
}

void McpHttpServer::finished(const Reply& reply, int status)
{
    m_metrics.recordRequest(reply.route, status, double(reply.timer.nsecsElapsed()) / 1e6);
}

} // namespace jcr::http
