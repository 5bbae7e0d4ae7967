// Few raw string literals here: moc (Qt 6.4) misreads some (one ending in a quote) and then finds no class.
// Black-box tests of the limits that keep one client from harming the others or learning about the host
// (issue 10): /metrics labels, DELETE and the maximum age of signed session ids, the database path in
// /health, the per-client session cap, sessions that never finish initializing, batch size, and ids.
// The real jcr-mcp-server on the miniature fixture database, raw HTTP; each test starts the server it needs.

#include "fixturedatabase.h"
#include "mcpmessages.h"
#include "rawhttp.h"
#include "serverprocess.h"
#include "testpaths.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using jcr::test::McpMessages;
using jcr::test::RawHttp;
using jcr::test::ServerProcess;

namespace {

/// JCR_MCP_* settings of a server under test: (name, value).
using Settings = QList<QPair<QString, QString>>;

const QByteArray kSecret = "sessions-test-secret-0123456789abcdef0123456789";

RawHttp::Response ping(quint16 port, const QByteArray& session)
{
    return RawHttp::postMcp(port, R"({"jsonrpc":"2.0","id":7,"method":"ping"})", session);
}

RawHttp::Response deleteSession(quint16 port, const QByteArray& session)
{
    return RawHttp::request(port, "DELETE", "/mcp", {{"Mcp-Session-Id", session}});
}

int errorCode(const QJsonObject& message)
{
    return message.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt();
}

QString errorMessage(const QJsonObject& message)
{
    return message.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

/// A server on the fixture database with the documented defaults plus `settings` (JCR_MCP_* → value).
std::unique_ptr<ServerProcess> startServer(const QString& database, const Settings& settings = {})
{
    QProcessEnvironment environment = ServerProcess::cleanEnvironment();
    for (const auto& [name, value] : settings)
        environment.insert(name, value);
    auto server = std::make_unique<ServerProcess>();
    if (!server->start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), database},
                       environment)) {
        qWarning().noquote() << "server did not start:" << server->errorString();
        return nullptr;
    }
    return server;
}

/// initialize, and notifications/initialized unless `finish` is false; the session id (empty on failure).
QByteArray openSession(quint16 port,
                       bool finish = true,
                       const QString& version = QStringLiteral("2025-06-18"),
                       RawHttp::Response* refused = nullptr)
{
    const RawHttp::Response init = RawHttp::postMcp(port, McpMessages::initialize(1, version));
    if (init.status != 200 || init.header("mcp-session-id").isEmpty()) {
        if (refused)
            *refused = init;
        return {};
    }
    const QByteArray session = init.header("mcp-session-id");
    if (finish && RawHttp::postMcp(port, McpMessages::initialized(), session).status != 202)
        return {};
    return session;
}

} // namespace

