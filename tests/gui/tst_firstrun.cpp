// The tray app's first run without a terminal (issue 14), offscreen and in-process with the real server: no
// database → the server runs but is unhealthy, the status says what to do in words (no command line), the
// first-run question offers the download → "Update journal data" fetches from a local source → the server
// becomes healthy on the new database, and the question is not asked again.

#include "appsettings.h"
#include "datasyncjob.h"
#include "firstrunprompt.h"
#include "fixturedatabase.h"
#include "testpaths.h"
#include "traycontroller.h"
#include "updatedatadialog.h"

#include <QAbstractButton>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::AppSettings;
using jcr::gui::DataSyncJob;
using jcr::gui::FirstRunPrompt;
using jcr::gui::ServerSupervisor;
using jcr::gui::TrayController;
using jcr::gui::UpdateDataDialog;

namespace {
constexpr int ServerTimeout = 60000;
constexpr int SyncTimeout = 180000;
} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void downloadMakesTheServerHealthy();
    void laterLeavesEverythingAsItWas();

private:
    std::unique_ptr<AppSettings> settings(const QString& name);

    QTemporaryDir m_dir;
};

void TestFirstRun::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(jcr::test::serverBinary()).isExecutable(), qPrintable(jcr::test::serverBinary()));
}

std::unique_ptr<AppSettings> TestFirstRun::settings(const QString& name)
{
    auto result = std::make_unique<AppSettings>(m_dir.filePath(name + QStringLiteral(".ini")));
    result->setTransport(AppSettings::Transport::Http);
    result->setPort(0);
    result->setDatabasePath(m_dir.filePath(name + QStringLiteral("/jcr.db")));
    result->setDataSource(jcr::test::miniDataDir());
    return result;
}

void TestFirstRun::downloadMakesTheServerHealthy()
{
    const auto config = settings(QStringLiteral("download"));
    TrayController controller(*config, jcr::test::serverBinary());
    controller.supervisor().setHealthInterval(300);
    controller.show();
    controller.startServer();
    QTRY_COMPARE_WITH_TIMEOUT(controller.supervisor().state(), ServerSupervisor::State::Unhealthy, ServerTimeout);
    QVERIFY2(!controller.statusReason().contains(QStringLiteral("jcr-mcp-server sync")),
             qPrintable(controller.statusReason()));
    QVERIFY2(controller.statusReason().contains(QStringLiteral("Update journal data")),
             qPrintable(controller.statusReason()));

    QVERIFY(controller.offerFirstRun());
    auto* prompt = qobject_cast<FirstRunPrompt*>(controller.firstRunPrompt());
    QVERIFY(prompt);
    QVERIFY(prompt->isVisible());
    QCOMPARE(static_cast<QAbstractButton*>(prompt->defaultButton()), prompt->button(FirstRunPrompt::Choice::Download));
    prompt->button(FirstRunPrompt::Choice::Download)->click();

    auto* dialog = qobject_cast<UpdateDataDialog*>(controller.updateDialog());
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->job()->isRunning(), SyncTimeout);
    QVERIFY2(dialog->job()->state() == DataSyncJob::State::Succeeded,
             qPrintable(dialog->job()->outputLines().join(QLatin1Char('\n'))));
    QVERIFY(dialog->job()->journalCount() > 0);

    // The running server notices the new database by itself: no restart needed.
    QTRY_COMPARE_WITH_TIMEOUT(controller.supervisor().state(), ServerSupervisor::State::Running, ServerTimeout);
    QVERIFY(!controller.offerFirstRun());
    controller.stopServer();
    QTRY_COMPARE_WITH_TIMEOUT(controller.supervisor().state(), ServerSupervisor::State::Stopped, ServerTimeout);
}

void TestFirstRun::laterLeavesEverythingAsItWas()
{
    const auto config = settings(QStringLiteral("later"));
    TrayController controller(*config, jcr::test::serverBinary());
    controller.show();
    QVERIFY(controller.offerFirstRun());
    auto* prompt = qobject_cast<FirstRunPrompt*>(controller.firstRunPrompt());
    QVERIFY(prompt);
    prompt->button(FirstRunPrompt::Choice::Later)->click();
    QVERIFY(!controller.updateDialog());
    QVERIFY(!QFileInfo::exists(config->databasePath()));
    QTRY_VERIFY(!controller.firstRunPrompt()); // closed and deleted
    QVERIFY(controller.offerFirstRun());       // asked again next time: there is still no data
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
