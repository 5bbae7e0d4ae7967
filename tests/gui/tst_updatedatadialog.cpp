// The "Update journal data" dialog, offscreen, with the real jcr-mcp-server: it starts the sync when shown, ends
// with the journal count and dataUpdated(), explains a failure, and closing it during a sync cancels the sync.

#include "appsettings.h"
#include "datasyncjob.h"
#include "fixturedatabase.h"
#include "heldfileserver.h"
#include "journalrepository.h"
#include "testpaths.h"
#include "updatedatadialog.h"

#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::AppSettings;
using jcr::gui::DataSyncJob;
using jcr::gui::UpdateDataDialog;

namespace {

constexpr int SyncTimeout = 120000;

QString statusText(UpdateDataDialog& dialog)
{
    return dialog.findChild<QLabel*>(QStringLiteral("statusLabel"))->text();
}

bool buttonVisible(UpdateDataDialog& dialog, const char* name)
{
    const QPushButton* button = dialog.findChild<QPushButton*>(QLatin1String(name));
    return button && button->isVisible();
}

} // namespace

class TestUpdateDataDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void successShowsTheJournalCount();
    void failureIsExplained();
    void cancellingKeepsThePreviousData_data();
    void cancellingKeepsThePreviousData();

private:
    std::unique_ptr<AppSettings> settings(const QString& source);

    QTemporaryDir m_dir;
    int m_count = 0;
};

void TestUpdateDataDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(jcr::test::serverBinary()).isExecutable(), qPrintable(jcr::test::serverBinary()));
}

std::unique_ptr<AppSettings> TestUpdateDataDialog::settings(const QString& source)
{
    ++m_count;
    auto result = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings%1.ini").arg(m_count)));
    result->setDatabasePath(m_dir.filePath(QStringLiteral("db%1/jcr.db").arg(m_count)));
    result->setDataSource(source);
    return result;
}

void TestUpdateDataDialog::successShowsTheJournalCount()
{
    const auto config = settings(jcr::test::miniDataDir());
    UpdateDataDialog dialog(jcr::test::serverBinary(), *config);
    QSignalSpy updatedSpy(&dialog, &UpdateDataDialog::dataUpdated);
    dialog.show(); // starts the sync
    QVERIFY(dialog.job()->isRunning());
    QVERIFY(buttonVisible(dialog, "cancelButton"));
    QVERIFY(updatedSpy.wait(SyncTimeout));
    QCOMPARE(dialog.job()->state(), DataSyncJob::State::Succeeded);

    jcr::JournalRepository repository;
    QVERIFY(repository.open(config->databasePath()));
    const qint64 journals = repository.databaseInfo().journals;
    QVERIFY2(statusText(dialog).contains(QString::number(journals)), qPrintable(statusText(dialog)));
    const QProgressBar* bar = dialog.findChild<QProgressBar*>(QStringLiteral("progressBar"));
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!buttonVisible(dialog, "cancelButton"));
    QVERIFY(buttonVisible(dialog, "closeButton"));
    QVERIFY(!buttonVisible(dialog, "retryButton"));

    // Opened again from the menu: another update runs, with the settings as they are now.
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    config->setDatabasePath(m_dir.filePath(QStringLiteral("moved/jcr.db")));
    dialog.show();
    QVERIFY(dialog.job()->isRunning());
    QVERIFY(updatedSpy.wait(SyncTimeout));
    QCOMPARE(updatedSpy.size(), 2);
    QVERIFY(repository.open(config->databasePath()));
    QCOMPARE(repository.databaseInfo().journals, journals);
}

void TestUpdateDataDialog::failureIsExplained()
{
    const QString missing = m_dir.filePath(QStringLiteral("no data here"));
    const auto config = settings(missing);
    UpdateDataDialog dialog(jcr::test::serverBinary(), *config);
    QSignalSpy updatedSpy(&dialog, &UpdateDataDialog::dataUpdated);
    QSignalSpy finishedSpy(dialog.job(), &DataSyncJob::finished);
    dialog.show();
    QVERIFY(finishedSpy.wait(SyncTimeout));
    QCOMPARE(dialog.job()->state(), DataSyncJob::State::Failed);
    QCOMPARE(updatedSpy.size(), 0);
    QCOMPARE(statusText(dialog), dialog.job()->errorMessage());
    QVERIFY2(statusText(dialog).contains(QDir::toNativeSeparators(missing)), qPrintable(statusText(dialog)));
    QVERIFY(buttonVisible(dialog, "retryButton"));
    QVERIFY(buttonVisible(dialog, "closeButton"));
}

void TestUpdateDataDialog::cancellingKeepsThePreviousData_data()
{
    QTest::addColumn<bool>("closeWindow");
    QTest::addRow("Cancel button") << false;
    QTest::addRow("closing the window") << true;
}

void TestUpdateDataDialog::cancellingKeepsThePreviousData()
{
    QFETCH(bool, closeWindow);
    // A previous database, and a mirror that keeps the sync waiting for its last file.
    const auto config = settings(QString());
    QVERIFY(QDir().mkpath(QFileInfo(config->databasePath()).absolutePath()));
    QString error;
    QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), config->databasePath(), &error), qPrintable(error));
    const QDateTime builtBefore = [&] {
        jcr::JournalRepository repository;
        return repository.open(config->databasePath()) ? repository.databaseInfo().builtAt : QDateTime();
    }();
    QVERIFY(builtBefore.isValid());
    jcr::test::HeldFileServer mirror(jcr::test::miniDataDir(), QStringLiteral("XR2026Conferences-UTF8.csv"));
    config->setDataSource(mirror.baseUrl());
    // serverEnvironment() starts from this process's environment: the sync asks the mirror for its files only.
    qputenv("JCR_MCP_DATA_FILES", mirror.fileNames().join(u',').toUtf8());
    for (const char* name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        qunsetenv(name);

    UpdateDataDialog dialog(jcr::test::serverBinary(), *config);
    QSignalSpy updatedSpy(&dialog, &UpdateDataDialog::dataUpdated);
    QSignalSpy finishedSpy(dialog.job(), &DataSyncJob::finished);
    QSignalSpy rejectedSpy(&dialog, &QDialog::rejected);
    dialog.show();
    qunsetenv("JCR_MCP_DATA_FILES");
    QTRY_VERIFY_WITH_TIMEOUT(mirror.heldRequestArrived(), SyncTimeout);
    if (closeWindow)
        dialog.reject(); // Escape or the window's close button
    else
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QVERIFY(finishedSpy.wait(SyncTimeout));
    QCOMPARE(dialog.job()->state(), DataSyncJob::State::Cancelled);
    QCOMPARE(updatedSpy.size(), 0);
    if (closeWindow) {
        QTRY_COMPARE(rejectedSpy.size(), 1);
        QVERIFY(!dialog.isVisible());
    } else {
        QCOMPARE(rejectedSpy.size(), 0);
        QVERIFY(dialog.isVisible());
        QVERIFY(buttonVisible(dialog, "retryButton"));
        QVERIFY2(statusText(dialog).contains(QLatin1String("unchanged")), qPrintable(statusText(dialog)));
    }
    mirror.release();

    jcr::JournalRepository repository;
    QVERIFY(repository.open(config->databasePath()));
    QCOMPARE(repository.databaseInfo().builtAt, builtBefore);
}

QTEST_MAIN(TestUpdateDataDialog)
#include "tst_updatedatadialog.moc"
