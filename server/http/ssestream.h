#pragma once

#include "httpconnection.h"

#include <QObject>
#include <QTimer>

namespace jcr::http {

/// A Server-Sent Events response on one connection: the 200 head with `Transfer-Encoding: chunked`, then
/// events (each with an id when given), keep-alive comments while idle, and the terminating chunk.
class SseStream : public QObject
{
    Q_OBJECT
public:
    /// Starts the stream on `response`; `headers` are added to the head (CORS, session id).
    SseStream(HttpConnection* connection,
              HttpConnection::ResponsePtr response,
              const QList<QPair<QByteArray, QByteArray>>& headers,
              int keepAliveSeconds,
              QObject* parent = nullptr);
    ~SseStream() override;

    /// `event` may be empty (a plain message); `data` must be one line (compact JSON).
    void send(const QByteArray& data, const QByteArray& event = QByteArray(), const QByteArray& id = QByteArray());
    /// An event with an id and empty data: lets a client resume (SEP-1699 priming event).
    void prime(const QByteArray& id, int retryMilliseconds);
    /// Ends the response cleanly; the connection stays usable for further requests.
    void end();
    bool isOpen() const { return !m_ended && m_response->isConnected(); }

signals:
    /// The client went away (or end() was called).
    void closed();

private:
    void writeChunk(const QByteArray& bytes);

    HttpConnection::ResponsePtr m_response;
    QTimer m_keepAlive;
    bool m_ended = false;
};

} // namespace jcr::http