class TestHttpSessions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("data/jcr.db"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("data"))));
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
    }

    // Point 3: a method name is a label only when the protocol has it; nothing a client sends adds lines.
    void metricsIgnoreClientMethodNames()
    {
        const auto server = startServer(m_database);
        QVERIFY(server);
        const QByteArray session = openSession(server->port());
        QVERIFY(!session.isEmpty());
        // The method is x"} 1<newline>evil_metric 42<newline># (a raw string here would confuse moc).
        const QByteArray evil = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\\\"} 1\\nevil_metric 42\\n# \"}";
        QCOMPARE(RawHttp::postMcp(server->port(), evil, session).status, 200); // -32601 in the body
        for (int i = 0; i < 50; ++i)
            RawHttp::postMcp(server->port(),
                             "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"made/up/" + QByteArray::number(i) + "\"}",
                             session);
        const RawHttp::Response metrics = RawHttp::request(server->port(), "GET", "/metrics");
        QCOMPARE(metrics.status, 200);
        for (const QByteArray& line : metrics.body.split('\n'))
            QVERIFY2(!line.startsWith("evil_metric") && !line.contains("made/up"), metrics.body.constData());
        QVERIFY2(metrics.body.contains("jcr_mcp_call_duration_seconds_count{method=\"other\"} 51\n"),
                 metrics.body.constData());
    }

    // Point 5: with signed ids, DELETE ends the session on the server that received it…
    void deleteEndsASignedSession()
    {
        const auto server = startServer(m_database, {{"JCR_MCP_SESSION_SECRET", QString::fromLatin1(kSecret)}});
        QVERIFY(server);
        const QByteArray session = openSession(server->port());
        QVERIFY(session.startsWith("s1."));
        QCOMPARE(ping(server->port(), session).status, 200);
        QCOMPARE(deleteSession(server->port(), session).status, 200);
        const RawHttp::Response after = ping(server->port(), session);
        QVERIFY2(after.status == 404, qPrintable(after.describe()));
        const RawHttp::Response stream = RawHttp::request(
            server->port(), "GET", "/mcp", {{"Accept", "text/event-stream"}, {"Mcp-Session-Id", session}});
        QVERIFY2(stream.status == 404, qPrintable(stream.describe()));
        QCOMPARE(deleteSession(server->port(), session).status, 404);
    }

    // … and the server that issued an id refuses it after JCR_MCP_SESSION_MAX_AGE_SECONDS, like the others.
    void signedSessionEndsAtItsMaximumAge()
    {
        const auto server = startServer(m_database, {{"JCR_MCP_SESSION_SECRET", QString::fromLatin1(kSecret)},
                                                     {"JCR_MCP_SESSION_MAX_AGE_SECONDS", "2"}});
        QVERIFY(server);
        const QByteArray session = openSession(server->port());
        QVERIFY(!session.isEmpty());
        QCOMPARE(ping(server->port(), session).status, 200);
        // Ids carry their issue time in whole seconds: over 2 s old within 4 s at most.
        QTRY_COMPARE_WITH_TIMEOUT(ping(server->port(), session).status, 404, 15000);
    }

    // Point 6: /health says what is wrong, but not where the database lives — except to a caller that sent
    // the required token (what `jcr-mcp-server healthcheck` does).
    void healthHidesTheDatabasePath_data()
    {
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("token");     // the server's JCR_MCP_TOKEN
        QTest::addColumn<QByteArray>("bearer"); // what the request sends
        QTest::addColumn<bool>("shown");
        QTest::addRow("healthy") << true << QString() << QByteArray() << false;
        QTest::addRow("healthy, token required, none sent")
            << true << QStringLiteral("s3cret") << QByteArray() << false;
        QTest::addRow("healthy, token required, wrong one sent")
            << true << QStringLiteral("s3cret") << QByteArray("wrong") << false;
        QTest::addRow("healthy, token required and sent")
            << true << QStringLiteral("s3cret") << QByteArray("s3cret") << true;
        QTest::addRow("database missing") << false << QString() << QByteArray() << false;
        QTest::addRow("database missing, token sent")
            << false << QStringLiteral("s3cret") << QByteArray("s3cret") << true;
    }
    void healthHidesTheDatabasePath()
    {
        QFETCH(bool, present);
        QFETCH(QString, token);
        QFETCH(QByteArray, bearer);
        QFETCH(bool, shown);
        const QString database = present ? m_database : m_dir.filePath(QStringLiteral("data/missing.db"));
        Settings settings;
        if (!token.isEmpty())
            settings.append({QStringLiteral("JCR_MCP_TOKEN"), token});
        const auto server = startServer(database, settings);
        QVERIFY(server);
        RawHttp::Headers headers;
        if (!bearer.isEmpty())
            headers.append({"Authorization", "Bearer " + bearer});
        const RawHttp::Response health = RawHttp::request(server->port(), "GET", "/health", headers);
        QCOMPARE(health.status, present ? 200 : 503);
        QCOMPARE(health.json().value(QStringLiteral("path")).toString(), shown ? database : QString());
        QCOMPARE(health.body.contains(m_dir.path().toUtf8()), shown);
        if (!present) {
            // Still says what to do, naming the file only; the log has the whole path.
            const QString message = health.json().value(QStringLiteral("message")).toString();
            QVERIFY2(message.contains(QStringLiteral("sync")) && message.contains(QStringLiteral("missing.db")),
                     qPrintable(message));
            QTRY_VERIFY_WITH_TIMEOUT(server->stderrText().contains(database), 5000);
            // `healthcheck` sends the server's token when it has one, and then repeats the path.
            QProcess check;
            QProcessEnvironment environment = ServerProcess::cleanEnvironment();
            if (!token.isEmpty())
                environment.insert(QStringLiteral("JCR_MCP_TOKEN"), token);
            check.setProcessEnvironment(environment);
            check.start(jcr::test::serverBinary(), {QStringLiteral("healthcheck"), QStringLiteral("--url"),
                                                    QStringLiteral("http://127.0.0.1:%1/health").arg(server->port())});
            QVERIFY(check.waitForFinished(30000));
            QCOMPARE(check.exitCode(), 1);
            const QString said = QString::fromUtf8(check.readAllStandardError());
            QVERIFY2(said.contains(database) == shown, qPrintable(said));
        } else {
            QVERIFY2(health.json().value(QStringLiteral("message")).isNull(), health.body.constData());
        }
    }

    // Point 9: one client address holds at most JCR_MCP_MAX_SESSIONS_PER_CLIENT sessions (both transports). At
    // the cap its least recently used idle session gives way; when all are busy (here: open streams) → 429.
    void sessionsPerClientAreCapped()
    {
        const auto server = startServer(m_database, {{"JCR_MCP_MAX_SESSIONS_PER_CLIENT", "3"}});
        QVERIFY(server);
        const QByteArray first = openSession(server->port());
        const QByteArray second = openSession(server->port());
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        RawHttp legacy(server->port());
        QVERIFY(legacy.sendRequest("GET", "/sse", {{"Accept", "text/event-stream"}}));
        QCOMPARE(legacy.readHead().status, 200);

        const QByteArray third = openSession(server->port()); // `first` was unused the longest: it gives way
        QVERIFY(!third.isEmpty());
        QCOMPARE(ping(server->port(), first).status, 404);
        QCOMPARE(ping(server->port(), second).status, 200);

        // Every session busy: standing streams on both Streamable HTTP sessions, the legacy one is a stream.
        std::vector<std::unique_ptr<RawHttp>> streams;
        for (const QByteArray& session : {second, third}) {
            streams.push_back(std::make_unique<RawHttp>(server->port()));
            QVERIFY(streams.back()->sendRequest("GET", "/mcp",
                                                {{"Accept", "text/event-stream"}, {"Mcp-Session-Id", session}}));
            QCOMPARE(streams.back()->readHead().status, 200);
        }
        RawHttp::Response refused;
        QVERIFY(openSession(server->port(), true, QStringLiteral("2025-06-18"), &refused).isEmpty());
        QVERIFY2(refused.status == 429, qPrintable(refused.describe()));
        QVERIFY2(!refused.hasHeader("mcp-session-id"), qPrintable(refused.describe()));
        QVERIFY2(errorMessage(refused.json()).contains(QStringLiteral("3 sessions")), qPrintable(refused.describe()));
        const RawHttp::Response refusedStream =
            RawHttp::request(server->port(), "GET", "/sse", {{"Accept", "text/event-stream"}}, {}, 5000);
        QVERIFY2(refusedStream.status == 429, qPrintable(refusedStream.describe()));
        QCOMPARE(ping(server->port(), second).status, 200); // the client's sessions go on

        QCOMPARE(deleteSession(server->port(), second).status, 200);
        QVERIFY(!openSession(server->port()).isEmpty()); // room again
    }

    // Point 9: a Streamable HTTP session that never sends notifications/initialized ends after
    // JCR_MCP_SESSION_INIT_SECONDS; one that did stays.
    void uninitializedSessionsExpire()
    {
        const auto server = startServer(m_database, {{"JCR_MCP_SESSION_INIT_SECONDS", "1"}});
        QVERIFY(server);
        const QByteArray unfinished = openSession(server->port(), false);
        const QByteArray finished = openSession(server->port());
        QVERIFY(!unfinished.isEmpty() && !finished.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(ping(server->port(), unfinished).status, 404, 15000);
        QCOMPARE(ping(server->port(), finished).status, 200);
        const QJsonObject health = RawHttp::request(server->port(), "GET", "/health").json();
        QCOMPARE(health.value(QStringLiteral("sessions")).toObject().value(QStringLiteral("streamableHttp")).toInt(),
                 1);
    }

    // Point 11: batches of more than JCR_MCP_MAX_BATCH_SIZE messages (default 100) are refused whole.
    void batchesAreCapped_data()
    {
        QTest::addColumn<QString>("limit"); // empty: the default
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("status");
        QTest::addRow("default, 100") << QString() << 100 << 200;
        QTest::addRow("default, 101") << QString() << 101 << 400;
        QTest::addRow("default, 5000") << QString() << 5000 << 400;
        QTest::addRow("limit 5, 5") << QStringLiteral("5") << 5 << 200;
        QTest::addRow("limit 5, 6") << QStringLiteral("5") << 6 << 400;
    }
    void batchesAreCapped()
    {
        QFETCH(QString, limit);
        QFETCH(int, size);
        QFETCH(int, status);
        Settings settings;
        if (!limit.isEmpty())
            settings.append({QStringLiteral("JCR_MCP_MAX_BATCH_SIZE"), limit});
        const auto server = startServer(m_database, settings);
        QVERIFY(server);
        const QByteArray session = openSession(server->port(), true, QStringLiteral("2025-03-26"));
        QVERIFY(!session.isEmpty());
        QByteArrayList pings;
        for (int i = 0; i < size; ++i)
            pings << R"({"jsonrpc":"2.0","id":)" + QByteArray::number(i) + R"(,"method":"tools/list"})";
        const RawHttp::Response response = RawHttp::postMcp(server->port(), '[' + pings.join(',') + ']', session);
        QVERIFY2(response.status == status, qPrintable(response.describe().left(500)));
        if (status == 200) {
            QCOMPARE(QJsonDocument::fromJson(response.body).array().size(), size);
            return;
        }
        QCOMPARE(errorCode(response.json()), -32600);
        const QString expected =
            QStringLiteral("batch too large: at most %1").arg(limit.isEmpty() ? QStringLiteral("100") : limit);
        QVERIFY2(errorMessage(response.json()).contains(expected), qPrintable(response.describe()));
    }

    // Point 15: ids are strings or integers; 1.5 is refused like true is.
    void idsMustBeStringsOrIntegers_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<bool>("valid");
        QTest::addRow("integer") << QByteArray("3") << true;
        QTest::addRow("string") << QByteArray(R"("a")") << true;
        QTest::addRow("fraction") << QByteArray("1.5") << false;
        QTest::addRow("boolean") << QByteArray("true") << false;
    }
    void idsMustBeStringsOrIntegers()
    {
        QFETCH(QByteArray, id);
        QFETCH(bool, valid);
        const auto server = startServer(m_database);
        QVERIFY(server);
        const QByteArray session = openSession(server->port());
        QVERIFY(!session.isEmpty());
        for (const QByteArray& method : {QByteArray("ping"), QByteArray("tools/list")}) {
            const RawHttp::Response response = RawHttp::postMcp(
                server->port(), "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"}", session);
            QVERIFY2(response.status == 200, qPrintable(response.describe()));
            const QJsonObject message = response.json();
            if (valid) {
                QVERIFY2(message.contains(QStringLiteral("result")), qPrintable(response.describe()));
                continue;
            }
            QCOMPARE(errorCode(message), -32600);
            QVERIFY2(!message.contains(QStringLiteral("id")), qPrintable(response.describe()));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpSessions)
#include "tst_httpsessions.moc"
