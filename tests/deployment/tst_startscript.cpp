// start.sh, the launcher for PaaS platforms and plain servers: its usage text, its argument checks (exit 2
// before anything starts), where it finds the server, PORT, the sync of a missing database, and that it
// exec's the real server (same process, so the platform's SIGTERM reaches it).

#include "commandrun.h"
#include "fixturedatabase.h"
#include "mcpmessages.h"
#include "rawhttp.h"
#include "serverprocess.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace jcr::test;

namespace {

QString startScript()
{
    return sourceDir() + QStringLiteral("/start.sh");
}

/// The test's environment without any JCR_MCP_* or PORT setting of the machine running it, plus `settings`
/// ("NAME=value"; "NAME=" removes NAME).
QProcessEnvironment cleanEnvironment(const QStringList& settings)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1String("JCR_MCP_")) || name == QLatin1String("PORT"))
            environment.remove(name);
    }
    for (const QString& setting : settings) {
        const qsizetype equals = setting.indexOf(QLatin1Char('='));
        if (setting.mid(equals + 1).isEmpty())
            environment.remove(setting.left(equals));
        else
            environment.insert(setting.left(equals), setting.mid(equals + 1));
    }
    return environment;
}

/// A port that was free a moment ago (the socket is closed again).
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

int healthStatus(quint16 port)
{
    return RawHttp::request(port, "GET", "/health").status;
}

/// The program a process runs now: after an exec, the server rather than the shell that started.
QString executableOf(qint64 processId)
{
    return QFileInfo(QStringLiteral("/proc/%1/exe").arg(processId)).canonicalFilePath();
}

} // namespace

class TestStartScript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpNamesEveryTransport();
    void rejectsBadArguments_data();
    void rejectsBadArguments();
    void serves_data();
    void serves();
    void mapsPlatformPort();
    void syncsMissingDatabase_data();
    void syncsMissingDatabase();
    void stdioKeepsStdoutForMcp();
    void findsServerOnPath();

private:
    QTemporaryDir m_dir;
    QString m_database;
    QString m_server;
};

void TestStartScript::initTestCase()
{
    QVERIFY2(QFileInfo(startScript()).isExecutable(), qPrintable(startScript() + " is missing or not executable"));
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    QVERIFY2(buildDatabase(miniDataDir(), m_database, &error), qPrintable(error));
    m_server = QFileInfo(serverBinary()).canonicalFilePath();
    QVERIFY2(!m_server.isEmpty(), qPrintable(serverBinary() + " is not built"));
}

void TestStartScript::helpNamesEveryTransport()
{
    // The transports are the server's: the words its --help lists for --transport.
    const CommandRun serverHelp = CommandRun::run(m_server, {QStringLiteral("--help")});
    QCOMPARE(serverHelp.exitCode, 0);
    const QString help = QString::fromUtf8(serverHelp.out).simplified();
    const QRegularExpressionMatch listed =
        QRegularExpression(QStringLiteral("--transport <name> (.*?)\\(")).match(help);
    QVERIFY2(listed.hasMatch(), qPrintable(help));
    QStringList transports =
        listed.captured(1).split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    transports.removeAll(QStringLiteral("or"));
    QVERIFY2(transports.size() >= 4, qPrintable(transports.join(u',')));

    const CommandRun run = CommandRun::run(startScript(), {QStringLiteral("--help")}, cleanEnvironment({}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    for (const QString& transport : std::as_const(transports)) {
        QVERIFY2(QRegularExpression(QStringLiteral("(^|\\s)%1\\s").arg(QRegularExpression::escape(transport)))
                     .match(QString::fromUtf8(run.out))
                     .hasMatch(),
                 qPrintable(QStringLiteral("--help does not explain the transport %1:\n%2").arg(transport, run.out)));
    }
}

void TestStartScript::rejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("mention"); // the message must name the bad value or setting

    QTest::newRow("unknown transport") << QStringList{QStringLiteral("ftp")} << QStringList() << "ftp";
    QTest::newRow("transport from the environment")
        << QStringList() << QStringList{QStringLiteral("JCR_MCP_TRANSPORT=websocket")} << "websocket";
    QTest::newRow("port too large") << QStringList{QStringLiteral("--port"), QStringLiteral("65536")} << QStringList()
                                    << "65536";
    QTest::newRow("port not a number") << QStringList{QStringLiteral("--port=eighty")} << QStringList() << "eighty";
    QTest::newRow("negative port") << QStringList{QStringLiteral("--port"), QStringLiteral("-1")} << QStringList()
                                   << "-1";
    QTest::newRow("port without value") << QStringList{QStringLiteral("http"), QStringLiteral("--port")}
                                        << QStringList() << "--port";
    QTest::newRow("host out of range") << QStringList{QStringLiteral("--host"), QStringLiteral("256.1.1.1")}
                                       << QStringList() << "256.1.1.1";
    QTest::newRow("host name") << QStringList{QStringLiteral("--host"), QStringLiteral("example.org")} << QStringList()
                               << "example.org";
    QTest::newRow("bad JCR_MCP_HOST") << QStringList() << QStringList{QStringLiteral("JCR_MCP_HOST=my host")}
                                      << "JCR_MCP_HOST";
    QTest::newRow("bad JCR_MCP_PORT") << QStringList() << QStringList{QStringLiteral("JCR_MCP_PORT=http")}
                                      << "JCR_MCP_PORT";
    QTest::newRow("bad PORT from the platform") << QStringList() << QStringList{QStringLiteral("PORT=99999")} << "PORT";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--verbose")} << QStringList() << "--verbose";
    // The server would refuse these; start.sh says so before a first sync that may take minutes.
    QTest::newRow("every interface without a token")
        << QStringList{QStringLiteral("--host"), QStringLiteral("0.0.0.0")} << QStringList() << "JCR_MCP_TOKEN";
    QTest::newRow("JCR_MCP_HOST=0.0.0.0 without a token")
        << QStringList() << QStringList{QStringLiteral("JCR_MCP_HOST=0.0.0.0")} << "--allow-unauthenticated";
    QTest::newRow("server binary missing")
        << QStringList() << QStringList{QStringLiteral("JCR_MCP_SERVER_BIN=/nonexistent/jcr-mcp-server")}
        << "JCR_MCP_SERVER_BIN";
}

void TestStartScript::rejectsBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, mention);
    // A database that does not exist: a mistake must be reported before any sync starts.
    const QString database = m_dir.filePath(QStringLiteral("never-built.db"));
    const CommandRun run =
        CommandRun::run(startScript(), arguments,
                        cleanEnvironment(QStringList{QStringLiteral("JCR_MCP_SERVER_BIN=") + m_server,
                                                     QStringLiteral("JCR_MCP_DB=") + database,
                                                     QStringLiteral("JCR_MCP_DATA_SOURCE=") + miniDataDir()} +
                                         environment),
                        QString(), 30000);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(mention.toUtf8()), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(!QFileInfo::exists(database), "a sync ran although the arguments were wrong");
}

