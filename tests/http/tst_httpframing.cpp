// Black-box tests of what one HTTP client can make the server hold or misread (docs/http-transport.md,
// Limits): bodies refused before they are read, framing that two parsers could read differently, requests
// pipelined by a client that never reads, slow and too many connections. The real jcr-mcp-server on the
// fixture database; the server's own memory and CPU are read from /proc (Linux).

#include "fixturedatabase.h"
#include "mcpmessages.h"
#include "processstats.h"
#include "rawhttp.h"
#include "serverprocess.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <memory>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using jcr::test::cpuTicks;
using jcr::test::McpMessages;
using jcr::test::procStatusKiB;
using jcr::test::RawHttp;
using jcr::test::ServerProcess;

namespace {

const QByteArray kToken = "framing-test-token";

/// Waits until the process has used no CPU for 300 ms (at most 15 s): it has done what it was given.
void waitUntilIdle(qint64 pid)
{
    QElapsedTimer timer;
    timer.start();
    qint64 last = cpuTicks(pid);
    while (timer.elapsed() < 15000) {
        QTest::qWait(300);
        const qint64 now = cpuTicks(pid);
        if (now == last)
            return;
        last = now;
    }
}

/// A plain blocking TCP socket to 127.0.0.1: the flood tests need exact control over when bytes are sent
/// and that nothing is read (QTcpSocket reads whatever arrives into its own buffer).
class PlainSocket
{
public:
    explicit PlainSocket(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~PlainSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    PlainSocket(const PlainSocket&) = delete;
    PlainSocket& operator=(const PlainSocket&) = delete;

    bool isOpen() const { return m_fd >= 0; }

    /// Sends what the server takes within `timeoutMs`; returns the number of bytes sent.
    qint64 send(const QByteArray& bytes, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        qint64 sent = 0;
        while (sent < bytes.size() && timer.elapsed() < timeoutMs) {
            pollfd descriptor{m_fd, POLLOUT, 0};
            if (::poll(&descriptor, 1, 100) <= 0)
                continue;
            if (descriptor.revents & (POLLERR | POLLHUP))
                break;
            const ssize_t written =
                ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (written < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                break;
            if (written > 0)
                sent += written;
        }
        return sent;
    }

    /// Reads until `enough` says so, the server closes, or `timeoutMs` pass.
    QByteArray receive(int timeoutMs, const std::function<bool(const QByteArray&)>& enough)
    {
        QByteArray received;
        QElapsedTimer timer;
        timer.start();
        char buffer[65536];
        while (!enough(received) && timer.elapsed() < timeoutMs) {
            pollfd descriptor{m_fd, POLLIN, 0};
            if (::poll(&descriptor, 1, 100) <= 0)
                continue;
            const ssize_t count = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (count <= 0)
                break;
            received.append(buffer, count);
        }
        return received;
    }

    /// True when the server closed the connection within `timeoutMs` (what arrives before is dropped).
    bool closedByServer(int timeoutMs)
    {
        bool closed = false;
        receive(timeoutMs, [&closed](const QByteArray&) { return closed; });
        pollfd descriptor{m_fd, POLLIN, 0};
        if (::poll(&descriptor, 1, 0) > 0) {
            char byte;
            closed = ::recv(m_fd, &byte, 1, MSG_PEEK) <= 0;
        }
        return closed;
    }

private:
    int m_fd = -1;
};

/// The status codes of every complete response in `bytes` (Content-Length framed, as the server sends
/// them outside event streams).
QList<int> statuses(QByteArray bytes)
{
    QList<int> found;
    RawHttp::Response response;
    while (RawHttp::parseResponse(&bytes, &response, false)) {
        found << response.status;
        response = RawHttp::Response();
    }
    return found;
}

QByteArray postHead(const QByteArrayList& extra)
{
    QByteArray head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Accept: application/json, text/event-stream\r\n";
    for (const QByteArray& line : extra)
        head += line + "\r\n";
    return head + "\r\n";
}

} // namespace

class TestHttpFraming : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;

    /// A server on the fixture database with `settings` (JCR_MCP_* variables) on top of the defaults.
    bool startServer(ServerProcess& server, const QList<QPair<QString, QString>>& settings = {})
    {
        QProcessEnvironment environment = ServerProcess::cleanEnvironment();
        for (const auto& [name, value] : settings)
            environment.insert(name, value);
        const bool started = server.start(
            {QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), m_database}, environment);
        if (!started)
            qWarning().noquote() << server.errorString();
        return started;
    }

