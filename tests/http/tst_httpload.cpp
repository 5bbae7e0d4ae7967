// Load behaviour of the HTTP transports (docs/http-transport.md, issue 4): many open SSE streams must not
// starve other clients, and SIGTERM under load must not lose a request the server already read.
// Times are only checked against gross stalls (10 s), never as performance targets: bench/ measures speed.

#include "fixturedatabase.h"
#include "rawhttp.h"
#include "serverprocess.h"
#include "testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using jcr::test::RawHttp;
using jcr::test::ServerProcess;

namespace {

constexpr int kStreams = 200;        // legacy GET /sse streams held open
constexpr int kStandingStreams = 20; // GET /mcp standing streams on initialized sessions
constexpr int kCalls = 50;           // tools/call while the streams are open
constexpr int kStallMs = 10000;      // a single answer slower than this is a stall, not slowness
constexpr int kWorkers = 16;         // SIGTERM test: clients sending continuously
constexpr int kKeepAliveMs = 15000;  // docs/http-transport.md: idle streams get a comment every 15 s

// Names that exercise the different search stages on the fixture set: exact, prefix, part, ISSN, typo, none.
const char* const kNames[] = {
    "Alpha Journal of Testing", "alpha", "Omega Open", "1234-5678", "8765-432X", "journal", "testing", "Alpah Jurnal",
    "zzzz no such journal",     "omega"};

QByteArray initializeBody()
{
    return R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",)"
           R"("capabilities":{},"clientInfo":{"name":"tst_httpload","version":"1"}}})"_ba;
}

QByteArray toolCallBody(qint64 id, const QString& tool, const QString& argument, const QString& value)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                     {QStringLiteral("id"), id},
                                     {QStringLiteral("method"), QStringLiteral("tools/call")},
                                     {QStringLiteral("params"),
                                      QJsonObject{{QStringLiteral("name"), tool},
                                                  {QStringLiteral("arguments"), QJsonObject{{argument, value}}}}}})
        .toJson(QJsonDocument::Compact);
}

/// The JSON-RPC message with `id` in a POST answer sent as JSON or as an event stream.
QJsonObject messageWithId(const RawHttp::Response& response, qint64 id)
{
    if (response.header("content-type").startsWith("text/event-stream")) {
        for (const RawHttp::SseEvent& event : RawHttp::parseEvents(response.body)) {
            const QJsonObject message = event.json();
            if (message.value(QStringLiteral("id")).toInteger(-1) == id)
                return message;
        }
        return {};
    }
    return response.json();
}

/// A tools/call answer is good when it is the 200 JSON-RPC result of that id (a tool's "not found" is fine).
bool isGoodAnswer(const RawHttp::Response& response, qint64 id)
{
    if (response.status != 200 || !response.complete)
        return false;
    const QJsonObject message = messageWithId(response, id);
    return message.value(QStringLiteral("id")).toInteger(-1) == id &&
           message.value(QStringLiteral("result")).isObject();
}

QByteArray openSession(quint16 port)
{
    const RawHttp::Response init = RawHttp::request(port, "POST", "/mcp", RawHttp::mcpHeaders(), initializeBody());
    const QByteArray session = init.header("mcp-session-id");
    if (init.status != 200 || session.isEmpty()) {
        qWarning().noquote() << "initialize failed:" << init.describe();
        return {};
    }
    const RawHttp::Response initialized = RawHttp::request(port, "POST", "/mcp", RawHttp::mcpHeaders(session),
                                                           R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    if (initialized.status != 202) {
        qWarning().noquote() << "notifications/initialized failed:" << initialized.describe();
        return {};
    }
    return session;
}

QJsonObject health(quint16 port)
{
    return RawHttp::request(port, "GET", "/health", {}, {}, kStallMs).json();
}

/// Pids of live processes whose environment carries `marker`: the server and anything it started.
QList<qint64> processesWithMarker(const QByteArray& marker)
{
    QList<qint64> pids;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile environ(QStringLiteral("/proc/%1/environ").arg(entry));
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(marker))
            pids << pid;
    }
    return pids;
}

