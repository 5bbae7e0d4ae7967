// Several replicas of the server behind a load balancer: with one JCR_MCP_SESSION_SECRET, a Streamable HTTP
// session started on one replica goes on at any other; without it (or with another secret) it does not.
// Real server processes on free ports, raw HTTP.

#include "fixturedatabase.h"
#include "mcpmessages.h"
#include "rawhttp.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using jcr::test::McpMessages;
using jcr::test::RawHttp;
using jcr::test::ServerProcess;

namespace {

const QByteArray kSecret = "replica-test-secret-0123456789abcdef0123456789";
const QByteArray kOtherSecret = "another-secret-for-replica-tests-9876543210abcdef";

QJsonObject structured(const RawHttp::Response& response)
{
    return response.json().value("result").toObject().value("structuredContent").toObject();
}

} // namespace

class TestReplicas : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;
    // Two replicas with the shared secret, one with another secret, one without any.
    ServerProcess m_first;
    ServerProcess m_second;
    ServerProcess m_otherSecret;
    ServerProcess m_unsigned;
    int m_nextId = 1;

    static QProcessEnvironment environment(const QByteArray& secret)
    {
        QProcessEnvironment environment = ServerProcess::cleanEnvironment();
        if (!secret.isEmpty())
            environment.insert("JCR_MCP_SESSION_SECRET", QString::fromLatin1(secret));
        return environment;
    }

    bool start(ServerProcess& server, const QByteArray& secret)
    {
        const bool started = server.start({"--transport", "streamable-http", "--db", m_database}, environment(secret));
        if (!started)
            qWarning().noquote() << server.errorString() << server.stderrText();
        return started;
    }

    ServerProcess& replica(const QString& name)
    {
        if (name == QLatin1String("second"))
            return m_second;
        if (name == QLatin1String("other secret"))
            return m_otherSecret;
        if (name == QLatin1String("unsigned"))
            return m_unsigned;
        return m_first;
    }

    /// initialize + notifications/initialized on `server`; the session id (empty on failure).
    QByteArray openSession(ServerProcess& server, const QString& version)
    {
        const RawHttp::Response init = RawHttp::postMcp(server.port(), McpMessages::initialize(m_nextId++, version));
        const QByteArray session = init.header("mcp-session-id");
        if (init.status != 200 || session.isEmpty()) {
            qWarning().noquote() << init.describe();
            return {};
        }
        const RawHttp::Response initialized = RawHttp::postMcp(server.port(), McpMessages::initialized(), session);
        return initialized.status == 202 ? session : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath("jcr.db");
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
        QVERIFY(start(m_first, kSecret));
        QVERIFY(start(m_second, kSecret));
        QVERIFY(start(m_otherSecret, kOtherSecret));
        QVERIFY(start(m_unsigned, QByteArray()));
    }

    void sessionMovesBetweenReplicas_data()
    {
        QTest::addColumn<QString>("startedOn");
        QTest::addColumn<QString>("continuedOn");
        QTest::addColumn<bool>("tamper");
        QTest::addColumn<int>("expectedStatus");
        QTest::newRow("same replica") << "first"
                                      << "first" << false << 200;
        QTest::newRow("replica with the same secret") << "first"
                                                      << "second" << false << 200;
        QTest::newRow("and back") << "second"
                                  << "first" << false << 200;
        QTest::newRow("replica with another secret") << "first"
                                                     << "other secret" << false << 404;
        QTest::newRow("replica without a secret") << "first"
                                                  << "unsigned" << false << 404;
        QTest::newRow("unsigned session elsewhere") << "unsigned"
                                                    << "first" << false << 404;
        QTest::newRow("altered id") << "first"
                                    << "second" << true << 404;
    }

    void sessionMovesBetweenReplicas()
    {
        QFETCH(QString, startedOn);
        QFETCH(QString, continuedOn);
        QFETCH(bool, tamper);
        QFETCH(int, expectedStatus);

        QByteArray session = openSession(replica(startedOn), QStringLiteral("2025-06-18"));
        QVERIFY(!session.isEmpty());
        const QByteArray call = McpMessages::toolCall(m_nextId++, "get_journal", {{"name_or_issn", "1234-5678"}});
        const RawHttp::Response original = RawHttp::postMcp(replica(startedOn).port(), call, session);
        QVERIFY2(original.status == 200, qPrintable(original.describe()));
        QVERIFY(structured(original).value("found").toBool());

        if (tamper)
            session[10] = session[10] == 'x' ? 'y' : 'x';
        const RawHttp::Response moved = RawHttp::postMcp(replica(continuedOn).port(), call, session);
        QVERIFY2(moved.status == expectedStatus, qPrintable(moved.describe()));
        if (expectedStatus == 200)
            QCOMPARE(structured(moved), structured(original)); // the same answer from the other replica
    }

    void theNegotiatedVersionTravelsWithTheSession_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("batchStatus");
        // Batches are part of 2025-03-26 only: the second replica must know which version the first agreed.
        QTest::newRow("2025-03-26 allows batches") << "2025-03-26" << 200;
        QTest::newRow("2025-06-18 does not") << "2025-06-18" << 400;
    }

    void theNegotiatedVersionTravelsWithTheSession()
    {
        QFETCH(QString, version);
        QFETCH(int, batchStatus);
        const QByteArray session = openSession(m_first, version);
        QVERIFY(!session.isEmpty());
        const QByteArray batch = "[" +
                                 McpMessages::toolCall(m_nextId++, "get_journal", {{"name_or_issn", "1234-5678"}}) +
                                 "," + R"({"jsonrpc":"2.0","id":"p","method":"ping"})" + "]";
        const RawHttp::Response answer = RawHttp::postMcp(m_second.port(), batch, session);
        QVERIFY2(answer.status == batchStatus, qPrintable(answer.describe()));
    }

    void unsignedIdsStayRandomHex()
    {
        const QByteArray session = openSession(m_unsigned, QStringLiteral("2025-06-18"));
        QCOMPARE(session.size(), 32);
        QVERIFY(QByteArray::fromHex(session).toHex() == session);
    }

    void aShortSecretIsRefusedAtStart()
    {
        ServerProcess server;
        QVERIFY(server.startOnly({"--transport", "streamable-http", "--db", m_database}, environment("too short")));
        QCOMPARE(server.waitForExit(20000), 2);
        QVERIFY2(server.stderrText().contains("JCR_MCP_SESSION_SECRET"), qPrintable(server.stderrText()));
    }
};

QTEST_GUILESS_MAIN(TestReplicas)
#include "tst_replicas.moc"
