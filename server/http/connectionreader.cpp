#include "connectionreader.h"

#include "httpconnection.h"

#include <QLoggingCategory>
#include <QTcpSocket>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace jcr::http {

namespace {

/// How long a refused client may go on sending (and have it dropped) after its answer was written.
constexpr int LingerSeconds = 2;

RequestFramer::Limits framerLimits(const HttpSettings& settings)
{
    RequestFramer::Limits limits;
    limits.maxHeadBytes = settings.maxHeaderBytes;
    limits.maxHeaderFields = settings.maxHeaderFields;
    limits.maxBodyBytes = settings.maxBodyBytes;
    return limits;
}

} // namespace

ConnectionReader::ConnectionReader(QTcpSocket* socket,
                                   QObject* parser,
                                   const HttpSettings& settings,
                                   const RequestGuard& guard)
    : QObject(socket), m_socket(socket), m_parser(parser), m_connection(HttpConnection::of(socket)),
      m_settings(settings), m_guard(guard), m_framer(framerLimits(settings))
{
    // The parser keeps a whole request in the socket's buffer (inside its read transaction) until it is
    // complete; a request never needs more than this, and a paused connection holds at most this much.
    socket->setReadBufferSize(settings.maxHeaderBytes + settings.maxBodyBytes + 16 * 1024);
    m_connection->setOutputLimit(8 * settings.maxUnsentBytesPerConnection);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionReader::beforeParser);
    connect(m_connection, &HttpConnection::drained, this, &ConnectionReader::resumeIfDrained);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionReader::timedOut);
    startPhase(Phase::AwaitingHead);
}

ConnectionReader* ConnectionReader::of(QTcpSocket* socket)
{
    return socket->findChild<ConnectionReader*>(QString(), Qt::FindDirectChildrenOnly);
}

void ConnectionReader::attachAfterParser()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionReader::afterParser);
}

void ConnectionReader::beforeParser()
{
    const qint64 visible = m_socket->bytesAvailable();
    // Everything the parser could already see was framed when it arrived; only the rest is new. While paused,
    // every visible byte is new: the older ones are hidden in the transaction.
    const qint64 fresh = visible - m_visibleAfterParser;
    if (m_parserDetached) {
        m_socket->skip(visible);
        return;
    }
    if (fresh > 0 && !m_closing) {
        const QByteArray waiting = m_socket->peek(visible);
        frame(QByteArrayView(waiting).sliced(visible - fresh));
    }
    if (m_paused)
        hideWaitingBytes();
}

void ConnectionReader::afterParser()
{
    m_visibleAfterParser = m_socket->bytesAvailable();
}

void ConnectionReader::frame(QByteArrayView bytes)
{
    for (;;) {
        RequestFramer::Event event;
        bytes = bytes.sliced(m_framer.feed(bytes, &event));
        switch (event) {
        case RequestFramer::Event::NeedMore:
            if (m_phase == Phase::Idle && !m_framer.isBetweenRequests())
                startPhase(Phase::AwaitingHead); // a new head began
            return;
        case RequestFramer::Event::HeadComplete:
            headComplete();
            if (m_closing)
                return;
            break;
        case RequestFramer::Event::RequestComplete:
            m_inAcceptedRequest = false;
            startPhase(Phase::Idle);
            break;
        case RequestFramer::Event::Failed:
            refuse({m_framer.failure().status, -32600, QString::fromLatin1(m_framer.failure().message),
                    corsHeadersForCurrentHead()});
            return;
        }
    }
}

void ConnectionReader::headComplete()
{
    const RequestFramer::Head& head = m_framer.head();
    if (const std::optional<RequestGuard::Refusal> refusal = m_guard.admit(head))
        return refuse(*refusal);
    m_verdicts.append({true, head.keepAlive, {}});
    m_inAcceptedRequest = true;
    if (head.hasBody())
        startPhase(Phase::ReadingBody);
    // curl sends "Expect: 100-continue" with larger bodies and waits for this line before sending them; the
    // parser never sends it. Only when nothing is answered before it, or the line would cut into an answer.
    if (head.expectsContinue && head.hasBody() && head.contentLength <= m_settings.maxBodyBytes &&
        m_verdicts.size() == 1 && !m_connection->isBusy())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

QList<QPair<QByteArray, QByteArray>> ConnectionReader::corsHeadersForCurrentHead() const
{
    // A browser may read the error when its Origin is allowed (a head cut short has none: then no headers).
    const QByteArray origin = m_framer.head().field("origin");
    return m_guard.originAllowed(origin) ? RequestGuard::corsHeaders(origin) : QList<QPair<QByteArray, QByteArray>>();
}

void ConnectionReader::refuse(const RequestGuard::Refusal& refusal)
{
    m_closing = true;
    // A request refused in its body (too large, too slow) was accepted on its head: the refusal replaces it.
    if (m_inAcceptedRequest) {
        m_verdicts.removeLast();
        m_inAcceptedRequest = false;
    }
    m_verdicts.append({false, false, refusal});
    // The answers before the refusal still have their time to be written; then the connection lingers.
    startPhase(Phase::Idle);
    answerRefusalWhenDue();
}

void ConnectionReader::answerRefusalWhenDue()
{
    // Answers go out in request order: the refusal waits for the requests before it to be handed over.
    if (m_verdicts.isEmpty() || m_verdicts.constFirst().accepted)
        return;
    const RequestGuard::Refusal refusal = m_verdicts.takeFirst().refusal;
    emit refused(refusal.status);
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}, {"Connection", "close"}};
    headers += refusal.headers;
    const HttpConnection::ResponsePtr response = m_connection->openResponse();
    response->write(httpResponse(refusal.status, headers, jsonRpcErrorBody(refusal.code, refusal.message)));
    response->finish();
    closeAfterRefusal();
}

