#include "rawhttp.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <poll.h>
#include <sys/socket.h>
#endif

namespace jcr::test {

namespace {

// Chunked decoding states kept in `remaining` besides the byte count of the current chunk.
constexpr qint64 AtSizeLine = -1;
constexpr qint64 AtChunkEnd = -2; // the CRLF after a chunk's data
constexpr qint64 AtTrailers = -3;

int remainingMs(const QDeadlineTimer& deadline)
{
    return int(qMax<qint64>(0, deadline.remainingTime()));
}

} // namespace

QJsonObject RawHttp::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString RawHttp::Response::describe() const
{
    QString text = QStringLiteral("HTTP %1 %2").arg(status).arg(QString::fromLatin1(reason));
    if (!error.isEmpty())
        text += QStringLiteral(" [%1]").arg(error);
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        text += QStringLiteral("\n%1: %2").arg(QString::fromLatin1(it.key()), QString::fromLatin1(it.value()));
    text += QStringLiteral("\n\n") + QString::fromUtf8(body.left(2000));
    return text;
}

QJsonObject RawHttp::SseEvent::json() const
{
    return QJsonDocument::fromJson(data).object();
}

RawHttp::RawHttp(quint16 port, const QByteArray& host) : m_port(port), m_host(host)
{
}

bool RawHttp::connectToServer(int timeoutMs)
{
    m_raw.clear();
    m_body.clear();
    m_bodyDone = true;
    m_socket.connectToHost(QString::fromLatin1(m_host), m_port);
    return m_socket.waitForConnected(timeoutMs);
}

bool RawHttp::sendRaw(const QByteArray& bytes, int timeoutMs)
{
    if (!isOpen() && !connectToServer(timeoutMs))
        return false;
    const QDeadlineTimer deadline(timeoutMs);
#ifdef Q_OS_UNIX
    // Written on the descriptor itself, not through QTcpSocket: a server may answer early (413 for a body it
    // will not read) and close, and a failed QTcpSocket write aborts the socket and drops that answer. Like any
    // client, stop sending once the server has answered or closed; the answer stays for readResponse().
    const int fd = int(m_socket.socketDescriptor());
    qsizetype written = 0;
    while (written < bytes.size()) {
        pollfd descriptor{fd, POLLIN | POLLOUT, 0};
        if (::poll(&descriptor, 1, remainingMs(deadline)) <= 0)
            return false;
        if (descriptor.revents & (POLLIN | POLLHUP | POLLERR))
            return false;
        const ssize_t n =
            ::send(fd, bytes.constData() + written, size_t(bytes.size() - written), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            continue;
        if (n < 0)
            return false;
        written += n;
    }
    return true;
#else
    if (m_socket.write(bytes) != bytes.size())
        return false;
    while (m_socket.bytesToWrite() > 0) {
        if (!m_socket.waitForBytesWritten(remainingMs(deadline)))
            return false;
    }
    return true;
#endif
}

bool RawHttp::sendRequest(
    const QByteArray& method, const QByteArray& path, const Headers& headers, const QByteArray& body, int timeoutMs)
{
    bool hasHost = false;
    bool hasLength = false;
    for (const auto& header : headers) {
        const QByteArray name = header.first.toLower();
        hasHost = hasHost || name == "host";
        hasLength = hasLength || name == "content-length" || name == "transfer-encoding";
    }
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\n";
    if (!hasHost)
        request += "Host: " + m_host + ':' + QByteArray::number(m_port) + "\r\n";
    for (const auto& header : headers)
        request += header.first + ": " + header.second + "\r\n";
    if (!hasLength && !body.isEmpty())
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n";
    request += body;
    return sendRaw(request, timeoutMs);
}

bool RawHttp::fillBuffer(int timeoutMs)
{
    if (m_socket.bytesAvailable() == 0 && m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.waitForReadyRead(timeoutMs);
    const QByteArray bytes = m_socket.readAll();
    m_raw += bytes;
    return !bytes.isEmpty();
}

RawHttp::Response RawHttp::readHead(int timeoutMs)
{
    Response response;
    const QDeadlineTimer deadline(timeoutMs);
    while (!parseHead(&m_raw, &response)) {
        if (!fillBuffer(remainingMs(deadline))) {
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                response.error = QStringLiteral("connection closed before the response head");
                return response;
            }
            if (deadline.hasExpired()) {
                response.error = QStringLiteral("no response head in %1 ms").arg(timeoutMs);
                return response;
            }
        }
    }
    m_framing = framingOf(response, &m_remaining);
    m_body.clear();
    m_bodyDone = m_framing == Framing::None;
    return response;
}

RawHttp::Response RawHttp::readResponse(int timeoutMs)
{
    Response response;
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const bool eof = m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0;
        if (parseResponse(&m_raw, &response, eof))
            return response;
        if (eof) {
            response.error = QStringLiteral("connection closed before the response was complete");
            return response;
        }
        if (!fillBuffer(remainingMs(deadline)) && deadline.hasExpired()) {
            response.error = QStringLiteral("response incomplete after %1 ms").arg(timeoutMs);
            return response;
        }
    }
}

std::optional<RawHttp::SseEvent> RawHttp::readEvent(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (!m_bodyDone) {
            bool error = false;
            m_bodyDone = decodeBody(&m_raw, &m_body, m_framing, &m_remaining, &error) || error;
        }
        if (auto event = takeEvent(&m_body))
            return event;
        if (m_bodyDone)
            return std::nullopt;
        if (!fillBuffer(remainingMs(deadline))) {
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                // The server closed: whatever framing was announced, the stream is over.
                bool error = false;
                decodeBody(&m_raw, &m_body, m_framing, &m_remaining, &error);
                m_bodyDone = true;
                return takeEvent(&m_body);
            }
            if (deadline.hasExpired())
                return std::nullopt;
        }
    }
}

