#include "ssestream.h"

namespace jcr::http {

SseStream::SseStream(HttpConnection* connection,
                     HttpConnection::ResponsePtr response,
                     const QList<QPair<QByteArray, QByteArray>>& headers,
                     int keepAliveSeconds,
                     QObject* parent)
    : QObject(parent), m_response(std::move(response))
{
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                      "Transfer-Encoding: chunked\r\nX-Accel-Buffering: no\r\n";
    for (const auto& [name, value] : headers)
        head += name + ": " + value + "\r\n";
    m_response->write(head + "\r\n");
    connect(connection, &HttpConnection::closed, this, [this] {
        if (!m_ended) {
            m_ended = true;
            m_keepAlive.stop();
            emit closed();
        }
    });
    // Comments keep proxies and idle timers from closing a quiet stream; clients ignore them.
    m_keepAlive.setInterval(keepAliveSeconds * 1000);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] { writeChunk(": keep-alive\n\n"); });
    m_keepAlive.start();
}

SseStream::~SseStream()
{
    end();
}

void SseStream::writeChunk(const QByteArray& bytes)
{
    if (!m_ended)
        m_response->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
}

void SseStream::send(const QByteArray& data, const QByteArray& event, const QByteArray& id)
{
    QByteArray bytes;
    if (!id.isEmpty())
        bytes += "id: " + id + '\n';
    if (!event.isEmpty())
        bytes += "event: " + event + '\n';
    bytes += "data: " + data + "\n\n";
    writeChunk(bytes);
    m_keepAlive.start(); // restart: only idle streams need comments
}

void SseStream::prime(const QByteArray& id, int retryMilliseconds)
{
    writeChunk("id: " + id + "\nretry: " + QByteArray::number(retryMilliseconds) + "\ndata: \n\n");
}

void SseStream::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_keepAlive.stop();
    m_response->write("0\r\n\r\n");
    m_response->finish();
    emit closed();
}

} // namespace jcr::http
