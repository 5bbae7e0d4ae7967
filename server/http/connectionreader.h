#pragma once

#include "httpsettings.h"
#include "requestframer.h"
#include "requestguard.h"

#include <QList>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace jcr::http {

class HttpConnection;

/// The read side of one connection: every byte a client sends passes here before QAbstractHttpServer (Qt
/// 6.4) parses it, so that no request is buffered, parsed or answered that should not be.
///
/// - Framing: RequestFramer finds each request's head and end as bytes arrive; a head over its limit gets
///   431, a body over its limit 413 as soon as it passes the limit (chunked included), an ambiguous framing
///   (bad or conflicting Content-Length, Content-Length with chunked) 400, and the connection is closed.
/// - Admission: Host/Origin and the token are checked on the head (RequestGuard::admit), so an
///   unauthenticated client gets 401 before a byte of its body is kept.
/// - Pacing: a connection whose unsent output or number of answers in flight is over its limit is not read
///   further until its client reads; TCP then holds the client back.
/// - Timeouts: a head must arrive within headerTimeoutSeconds, a body within bodyTimeoutSeconds (408), and
///   a connection with nothing to do is closed after idleConnectionSeconds.
///
/// How it stays ahead of Qt's parser: its readyRead slot is connected before the parser's and another after
/// it, so it sees which bytes are new each time. Pausing uses QIODevice's read transaction, at a request
/// boundary (where the parser has just committed its own): the waiting bytes are read inside the
/// transaction, where the parser cannot see them, and given back by rolling it back.
///
/// After a refusal the parser is detached and the connection lingers: what the client still sends (the body
/// of a refused upload) is read and dropped until it closes or two seconds pass, so that closing with
/// unread bytes does not reset the connection before the client has read the answer.
class ConnectionReader : public QObject
{
    Q_OBJECT
public:
    /// Watches `socket`; call attachAfterParser() once `parser` (the QAbstractHttpServer) has connected to it.
    ConnectionReader(QTcpSocket* socket, QObject* parser, const HttpSettings& settings, const RequestGuard& guard);

    static ConnectionReader* of(QTcpSocket* socket);

    void attachAfterParser();

    /// Called for each request QAbstractHttpServer hands over, in order. False: the request must not be
    /// served (it was refused, and its answer is on its way). *keepAlive: whether the connection stays open.
    bool takeRequest(bool* keepAlive);
    /// Called once the request taken last has opened its response (the parser stands between requests).
    void requestHandled();

signals:
    /// A request was refused here (status 4xx) without reaching the server's routes.
    void refused(int status);

private:
    /// What was decided about one framed request that the parser has not handed over yet.
    struct Verdict
    {
        bool accepted = true;
        bool keepAlive = true;
        RequestGuard::Refusal refusal;
    };
    enum class Phase { AwaitingHead, ReadingBody, Idle, Lingering };

    void beforeParser();
    void afterParser();
    void frame(QByteArrayView bytes);
    void headComplete();
    QList<QPair<QByteArray, QByteArray>> corsHeadersForCurrentHead() const;
    void refuse(const RequestGuard::Refusal& refusal);
    void answerRefusalWhenDue();
    void hideWaitingBytes();
    void closeAfterRefusal();
    void lingerWhenWritten();
    bool overLimits() const;
    void pauseIfOverLimits();
    void resumeIfDrained();
    void startPhase(Phase phase);
    void timedOut();

    QTcpSocket* m_socket;
    QObject* m_parser;
    HttpConnection* m_connection;
    HttpSettings m_settings;
    RequestGuard m_guard;
    RequestFramer m_framer;
    QList<Verdict> m_verdicts;
    QTimer m_timer;
    Phase m_phase = Phase::AwaitingHead;
    qint64 m_visibleAfterParser = 0;  ///< unread bytes the parser left, all of them framed already
    bool m_inAcceptedRequest = false; ///< the head of the request being read was accepted
    bool m_paused = false;            ///< waiting bytes are hidden in a read transaction
    bool m_closing = false;           ///< a request was refused: nothing after it is parsed
    bool m_parserDetached = false;    ///< the refusal is answered; what the client still sends is discarded
};

} // namespace jcr::http
