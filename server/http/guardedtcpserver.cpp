#include "guardedtcpserver.h"

#include "connectionreader.h"
#include "platform.h"

#include <QLoggingCategory>
#include <QTcpSocket>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace jcr::http {

namespace {

/// File descriptors kept for everything but client connections: the database connections of the workers,
/// log files, the listening sockets, Qt's own.
constexpr int ReservedDescriptors = 64;
constexpr int AcceptRetryMilliseconds = 500;

int connectionLimitFor(int configured)
{
    const int openFiles = platform::raiseOpenFileLimit();
    if (openFiles <= 0)
        return configured; // no such limit on this system
    return std::max(1, std::min(configured, openFiles - ReservedDescriptors));
}

} // namespace

GuardedTcpServer::GuardedTcpServer(const HttpSettings& settings, const RequestGuard& guard, QObject* parser)
    : QTcpServer(parser), m_settings(settings), m_guard(guard), m_parser(parser),
      m_connectionLimit(connectionLimitFor(settings.maxConnections))
{
    setListenBacklogSize(1024); // bursts of clients (hundreds of SSE streams) are not refused
    setMaxPendingConnections(1024);
    if (m_connectionLimit < settings.maxConnections)
        qCWarning(lcHttp) << "at most" << m_connectionLimit << "connections: the open-file limit allows no more";
    connect(this, &QTcpServer::acceptError, this, &GuardedTcpServer::acceptFailed);
    m_acceptRetry.setSingleShot(true);
    m_acceptRetry.setInterval(AcceptRetryMilliseconds);
    connect(&m_acceptRetry, &QTimer::timeout, this, [this] {
        m_acceptBackoff = false;
        updateAccepting();
    });
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    ++m_openConnections;
    connect(socket, &QObject::destroyed, this, &GuardedTcpServer::connectionClosed);
    // Connected before QAbstractHttpServer connects its own reader, so these checks run first...
    auto* reader = new ConnectionReader(socket, m_parser, m_settings, m_guard);
    connect(reader, &ConnectionReader::refused, this, &GuardedTcpServer::requestRefused);
    addPendingConnection(socket); // QAbstractHttpServer takes the socket here (pendingConnectionAvailable)
    // ...and this one after it.
    reader->attachAfterParser();
    updateAccepting();
}

void GuardedTcpServer::connectionClosed()
{
    --m_openConnections;
    updateAccepting();
}

void GuardedTcpServer::acceptFailed(QAbstractSocket::SocketError error)
{
    // QTcpServer has paused accepting; without a retry it would never accept again.
    qCWarning(lcHttp) << "cannot accept a connection:" << error << errorString() << "- retrying in"
                      << AcceptRetryMilliseconds << "ms";
    m_acceptBackoff = true;
    m_acceptRetry.start();
    updateAccepting();
}

void GuardedTcpServer::updateAccepting()
{
    if (!isListening())
        return;
    if (m_acceptBackoff || m_openConnections >= m_connectionLimit)
        pauseAccepting();
    else
        resumeAccepting();
}

} // namespace jcr::http