/// What became of the requests of the SIGTERM test. A request is *accepted* once the server has read its
/// bytes from the socket; from the client side that is told apart by how the connection ends:
///  - connect() refused: the server no longer listens, nothing was sent;
///  - reset (RST) with no answer: the kernel reset the connection because the server closed it with our
///    bytes unread, or because they arrived after it had closed it (RFC 1122), so the server never read them;
///  - a complete 503 with `Connection: close`: the server refused the call explicitly (it read it after it
///    began stopping); the client knows the call did not run, so that is an answer, counted apart;
///  - orderly close (FIN) with no answer and no reset following it: the server read the request and closed
///    without answering. That, an incomplete answer, or no answer within 15 s is a LOSS.
struct Outcome
{
    int ok = 0;                   // complete 200 answers with the right id
    int okAfterSignal = 0;        // of which written after SIGTERM was sent
    int okInFlight = 0;           // of which written before SIGTERM was sent and answered after it
    int rejected = 0;             // answered 503 "stopping" with Connection: close
    int rejectedBeforeSignal = 0; // of which written before SIGTERM was sent (the server read them after it)
    int notRead = 0;              // reset before the server read the request
    int notWritten = 0;           // the connection broke while writing the request
    int refused = 0;              // connect() refused
    int lost = 0;                 // accepted and not answered (or answered wrongly)
    QStringList details;          // one line per loss
};

class LoadWorker
{
public:
    LoadWorker(
        int index, quint16 port, QByteArray session, const std::atomic<bool>* signalled, const std::atomic<bool>* stop)
        : m_index(index), m_port(port), m_session(std::move(session)), m_signalled(signalled), m_stop(stop)
    {
    }

    Outcome run()
    {
        qint64 sequence = 0;
        while (!m_stop->load()) {
            if (m_fd < 0 && !connectSocket())
                break; // refused: the server stopped listening, as it should after SIGTERM
            if (peerClosed()) {
                // A keep-alive connection the server closed while idle: a real client reconnects.
                closeSocket();
                continue;
            }
            const qint64 id = qint64(m_index + 1) * 1000000 + ++sequence;
            const QByteArray name = kNames[(m_index + sequence) % std::size(kNames)];
            const QByteArray body = toolCallBody(id, QStringLiteral("search_journal"), QStringLiteral("journal_name"),
                                                 QString::fromUtf8(name));
            const QByteArray request = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) +
                                       "\r\nContent-Type: application/json\r\n"
                                       "Accept: application/json, text/event-stream\r\nMcp-Session-Id: " +
                                       m_session + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                                       "\r\n\r\n" + body;
            const bool afterSignal = m_signalled->load();
            if (!writeAll(request)) {
                ++m_outcome.notWritten;
                closeSocket();
                continue;
            }
            readAnswer(id, afterSignal);
        }
        closeSocket();
        return m_outcome;
    }