void ConnectionReader::closeAfterRefusal()
{
    // Every request before the refusal has been handed over (the parser stands between requests, or inside
    // the refused one): nothing more on this connection is ever parsed.
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_parser, nullptr);
    m_parserDetached = true;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->setReadBufferSize(16 * 1024);
    m_socket->skip(m_socket->bytesAvailable());
    connect(m_connection, &HttpConnection::drained, this, &ConnectionReader::lingerWhenWritten);
    lingerWhenWritten();
}

void ConnectionReader::lingerWhenWritten()
{
    if (m_phase == Phase::Lingering || m_connection->isBusy() || m_socket->bytesToWrite() > 0)
        return;
    startPhase(Phase::Lingering);
}

bool ConnectionReader::takeRequest(bool* keepAlive)
{
    if (m_verdicts.isEmpty() || !m_verdicts.constFirst().accepted) {
        // The parser read a request this class did not accept (it cannot, while the framing agrees): drop it.
        qCWarning(lcHttp) << "dropped a request the framing did not accept";
        m_closing = true;
        m_connection->closeWhenDone();
        return false;
    }
    *keepAlive = m_verdicts.takeFirst().keepAlive;
    return true;
}

void ConnectionReader::requestHandled()
{
    // Now that its response has its place: a refusal right behind it may go out, and the connection may
    // have to wait for its client.
    answerRefusalWhenDue();
    pauseIfOverLimits();
}

void ConnectionReader::hideWaitingBytes()
{
    // Reading inside a transaction keeps the bytes in the socket's buffer but out of the parser's sight.
    // Pausing starts only where the parser stands between requests (it commits its own transaction before it
    // hands a request over), so rolling back shows it exactly the bytes it has not read.
    if (!m_socket->isTransactionStarted())
        m_socket->startTransaction();
    m_socket->skip(m_socket->bytesAvailable());
    m_visibleAfterParser = 0;
}

bool ConnectionReader::overLimits() const
{
    return m_connection->responsesInFlight() >= m_settings.maxRequestsInFlightPerConnection ||
           m_connection->unsentBytes() > m_settings.maxUnsentBytesPerConnection;
}

void ConnectionReader::pauseIfOverLimits()
{
    if (m_paused || m_closing || !overLimits())
        return;
    m_paused = true;
    hideWaitingBytes();
}

void ConnectionReader::resumeIfDrained()
{
    // Also while closing: the accepted requests before a refusal must still be handed over.
    if (!m_paused || overLimits())
        return;
    m_paused = false;
    m_socket->rollbackTransaction();
    m_visibleAfterParser = m_socket->bytesAvailable(); // framed when they arrived
    // The parser reads on readyRead only; the bytes it was not shown are waiting.
    if (m_visibleAfterParser > 0)
        QMetaObject::invokeMethod(m_socket, &QTcpSocket::readyRead, Qt::QueuedConnection);
}

void ConnectionReader::startPhase(Phase phase)
{
    m_phase = phase;
    const int seconds = phase == Phase::AwaitingHead  ? m_settings.headerTimeoutSeconds
                        : phase == Phase::ReadingBody ? m_settings.bodyTimeoutSeconds
                        : phase == Phase::Lingering   ? LingerSeconds
                                                      : m_settings.idleConnectionSeconds;
    m_timer.start(seconds * 1000);
}

void ConnectionReader::timedOut()
{
    if (m_phase == Phase::Lingering || (m_closing && m_phase == Phase::Idle)) {
        m_socket->abort(); // the client had its answer, or would not read the answers before it
        return;
    }
    // A response being written (a query running, a stream open) keeps an idle connection.
    const bool midRequest = !m_framer.isBetweenRequests();
    if (m_connection->isBusy() && !midRequest) {
        m_timer.start(m_settings.idleConnectionSeconds * 1000);
        return;
    }
    if (!midRequest) {
        m_socket->disconnectFromHost();
        return;
    }
    qCInfo(lcHttp) << "request timed out" << (m_phase == Phase::ReadingBody ? "in its body" : "in its head");
    refuse({408, -32600, QStringLiteral("Request Timeout: the request did not arrive in time"),
            corsHeadersForCurrentHead()});
}

} // namespace jcr::http
