// `jcr-mcp-server healthcheck`, the command Docker's HEALTHCHECK, compose and systemd watchdogs run: exit 0
// only when a real server answers 200 on /health, 1 when the database is missing or broken (503), and 1
// with a one-line message when nothing answers.

#include "commandrun.h"
#include "fixturedatabase.h"
#include "serverprocess.h"
#include "testpaths.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace jcr::test;

class TestHealthCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void runningServer_data();
    void runningServer();
    void noServer();

private:
    QTemporaryDir m_dir;
    QString m_database;
};

void TestHealthCheck::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    QVERIFY2(buildDatabase(miniDataDir(), m_database, &error), qPrintable(error));
}

void TestHealthCheck::runningServer_data()
{
    QTest::addColumn<QByteArray>("database");  // "fixture", "missing", or the bytes of a broken file
    QTest::addColumn<QString>("token");        // JCR_MCP_TOKEN of the server and of the check
    QTest::addColumn<bool>("urlFromSettings"); // no --url: JCR_MCP_PORT says where
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("mention");

    QTest::newRow("database present") << QByteArray("fixture") << QString() << false << 0 << QByteArray("healthy");
    QTest::newRow("database present, URL from JCR_MCP_PORT")
        << QByteArray("fixture") << QString() << true << 0 << QByteArray("healthy");
    QTest::newRow("database present, token set")
        << QByteArray("fixture") << QStringLiteral("s3cret-token") << false << 0 << QByteArray("healthy");
    QTest::newRow("database missing") << QByteArray("missing") << QString() << false << 1 << QByteArray("503");
    QTest::newRow("database corrupt") << QByteArray("SQLite format 3\0garbage garbage garbage", 40) << QString()
                                      << false << 1 << QByteArray("503");
    QTest::newRow("database empty file") << QByteArray("") << QString() << true << 1 << QByteArray("503");
}

void TestHealthCheck::runningServer()
{
    QFETCH(QByteArray, database);
    QFETCH(QString, token);
    QFETCH(bool, urlFromSettings);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, mention);

    QString path = m_database;
    if (database == "missing") {
        path = m_dir.filePath(QStringLiteral("missing.db"));
    } else if (database != "fixture") {
        path = m_dir.filePath(QStringLiteral("broken.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(database);
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("JCR_MCP_HOST"));
    if (token.isEmpty())
        environment.remove(QStringLiteral("JCR_MCP_TOKEN"));
    else
        environment.insert(QStringLiteral("JCR_MCP_TOKEN"), token);
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), path},
                          environment),
             qPrintable(server.errorString()));

    QStringList arguments{QStringLiteral("healthcheck")};
    if (urlFromSettings)
        environment.insert(QStringLiteral("JCR_MCP_PORT"), QString::number(server.port()));
    else
        arguments << QStringLiteral("--url") << QStringLiteral("http://127.0.0.1:%1/health").arg(server.port());
    const CommandRun check = CommandRun::run(serverBinary(), arguments, environment, QString(), 30000);
    QVERIFY2(check.exitCode == exitCode, qPrintable(check.describe()));
    QVERIFY2((exitCode == 0 ? check.out : check.err).contains(mention), qPrintable(check.describe()));
    server.terminate();
    QCOMPARE(server.waitForExit(15000), 0);
}

void TestHealthCheck::noServer()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port nothing listens on once the probe is gone
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QString url = QStringLiteral("http://127.0.0.1:%1/health").arg(port);
    const CommandRun check =
        CommandRun::run(serverBinary(), {QStringLiteral("healthcheck"), QStringLiteral("--url"), url},
                        QProcessEnvironment::systemEnvironment(), QString(), 30000);
    QVERIFY2(check.exitCode == 1, qPrintable(check.describe()));
    // One line that says what was tried, no Qt warnings around it.
    const QByteArray message = check.err.trimmed();
    QVERIFY2(!message.contains('\n'), qPrintable(check.describe()));
    QVERIFY2(message.startsWith("unhealthy:") && message.contains(url.toUtf8()), qPrintable(check.describe()));
    QVERIFY2(check.out.isEmpty(), qPrintable(check.describe()));
}

QTEST_GUILESS_MAIN(TestHealthCheck)
#include "tst_healthcheck.moc"
