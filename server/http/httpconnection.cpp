#include "httpconnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace jcr::http {

HttpConnection::HttpConnection(QTcpSocket* socket) : QObject(socket), m_socket(socket)
{
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::closed);
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::SocketTimeoutError)
            emit closed();
    });
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpConnection::drained);
}

qint64 HttpConnection::unsentBytes() const
{
    qint64 bytes = m_socket->bytesToWrite();
    for (const ResponsePtr& response : m_queue)
        bytes += response->m_heldBack.size();
    return bytes;
}

void HttpConnection::enforceOutputLimit()
{
    if (m_outputLimit <= 0 || m_socket->state() != QAbstractSocket::ConnectedState || unsentBytes() <= m_outputLimit)
        return;
    qCInfo(lcHttp) << "closing a connection whose client does not read:" << unsentBytes() << "bytes unsent";
    m_socket->abort();
}

HttpConnection* HttpConnection::of(QTcpSocket* socket)
{
    if (auto* existing = socket->findChild<HttpConnection*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new HttpConnection(socket);
}

HttpConnection::ResponsePtr HttpConnection::openResponse()
{
    auto response = std::make_shared<Response>();
    response->m_connection = this;
    m_queue.append(response);
    return response;
}

void HttpConnection::closeWhenDone()
{
    m_closeWhenDone = true;
    flush();
}

void HttpConnection::flush()
{
    bool completed = false;
    while (!m_queue.isEmpty()) {
        const ResponsePtr& head = m_queue.first();
        if (!head->m_heldBack.isEmpty()) {
            m_socket->write(head->m_heldBack);
            head->m_heldBack.clear();
        }
        if (!head->m_finished)
            break;
        m_queue.removeFirst();
        completed = true;
    }
    if (m_queue.isEmpty() && m_closeWhenDone && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost();
    if (completed)
        emit drained();
}

void HttpConnection::Response::write(const QByteArray& bytes)
{
    if (!isConnected() || bytes.isEmpty())
        return;
    if (m_connection->m_queue.value(0).get() == this)
        m_connection->m_socket->write(bytes);
    else
        m_heldBack += bytes;
    m_connection->enforceOutputLimit();
}

void HttpConnection::Response::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (isConnected())
        m_connection->flush();
}

bool HttpConnection::Response::isConnected() const
{
    return m_connection && m_connection->m_socket->state() == QAbstractSocket::ConnectedState;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

QByteArray jsonRpcErrorBody(int code, const QString& message)
{
    const QJsonObject error{
        {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
    return QJsonDocument(error).toJson(QJsonDocument::Compact);
}

QByteArray httpResponse(int status, const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& body)
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto& [name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    bytes += body;
    return bytes;
}

} // namespace jcr::http