bool RawHttp::waitForServerClose(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState) {
        if (!fillBuffer(remainingMs(deadline)) && deadline.hasExpired())
            return m_socket.state() != QAbstractSocket::ConnectedState;
    }
    return true;
}

void RawHttp::close()
{
    m_socket.abort();
    m_raw.clear();
    m_body.clear();
    m_bodyDone = true;
}

RawHttp::Response RawHttp::request(quint16 port,
                                   const QByteArray& method,
                                   const QByteArray& path,
                                   const Headers& headers,
                                   const QByteArray& body,
                                   int timeoutMs)
{
    RawHttp http(port);
    if (!http.connectToServer(timeoutMs)) {
        Response response;
        response.error = QStringLiteral("cannot connect: ") + http.errorString();
        return response;
    }
    if (!http.sendRequest(method, path, headers, body, timeoutMs)) {
        // The server may answer (413, 400) and close before it read everything we meant to send.
        Response response = http.readResponse(qMin(timeoutMs, 3000));
        if (response.status == 0)
            response.error = QStringLiteral("sending failed: ") + http.errorString();
        return response;
    }
    return http.readResponse(timeoutMs);
}

bool RawHttp::parseHead(QByteArray* buffer, Response* out)
{
    const qsizetype end = buffer->indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer->left(end).split('\n');
    buffer->remove(0, end + 4);
    *out = Response();
    const QByteArray statusLine = lines.value(0).trimmed();
    const QList<QByteArray> parts = statusLine.split(' ');
    out->status = parts.value(1).toInt();
    out->reason = statusLine.mid(parts.value(0).size() + parts.value(1).size() + 2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (out->headers.contains(name))
            out->headers[name] += ", " + value;
        else
            out->headers.insert(name, value);
    }
    return true;
}

RawHttp::Framing RawHttp::framingOf(const Response& response, qint64* length)
{
    if (response.status == 204 || response.status == 304 || (response.status >= 100 && response.status < 200))
        return Framing::None;
    if (response.header("transfer-encoding").toLower().contains("chunked")) {
        *length = AtSizeLine;
        return Framing::Chunked;
    }
    if (response.hasHeader("content-length")) {
        *length = response.header("content-length").toLongLong();
        return *length == 0 ? Framing::None : Framing::Length;
    }
    return Framing::UntilClose;
}

