// The real jcr-mcp-tray binary (offscreen, its own HOME and XDG folders, a fixture database, port 0):
// however the app ends — Quit, SIGTERM, SIGKILL — the server it started must not outlive it.
#include "appsettings.h"
#include "fixturedatabase.h"
#include "testpaths.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

using jcr::gui::AppSettings;

namespace {

constexpr int StartTimeout = 60000;
constexpr int GoneTimeout = 10000;

/// True while the process exists and is not a zombie: an orphan is reaped by whatever adopted it, which in a
/// container may be a PID 1 that never reaps.
bool processAlive(qint64 pid)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno != EPERM))
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return afterName < 0 || text.mid(afterName + 2, 1) != "Z";
}

/// The parent process id from /proc/PID/stat, or 0.
qint64 parentOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : 0;
}

QString commandLineOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.readAll()).replace(QChar(0), u' ') : QString();
}

} // namespace

class TestTrayApp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noServerOutlivesTheApp_data();
    void noServerOutlivesTheApp();
    void noStartStartsNoServer();
    void secondStartHandsOver();
    void desktopActionsAreAccepted();
    void findsItsServerInTheBuildTree();
    void missingDatabaseAsksToDownload();

private:
    /// Starts the app with a fresh HOME and settings (the database: `database`, else the fixture one);
    /// returns once it reported its server's pid.
    bool startApp(QProcess& app,
                  const QStringList& arguments,
                  qint64* serverPid,
                  QString* output,
                  const QString& database = QString());

    QTemporaryDir m_dir;
    QString m_database;
    int m_runs = 0;
};

void TestTrayApp::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(QStringLiteral(JCR_TRAY_BINARY)).isExecutable(), JCR_TRAY_BINARY);
    QVERIFY2(QFileInfo(jcr::test::serverBinary()).isExecutable(), qPrintable(jcr::test::serverBinary()));
    m_database = m_dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
}

bool TestTrayApp::startApp(
    QProcess& app, const QStringList& arguments, qint64* serverPid, QString* output, const QString& database)
{
    const QString home = m_dir.filePath(QStringLiteral("home%1").arg(++m_runs));
    const QString config = home + QStringLiteral("/.config");
    QDir().mkpath(config);
    {
        // Where QSettings looks for organisation "jcr-mcp", application "jcr-mcp-tray" on Linux.
        AppSettings settings(config + QStringLiteral("/jcr-mcp/jcr-mcp-tray.conf"));
        settings.setTransport(AppSettings::Transport::Http);
        settings.setPort(0);
        settings.setDatabasePath(database.isEmpty() ? m_database : database);
        settings.setStartServerWithApp(true);
        if (!settings.save())
            return false;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The app looks for the server beside itself, then in the build tree (../server), then on PATH: a PATH
    // without it (and without an installed /usr/local one) shows that the build tree is enough.
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    environment.remove(QStringLiteral("JCR_MCP_DB"));
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(JCR_TRAY_BINARY), arguments);
    if (!app.waitForStarted(10000))
        return false;
    *serverPid = 0;
    if (arguments.contains(QStringLiteral("--no-start")))
        return true;
    static const QRegularExpression readyLine(QStringLiteral("jcr-mcp-tray: server pid (\\d+) listening on "));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < StartTimeout && app.state() == QProcess::Running) {
        app.waitForReadyRead(200);
        *output += QString::fromLocal8Bit(app.readAll());
        const QRegularExpressionMatch match = readyLine.match(*output);
        if (match.hasMatch()) {
            *serverPid = match.captured(1).toLongLong();
            return true;
        }
    }
    return false;
}

void TestTrayApp::noServerOutlivesTheApp_data()
{
    QTest::addColumn<QString>("ending");
    QTest::addRow("Quit action") << "quit";
    QTest::addRow("SIGTERM") << "sigterm";
    QTest::addRow("SIGKILL (no destructor runs)") << "sigkill";
}

void TestTrayApp::noServerOutlivesTheApp()
{
    QFETCH(QString, ending);
    QProcess app;
    QStringList arguments;
    if (ending == QLatin1String("quit"))
        arguments << QStringLiteral("--quit-after-ms") << QStringLiteral("1500");
    qint64 serverPid = 0;
    QString output;
    QVERIFY2(startApp(app, arguments, &serverPid, &output), qPrintable(output));
    QVERIFY(processAlive(serverPid));
    QCOMPARE(parentOf(serverPid), app.processId());
    QVERIFY2(commandLineOf(serverPid).contains(QStringLiteral("--exit-with-parent")),
             qPrintable(commandLineOf(serverPid)));

    if (ending == QLatin1String("sigterm"))
        QCOMPARE(::kill(pid_t(app.processId()), SIGTERM), 0);
    else if (ending == QLatin1String("sigkill"))
        app.kill();
    QVERIFY2(app.waitForFinished(GoneTimeout), qPrintable(output));
    if (ending != QLatin1String("sigkill")) {
        // A graceful end: the app stopped its server itself before exiting.
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        QVERIFY(!processAlive(serverPid));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(serverPid), GoneTimeout);
}