private:
    bool connectSocket()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return false;
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            const int error = errno;
            closeSocket();
            if (error == ECONNREFUSED)
                ++m_outcome.refused;
            else
                m_outcome.details << QStringLiteral("worker %1: connect failed: %2").arg(m_index).arg(strerror(error));
            return false;
        }
        m_buffer.clear();
        return true;
    }

    bool peerClosed()
    {
        pollfd descriptor{m_fd, POLLIN | POLLRDHUP, 0};
        return ::poll(&descriptor, 1, 0) > 0 && (descriptor.revents & (POLLRDHUP | POLLHUP | POLLERR));
    }

    bool writeAll(const QByteArray& bytes)
    {
        qsizetype written = 0;
        while (written < bytes.size()) {
            const ssize_t n = ::send(m_fd, bytes.constData() + written, size_t(bytes.size() - written), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            written += n;
        }
        return true;
    }

    /// Reads until the answer is complete, or the connection ends, and classifies what happened.
    void readAnswer(qint64 id, bool afterSignal)
    {
        const auto loss = [&](const QString& why) {
            ++m_outcome.lost;
            m_outcome.details << QStringLiteral("worker %1, id %2 (%3 SIGTERM): %4")
                                     .arg(m_index)
                                     .arg(id)
                                     .arg(afterSignal ? QStringLiteral("written after") : QStringLiteral("before"))
                                     .arg(why);
            closeSocket();
        };
        QElapsedTimer timer;
        timer.start();
        char chunk[65536];
        for (;;) {
            RawHttp::Response response;
            if (RawHttp::parseResponse(&m_buffer, &response, false)) {
                if (response.status == 503 && response.complete && response.header("connection").toLower() == "close") {
                    // An explicit refusal (the server is stopping) is an answer, not a loss: the client knows
                    // the call did not run and may retry elsewhere.
                    ++m_outcome.rejected;
                    if (!afterSignal)
                        ++m_outcome.rejectedBeforeSignal;
                    closeSocket();
                    return;
                }
                if (!isGoodAnswer(response, id))
                    return loss(QStringLiteral("bad answer: ") + response.describe().left(500));
                ++m_outcome.ok;
                if (afterSignal)
                    ++m_outcome.okAfterSignal;
                else if (m_signalled->load())
                    ++m_outcome.okInFlight;
                if (response.header("connection").toLower() == "close")
                    closeSocket();
                return;
            }
            const int left = int(15000 - timer.elapsed());
            if (left <= 0)
                return loss(QStringLiteral("no answer within 15 s"));
            pollfd descriptor{m_fd, POLLIN, 0};
            const int ready = ::poll(&descriptor, 1, left);
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready == 0)
                continue;
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n > 0) {
                m_buffer.append(chunk, n);
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            const int error = n < 0 ? errno : 0;
            if (!m_buffer.isEmpty())
                return loss(QStringLiteral("connection ended inside the answer (%1 bytes): %2")
                                .arg(m_buffer.size())
                                .arg(error ? strerror(error) : "orderly close"));
            if (error == ECONNRESET || error == EPIPE) {
                ++m_outcome.notRead;
                closeSocket();
                return;
            }
            if (error != 0)
                return loss(QStringLiteral("recv failed: %1").arg(strerror(error)));
            // An orderly close. If the server closed before our bytes arrived, its kernel answers them with a
            // reset, which shows up as a pending socket error shortly after; if not, the server read them.
            QThread::msleep(200);
            int pending = 0;
            socklen_t length = sizeof pending;
            ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &pending, &length);
            if (pending == ECONNRESET || pending == EPIPE) {
                ++m_outcome.notRead;
                closeSocket();
                return;
            }
            return loss(QStringLiteral("the server closed the connection without answering"));
        }
    }

    void closeSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_buffer.clear();
    }

    int m_index;
    quint16 m_port;
    QByteArray m_session;
    const std::atomic<bool>* m_signalled;
    const std::atomic<bool>* m_stop;
    int m_fd = -1;
    QByteArray m_buffer;
    Outcome m_outcome;
};

} // namespace

class TestHttpLoad : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;
    QProcessEnvironment m_environment;

