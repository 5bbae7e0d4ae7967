#include "appsettings.h"
#include "fixturedatabase.h"
#include "serversupervisor.h"
#include "testpaths.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

using jcr::gui::AppSettings;
using jcr::gui::ServerSupervisor;
using State = jcr::gui::ServerSupervisor::State;

namespace {

constexpr int StartTimeout = 30000;

/// True while a process with this id exists (a zombie counts: it has not been reaped).
bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

/// Like processExists(), but a zombie counts as gone: an orphan is reaped by whatever adopted it, which in a
/// container may be a PID 1 that never reaps.
bool processAlive(qint64 pid)
{
    if (!processExists(pid))
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return afterName < 0 || text.mid(afterName + 2, 1) != "Z";
}

QList<State> states(const QSignalSpy& spy)
{
    QList<State> result;
    for (const QList<QVariant>& arguments : spy)
        result << arguments.at(0).value<State>();
    return result;
}

} // namespace

class TestServerSupervisor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void startRunsHealthy_data();
    void startRunsHealthy();
    void missingDatabaseIsUnhealthy();
    void killedServerIsRestarted();
    void manualStopDoesNotRestart();
    void portInUse();
    void missingBinary();
    void restartWithNewSettings();
    void destructorLeavesNoProcess();
    void logIsBounded();
    void serverEndsWhenTheAppDies();

private:
    std::unique_ptr<AppSettings> settings(const QString& database, quint16 port = 0);

    QTemporaryDir m_dir;
    QString m_database;
    int m_settingsCount = 0;
};

void TestServerSupervisor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(jcr::test::serverBinary()).isExecutable(), qPrintable(jcr::test::serverBinary()));
    m_database = m_dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
}

std::unique_ptr<AppSettings> TestServerSupervisor::settings(const QString& database, quint16 port)
{
    auto result =
        std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings%1.ini").arg(++m_settingsCount)));
    result->setTransport(AppSettings::Transport::Http);
    result->setHost(QStringLiteral("127.0.0.1"));
    result->setPort(port); // 0: any free port; the supervisor reads the real one from the ready line
    result->setDatabasePath(database);
    return result;
}

void TestServerSupervisor::startRunsHealthy_data()
{
    QTest::addColumn<int>("transport");
    QTest::addColumn<QString>("token");
    QTest::newRow("http") << int(AppSettings::Transport::Http) << QString();
    QTest::newRow("streamable-http-with-token")
        << int(AppSettings::Transport::StreamableHttp) << AppSettings::generateToken();
    QTest::newRow("sse") << int(AppSettings::Transport::Sse) << QString();
}

void TestServerSupervisor::startRunsHealthy()
{
    QFETCH(int, transport);
    QFETCH(QString, token);
    const auto config = settings(m_database);
    config->setTransport(AppSettings::Transport(transport));
    config->setAccessToken(token);

    ServerSupervisor supervisor(jcr::test::serverBinary());
    supervisor.setHealthInterval(300);
    QSignalSpy stateSpy(&supervisor, &ServerSupervisor::stateChanged);
    QSignalSpy readySpy(&supervisor, &ServerSupervisor::ready);
    QCOMPARE(supervisor.state(), State::Stopped);
    supervisor.start(*config);
    QCOMPARE(supervisor.state(), State::Starting);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Running, StartTimeout);
    QVERIFY2(supervisor.reason().isEmpty(), qPrintable(supervisor.reason()));
    QCOMPARE(states(stateSpy), (QList<State>{State::Starting, State::Running}));
    QCOMPARE(readySpy.size(), 1);
    QVERIFY(supervisor.port() != 0);
    QCOMPARE(supervisor.baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(supervisor.port())));
    const QString readyLine = QStringLiteral("jcr-mcp-server: listening on http://127.0.0.1:%1 (%2)")
                                  .arg(supervisor.port())
                                  .arg(AppSettings::transportName(config->transport()));
    QVERIFY2(supervisor.logLines().contains(readyLine), qPrintable(supervisor.logLines().join(u'\n')));
    // Still healthy after a few polls.
    QTest::qWait(1000);
    QCOMPARE(supervisor.state(), State::Running);

    const qint64 pid = supervisor.processId();
    QVERIFY(processExists(pid));
    supervisor.stop();
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Stopped, 10000);
    QVERIFY(!supervisor.isProcessRunning());
    QCOMPARE(supervisor.processId(), 0);
    QVERIFY(!processExists(pid));
    QCOMPARE(states(stateSpy).mid(stateSpy.size() - 2), (QList<State>{State::Stopping, State::Stopped}));
}

