#include "heldfileserver.h"

#include <QDir>
#include <QFile>
#include <QUrl>

namespace jcr::test {

HeldFileServer::HeldFileServer(const QString& folder, const QString& heldFile, QObject* parent)
    : QObject(parent), m_folder(folder), m_heldFile(heldFile)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HeldFileServer::serve);
    m_server.listen(QHostAddress::LocalHost);
}

QString HeldFileServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/data/").arg(m_server.serverPort());
}

QStringList HeldFileServer::fileNames() const
{
    return QDir(m_folder).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
}

void HeldFileServer::release()
{
    m_released = true;
    const auto held = m_held;
    m_held.clear();
    for (const auto& [socket, path] : held) {
        if (socket)
            answer(socket, path);
    }
}

void HeldFileServer::serve()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            // Only the request line matters; a GET carries no body.
            const QByteArray head = socket->peek(socket->bytesAvailable());
            if (!head.contains("\r\n\r\n") || !socket->property("seen").isNull())
                return;
            socket->setProperty("seen", true);
            const QByteArray path = head.left(head.indexOf("\r\n")).split(' ').value(1);
            const QString name = QUrl::fromPercentEncoding(path.mid(path.lastIndexOf('/') + 1));
            if (!m_released && name == m_heldFile)
                m_held.append({socket, path});
            else
                answer(socket, path);
        });
    }
}

void HeldFileServer::answer(QTcpSocket* socket, const QByteArray& path)
{
    const QString name = QUrl::fromPercentEncoding(path.mid(path.lastIndexOf('/') + 1));
    QFile file(QDir(m_folder).filePath(name));
    const bool found = !name.contains(QLatin1Char('/')) && file.open(QIODevice::ReadOnly);
    const QByteArray body = found ? file.readAll() : QByteArray("not found");
    socket->write((found ? QByteArray("HTTP/1.0 200 OK") : QByteArray("HTTP/1.0 404 Not Found")) +
                  "\r\nContent-Type: text/csv\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
                  body);
    socket->disconnectFromHost();
}

} // namespace jcr::test