void TestStartScript::serves_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("transport");

    QTest::newRow("http") << QStringList{QStringLiteral("http"), QStringLiteral("--port"), QStringLiteral("0")}
                          << QStringList() << "http";
    QTest::newRow("sse") << QStringList{QStringLiteral("sse"), QStringLiteral("--port=0")} << QStringList() << "sse";
    QTest::newRow("streamable-http, host localhost")
        << QStringList{QStringLiteral("streamable-http"), QStringLiteral("--host"), QStringLiteral("localhost"),
                       QStringLiteral("--port"), QStringLiteral("0")}
        << QStringList() << "streamable-http";
    QTest::newRow("transport from JCR_MCP_TRANSPORT") << QStringList{QStringLiteral("--port"), QStringLiteral("0")}
                                                      << QStringList{QStringLiteral("JCR_MCP_TRANSPORT=sse")} << "sse";
    QTest::newRow("http by default") << QStringList{QStringLiteral("--port"), QStringLiteral("0")} << QStringList()
                                     << "http";
    QTest::newRow("JCR_MCP_PORT wins over PORT")
        << QStringList() << QStringList{QStringLiteral("JCR_MCP_PORT=0"), QStringLiteral("PORT=BUSY")} << "http";
    QTest::newRow("--port wins over PORT") << QStringList{QStringLiteral("--port"), QStringLiteral("0")}
                                           << QStringList{QStringLiteral("PORT=BUSY")} << "http";
    QTest::newRow("host from JCR_MCP_HOST")
        << QStringList{QStringLiteral("http")}
        << QStringList{QStringLiteral("JCR_MCP_HOST=127.0.0.1"), QStringLiteral("JCR_MCP_PORT=0")} << "http";
    const QStringList everyInterface{QStringLiteral("--host"), QStringLiteral("0.0.0.0"), QStringLiteral("--port"),
                                     QStringLiteral("0")};
    QTest::newRow("every interface with a token")
        << everyInterface << QStringList{QStringLiteral("JCR_MCP_TOKEN=0123456789abcdef0123456789abcdef")} << "http";
    QTest::newRow("every interface, --allow-unauthenticated")
        << everyInterface + QStringList{QStringLiteral("--allow-unauthenticated")} << QStringList() << "http";
    QTest::newRow("every interface, JCR_MCP_ALLOW_UNAUTHENTICATED=1")
        << everyInterface << QStringList{QStringLiteral("JCR_MCP_ALLOW_UNAUTHENTICATED=1")} << "http";
}

