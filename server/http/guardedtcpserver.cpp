#include "guardedtcpserver.h"

#include "httpconnection.h"

#include <QTcpSocket>
#include <QTimer>

namespace jcr::http {

GuardedTcpServer::GuardedTcpServer(const HttpSettings& settings, QObject* parent)
    : QTcpServer(parent), m_settings(settings)
{
    setListenBacklogSize(1024); // bursts of clients (hundreds of SSE streams) are not refused
    setMaxPendingConnections(1024);
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Connected before QAbstractHttpServer connects its own reader, so these checks run first.
    watch(socket);
    addPendingConnection(socket);
}

void GuardedTcpServer::watch(QTcpSocket* socket)
{
    auto* timer = new QTimer(socket);
    timer->setSingleShot(true);
    timer->start(m_settings.headerTimeoutSeconds * 1000);
    connect(timer, &QTimer::timeout, socket, [this, socket, timer] {
        // A response being written (a query running, a stream open) keeps the connection.
        if (HttpConnection::of(socket)->isBusy()) {
            timer->start(m_settings.idleConnectionSeconds * 1000);
            return;
        }
        socket->disconnectFromHost();
    });
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, timer] {
        const QByteArray head = socket->peek(64 * 1024);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0)
            return; // the head is not complete yet; the timer decides
        timer->start(m_settings.idleConnectionSeconds * 1000);
        bool expectsContinue = false;
        for (const QByteArray& line : head.left(end).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = colon > 0 ? line.left(colon).trimmed().toLower() : QByteArray();
            if (name == "expect" && line.mid(colon + 1).trimmed().toLower() == "100-continue")
                expectsContinue = true;
            if (name != "content-length")
                continue;
            bool ok = false;
            const qint64 length = line.mid(colon + 1).trimmed().toLongLong(&ok);
            if (ok && length > m_settings.maxBodyBytes) {
                const QByteArray body =
                    R"({"jsonrpc":"2.0","error":{"code":-32600,"message":"Payload Too Large: at most )" +
                    QByteArray::number(m_settings.maxBodyBytes) + R"( bytes"}})";
                socket->write(httpResponse(413, {{"Content-Type", "application/json"}, {"Connection", "close"}}, body));
                socket->disconnectFromHost();
                return;
            }
        }
        // curl sends "Expect: 100-continue" with larger bodies and waits for this line before sending them;
        // QAbstractHttpServer never sends it.
        if (expectsContinue)
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    });
}

} // namespace jcr::http