private slots:
    void initTestCase()
    {
        // 200 streams need about 200 descriptors on each side. The server inherits this process's limits, so
        // raising the soft limit to the hard one here covers both (a default soft limit of 1024 suffices,
        // but some CI runners set 256).
        rlimit limit{};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
        if (limit.rlim_cur < limit.rlim_max) {
            limit.rlim_cur = limit.rlim_max;
            ::setrlimit(RLIMIT_NOFILE, &limit);
            ::getrlimit(RLIMIT_NOFILE, &limit);
        }
        qInfo("file descriptor limit: %llu", static_cast<unsigned long long>(limit.rlim_cur));
        if (limit.rlim_cur < rlim_t(kStreams + kStandingStreams + 100))
            QSKIP("the file descriptor limit is too low for 200 streams (ulimit -n)");

        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("jcr.db"));
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
        m_environment = ServerProcess::cleanEnvironment();
        // Many clients, all from 127.0.0.1 (as behind a proxy): no per-client session cap.
        m_environment.insert(QStringLiteral("JCR_MCP_MAX_SESSIONS_PER_CLIENT"), QStringLiteral("0"));
    }

    void manyStreamsDoNotStarveOthers()
    {
        ServerProcess server;
        QVERIFY2(
            server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), m_database},
                         m_environment),
            qPrintable(server.errorString()));
        const quint16 port = server.port();

        // A client that keeps calling tools the whole time the streams are being opened.
        std::atomic<bool> stopCalling{false};
        std::atomic<int> backgroundOk{0};
        std::atomic<int> backgroundFailed{0};
        std::atomic<qint64> backgroundSlowest{0};
        QString backgroundFailure;
        QThread* caller = QThread::create([&] {
            const QByteArray session = openSession(port);
            if (session.isEmpty()) {
                ++backgroundFailed;
                return;
            }
            qint64 id = 1;
            while (!stopCalling.load()) {
                QElapsedTimer timer;
                timer.start();
                ++id;
                const RawHttp::Response response =
                    RawHttp::request(port, "POST", "/mcp", RawHttp::mcpHeaders(session),
                                     toolCallBody(id, QStringLiteral("get_journal"), QStringLiteral("name_or_issn"),
                                                  QString::fromUtf8(kNames[id % std::size(kNames)])),
                                     kStallMs + 5000);
                backgroundSlowest = qMax(backgroundSlowest.load(), timer.elapsed());
                if (isGoodAnswer(response, id)) {
                    ++backgroundOk;
                } else {
                    if (backgroundFailed++ == 0)
                        backgroundFailure = response.describe();
                }
                QThread::msleep(5);
            }
        });
        caller->start();
        // A failed check returns early; the caller must not outlive the variables it uses.
        struct Join
        {
            std::atomic<bool>* stop;
            QThread* thread;
            void finish()
            {
                if (!thread)
                    return;
                *stop = true;
                thread->wait();
                delete thread;
                thread = nullptr;
            }
            ~Join() { finish(); }
        } join{&stopCalling, caller};

        QElapsedTimer sinceOpened;
        sinceOpened.start();
        std::vector<std::unique_ptr<RawHttp>> legacy;
        QList<QByteArray> endpoints;
        for (int i = 0; i < kStreams; ++i) {
            auto stream = std::make_unique<RawHttp>(port);
            QVERIFY2(stream->connectToServer(kStallMs),
                     qPrintable(QStringLiteral("stream %1: %2").arg(i).arg(stream->errorString())));
            QVERIFY(stream->sendRequest("GET", "/sse", {{"Accept", "text/event-stream"}}));
            const RawHttp::Response head = stream->readHead(kStallMs);
            QVERIFY2(head.status == 200, qPrintable(QStringLiteral("stream %1: %2").arg(i).arg(head.describe())));
            const auto endpoint = stream->readEvent(kStallMs);
            QVERIFY2(endpoint && endpoint->event == "endpoint", qPrintable(QStringLiteral("stream %1").arg(i)));
            endpoints << endpoint->data;
            legacy.push_back(std::move(stream));
        }
        std::vector<std::unique_ptr<RawHttp>> standing;
        for (int i = 0; i < kStandingStreams; ++i) {
            const QByteArray session = openSession(port);
            QVERIFY(!session.isEmpty());
            auto stream = std::make_unique<RawHttp>(port);
            QVERIFY(stream->sendRequest("GET", "/mcp", {{"Accept", "text/event-stream"}, {"Mcp-Session-Id", session}}));
            const RawHttp::Response head = stream->readHead(kStallMs);
            QVERIFY2(head.status == 200, qPrintable(head.describe()));
            standing.push_back(std::move(stream));
        }

        // With every stream open: another client initializes and calls tools; every call must succeed.
        const QByteArray session = openSession(port);
        QVERIFY(!session.isEmpty());
        qint64 slowest = 0;
        for (int i = 0; i < kCalls; ++i) {
            QElapsedTimer timer;
            timer.start();
            const qint64 id = 1000 + i;
            const bool search = i % 2 == 0;
            const RawHttp::Response response = RawHttp::request(
                port, "POST", "/mcp", RawHttp::mcpHeaders(session),
                toolCallBody(id, search ? QStringLiteral("search_journal") : QStringLiteral("get_journal"),
                             search ? QStringLiteral("journal_name") : QStringLiteral("name_or_issn"),
                             QString::fromUtf8(kNames[i % std::size(kNames)])),
                kStallMs + 5000);
            slowest = qMax(slowest, timer.elapsed());
            QVERIFY2(isGoodAnswer(response, id),
                     qPrintable(QStringLiteral("call %1:\n%2").arg(i).arg(response.describe())));
            QVERIFY2(timer.elapsed() < kStallMs,
                     qPrintable(QStringLiteral("call %1 took %2 ms").arg(i).arg(timer.elapsed())));
        }

        const QJsonObject report = health(port);
        const QJsonObject sessions = report.value(QStringLiteral("sessions")).toObject();
        QVERIFY2(sessions.value(QStringLiteral("sse")).toInt() >= kStreams, QJsonDocument(report).toJson().constData());
        QVERIFY2(sessions.value(QStringLiteral("streamableHttp")).toInt() >= kStandingStreams + 1,
                 QJsonDocument(report).toJson().constData());

        // Held past the keep-alive interval (15 s) while the background client goes on: every stream gets its
        // comment, so the timers of 220 streams neither stall the server nor get lost.
        QThread::msleep(ulong(qMax<qint64>(0, kKeepAliveMs + 1500 - sinceOpened.elapsed())));
        for (const auto* streams : {&legacy, &standing}) {
            for (size_t i = 0; i < streams->size(); ++i) {
                bool commented = false;
                while (!commented) {
                    const auto event = (*streams)[i]->readEvent(5000);
                    if (!event)
                        break;
                    commented = !event->comments.isEmpty();
                }
                QVERIFY2(commented, qPrintable(QStringLiteral("%1 stream %2: no keep-alive comment")
                                                   .arg(streams == &legacy ? "legacy" : "standing")
                                                   .arg(i)));
            }
        }

        // The streams are alive, not just counted: a few legacy sessions get their answers on their streams.
        for (int i = 0; i < kStreams; i += kStreams / 10) {
            const RawHttp::Response accepted =
                RawHttp::request(port, "POST", endpoints.at(i), {{"Content-Type", "application/json"}},
                                 R"({"jsonrpc":"2.0","id":"p","method":"ping"})", kStallMs);
            QVERIFY2(accepted.status == 202, qPrintable(accepted.describe()));
            std::optional<RawHttp::SseEvent> event;
            do {
                event = legacy[i]->readEvent(kStallMs);
            } while (event && !event->hasData); // skip keep-alive comments
            QVERIFY2(event && event->json().value(QStringLiteral("id")).toString() == QLatin1String("p"),
                     qPrintable(QStringLiteral("stream %1: no ping answer").arg(i)));
        }

        join.finish();
        qInfo("%d calls, slowest %lld ms; background client: %d ok, %d failed, slowest %lld ms", kCalls, slowest,
              backgroundOk.load(), backgroundFailed.load(), static_cast<long long>(backgroundSlowest.load()));
        QVERIFY2(backgroundFailed == 0, qPrintable(backgroundFailure));
        QVERIFY(backgroundOk > 0);
        QVERIFY2(backgroundSlowest < kStallMs, qPrintable(QString::number(backgroundSlowest.load())));

        // Closing the streams ends their sessions.
        legacy.clear();
        standing.clear();
        QElapsedTimer timer;
        timer.start();
        int open = kStreams;
        while (timer.elapsed() < 5000) {
            open = health(port).value(QStringLiteral("sessions")).toObject().value(QStringLiteral("sse")).toInt(-1);
            if (open == 0)
                break;
            QThread::msleep(100);
        }
        QVERIFY2(open == 0, qPrintable(QStringLiteral("%1 legacy sessions left after their streams closed").arg(open)));

        server.terminate();
        QCOMPARE(server.waitForExit(10000), 0);
    }

    void sigtermUnderLoadLosesNothing()
    {
        const QByteArray marker = "JCR_TEST_MARKER=" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        QProcessEnvironment environment = m_environment;
        environment.insert(QString::fromLatin1(marker.left(marker.indexOf('='))),
                           QString::fromLatin1(marker.mid(marker.indexOf('=') + 1)));
        ServerProcess server;
        QVERIFY2(
            server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), m_database},
                         environment),
            qPrintable(server.errorString()));
        const qint64 pid = server.processId();
        const QByteArray session = openSession(server.port());
        QVERIFY(!session.isEmpty());

        std::atomic<bool> signalled{false};
        std::atomic<bool> stop{false};
        std::vector<Outcome> outcomes(kWorkers);
        std::vector<std::thread> threads;
        for (int i = 0; i < kWorkers; ++i) {
            threads.emplace_back([&, i] {
                LoadWorker worker(i, server.port(), session, &signalled, &stop);
                outcomes[size_t(i)] = worker.run();
            });
        }

        QThread::msleep(1000);
        QElapsedTimer timer;
        timer.start();
        signalled = true;
        server.terminate();
        const int code = server.waitForExit(10000);
        const qint64 exitMs = timer.elapsed();
        if (code == -1)
            server.kill();    // let the workers finish; the failure is reported below
        QThread::msleep(500); // let workers see the refusals
        stop = true;
        for (std::thread& thread : threads)
            thread.join();

        Outcome total;
        for (const Outcome& outcome : outcomes) {
            total.ok += outcome.ok;
            total.okAfterSignal += outcome.okAfterSignal;
            total.okInFlight += outcome.okInFlight;
            total.rejected += outcome.rejected;
            total.rejectedBeforeSignal += outcome.rejectedBeforeSignal;
            total.notRead += outcome.notRead;
            total.notWritten += outcome.notWritten;
            total.refused += outcome.refused;
            total.lost += outcome.lost;
            total.details += outcome.details;
        }
        qInfo("SIGTERM under load: %d answered (%d in flight at the signal, %d written after it), %d refused with 503 "
              "(%d written "
              "before the signal), %d reset unread, %d not written, %d connections refused, %d lost; exit %d after "
              "%lld ms",
              total.ok, total.okInFlight, total.okAfterSignal, total.rejected, total.rejectedBeforeSignal,
              total.notRead, total.notWritten, total.refused, total.lost, code, static_cast<long long>(exitMs));
        QVERIFY2(total.ok > kWorkers, "the load never got going");
        QVERIFY2(total.lost == 0, qPrintable(total.details.mid(0, 20).join(u'\n') + QStringLiteral("\n--- stderr:\n") +
                                             server.stderrText().right(3000)));
        QVERIFY2(
            code == 0,
            qPrintable(
                QStringLiteral("exit %1 after %2 ms:\n%3").arg(code).arg(exitMs).arg(server.stderrText().right(3000))));
        QVERIFY2(exitMs < 10000, qPrintable(QString::number(exitMs)));

        // No orphan: neither the server nor anything it started is still alive.
        QVERIFY(::kill(pid_t(pid), 0) != 0 && errno == ESRCH);
        const QList<qint64> left = processesWithMarker(marker);
        QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("processes left: %1").arg(left.size())));
        // Nothing listens any more.
        RawHttp http(server.port());
        QVERIFY(!http.connectToServer(2000));
    }
};

QTEST_GUILESS_MAIN(TestHttpLoad)
#include "tst_httpload.moc"