bool RawHttp::decodeBody(QByteArray* raw, QByteArray* body, Framing framing, qint64* remaining, bool* error)
{
    switch (framing) {
    case Framing::None:
        return true;
    case Framing::UntilClose:
        *body += *raw;
        raw->clear();
        return false;
    case Framing::Length: {
        const qint64 take = qMin<qint64>(*remaining, raw->size());
        *body += raw->left(take);
        raw->remove(0, take);
        *remaining -= take;
        return *remaining == 0;
    }
    case Framing::Chunked:
        for (;;) {
            if (*remaining == AtSizeLine || *remaining == AtChunkEnd) {
                const qsizetype eol = raw->indexOf("\r\n");
                if (eol < 0)
                    return false;
                const QByteArray line = raw->left(eol);
                raw->remove(0, eol + 2);
                if (*remaining == AtChunkEnd) {
                    *remaining = AtSizeLine;
                    continue;
                }
                bool ok = false;
                const qint64 size = line.split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0) {
                    *error = true;
                    return true;
                }
                *remaining = size == 0 ? AtTrailers : size;
            } else if (*remaining == AtTrailers) {
                const qsizetype eol = raw->indexOf("\r\n");
                if (eol < 0)
                    return false;
                const bool last = eol == 0;
                raw->remove(0, eol + 2);
                if (last)
                    return true;
            } else {
                const qint64 take = qMin<qint64>(*remaining, raw->size());
                *body += raw->left(take);
                raw->remove(0, take);
                *remaining -= take;
                if (*remaining > 0)
                    return false;
                *remaining = AtChunkEnd;
            }
        }
    }
    return true;
}

bool RawHttp::parseResponse(QByteArray* buffer, Response* out, bool eof)
{
    // Work on a copy so that an incomplete response leaves the buffer as it was.
    QByteArray raw = *buffer;
    Response response;
    if (!parseHead(&raw, &response))
        return false;
    qint64 remaining = 0;
    const Framing framing = framingOf(response, &remaining);
    bool error = false;
    const bool done = decodeBody(&raw, &response.body, framing, &remaining, &error);
    if (error) {
        response.error = QStringLiteral("bad chunked framing");
    } else if (!done) {
        if (!(eof && framing == Framing::UntilClose))
            return false;
    }
    response.complete = !error;
    *out = response;
    *buffer = raw;
    return true;
}

std::optional<RawHttp::SseEvent> RawHttp::takeEvent(QByteArray* body)
{
    body->replace("\r\n", "\n");
    // Blank lines before an event (or left after one) are not events.
    while (body->startsWith('\n'))
        body->remove(0, 1);
    const qsizetype end = body->indexOf("\n\n");
    if (end < 0)
        return std::nullopt;
    const QList<QByteArray> lines = body->left(end).split('\n');
    body->remove(0, end + 2);
    SseEvent event;
    QList<QByteArray> data;
    for (const QByteArray& line : lines) {
        if (line.startsWith(':')) {
            event.comments << (line.startsWith(": ") ? line.mid(2) : line.mid(1));
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "data") {
            data << value;
            event.hasData = true;
        } else if (field == "id") {
            event.id = value;
            event.hasId = true;
        } else if (field == "event") {
            event.event = value;
        } else if (field == "retry") {
            event.retry = value;
        }
    }
    event.data = data.join('\n');
    return event;
}

QList<RawHttp::SseEvent> RawHttp::parseEvents(const QByteArray& body)
{
    QByteArray rest = body + "\n\n"; // the last event of a finished stream may lack its blank line
    QList<SseEvent> events;
    while (auto event = takeEvent(&rest))
        events << *event;
    return events;
}

RawHttp::Headers RawHttp::mcpHeaders(const QByteArray& session)
{
    Headers headers{{"Content-Type", "application/json"}, {"Accept", "application/json, text/event-stream"}};
    if (!session.isEmpty())
        headers.append({"Mcp-Session-Id", session});
    return headers;
}

RawHttp::Response RawHttp::postMcp(quint16 port, const QByteArray& body, const QByteArray& session)
{
    return request(port, "POST", "/mcp", mcpHeaders(session), body);
}

} // namespace jcr::test
