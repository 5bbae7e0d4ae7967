#include "singleinstance.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace jcr::gui {

namespace {

constexpr int ConnectTimeout = 1000;
constexpr qsizetype MaxMessage = 256;

} // namespace

SingleInstance::SingleInstance(const QString& socketPath, QObject* parent) : QObject(parent), m_socketPath(socketPath)
{
}

QString SingleInstance::defaultSocketPath()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    return QDir(folder).filePath(QStringLiteral("jcr-mcp-tray.socket"));
}

bool SingleInstance::claim(const QByteArray& message)
{
    QLocalSocket other;
    other.connectToServer(m_socketPath);
    if (other.waitForConnected(ConnectTimeout)) {
        other.write(message.left(MaxMessage) + '\n');
        other.waitForBytesWritten(ConnectTimeout);
        other.disconnectFromServer();
        return false;
    }
    // Nobody answers: a socket file left by an app that crashed would make listen() fail.
    QLocalServer::removeServer(m_socketPath);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnection);
    // Not listening only costs the guard (a second start would run a second app); the app still works.
    m_server->listen(m_socketPath);
    return true;
}

void SingleInstance::acceptConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > MaxMessage)
                    socket->abort();
                return;
            }
            emit messageReceived(socket->readLine(MaxMessage + 1).trimmed());
            socket->disconnectFromServer();
        });
    }
}

} // namespace jcr::gui