void TestServerSupervisor::missingDatabaseIsUnhealthy()
{
    const auto config = settings(m_dir.filePath(QStringLiteral("missing/jcr.db")));
    ServerSupervisor supervisor(jcr::test::serverBinary());
    supervisor.setHealthInterval(300);
    supervisor.start(*config);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Unhealthy, StartTimeout);
    QVERIFY2(supervisor.reason().contains(QStringLiteral("sync")), qPrintable(supervisor.reason()));
    QVERIFY(supervisor.isProcessRunning()); // it still serves, and recovers once the data is synced
    supervisor.stop();
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Stopped, 10000);
}

void TestServerSupervisor::killedServerIsRestarted()
{
    const auto config = settings(m_database);
    ServerSupervisor supervisor(jcr::test::serverBinary());
    supervisor.setHealthInterval(300);
    QSignalSpy stateSpy(&supervisor, &ServerSupervisor::stateChanged);
    supervisor.start(*config);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Running, StartTimeout);
    const qint64 firstPid = supervisor.processId();
    const quint16 firstPort = supervisor.port();
    stateSpy.clear();

    QCOMPARE(::kill(pid_t(firstPid), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(states(stateSpy).contains(State::Crashed), 10000);
    QVERIFY2(supervisor.reason().contains(QStringLiteral("crashed")) || supervisor.state() != State::Crashed,
             qPrintable(supervisor.reason()));
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Running, StartTimeout);
    QCOMPARE(states(stateSpy), (QList<State>{State::Crashed, State::Starting, State::Running}));
    QCOMPARE(supervisor.restartCount(), 1);
    QVERIFY(supervisor.processId() != firstPid);
    QVERIFY(!processExists(firstPid));
    QVERIFY(supervisor.port() != 0);
    Q_UNUSED(firstPort); // port 0 in the settings: the new run may well get another port

    // A second crash waits longer (back-off), and still comes back.
    stateSpy.clear();
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(::kill(pid_t(supervisor.processId()), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(states(stateSpy).contains(State::Starting), 10000);
    QVERIFY2(timer.elapsed() >= 1900, qPrintable(QString::number(timer.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Running, StartTimeout);
    QCOMPARE(supervisor.restartCount(), 2);
}

void TestServerSupervisor::manualStopDoesNotRestart()
{
    const auto config = settings(m_database);
    ServerSupervisor supervisor(jcr::test::serverBinary());
    supervisor.start(*config);
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.port() != 0, StartTimeout);
    const qint64 pid = supervisor.processId();
    supervisor.stop();
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Stopped, 10000);
    QVERIFY(!processExists(pid));
    // The absence of a restart can only be observed by waiting longer than the first back-off delay.
    QTest::qWait(ServerSupervisor::InitialRestartDelay + 500);
    QCOMPARE(supervisor.state(), State::Stopped);
    QVERIFY(!supervisor.isProcessRunning());
    supervisor.stop(); // stopping a stopped server is harmless
    QCOMPARE(supervisor.state(), State::Stopped);
}

void TestServerSupervisor::portInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const auto config = settings(m_database, occupant.serverPort());
    ServerSupervisor supervisor(jcr::test::serverBinary());
    QSignalSpy stateSpy(&supervisor, &ServerSupervisor::stateChanged);
    supervisor.start(*config);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Unhealthy, StartTimeout);
    QVERIFY2(supervisor.reason().contains(QStringLiteral("port in use")), qPrintable(supervisor.reason()));
    QVERIFY2(supervisor.reason().contains(QString::number(occupant.serverPort())), qPrintable(supervisor.reason()));
    QVERIFY(!supervisor.isProcessRunning());
    // A wrong setting is not retried in a loop.
    QTest::qWait(ServerSupervisor::InitialRestartDelay + 500);
    QCOMPARE(states(stateSpy), (QList<State>{State::Starting, State::Unhealthy}));
}

