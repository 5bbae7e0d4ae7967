#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace jcr::http {

/// One client connection: writes the responses to its requests in request order, whenever each is ready.
///
/// Requests are answered asynchronously (queries run on worker threads), but HTTP/1.1 requires responses
/// in the order of the requests on a connection. Each request takes a Response slot at once; a slot's
/// bytes go to the socket while it is the oldest unfinished one and are held back otherwise.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    class Response
    {
    public:
        /// Writes (or holds back) bytes of this response.
        void write(const QByteArray& bytes);
        /// The response is complete; the next one may go out.
        void finish();
        bool isFinished() const { return m_finished; }
        /// False once the client has gone; writing is then a no-op.
        bool isConnected() const;

    private:
        friend class HttpConnection;
        QPointer<HttpConnection> m_connection;
        QByteArray m_heldBack;
        bool m_finished = false;
    };
    using ResponsePtr = std::shared_ptr<Response>;

    /// The connection object of `socket`, created on first use as the socket's child.
    static HttpConnection* of(QTcpSocket* socket);

    /// A slot for the response to the request just read.
    ResponsePtr openResponse();
    /// Closes the connection once every response is out (Connection: close, shutdown).
    void closeWhenDone();
    /// True while a response is still being written (a request in flight or a stream open).
    bool isBusy() const { return !m_queue.isEmpty(); }
    /// Responses opened and not yet completely handed to the socket.
    int responsesInFlight() const { return int(m_queue.size()); }
    /// Bytes written by responses that the client has not taken yet (socket buffer and held back).
    qint64 unsentBytes() const;
    /// A connection whose unsent bytes pass `bytes` is aborted: its client does not read (an SSE stream
    /// nobody reads would otherwise grow without end).
    void setOutputLimit(qint64 bytes) { m_outputLimit = bytes; }
    QTcpSocket* socket() const { return m_socket; }

signals:
    /// The client closed the connection or it failed; open responses will never reach it.
    void closed();
    /// Bytes went out to the client or a response completed: there may be room for more.
    void drained();

private:
    explicit HttpConnection(QTcpSocket* socket);
    void flush();
    void enforceOutputLimit();

    QTcpSocket* m_socket;
    QList<ResponsePtr> m_queue;
    bool m_closeWhenDone = false;
    qint64 m_outputLimit = 0; ///< 0: none
};

/// Bytes of a complete HTTP/1.1 response with Content-Length (and the headers every response carries).
QByteArray httpResponse(int status, const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& body);
QByteArray reasonPhrase(int status);
/// The body of an HTTP-level error: a JSON-RPC error without id, since the request may not even be JSON.
QByteArray jsonRpcErrorBody(int code, const QString& message);

} // namespace jcr::http
