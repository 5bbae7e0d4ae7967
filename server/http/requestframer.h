#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace jcr::http {

/// Finds where HTTP/1.1 requests begin and end in the bytes of one connection, as they arrive, and refuses
/// anything whose framing is ambiguous or over a limit, before a byte of the body has to be kept.
///
/// QAbstractHttpServer (Qt 6.4) still parses each request; this class only frames. It exists because that
/// parser reads whole bodies into memory before a handler can look at the head, reads `Content-Length: -1`
/// or `abc` as 0, and accepts two Content-Lengths or Content-Length with chunked: behind a proxy that
/// disagrees, the body of one request becomes the next one (request smuggling). RFC 9112 sections 2, 5, 6
/// and 7 are the rules followed here; where the RFC allows leniency, the strict reading is taken.
///
/// Feed bytes in any split; feed() stops after each event so that the caller can act on a head (check the
/// token, say 100 Continue) before the body is fed. The class keeps no body bytes, only counters.
class RequestFramer
{
public:
    struct Limits
    {
        qint64 maxHeadBytes = 64 * 1024;   ///< request line and header fields; more → 431
        int maxHeaderFields = 100;         ///< more → 431
        qint64 maxBodyBytes = 1024 * 1024; ///< the body as sent, chunk framing included; more → 413
    };

    enum class Event {
        NeedMore,        ///< every byte given was consumed; nothing complete yet
        HeadComplete,    ///< head() describes the request just framed; its body (if any) follows
        RequestComplete, ///< the request (head and body) ends here; the next one may follow
        Failed           ///< failure() says why; the connection must be answered and closed
    };

    struct Head
    {
        QByteArray method;
        QByteArray target;                           ///< as sent: "/mcp?x=1"
        int minorVersion = 1;                        ///< HTTP/1.0 or HTTP/1.1
        QList<QPair<QByteArray, QByteArray>> fields; ///< names as sent, values trimmed
        qint64 contentLength = 0;                    ///< 0 with chunked
        bool chunked = false;
        bool keepAlive = true;        ///< HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with keep-alive
        bool expectsContinue = false; ///< "Expect: 100-continue"

        /// The value of the first field called `name` (case-insensitive), or an empty array.
        QByteArray field(QByteArrayView name) const;
        /// The path of the target, without the query.
        QByteArray path() const;
        bool hasBody() const { return chunked || contentLength > 0; }
    };

    struct Failure
    {
        int status = 0;     ///< 400, 413, 431, 501, 505
        QByteArray message; ///< for the client: which rule the request broke
    };

    explicit RequestFramer(const Limits& limits);

    /// Consumes bytes until an event; returns how many. Call again with the rest while it returns events.
    /// After Failed it consumes nothing more.
    qsizetype feed(QByteArrayView bytes, Event* event);

    const Head& head() const { return m_head; }
    const Failure& failure() const { return m_failure; }
    /// True between requests (nothing of the next one seen yet, blank lines aside).
    bool isBetweenRequests() const { return m_state == State::Idle; }
    bool isReadingBody() const;
    bool hasFailed() const { return m_state == State::Failed; }

private:
    enum class State { Idle, RequestLine, Fields, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Failed };

    enum class Line { Complete, Partial, TooLong, OverBudget };
    /// Takes bytes of a line in the head or in a chunked body, acting on it once complete; returns how many.
    qsizetype lineStep(QByteArrayView bytes, Event* event);
    /// Takes bytes of the current line into m_line, counting them in *budget; Complete once it ends (at LF),
    /// with the line in m_line without its CR LF.
    Line takeLine(QByteArrayView bytes, qsizetype* used, qint64 maxLine, qint64* budget, qint64 budgetLimit);
    void lineComplete(Event* event);
    bool parseRequestLine(const QByteArray& line);
    void parseField(const QByteArray& line);
    void headComplete(Event* event);
    bool readFraming();
    void chunkSizeLine(const QByteArray& line);
    void fail(int status, const char* message);

    Limits m_limits;
    State m_state = State::Idle;
    Head m_head;
    Failure m_failure;
    QByteArray m_line;
    bool m_lineEndedWithCrLf = false;
    qint64 m_headBytes = 0; ///< of the current head
    qint64 m_bodyBytes = 0; ///< of the current body as sent
    qint64 m_remaining = 0; ///< of the Content-Length, or of the current chunk
};

} // namespace jcr::http