void TestServerSupervisor::missingBinary()
{
    const auto config = settings(m_database);
    ServerSupervisor supervisor(m_dir.filePath(QStringLiteral("no-such-server")));
    supervisor.start(*config);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Unhealthy, 10000);
    QVERIFY2(supervisor.reason().contains(QStringLiteral("could not be started")), qPrintable(supervisor.reason()));
}

void TestServerSupervisor::restartWithNewSettings()
{
    const auto config = settings(m_dir.filePath(QStringLiteral("missing/jcr.db")));
    ServerSupervisor supervisor(jcr::test::serverBinary());
    supervisor.setHealthInterval(300);
    supervisor.start(*config);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Unhealthy, StartTimeout);
    const qint64 firstPid = supervisor.processId();
    config->setDatabasePath(m_database);
    supervisor.restart(*config);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Running, StartTimeout);
    QVERIFY(supervisor.processId() != firstPid);
    QVERIFY(!processExists(firstPid));
    QCOMPARE(supervisor.restartCount(), 0); // a requested restart is not a crash
}

void TestServerSupervisor::destructorLeavesNoProcess()
{
    const auto config = settings(m_database);
    qint64 pid = 0;
    {
        ServerSupervisor supervisor(jcr::test::serverBinary());
        supervisor.start(*config);
        QTRY_VERIFY_WITH_TIMEOUT(supervisor.port() != 0, StartTimeout);
        pid = supervisor.processId();
        QVERIFY(processExists(pid));
    }
    QVERIFY(!processExists(pid));

    // Also while the server is still starting up.
    {
        ServerSupervisor supervisor(jcr::test::serverBinary());
        supervisor.start(*config);
        QTRY_VERIFY_WITH_TIMEOUT(supervisor.processId() != 0, StartTimeout);
        pid = supervisor.processId();
    }
    QVERIFY(!processExists(pid));
}

void TestServerSupervisor::logIsBounded()
{
    const auto config = settings(m_database);
    ServerSupervisor supervisor(jcr::test::serverBinary());
    QSignalSpy logSpy(&supervisor, &ServerSupervisor::logLine);
    supervisor.setMaxLogLines(3);
    supervisor.start(*config);
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.port() != 0, StartTimeout);
    supervisor.stop();
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), State::Stopped, 10000);
    QVERIFY(logSpy.size() > 3);
    QCOMPARE(supervisor.logLines().size(), 3);
    QCOMPARE(supervisor.logLines().last(), logSpy.last().at(0).toString());
}

void TestServerSupervisor::serverEndsWhenTheAppDies()
{
#ifndef Q_OS_UNIX
    QSKIP("the server's parent watch needs getppid()");
#else
    // The kernel's PR_SET_PDEATHSIG is not delivered on every machine; the server's --exit-with-parent watch,
    // which the supervisor always passes, must end it anyway.
    QProcess host;
    host.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    host.start(QStringLiteral(JCR_SUPERVISOR_HOST),
               {jcr::test::serverBinary(), m_database, m_dir.filePath(QStringLiteral("host.ini"))});
    QVERIFY2(host.waitForStarted(10000), qPrintable(host.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(host.canReadLine(), StartTimeout);
    const qint64 serverPid = host.readLine().trimmed().toLongLong();
    QVERIFY(serverPid > 0);
    QVERIFY(processAlive(serverPid));
    host.kill(); // SIGKILL: no destructor runs in the host
    QVERIFY(host.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(serverPid), 10000);
#endif
}

QTEST_GUILESS_MAIN(TestServerSupervisor)
#include "tst_serversupervisor.moc"
