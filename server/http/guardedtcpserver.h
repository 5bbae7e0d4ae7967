#pragma once

#include "httpsettings.h"
#include "requestguard.h"

#include <QTcpServer>
#include <QTimer>

namespace jcr::http {

/// The listening socket, with what QAbstractHttpServer (Qt 6.4) does not have:
/// - every connection gets a ConnectionReader, which frames, admits and paces its requests before the
///   parser sees them (see there);
/// - at most maxConnections connections are open at once (and never more than the open-file limit allows):
///   past that, accepting pauses and new clients wait in the listen backlog;
/// - when accept() fails for lack of file descriptors (EMFILE, ENFILE), accepting pauses for a moment
///   instead of failing again at once, so the event loop keeps serving the connections it has.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    /// `parser` is the QAbstractHttpServer this server is bound to.
    GuardedTcpServer(const HttpSettings& settings, const RequestGuard& guard, QObject* parser);

    int openConnections() const { return m_openConnections; }
    /// The connection cap in force: maxConnections, lowered to fit the process's open-file limit.
    int connectionLimit() const { return m_connectionLimit; }

signals:
    /// A request was refused before reaching the routes (framing, limits, Host/Origin, token, timeout).
    void requestRefused(int status);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void connectionClosed();
    void acceptFailed(QAbstractSocket::SocketError error);
    void updateAccepting();

    HttpSettings m_settings;
    RequestGuard m_guard;
    QObject* m_parser;
    int m_openConnections = 0;
    int m_connectionLimit = 0;
    bool m_acceptBackoff = false; ///< accept() failed for lack of resources; retrying after a pause
    QTimer m_acceptRetry;
};

} // namespace jcr::http
