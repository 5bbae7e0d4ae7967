#include "appsettings.h"
#include "fixturedatabase.h"
#include "logwindow.h"
#include "serversupervisor.h"
#include "testpaths.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::AppSettings;
using jcr::gui::LogWindow;
using jcr::gui::ServerSupervisor;

/// The log viewer against the real server: what it shows is the supervisor's log, and it follows new lines.
class TestLogWindow : public QObject
{
    Q_OBJECT

private slots:
    void followsTheServer();
};

void TestLogWindow::followsTheServer()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), database, &error), qPrintable(error));
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setTransport(AppSettings::Transport::Http);
    settings.setPort(0);
    settings.setDatabasePath(database);

    ServerSupervisor supervisor(jcr::test::serverBinary());
    supervisor.start(settings);
    QTRY_VERIFY_WITH_TIMEOUT(supervisor.port() != 0, 30000);
    const QStringList before = supervisor.logLines();
    LogWindow window(supervisor); // opened while the server runs: shows what was logged so far
    QCOMPARE(window.text(), before.join(u'\n'));

    supervisor.stop(); // logs more lines, which the open window must show
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.state(), ServerSupervisor::State::Stopped, 10000);
    QVERIFY(supervisor.logLines().size() > before.size());
    QCOMPARE(window.text(), supervisor.logLines().join(u'\n'));

    window.copyAll();
    QCOMPARE(QGuiApplication::clipboard()->text(), window.text());
    const QString saved = dir.filePath(QStringLiteral("saved.log"));
    QVERIFY2(window.saveTo(saved, &error), qPrintable(error));
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()).trimmed(), window.text());
    QVERIFY(!window.saveTo(dir.filePath(QStringLiteral("no/such/folder/x.log")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestLogWindow)
#include "tst_logwindow.moc"
