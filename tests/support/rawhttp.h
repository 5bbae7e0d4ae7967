#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QTcpSocket>

#include <optional>

namespace jcr::test {

/// One HTTP/1.1 client connection to 127.0.0.1 that writes exactly the bytes a test asks for and reads the
/// answer synchronously. Black-box protocol tests need what well-behaved clients (QNetworkAccessManager)
/// never do: no Accept header, a garbage request line, a body larger than announced, a stream read one
/// SSE event at a time. Blocking QTcpSocket calls, so use it from a test function, not from a slot.
class RawHttp
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Response
    {
        int status = 0; ///< 0: no status line arrived (connection refused, closed or timed out first)
        QByteArray reason;
        QHash<QByteArray, QByteArray> headers; ///< names in lower case; repeated headers joined with ", "
        QByteArray body;                       ///< decoded (chunked framing removed)
        bool complete = false;                 ///< the whole body arrived as framed
        QString error;                         ///< why the response is incomplete

        QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
        bool hasHeader(const QByteArray& name) const { return headers.contains(name.toLower()); }
        /// The body as a JSON object (empty when it is not one).
        QJsonObject json() const;
        /// Status, headers and body for failure messages.
        QString describe() const;
    };

    struct SseEvent
    {
        QByteArray id;
        QByteArray event;
        QByteArray data; ///< data lines joined with '\n'
        QByteArray retry;
        QList<QByteArray> comments; ///< text after ':' of comment lines, leading space removed
        bool hasId = false;
        bool hasData = false;
        QJsonObject json() const;
    };

    explicit RawHttp(quint16 port, const QByteArray& host = QByteArrayLiteral("127.0.0.1"));

    bool connectToServer(int timeoutMs = 5000);
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QString errorString() const { return m_socket.errorString(); }

    /// Writes bytes as they are. False when the connection broke before all were written, or when the server
    /// answered or closed first (the rest is not sent; its answer is left for readResponse()).
    bool sendRaw(const QByteArray& bytes, int timeoutMs = 10000);
    /// Writes a request. Adds `Host: 127.0.0.1:PORT` unless headers name a Host, and `Content-Length` for a
    /// non-empty body unless headers name Content-Length or Transfer-Encoding. Connects first if needed.
    bool sendRequest(const QByteArray& method,
                     const QByteArray& path,
                     const Headers& headers = {},
                     const QByteArray& body = {},
                     int timeoutMs = 10000);

    /// Reads the status line and headers only (for streams); the body stays for readEvent().
    Response readHead(int timeoutMs = 10000);
    /// Reads a whole response: Content-Length, chunked, or until the server closes.
    Response readResponse(int timeoutMs = 10000);
    /// After readHead() of an event stream: the next SSE event (a block ended by a blank line). A block of
    /// comments only is returned as an event with only comments. Nothing when the time ran out or the stream
    /// ended first (see streamEnded()).
    std::optional<SseEvent> readEvent(int timeoutMs = 10000);
    /// True when the body of the current response has ended (last chunk or the server closed).
    bool streamEnded() const { return m_bodyDone; }
    /// Waits until the server closes the connection; true if it did.
    bool waitForServerClose(int timeoutMs);
    void close();

    /// The headers of an MCP POST as the SDK client sends them (JSON in, JSON or an event stream out), with the
    /// session when given.
    static Headers mcpHeaders(const QByteArray& session = {});
    /// POST /mcp on a fresh connection with mcpHeaders(session), whole response read.
    static Response postMcp(quint16 port, const QByteArray& body, const QByteArray& session = {});
    /// One request on a fresh connection, whole response read.
    static Response request(quint16 port,
                            const QByteArray& method,
                            const QByteArray& path,
                            const Headers& headers = {},
                            const QByteArray& body = {},
                            int timeoutMs = 15000);

    /// Parses one complete response from `buffer` (status line, headers, framed body). Returns true and
    /// removes the bytes when complete; with `eof` a close-delimited body is complete. Usable from any
    /// thread: the load test feeds it bytes read from plain POSIX sockets.
    static bool parseResponse(QByteArray* buffer, Response* out, bool eof);
    /// Splits a whole event-stream body into events.
    static QList<SseEvent> parseEvents(const QByteArray& body);

private:
    enum class Framing { None, Length, Chunked, UntilClose };

    bool fillBuffer(int timeoutMs);
    static bool parseHead(QByteArray* buffer, Response* out);
    static Framing framingOf(const Response& response, qint64* length);
    /// Moves decoded body bytes from `raw` to `body`. Returns true when the body is finished.
    static bool decodeBody(QByteArray* raw, QByteArray* body, Framing framing, qint64* remaining, bool* error);
    static std::optional<SseEvent> takeEvent(QByteArray* body);

    quint16 m_port;
    QByteArray m_host;
    QTcpSocket m_socket;
    QByteArray m_raw;  // bytes read from the socket, not yet parsed
    QByteArray m_body; // decoded body bytes of the current stream, not yet returned as events
    Framing m_framing = Framing::None;
    qint64 m_remaining = 0; // Length: bytes left; Chunked: bytes left in the current chunk (-1: at a size line)
    bool m_bodyDone = true;
};

} // namespace jcr::test