void TestTrayApp::noStartStartsNoServer()
{
    QProcess app;
    qint64 serverPid = 0;
    QString output;
    QVERIFY(startApp(app, {QStringLiteral("--no-start"), QStringLiteral("--quit-after-ms"), QStringLiteral("1500")},
                     &serverPid, &output));
    QVERIFY(app.waitForFinished(GoneTimeout));
    output += QString::fromLocal8Bit(app.readAll());
    QCOMPARE(app.exitCode(), 0);
    QVERIFY2(!output.contains(QStringLiteral("server pid")), qPrintable(output));
}

void TestTrayApp::secondStartHandsOver()
{
    QProcess first;
    qint64 serverPid = 0;
    QString firstOutput;
    QVERIFY(startApp(first, {QStringLiteral("--no-start")}, &serverPid, &firstOutput));
    // The first app listens once its socket exists (XDG_RUNTIME_DIR is the test's folder).
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_dir.filePath(QStringLiteral("jcr-mcp-tray.socket"))), 20000);

    QProcess second;
    QString secondOutput;
    QVERIFY(startApp(second, {QStringLiteral("--no-start"), QStringLiteral("--open"), QStringLiteral("about")},
                     &serverPid, &secondOutput));
    QVERIFY(second.waitForFinished(GoneTimeout));
    secondOutput += QString::fromLocal8Bit(second.readAll());
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(secondOutput.contains(QStringLiteral("already running")), qPrintable(secondOutput));

    QTRY_VERIFY_WITH_TIMEOUT((firstOutput += QString::fromLocal8Bit(first.readAll()))
                                 .contains(QStringLiteral("another start asked to open about")),
                             GoneTimeout);
    QCOMPARE(first.state(), QProcess::Running);
    first.terminate();
    QVERIFY(first.waitForFinished(GoneTimeout));
    QCOMPARE(first.exitCode(), 0);
}

void TestTrayApp::desktopActionsAreAccepted()
{
    // Every Exec= line of resources/jcr-mcp-tray.desktop runs the app with arguments it understands.
    QFile desktop(QStringLiteral(JCR_DESKTOP_FILE));
    QVERIFY2(desktop.open(QIODevice::ReadOnly | QIODevice::Text), JCR_DESKTOP_FILE);
    QStringList commands;
    while (!desktop.atEnd()) {
        const QString line = QString::fromUtf8(desktop.readLine()).trimmed();
        if (line.startsWith(QLatin1String("Exec=")))
            commands << line.mid(5);
    }
    QVERIFY(commands.size() >= 3); // the app and its lookup and settings actions
    for (const QString& command : commands) {
        QStringList arguments = QProcess::splitCommand(command);
        QCOMPARE(arguments.takeFirst(), QStringLiteral("jcr-mcp-tray"));
        QProcess app;
        qint64 serverPid = 0;
        QString output;
        QVERIFY(startApp(app,
                         arguments << QStringLiteral("--no-start") << QStringLiteral("--quit-after-ms")
                                   << QStringLiteral("300"),
                         &serverPid, &output));
        QVERIFY(app.waitForFinished(GoneTimeout));
        output += QString::fromLocal8Bit(app.readAll());
        QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0,
                 qPrintable(command + QStringLiteral(": ") + output));
    }
}

void TestTrayApp::findsItsServerInTheBuildTree()
{
    // build/gui/jcr-mcp-tray runs build/server/jcr-mcp-server, as the README says to start it.
    QProcess app;
    qint64 serverPid = 0;
    QString output;
    QVERIFY2(startApp(app, {QStringLiteral("--quit-after-ms"), QStringLiteral("500")}, &serverPid, &output),
             qPrintable(output));
    QCOMPARE(QFileInfo(QStringLiteral("/proc/%1/exe").arg(serverPid)).canonicalFilePath(),
             QFileInfo(jcr::test::serverBinary()).canonicalFilePath());
    QVERIFY(app.waitForFinished(GoneTimeout));
    QCOMPARE(app.exitCode(), 0);
}

void TestTrayApp::missingDatabaseAsksToDownload()
{
    QProcess app;
    qint64 serverPid = 0;
    QString output;
    QVERIFY(startApp(app, {QStringLiteral("--no-start"), QStringLiteral("--quit-after-ms"), QStringLiteral("1000")},
                     &serverPid, &output, m_dir.filePath(QStringLiteral("none/jcr.db"))));
    QVERIFY(app.waitForFinished(GoneTimeout));
    output += QString::fromLocal8Bit(app.readAll());
    QCOMPARE(app.exitCode(), 0);
    QVERIFY2(output.contains(QStringLiteral("no journal database yet; asking whether to download it")),
             qPrintable(output));
    QVERIFY2(!output.contains(QStringLiteral(" is in none of")), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestTrayApp)
#include "tst_trayapp.moc"