void TestStartScript::serves()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, transport);
    // A port some other process holds: the server must not try it.
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::Any, 0));
    environment.replaceInStrings(QStringLiteral("=BUSY"), QLatin1Char('=') + QString::number(holder.serverPort()));

    ServerProcess server;
    QVERIFY2(server.startLauncher(startScript(), arguments,
                                  cleanEnvironment(QStringList{QStringLiteral("JCR_MCP_SERVER_BIN=") + m_server,
                                                               QStringLiteral("JCR_MCP_DB=") + m_database} +
                                                   environment)),
             qPrintable(server.errorString()));
    QCOMPARE(server.transport(), transport);
    QVERIFY(server.port() != holder.serverPort());
    QCOMPARE(healthStatus(server.port()), 200);
    // exec: the process start.sh began as is now the server itself.
    QCOMPARE(executableOf(server.processId()), m_server);
    server.terminate();
    QCOMPARE(server.waitForExit(15000), 0);
}

void TestStartScript::mapsPlatformPort()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    ServerProcess server;
    QVERIFY2(server.startLauncher(startScript(), {},
                                  cleanEnvironment({QStringLiteral("JCR_MCP_SERVER_BIN=") + m_server,
                                                    QStringLiteral("JCR_MCP_DB=") + m_database,
                                                    QStringLiteral("PORT=") + QString::number(port)})),
             qPrintable(server.errorString()));
    QCOMPARE(server.port(), port);
    QCOMPARE(healthStatus(port), 200);
    server.terminate();
    QCOMPARE(server.waitForExit(15000), 0);
}

void TestStartScript::syncsMissingDatabase_data()
{
    QTest::addColumn<QByteArray>("existing"); // what the database file holds before the start (null: no file)
    QTest::addColumn<QString>("syncSetting");
    QTest::addColumn<int>("health");

    QTest::newRow("no database: synced") << QByteArray() << QString() << 200;
    QTest::newRow("JCR_MCP_SYNC=1 rebuilds a broken file")
        << QByteArray("not a database") << QStringLiteral("JCR_MCP_SYNC=1") << 200;
    QTest::newRow("a file is kept as it is") << QByteArray("not a database") << QString() << 503;
}

void TestStartScript::syncsMissingDatabase()
{
    QFETCH(QByteArray, existing);
    QFETCH(QString, syncSetting);
    QFETCH(int, health);
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("data/jcr.db"));
    if (!existing.isNull()) {
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
        QFile file(database);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(existing);
    }
    QStringList environment{QStringLiteral("JCR_MCP_SERVER_BIN=") + m_server, QStringLiteral("JCR_MCP_DB=") + database,
                            QStringLiteral("JCR_MCP_DATA_SOURCE=") + miniDataDir()};
    if (!syncSetting.isEmpty())
        environment << syncSetting;
    ServerProcess server;
    QVERIFY2(server.startLauncher(startScript(),
                                  {QStringLiteral("http"), QStringLiteral("--port"), QStringLiteral("0")},
                                  cleanEnvironment(environment)),
             qPrintable(server.errorString()));
    QVERIFY(QFileInfo(database).size() > 0);
    QVERIFY2(healthStatus(server.port()) == health, qPrintable(server.stderrText()));
    server.terminate();
    QCOMPARE(server.waitForExit(15000), 0);
}

void TestStartScript::stdioKeepsStdoutForMcp()
{
    // The first start syncs; over stdio, none of its output may reach stdout, the MCP stream.
    QTemporaryDir dir;
    const QByteArray initialize = McpMessages::initialize(1, QStringLiteral("2025-06-18")) + '\n';
    const CommandRun run =
        CommandRun::run(startScript(), {QStringLiteral("stdio")},
                        cleanEnvironment({QStringLiteral("JCR_MCP_SERVER_BIN=") + m_server,
                                          QStringLiteral("JCR_MCP_DB=") + dir.filePath(QStringLiteral("jcr.db")),
                                          QStringLiteral("JCR_MCP_DATA_SOURCE=") + miniDataDir()}),
                        QString(), 120000, initialize);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.contains("progress"), qPrintable(run.describe())); // the sync ran, on stderr
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QJsonObject response = QJsonDocument::fromJson(lines.first()).object();
    QVERIFY2(response.value(QStringLiteral("result")).toObject().contains(QStringLiteral("serverInfo")),
             qPrintable(run.describe()));
}

void TestStartScript::findsServerOnPath()
{
    QTemporaryDir bin;
    QVERIFY(QFile::link(m_server, bin.filePath(QStringLiteral("jcr-mcp-server"))));
    const QString path = bin.path() + QStringLiteral(":/usr/bin:/bin");
    ServerProcess server;
    QVERIFY2(server.startLauncher(
                 startScript(), {QStringLiteral("--port"), QStringLiteral("0")},
                 cleanEnvironment({QStringLiteral("PATH=") + path, QStringLiteral("JCR_MCP_DB=") + m_database})),
             qPrintable(server.errorString()));
    QCOMPARE(executableOf(server.processId()), m_server);
    QCOMPARE(healthStatus(server.port()), 200);
    server.terminate();
    QCOMPARE(server.waitForExit(15000), 0);
}

QTEST_GUILESS_MAIN(TestStartScript)
#include "tst_startscript.moc"
