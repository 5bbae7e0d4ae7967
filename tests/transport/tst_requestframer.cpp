// Unit tests of RequestFramer: where requests begin and end in a connection's bytes, and which framings are
// refused (RFC 9112; docs/http-transport.md, Limits). Every case is fed whole and one byte at a time, so
// the result never depends on how TCP splits the bytes.

#include "requestframer.h"

#include <QTest>

using jcr::http::RequestFramer;
using namespace Qt::StringLiterals;

namespace {

/// What the framer made of some bytes: "head GET /x", "body", "complete", "failed 400", one per event.
struct Trace
{
    QByteArrayList events;
    qsizetype consumed = 0;
};

QByteArray describe(const RequestFramer& framer, RequestFramer::Event event)
{
    switch (event) {
    case RequestFramer::Event::HeadComplete:
        return "head " + framer.head().method + ' ' + framer.head().target +
               (framer.head().chunked ? " chunked" : " length=" + QByteArray::number(framer.head().contentLength)) +
               (framer.head().keepAlive ? "" : " close");
    case RequestFramer::Event::RequestComplete:
        return "complete";
    case RequestFramer::Event::Failed:
        return "failed " + QByteArray::number(framer.failure().status);
    case RequestFramer::Event::NeedMore:
        break;
    }
    return QByteArray();
}

/// Feeds `bytes` in pieces of `step` bytes (0: all at once), collecting the events.
Trace frame(const QByteArray& bytes, qsizetype step, const RequestFramer::Limits& limits = {})
{
    RequestFramer framer(limits);
    Trace trace;
    const qsizetype piece = step > 0 ? step : std::max<qsizetype>(bytes.size(), 1);
    for (qsizetype offset = 0; offset < bytes.size() || offset == 0; offset += piece) {
        QByteArrayView rest = QByteArrayView(bytes).sliced(offset, std::min(piece, bytes.size() - offset));
        for (;;) {
            RequestFramer::Event event;
            const qsizetype used = framer.feed(rest, &event);
            trace.consumed += used;
            rest = rest.sliced(used);
            if (event == RequestFramer::Event::NeedMore)
                break;
            trace.events << describe(framer, event);
            if (event == RequestFramer::Event::Failed)
                return trace;
        }
        if (bytes.isEmpty())
            break;
    }
    return trace;
}

RequestFramer::Limits smallLimits()
{
    RequestFramer::Limits limits;
    limits.maxHeadBytes = 200;
    limits.maxHeaderFields = 5;
    limits.maxBodyBytes = 100;
    return limits;
}

} // namespace

class TestRequestFramer : public QObject
{
    Q_OBJECT

private slots:
    void framing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArrayList>("events");
        const QByteArray get = "GET /health HTTP/1.1\r\nHost: a\r\n\r\n";
        QTest::addRow("GET without body") << get << QByteArrayList{"head GET /health length=0", "complete"};
        QTest::addRow("two pipelined GETs")
            << get + get
            << QByteArrayList{"head GET /health length=0", "complete", "head GET /health length=0", "complete"};
        QTest::addRow("POST with Content-Length, then GET")
            << "POST /mcp HTTP/1.1\r\nContent-Length: 4\r\n\r\n{ }\n"_ba + get
            << QByteArrayList{"head POST /mcp length=4", "complete", "head GET /health length=0", "complete"};
        QTest::addRow("chunked POST with extension")
            << "POST /mcp HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"_ba
            << QByteArrayList{"head POST /mcp chunked", "complete"};
        QTest::addRow("Transfer-Encoding in upper case")
            << "POST /mcp HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n"_ba
            << QByteArrayList{"head POST /mcp chunked", "complete"};
        QTest::addRow("blank lines before a request")
            << "\r\n\r\n" + get << QByteArrayList{"head GET /health length=0", "complete"};
        QTest::addRow("head with bare LF line ends")
            << "GET / HTTP/1.1\nHost: a\n\n"_ba << QByteArrayList{"head GET / length=0", "complete"};
        QTest::addRow("HTTP/1.0 closes") << "GET / HTTP/1.0\r\n\r\n"_ba
                                         << QByteArrayList{"head GET / length=0 close", "complete"};
        QTest::addRow("HTTP/1.0 keep-alive") << "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"_ba
                                             << QByteArrayList{"head GET / length=0", "complete"};
        QTest::addRow("HTTP/1.1 Connection: close") << "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"_ba
                                                    << QByteArrayList{"head GET / length=0 close", "complete"};
        QTest::addRow("the same Content-Length twice")
            << "POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab"_ba
            << QByteArrayList{"head POST / length=2", "complete"};

