#include "cannedhttpserver.h"

#include <QTcpSocket>
#include <QUrl>

namespace jcr::test {

CannedHttpServer::CannedHttpServer(Handler handler, QObject* parent) : QObject(parent), m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &CannedHttpServer::serve);
    m_server.listen(QHostAddress::LocalHost);
}

QString CannedHttpServer::url(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void CannedHttpServer::serve()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            if (!socket->canReadLine() || !socket->property("done").isNull())
                return;
            // Read the request line and headers; the tests send no bodies.
            const QByteArray head = socket->peek(socket->bytesAvailable());
            if (!head.contains("\r\n\r\n"))
                return;
            socket->setProperty("done", true);
            Request request;
            const QList<QByteArray> lines = head.left(head.indexOf("\r\n\r\n")).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = QUrl::fromPercentEncoding(requestLine.value(1)).toUtf8();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                           lines.at(i).mid(colon + 1).trimmed());
            }
            m_requests.append(request);
            const Reply reply = m_handler(request);
            socket->write("HTTP/1.0 " + QByteArray::number(reply.status) +
                          " Canned\r\nContent-Type: " + reply.contentType +
                          "\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n");
            socket->write(reply.cutBodyInHalf ? reply.body.left(reply.body.size() / 2) : reply.body);
            socket->disconnectFromHost();
        });
    }
}

} // namespace jcr::test
