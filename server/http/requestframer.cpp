#include "requestframer.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace jcr::http {

namespace {

/// A chunk-size line ("1a2b;name=value") is short; anything longer is an attack or a broken client.
constexpr qint64 MaxChunkSizeLine = 1024;
/// Hex digits of a chunk size: 15 stay below 2^60, so no overflow while adding to the body count.
constexpr int MaxChunkSizeDigits = 15;

bool isTokenChar(char c)
{
    // RFC 9110 5.6.2: tchar.
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool hasControlCharacters(QByteArrayView text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && byte != '\t') || byte == 0x7f;
    });
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The comma-separated elements of a field value, trimmed and lower-cased ("Keep-Alive, Upgrade").
QList<QByteArray> listElements(const QByteArray& value)
{
    QList<QByteArray> elements;
    for (const QByteArray& element : value.split(',')) {
        const QByteArray trimmed = element.trimmed().toLower();
        if (!trimmed.isEmpty())
            elements << trimmed;
    }
    return elements;
}

} // namespace

QByteArray RequestFramer::Head::field(QByteArrayView name) const
{
    for (const auto& [fieldName, value] : fields) {
        if (QByteArrayView(fieldName).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

QByteArray RequestFramer::Head::path() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.left(query);
}

RequestFramer::RequestFramer(const Limits& limits) : m_limits(limits)
{
}

bool RequestFramer::isReadingBody() const
{
    switch (m_state) {
    case State::Body:
    case State::ChunkSize:
    case State::ChunkData:
    case State::ChunkDataEnd:
    case State::Trailers:
        return true;
    default:
        return false;
    }
}

qsizetype RequestFramer::feed(QByteArrayView bytes, Event* event)
{
    *event = Event::NeedMore;
    if (m_state == State::Failed) {
        *event = Event::Failed;
        return 0;
    }
    if (m_state == State::Body && m_head.contentLength > m_limits.maxBodyBytes) {
        fail(413, "Payload Too Large");
        *event = Event::Failed;
        return 0;
    }
    // A request without a body (or whose body just ended) is complete even when no byte follows it.
    if (m_state == State::Body && m_remaining == 0) {
        m_state = State::Idle;
        *event = Event::RequestComplete;
        return 0;
    }
    qsizetype used = 0;
    while (used < bytes.size() && *event == Event::NeedMore) {
        const QByteArrayView rest = bytes.sliced(used);
        qsizetype taken = 0;
        switch (m_state) {
        case State::Idle:
            // RFC 9112 2.2: blank lines before a request line are ignored (some clients send CRLF after a body).
            if (rest.front() == '\r' || rest.front() == '\n') {
                taken = 1;
                break;
            }
            m_head = Head();
            m_headBytes = 0;
            m_bodyBytes = 0;
            m_state = State::RequestLine;
            break;
        case State::Body:
        case State::ChunkData:
            taken = std::min<qint64>(m_remaining, rest.size());
            m_remaining -= taken;
            if (m_state == State::ChunkData) {
                if (m_remaining == 0)
                    m_state = State::ChunkDataEnd;
            } else if (m_remaining == 0) {
                m_state = State::Idle;
                *event = Event::RequestComplete;
            }
            break;
        case State::RequestLine:
        case State::Fields:
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailers:
            taken = lineStep(rest, event);
            break;
        case State::Failed:
            break;
        }
        used += taken;
        if (m_state == State::Failed)
            *event = Event::Failed;
    }
    if (m_state == State::Body && m_remaining == 0 && *event == Event::NeedMore) {
        m_state = State::Idle;
        *event = Event::RequestComplete;
    }
    return used;
}

qsizetype RequestFramer::lineStep(QByteArrayView bytes, Event* event)
{
    // Head lines count against the head limit; the lines of a chunked body (sizes, the CR LF after the data)
    // against the body limit, each at most MaxChunkSizeLine long.
    const bool inHead = m_state == State::RequestLine || m_state == State::Fields;
    qsizetype taken = 0;
    const Line line = inHead ? takeLine(bytes, &taken, m_limits.maxHeadBytes, &m_headBytes, m_limits.maxHeadBytes)
                             : takeLine(bytes, &taken, MaxChunkSizeLine, &m_bodyBytes, m_limits.maxBodyBytes);
    if (line == Line::Complete)
        lineComplete(event);
    else if (line != Line::Partial && inHead)
        m_state == State::RequestLine ? fail(414, "URI Too Long: the request line is over the head limit")
                                      : fail(431, "Request Header Fields Too Large");
    else if (line == Line::TooLong)
        fail(400, "Bad Request: malformed chunk");
    else if (line == Line::OverBudget)
        fail(413, "Payload Too Large");
    return taken;
}

RequestFramer::Line
RequestFramer::takeLine(QByteArrayView bytes, qsizetype* used, qint64 maxLine, qint64* budget, qint64 budgetLimit)
{
    const qsizetype newline = bytes.indexOf('\n');
    const qsizetype length = newline < 0 ? bytes.size() : newline + 1;
    *used = 0;
    if (*budget + length > budgetLimit)
        return Line::OverBudget;
    if (m_line.size() + length > maxLine)
        return Line::TooLong;
    m_line.append(bytes.first(length));
    *budget += length;
    *used = length;
    if (newline < 0)
        return Line::Partial;
    m_line.chop(1);
    m_lineEndedWithCrLf = m_line.endsWith('\r');
    if (m_lineEndedWithCrLf)
        m_line.chop(1);
    return Line::Complete;
}

void RequestFramer::lineComplete(Event* event)
{
    const QByteArray line = std::exchange(m_line, QByteArray());
    if (line.contains('\r'))
        return fail(400, "Bad Request: bare CR in a line");
    // The head may end its lines with a bare LF (RFC 9112 2.2), the chunked body may not: QAbstractHttpServer's
    // chunk parser waits for CR LF, so the two parsers would disagree on where the request ends.
    if (!m_lineEndedWithCrLf && isReadingBody())
        return fail(400, "Bad Request: a chunked body's lines must end with CR LF");
    switch (m_state) {
    case State::RequestLine:
        if (parseRequestLine(line))
            m_state = State::Fields;
        break;
    case State::Fields:
        if (line.isEmpty())
            headComplete(event);
        else
            parseField(line);
        break;
    case State::ChunkSize:
        chunkSizeLine(line);
        break;
    case State::ChunkDataEnd:
        if (!line.isEmpty())
            return fail(400, "Bad Request: chunk data longer than its size");
        m_state = State::ChunkSize;
        break;
    case State::Trailers:
        // Trailer fields are refused: QAbstractHttpServer would read them as the start of the next request.
        if (!line.isEmpty())
            return fail(400, "Bad Request: trailer fields are not supported");
        m_state = State::Idle;
        *event = Event::RequestComplete;
        break;
    default:
        break;
    }
}

bool RequestFramer::parseRequestLine(const QByteArray& line)
{
    // RFC 9112 3: method SP request-target SP HTTP-version, single spaces.
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty() || hasControlCharacters(parts.at(1))) {
        fail(400, "Bad Request: malformed request line");
        return false;
    }
    const QByteArray& version = parts.at(2);
    if (version == "HTTP/1.1" || version == "HTTP/1.0") {
        m_head.method = parts.at(0);
        m_head.target = parts.at(1);
        m_head.minorVersion = version.back() - '0';
        return true;
    }
    if (version.size() == 8 && version.startsWith("HTTP/") && version.at(6) == '.')
        fail(505, "HTTP Version Not Supported: HTTP/1.1 and HTTP/1.0 only");
    else
        fail(400, "Bad Request: malformed request line");
    return false;
}

void RequestFramer::parseField(const QByteArray& line)
{
    if (line.front() == ' ' || line.front() == '\t')
        return fail(400, "Bad Request: obsolete line folding");
    const qsizetype colon = line.indexOf(':');
    // RFC 9112 5.1: no whitespace between the name and the colon; such a request must be refused.
    if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
        return fail(400, "Bad Request: malformed header field");
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (hasControlCharacters(value))
        return fail(400, "Bad Request: control character in a header field");
    if (m_head.fields.size() >= m_limits.maxHeaderFields)
        return fail(431, "Request Header Fields Too Large: too many header fields");
    m_head.fields.append({line.left(colon), value});
}

void RequestFramer::headComplete(Event* event)
{
    if (!readFraming())
        return;
    *event = Event::HeadComplete;
    m_remaining = m_head.contentLength;
    m_state = m_head.chunked ? State::ChunkSize : State::Body;
}

bool RequestFramer::readFraming()
{
    QByteArray contentLength;
    QList<QByteArray> transferCodings;
    QList<QByteArray> connection;
    int hosts = 0;
    bool lengthGiven = false;
    for (const auto& [name, value] : m_head.fields) {
        const QByteArray lower = name.toLower();
        if (lower == "content-length") {
            // RFC 9112 6.3: several differing lengths, or one that is not a number, cannot be framed safely.
            if (!isDigits(value) || (lengthGiven && value != contentLength)) {
                fail(400, "Bad Request: invalid or conflicting Content-Length");
                return false;
            }
            contentLength = value;
            lengthGiven = true;
        } else if (lower == "transfer-encoding") {
            transferCodings += listElements(value);
        } else if (lower == "connection") {
            connection += listElements(value);
        } else if (lower == "host") {
            ++hosts;
        } else if (lower == "expect") {
            m_head.expectsContinue = value.toLower() == "100-continue";
        } else if (lower == "upgrade" && value.toLower().contains("websocket")) {
            // QAbstractHttpServer would hand such a request to a WebSocket server this server does not run.
            fail(400, "Bad Request: WebSocket is not served here");
            return false;
        }
    }
    if (hosts > 1) {
        fail(400, "Bad Request: more than one Host");
        return false;
    }
    if (!transferCodings.isEmpty()) {
        if (lengthGiven || m_head.minorVersion == 0) {
            fail(400, "Bad Request: Transfer-Encoding with Content-Length, or in HTTP/1.0");
            return false;
        }
        if (transferCodings != QList<QByteArray>{"chunked"}) {
            fail(501, "Not Implemented: only the chunked transfer coding is supported");
            return false;
        }
        m_head.chunked = true;
    }
    // More digits than a 64-bit number holds is over any limit too. A length over the limit is refused at the
    // first feed() after the head, before any of the body: the caller checks the head (the token) first.
    if (lengthGiven)
        m_head.contentLength = contentLength.size() > 18 ? m_limits.maxBodyBytes + 1 : contentLength.toLongLong();
    m_head.keepAlive = m_head.minorVersion == 1 ? !connection.contains("close") : connection.contains("keep-alive");
    return true;
}

void RequestFramer::chunkSizeLine(const QByteArray& line)
{
    // RFC 9112 7.1: chunk-size [ chunk-ext ] CRLF; extensions are ignored.
    qsizetype digits = 0;
    while (digits < line.size() && isxdigit(static_cast<unsigned char>(line.at(digits))))
        ++digits;
    const QByteArrayView rest = QByteArrayView(line).sliced(digits);
    const QByteArrayView afterSpace = rest.trimmed();
    if (digits == 0 || (!rest.isEmpty() && !afterSpace.startsWith(';')) || hasControlCharacters(rest))
        return fail(400, "Bad Request: malformed chunk size");
    if (digits > MaxChunkSizeDigits)
        return fail(413, "Payload Too Large");
    const qint64 size = line.left(digits).toLongLong(nullptr, 16);
    if (m_bodyBytes + size > m_limits.maxBodyBytes)
        return fail(413, "Payload Too Large");
    m_bodyBytes += size; // counted now, so that the limit holds before the data arrives
    if (size == 0) {
        m_state = State::Trailers;
        return;
    }
    m_remaining = size;
    m_state = State::ChunkData;
}

void RequestFramer::fail(int status, const char* message)
{
    m_state = State::Failed;
    m_failure = {status, QByteArray(message)};
}

} // namespace jcr::http