        // Refused framings: the smuggling vectors of RFC 9112 6.3 and 11.2.
        QTest::addRow("Content-Length -1")
            << "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("Content-Length abc")
            << "POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("Content-Length list")
            << "POST / HTTP/1.1\r\nContent-Length: 2, 2\r\n\r\nab"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("two different Content-Lengths")
            << "POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 20\r\n\r\nab"_ba
            << QByteArrayList{"failed 400"};
        QTest::addRow("Content-Length and chunked")
            << "POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba
            << QByteArrayList{"failed 400"};
        QTest::addRow("chunked in HTTP/1.0")
            << "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("gzip, chunked") << "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"_ba
                                       << QByteArrayList{"failed 501"};
        QTest::addRow("chunked twice") << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, chunked\r\n\r\n"_ba
                                       << QByteArrayList{"failed 501"};
        QTest::addRow("space before the colon")
            << "POST / HTTP/1.1\r\nContent-Length : 5\r\n\r\nhello"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("obsolete line folding")
            << "GET / HTTP/1.1\r\nX-A: 1\r\n  folded\r\n\r\n"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("two Hosts") << "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("bare CR in a field") << "GET / HTTP/1.1\r\nX-A: 1\r2\r\n\r\n"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("NUL in a field") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\0002\r\n\r\n", 28)
                                        << QByteArrayList{"failed 400"};
        QTest::addRow("header without a colon")
            << "GET / HTTP/1.1\r\nHost a\r\n\r\n"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("garbage request line") << "GARBAGE\r\n\r\n"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("two spaces in the request line") << "GET  / HTTP/1.1\r\n\r\n"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("HTTP/2.0") << "GET / HTTP/2.0\r\n\r\n"_ba << QByteArrayList{"failed 505"};
        QTest::addRow("TLS client hello")
            << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\n", 12) << QByteArrayList{"failed 400"};
        QTest::addRow("WebSocket upgrade")
            << "GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"_ba << QByteArrayList{"failed 400"};
        QTest::addRow("bad chunk size")
            << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"_ba
            << QByteArrayList{"head POST / chunked", "failed 400"};
        QTest::addRow("negative chunk size") << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n\r\n"_ba
                                             << QByteArrayList{"head POST / chunked", "failed 400"};
        QTest::addRow("chunk longer than its size")
            << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"_ba
            << QByteArrayList{"head POST / chunked", "failed 400"};
        QTest::addRow("chunk line with bare LF")
            << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\nab\r\n0\r\n\r\n"_ba
            << QByteArrayList{"head POST / chunked", "failed 400"};
        QTest::addRow("trailer fields") << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: 1\r\n\r\n"_ba
                                        << QByteArrayList{"head POST / chunked", "failed 400"};
    }
    void framing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArrayList, events);
        for (const qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(7)}) {
            const Trace trace = frame(bytes, step);
            QVERIFY2(
                trace.events == events,
                qPrintable(QStringLiteral("step %1: %2").arg(step).arg(QString::fromLatin1(trace.events.join(" | ")))));
            if (!events.isEmpty() && events.last() == "complete")
                QCOMPARE(trace.consumed, bytes.size());
        }
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArrayList>("events");
        // smallLimits(): head 200 bytes, 5 fields, body 100 bytes.
        QTest::addRow("head at the limit") << "GET / HTTP/1.1\r\nX: " + QByteArray(200 - 23, 'a') + "\r\n\r\n"
                                           << QByteArrayList{"head GET / length=0", "complete"};
        QTest::addRow("head over the limit") << "GET / HTTP/1.1\r\nX: " + QByteArray(200, 'a') + "\r\n\r\n"
                                             << QByteArrayList{"failed 431"};
        QTest::addRow("request line over the limit") << "GET /" + QByteArray(300, 'a') + " HTTP/1.1\r\n\r\n"
                                                     << QByteArrayList{"failed 414"};
        QTest::addRow("5 fields") << "GET / HTTP/1.1\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\n\r\n"_ba
                                  << QByteArrayList{"head GET / length=0", "complete"};
        QTest::addRow("6 fields") << "GET / HTTP/1.1\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\nF: 1\r\n\r\n"_ba
                                  << QByteArrayList{"failed 431"};
        QTest::addRow("Content-Length at the limit")
            << "POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n" + QByteArray(100, 'x')
            << QByteArrayList{"head POST / length=100", "complete"};
        QTest::addRow("Content-Length over the limit: refused after the head, before the body")
            << "POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n"_ba
            << QByteArrayList{"head POST / length=101", "failed 413"};
        QTest::addRow("Content-Length of 30 digits")
            << "POST / HTTP/1.1\r\nContent-Length: " + QByteArray(30, '9') + "\r\n\r\n"
            << QByteArrayList{"head POST / length=101", "failed 413"};
        QTest::addRow("chunk announced over the limit: refused before its data")
            << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n"_ba
            << QByteArrayList{"head POST / chunked", "failed 413"};
        QTest::addRow("chunk size of 20 hex digits")
            << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n"_ba
            << QByteArrayList{"head POST / chunked", "failed 413"};
        QByteArray manySmallChunks;
        for (int i = 0; i < 30; ++i)
            manySmallChunks += "1\r\nx\r\n"; // 6 bytes as sent for each byte of data
        QTest::addRow("small chunks: framing counts")
            << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + manySmallChunks + "0\r\n\r\n"
            << QByteArrayList{"head POST / chunked", "failed 413"};
        QTest::addRow("endless chunk extension")
            << "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;" + QByteArray(2000, 'e')
            << QByteArrayList{"head POST / chunked", "failed 413"};
    }
    void limits()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArrayList, events);
        for (const qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(13)}) {
            const Trace trace = frame(bytes, step, smallLimits());
            QVERIFY2(
                trace.events == events,
                qPrintable(QStringLiteral("step %1: %2").arg(step).arg(QString::fromLatin1(trace.events.join(" | ")))));
        }
    }

    void chunkExtensionIsBoundedBelowTheBodyLimit()
    {
        // With the default 1 MiB body limit, a chunk-size line is still capped at 1 KiB: a malformed chunk.
        const Trace trace =
            frame("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;" + QByteArray(5000, 'e') + "\r\n", 0);
        QCOMPARE(trace.events, (QByteArrayList{"head POST / chunked", "failed 400"}));
    }

    void headFieldsAndPath()
    {
        RequestFramer framer({});
        RequestFramer::Event event;
        const QByteArray bytes = "POST /messages?session_id=x HTTP/1.1\r\nAuthorization: Bearer t \r\n"
                                 "expect: 100-continue\r\nContent-Length: 0\r\n\r\n";
        QCOMPARE(framer.feed(bytes, &event), bytes.size());
        QCOMPARE(event, RequestFramer::Event::HeadComplete);
        QCOMPARE(framer.head().field("authorization"), "Bearer t"_ba);
        QCOMPARE(framer.head().path(), "/messages"_ba);
        QVERIFY(framer.head().expectsContinue);
        QVERIFY(!framer.head().hasBody());
        QCOMPARE(framer.feed({}, &event), 0);
        QCOMPARE(event, RequestFramer::Event::RequestComplete);
        QVERIFY(framer.isBetweenRequests());
    }

    void failedFramerConsumesNothingMore()
    {
        RequestFramer framer({});
        RequestFramer::Event event;
        framer.feed("BAD\r\n", &event);
        QCOMPARE(event, RequestFramer::Event::Failed);
        QCOMPARE(framer.feed("GET / HTTP/1.1\r\n\r\n", &event), 0);
        QCOMPARE(event, RequestFramer::Event::Failed);
        QVERIFY(framer.hasFailed());
    }
};

QTEST_APPLESS_MAIN(TestRequestFramer)
#include "tst_requestframer.moc"