    static QByteArray openSession(quint16 port, const QByteArrayList& extra = {})
    {
        RawHttp::Headers headers{{"Content-Type", "application/json"},
                                 {"Accept", "application/json, text/event-stream"}};
        for (const QByteArray& line : extra)
            headers.append({line.left(line.indexOf(':')), line.mid(line.indexOf(':') + 1).trimmed()});
        const RawHttp::Response init =
            RawHttp::request(port, "POST", "/mcp", headers, McpMessages::initialize(1, QStringLiteral("2025-06-18")));
        const QByteArray session = init.header("mcp-session-id");
        if (session.isEmpty())
            return {};
        headers.append({"Mcp-Session-Id", session});
        RawHttp::request(port, "POST", "/mcp", headers, McpMessages::initialized());
        return session;
    }

    static bool answersHealth(quint16 port)
    {
        return RawHttp::request(port, "GET", "/health", {}, {}, 10000).status == 200;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("jcr.db"));
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
    }

    // Issue 10, point 2: an unauthenticated client's body is refused before it is read; so is any body over
    // the limit, chunked or not, as soon as it passes the limit. Four clients send 100 MB each at once; the
    // server's peak memory must stay within a few MB (it grew by ~600 MB when bodies were read first).
    void bodiesAreRefusedBeforeTheyAreRead_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("chunkedBody");
        QTest::addColumn<int>("status");
        const QByteArray padding = "X-Padding: " + QByteArray(60 * 1024, 'p');
        QTest::addRow("no token, Content-Length 100 MB") << postHead({"Content-Length: 104857600"}) << false << 401;
        QTest::addRow("no token, chunked") << postHead({"Transfer-Encoding: chunked"}) << true << 401;
        QTest::addRow("no token, Content-Length after a head padded past 64 KB")
            << postHead({padding, "X-More: " + QByteArray(8 * 1024, 'q'), "Content-Length: 104857600"}) << false << 431;
        QTest::addRow("token, Content-Length 100 MB")
            << postHead({"Authorization: Bearer " + kToken, "Content-Length: 104857600"}) << false << 413;
        QTest::addRow("token, chunked: 413 once the body passes 1 MB")
            << postHead({"Authorization: Bearer " + kToken, "Transfer-Encoding: chunked"}) << true << 413;
    }
    void bodiesAreRefusedBeforeTheyAreRead()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, chunkedBody);
        QFETCH(int, status);
        ServerProcess server;
        // A 1 MiB body limit (the default is 4 MiB): the memory bound below is a few times the limit per client.
        QVERIFY(startServer(server, {{QStringLiteral("JCR_MCP_TOKEN"), QString::fromLatin1(kToken)},
                                     {QStringLiteral("JCR_MCP_MAX_BODY_BYTES"), QStringLiteral("1048576")}}));
        QVERIFY(answersHealth(server.port()));
        const qint64 peakBefore = procStatusKiB(server.processId(), "VmHWM");
        QVERIFY(peakBefore > 0);

        // 100 MB of body: as 64 KB chunks, or raw.
        QByteArray piece(64 * 1024, '\xa5');
        if (chunkedBody)
            piece = QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
        QByteArray body;
        for (int i = 0; i < 1600; ++i)
            body += piece;

        constexpr int clients = 4;
        std::vector<QList<int>> answers(clients);
        std::vector<std::thread> threads;
        for (int client = 0; client < clients; ++client) {
            threads.emplace_back([&, client] {
                PlainSocket socket(server.port());
                if (!socket.isOpen())
                    return;
                socket.send(head, 5000);
                socket.send(body, 15000); // the server answers and stops reading long before the end
                answers[client] = statuses(socket.receive(
                    10000, [](const QByteArray& bytes) { return bytes.contains("\r\n\r\n") && bytes.endsWith("}"); }));
            });
        }
        for (std::thread& thread : threads)
            thread.join();

        for (int client = 0; client < clients; ++client)
            QCOMPARE(answers[client], QList<int>{status});
        const qint64 growthKiB = procStatusKiB(server.processId(), "VmHWM") - peakBefore;
        qInfo() << "peak memory grew by" << growthKiB << "KiB";
        QVERIFY2(growthKiB < 16 * 1024, qPrintable(QStringLiteral("peak memory grew by %1 KiB").arg(growthKiB)));
        QVERIFY(answersHealth(server.port()));
    }

    // Issue 10, point 13: framings that a proxy in front could read differently are refused with 400 and
    // the connection closed, so that nothing after them is taken for a request.
    void ambiguousFramingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        const QByteArray smuggled = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        QTest::addRow("Content-Length -1") << postHead({"Content-Length: -1"}) + smuggled << 400;
        QTest::addRow("Content-Length abc") << postHead({"Content-Length: abc"}) + smuggled << 400;
        QTest::addRow("two different Content-Lengths")
            << postHead({"Content-Length: 0", "Content-Length: 44"}) + smuggled << 400;
        QTest::addRow("Content-Length and chunked")
            << postHead({"Content-Length: 5", "Transfer-Encoding: chunked"}) + "0\r\n\r\n" + smuggled << 400;
        QTest::addRow("chunked, gzip") << postHead({"Transfer-Encoding: chunked, gzip"}) + "0\r\n\r\n" + smuggled
                                       << 501;
        QByteArray manyFields = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (int i = 0; i < 150; ++i)
            manyFields += "X-Field-" + QByteArray::number(i) + ": 1\r\n";
        QTest::addRow("150 header fields") << manyFields + "\r\n" << 431;
        QTest::addRow("a head over 64 KB")
            << "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n"
            << 431;
    }
    void ambiguousFramingIsRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        ServerProcess server;
        QVERIFY(startServer(server));
        PlainSocket socket(server.port());
        QVERIFY(socket.isOpen());
        socket.send(bytes, 5000);
        // Exactly one answer, then the server closes: the smuggled GET is never answered.
        const QByteArray received = socket.receive(5000, [](const QByteArray&) { return false; });
        QCOMPARE(statuses(received), QList<int>{status});
        QVERIFY(answersHealth(server.port()));
    }

    // Issue 10, point 13: HTTP/1.0 without keep-alive gets its answer and the connection is closed.
    void http10ClosesAfterTheAnswer()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        PlainSocket socket(server.port());
        socket.send("GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", 5000);
        QElapsedTimer timer;
        timer.start();
        const QByteArray received = socket.receive(10000, [](const QByteArray&) { return false; });
        QCOMPARE(statuses(received), QList<int>{200});
        QVERIFY2(timer.elapsed() < 9000, "the server held an HTTP/1.0 connection open after the answer");
        // HTTP/1.0 with keep-alive stays open for the next request.
        PlainSocket kept(server.port());
        kept.send("GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n", 5000);
        kept.receive(5000, [](const QByteArray& bytes) { return statuses(bytes).size() == 1; });
        kept.send("GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", 5000);
        QCOMPARE(statuses(kept.receive(5000, [](const QByteArray&) { return false; })), QList<int>{200});
    }

    // Issue 10, point 4: requests pipelined by a client that never reads stop being read once the answers
    // waiting for it pass the limit; memory stays flat, and when the client reads, every answer arrives in
    // order.
    void pipelinedRequestsWaitForTheClient()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        const QByteArray session = openSession(server.port());
        QVERIFY(!session.isEmpty());
        constexpr int requests = 6000; // answers of 9 KB: 55 MB if the server answered all without waiting
        QByteArray pipeline;
        for (int id = 1; id <= requests; ++id) {
            const QByteArray body = R"({"jsonrpc":"2.0","id":)" + QByteArray::number(id) + R"(,"method":"tools/list"})";
            pipeline +=
                postHead({"Mcp-Session-Id: " + session, "Content-Length: " + QByteArray::number(body.size())}) + body;
        }
        const qint64 rssBefore = procStatusKiB(server.processId(), "VmRSS");
        PlainSocket socket(server.port());
        QVERIFY(socket.isOpen());
        // Send for a while without reading, then let the server finish what it took.
        const qint64 sent = socket.send(pipeline, 4000);
        waitUntilIdle(server.processId());
        const qint64 growthKiB = procStatusKiB(server.processId(), "VmRSS") - rssBefore;
        qInfo() << "pipelined:" << growthKiB << "KiB more resident," << sent << "of" << pipeline.size() << "bytes sent";
        QVERIFY2(growthKiB < 16 * 1024, qPrintable(QStringLiteral("memory grew by %1 KiB with %2 of %3 bytes sent")
                                                       .arg(growthKiB)
                                                       .arg(sent)
                                                       .arg(pipeline.size())));

        // Now read: the rest goes out as answers come in, and all arrive, in order.
        QByteArray buffer;
        int answered = 0;
        qint64 offset = sent;
        QElapsedTimer timer;
        timer.start();
        while (answered < requests && timer.elapsed() < 120000) {
            if (offset < pipeline.size())
                offset += socket.send(pipeline.mid(offset, 256 * 1024), 50);
            buffer += socket.receive(50, [](const QByteArray& bytes) { return bytes.size() > 1024 * 1024; });
            RawHttp::Response response;
            while (RawHttp::parseResponse(&buffer, &response, false)) {
                ++answered;
                QCOMPARE(response.status, 200);
                const int id = response.json().value(QStringLiteral("id")).toInt();
                QVERIFY2(id == answered, qPrintable(QStringLiteral("answer %1 has id %2").arg(answered).arg(id)));
                response = RawHttp::Response();
            }
        }
        QCOMPARE(answered, requests);
    }

    // Issue 10, point 10: a body that stops arriving is answered 408 and its connection closed.
    void slowBodyTimesOut()
    {
        ServerProcess server;
        QVERIFY(startServer(server, {{QStringLiteral("JCR_MCP_BODY_TIMEOUT_SECONDS"), QStringLiteral("2")}}));
        PlainSocket socket(server.port());
        socket.send(postHead({"Content-Length: 100"}) + R"({"jsonrpc":"2.0")", 5000);
        const QByteArray received = socket.receive(15000, [](const QByteArray&) { return false; });
        QCOMPARE(statuses(received), QList<int>{408});
    }

    // Issue 10, point 10: past the connection cap new clients wait in the backlog, and are served once
    // a connection ends.
    void connectionsAreCapped()
    {
        ServerProcess server;
        QVERIFY(startServer(server, {{QStringLiteral("JCR_MCP_MAX_CONNECTIONS"), QStringLiteral("20")}}));
        std::vector<std::unique_ptr<PlainSocket>> holders;
        for (int i = 0; i < 20; ++i) {
            holders.push_back(std::make_unique<PlainSocket>(server.port()));
            holders.back()->send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 2000);
            QCOMPARE(statuses(holders.back()->receive(
                         5000, [](const QByteArray& bytes) { return statuses(bytes).size() == 1; })),
                     QList<int>{200});
        }
        PlainSocket waiting(server.port()); // accepted by the kernel, not by the server
        waiting.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 2000);
        QVERIFY(statuses(waiting.receive(1500, [](const QByteArray& bytes) { return !bytes.isEmpty(); })).isEmpty());
        holders.pop_back();
        QCOMPARE(statuses(waiting.receive(5000, [](const QByteArray& bytes) { return statuses(bytes).size() == 1; })),
                 QList<int>{200});
    }

    // Issue 10, point 10: with file descriptors running out (ulimit -n 300, 400 slow bodies), the server
    // neither spins nor stops accepting for good: once the slow clients are gone it answers again.
    void runningOutOfDescriptorsDoesNotSpin()
    {
        QProcessEnvironment environment = ServerProcess::cleanEnvironment();
        ServerProcess server;
        // Through sh, so that the limit is the server's own (soft and hard), as an operator would set it.
        const QString command = QStringLiteral("ulimit -n 300 && exec \"$0\" \"$@\"");
        QVERIFY2(server.startLauncher(QStringLiteral("/bin/sh"),
                                      {QStringLiteral("-c"), command, jcr::test::serverBinary(),
                                       QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"),
                                       m_database, QStringLiteral("--port"), QStringLiteral("0")},
                                      environment),
                 qPrintable(server.errorString()));
        const qint64 pid = server.processId();
        std::vector<std::unique_ptr<PlainSocket>> slow;
        for (int i = 0; i < 400; ++i) {
            slow.push_back(std::make_unique<PlainSocket>(server.port()));
            slow.back()->send(postHead({"Content-Length: 1000"}) + "{", 100);
        }
        const qint64 ticksBefore = cpuTicks(pid);
        QTest::qWait(3000);
        const double cpuShare = double(cpuTicks(pid) - ticksBefore) / double(sysconf(_SC_CLK_TCK)) / 3.0;
        QVERIFY2(cpuShare < 0.3, qPrintable(QStringLiteral("the server used %1 of a core while full").arg(cpuShare)));
        slow.clear();
        QElapsedTimer timer;
        timer.start();
        bool healthy = false;
        while (!healthy && timer.elapsed() < 20000)
            healthy = answersHealth(server.port());
        QVERIFY2(healthy, qPrintable(server.stderrText().right(2000)));
    }
};

QTEST_GUILESS_MAIN(TestHttpFraming)
#include "tst_httpframing.moc"
