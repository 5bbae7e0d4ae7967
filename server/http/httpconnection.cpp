#include "httpconnection.h"

namespace jcr::http {

HttpConnection::HttpConnection(QTcpSocket* socket) : QObject(socket), m_socket(socket)
{
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::closed);
    connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::SocketTimeoutError)
            emit closed();
    });
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
    while (!m_queue.isEmpty()) {
        const ResponsePtr& head = m_queue.first();
        if (!head->m_heldBack.isEmpty()) {
            m_socket->write(head->m_heldBack);
            head->m_heldBack.clear();
        }
        if (!head->m_finished)
            return;
        m_queue.removeFirst();
    }
    if (m_closeWhenDone && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost();
}

void HttpConnection::Response::write(const QByteArray& bytes)
{
    if (!isConnected() || bytes.isEmpty())
        return;
    if (m_connection->m_queue.value(0).get() == this)
        m_connection->m_socket->write(bytes);
    else
        m_heldBack += bytes;
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
    case 415:
        return "Unsupported Media Type";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
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
