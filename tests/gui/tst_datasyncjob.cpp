// DataSyncJob against the real jcr-mcp-server binary: a sync from the fixture folder reports progress and the
// journal count; a cancelled sync and a sync from a bad source leave the previous database answering as before.

#include "appsettings.h"
#include "datasyncjob.h"
#include "fixturedatabase.h"
#include "heldfileserver.h"
#include "journalrepository.h"
#include "testpaths.h"

#include <QDir>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::DataSyncJob;
using State = jcr::gui::DataSyncJob::State;

namespace {

constexpr int SyncTimeout = 120000;

/// The environment for a sync from a local HTTP mirror: only the mirror's files, and no proxy in between.
QProcessEnvironment mirrorEnvironment(const QStringList& fileNames)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("JCR_MCP_DATA_FILES"), fileNames.join(u','));
    for (const char* name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

/// A database of a part of the fixture data: a "previous" database that differs from what a full sync builds.
bool buildPartialDatabase(const QString& databasePath, QString* error)
{
    QTemporaryDir part;
    if (!part.isValid())
        return false;
    const QString file = QStringLiteral("JCR2024-UTF8.csv");
    if (!QFile::copy(QDir(jcr::test::miniDataDir()).filePath(file), part.filePath(file)))
        return false;
    return jcr::test::buildDatabase(part.path(), databasePath, error);
}

/// What tells two builds of a database apart: when it was built, from which files, how many journals.
struct DatabaseState
{
    qint64 journals = -1;
    QDateTime builtAt;
    QStringList sources;
};

DatabaseState stateOf(const QString& databasePath)
{
    DatabaseState state;
    jcr::JournalRepository repository;
    if (!repository.open(databasePath))
        return state;
    const jcr::DatabaseInfo info = repository.databaseInfo();
    state.journals = info.journals;
    state.builtAt = info.builtAt;
    for (const jcr::SourceFileInfo& source : info.sources)
        state.sources << source.name;
    return state;
}

} // namespace

class TestDataSyncJob : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void syncFromTheSettingsFolder();
    void cancelKeepsThePreviousDatabase();
    void badSourceReportsTheError_data();
    void badSourceReportsTheError();
    void missingServerBinary();
    void fallsBackToAMirror();
    void failuresAreSaidForPeople_data();
    void failuresAreSaidForPeople();

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    QString newDatabasePath() { return m_dir.filePath(QStringLiteral("db%1/jcr.db").arg(++m_count)); }
};

void TestDataSyncJob::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(jcr::test::serverBinary()).isExecutable(), qPrintable(jcr::test::serverBinary()));
}

void TestDataSyncJob::syncFromTheSettingsFolder()
{
    jcr::gui::AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
    settings.setDatabasePath(newDatabasePath());
    settings.setDataSource(jcr::test::miniDataDir());

    DataSyncJob job(jcr::test::serverBinary());
    QSignalSpy progressSpy(&job, &DataSyncJob::progress);
    QSignalSpy finishedSpy(&job, &DataSyncJob::finished);
    job.start(settings);
    QCOMPARE(job.state(), State::Running);
    QVERIFY(finishedSpy.wait(SyncTimeout));
    QCOMPARE(finishedSpy.size(), 1);
    QCOMPARE(job.state(), State::Succeeded);
    QVERIFY2(job.errorMessage().isEmpty(), qPrintable(job.errorMessage()));

    // One progress signal per progress line the server wrote, rising to done == total.
    int progressLines = 0;
    for (const QString& line : job.outputLines())
        progressLines += line.startsWith(QLatin1String("progress ")) ? 1 : 0;
    QVERIFY(progressLines > 0);
    QCOMPARE(progressSpy.size(), progressLines);
    int previous = -1;
    QStringList messages;
    for (const QList<QVariant>& arguments : progressSpy) {
        QVERIFY(arguments.at(0).toInt() >= previous);
        previous = arguments.at(0).toInt();
        messages << arguments.at(2).toString();
    }
    QCOMPARE(progressSpy.last().at(0).toInt(), progressSpy.last().at(1).toInt());
    // Every data file of the source is named on its way in.
    for (const QString& file : QDir(jcr::test::miniDataDir()).entryList({QStringLiteral("*.csv")}, QDir::Files))
        QVERIFY2(messages.filter(QRegularExpression(QStringLiteral("\\s%1$").arg(QRegularExpression::escape(file))))
                         .size() == 1,
                 qPrintable(file + u'\n' + messages.join(u'\n')));

    const DatabaseState built = stateOf(settings.databasePath());
    QVERIFY(built.journals > 0);
    QCOMPARE(job.journalCount(), built.journals);
}

void TestDataSyncJob::cancelKeepsThePreviousDatabase()
{
    const QString database = newDatabasePath();
    QString error;
    QVERIFY(QDir().mkpath(QFileInfo(database).absolutePath()));
    QVERIFY2(buildPartialDatabase(database, &error), qPrintable(error));
    const DatabaseState before = stateOf(database);
    QVERIFY(before.journals > 0);

    // The mirror holds back the last file: the sync has downloaded the others and waits.
    jcr::test::HeldFileServer mirror(jcr::test::miniDataDir(), QStringLiteral("XR2026Conferences-UTF8.csv"));
    QVERIFY(mirror.fileNames().contains(QStringLiteral("XR2026Conferences-UTF8.csv")));
    DataSyncJob job(jcr::test::serverBinary());
    QSignalSpy progressSpy(&job, &DataSyncJob::progress);
    QSignalSpy finishedSpy(&job, &DataSyncJob::finished);
    job.start({QStringLiteral("sync"), QStringLiteral("--db"), database, QStringLiteral("--from"), mirror.baseUrl()},
              mirrorEnvironment(mirror.fileNames()));
    QTRY_VERIFY_WITH_TIMEOUT(mirror.heldRequestArrived(), SyncTimeout);
    QTRY_VERIFY(!progressSpy.isEmpty() &&
                progressSpy.last().at(2).toString().contains(QLatin1String("XR2026Conferences-UTF8.csv")));
    QCOMPARE(job.state(), State::Running);

    job.cancel();
    QVERIFY(finishedSpy.wait(SyncTimeout));
    QCOMPARE(job.state(), State::Cancelled);
    QCOMPARE(job.journalCount(), -1);
    mirror.release(); // nobody is listening any more

    const DatabaseState after = stateOf(database);
    QCOMPARE(after.journals, before.journals);
    QCOMPARE(after.builtAt, before.builtAt);
    QCOMPARE(after.sources, before.sources);
    const QDir folder = QFileInfo(database).absoluteDir();
    QCOMPARE(folder.entryList({QStringLiteral("*.building-*")}, QDir::Files), QStringList());
    jcr::JournalRepository repository;
    QVERIFY(repository.open(database));
    QVERIFY(repository.health().healthy);

    // The next sync goes through and replaces the previous data.
    job.start(
        {QStringLiteral("sync"), QStringLiteral("--db"), database, QStringLiteral("--from"), jcr::test::miniDataDir()},
        QProcessEnvironment::systemEnvironment());
    QVERIFY(finishedSpy.wait(SyncTimeout));
    QCOMPARE(job.state(), State::Succeeded);
    QVERIFY(stateOf(database).journals > before.journals);
}

void TestDataSyncJob::badSourceReportsTheError_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("mentioned"); // what the message must name so the user can fix it
    const QString missing = m_dir.filePath(QStringLiteral("no such folder"));
    QTest::addRow("missing folder") << missing << QDir::toNativeSeparators(missing);
    const QString empty = m_dir.filePath(QStringLiteral("empty folder"));
    QVERIFY(QDir().mkpath(empty));
    QTest::addRow("folder without data files") << empty << QDir::toNativeSeparators(empty);
    // A port that was free a moment ago: nothing answers there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const QString firstFile = QDir(jcr::test::miniDataDir()).entryList({QStringLiteral("*.csv")}, QDir::Files).first();
    QTest::addRow("nothing answers at the address")
        << QStringLiteral("http://127.0.0.1:%1/data/").arg(port) << firstFile;
}

void TestDataSyncJob::badSourceReportsTheError()
{
    QFETCH(QString, source);
    QFETCH(QString, mentioned);
    const QString database = newDatabasePath();
    QString error;
    QVERIFY(QDir().mkpath(QFileInfo(database).absolutePath()));
    QVERIFY2(buildPartialDatabase(database, &error), qPrintable(error));
    const DatabaseState before = stateOf(database);

    DataSyncJob job(jcr::test::serverBinary());
    QSignalSpy finishedSpy(&job, &DataSyncJob::finished);
    job.start({QStringLiteral("sync"), QStringLiteral("--db"), database, QStringLiteral("--from"), source},
              mirrorEnvironment(QDir(jcr::test::miniDataDir()).entryList({QStringLiteral("*.csv")}, QDir::Files)));
    QVERIFY(finishedSpy.wait(SyncTimeout));
    QCOMPARE(job.state(), State::Failed);
    QVERIFY2(job.errorMessage().contains(mentioned), qPrintable(job.errorMessage()));
    QVERIFY2(!job.serverError().isEmpty(), qPrintable(job.outputLines().join(u'\n')));
    // Said for people: the server's raw reason is rephrased, and they learn their data is safe.
    QVERIFY2(!job.errorMessage().startsWith(job.serverError()), qPrintable(job.errorMessage()));
    QVERIFY2(job.errorMessage().contains(QLatin1String("unchanged")), qPrintable(job.errorMessage()));

    const DatabaseState after = stateOf(database);
    QCOMPARE(after.journals, before.journals);
    QCOMPARE(after.builtAt, before.builtAt);
    QCOMPARE(after.sources, before.sources);
}

void TestDataSyncJob::missingServerBinary()
{
    DataSyncJob job(m_dir.filePath(QStringLiteral("no-such-server")));
    QSignalSpy finishedSpy(&job, &DataSyncJob::finished);
    job.start({QStringLiteral("sync")}, QProcessEnvironment::systemEnvironment());
    QTRY_COMPARE(finishedSpy.size(), 1);
    QCOMPARE(job.state(), State::Failed);
    QVERIFY2(job.errorMessage().contains(QLatin1String("no-such-server")), qPrintable(job.errorMessage()));
}

void TestDataSyncJob::fallsBackToAMirror()
{
    // The source does not answer (GitHub out of reach); the mirror of JCR_MCP_DATA_MIRRORS has the files.
    jcr::test::HeldFileServer mirror(jcr::test::miniDataDir(), QStringLiteral("nothing held.csv"));
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString source = QStringLiteral("http://127.0.0.1:%1/data/").arg(probe.serverPort());
    probe.close();
    const QUrl mirrorUrl(mirror.baseUrl());
    QProcessEnvironment environment = mirrorEnvironment(mirror.fileNames());
    environment.insert(QStringLiteral("JCR_MCP_DATA_MIRRORS"),
                       QStringLiteral("http://127.0.0.1:%1/{path}").arg(mirrorUrl.port()));
    // The mirror serves its files under the same path as the dead source, so {path} maps one onto the other.
    QCOMPARE(mirrorUrl.path(), QStringLiteral("/data/"));

    const QString database = newDatabasePath();
    DataSyncJob job(jcr::test::serverBinary());
    QSignalSpy finishedSpy(&job, &DataSyncJob::finished);
    job.start({QStringLiteral("sync"), QStringLiteral("--db"), database, QStringLiteral("--from"), source,
               QStringLiteral("--abbreviations-from"), QString()},
              environment);
    QVERIFY(finishedSpy.wait(SyncTimeout));
    QVERIFY2(job.state() == State::Succeeded, qPrintable(job.outputLines().join(u'\n')));
    QCOMPARE(job.downloadedFrom(), mirror.baseUrl());
    QVERIFY(stateOf(database).journals > 0);
}

QTEST_GUILESS_MAIN(TestDataSyncJob)
void TestDataSyncJob::failuresAreSaidForPeople_data()
{
    QTest::addColumn<QString>("serverError");
    QTest::addColumn<QString>("mentioned"); // what the message must name so the user can act on it
    QTest::addRow("another sync") << QStringLiteral("another sync is writing /data/jcr.db")
                                  << QStringLiteral("Another update");
    QTest::addRow("lock file cannot be created")
        << QStringLiteral("cannot create the lock file /srv/ro/jcr.db.lock: Permission denied; sync needs to write in "
                          "the folder of the database")
        << QStringLiteral("folder /srv/ro (Permission denied)");
    QTest::addRow("every source failed")
        << QStringLiteral(
               "every source failed: https://raw.githubusercontent.com/x (download of a.csv failed: timeout); "
               "https://cdn.jsdelivr.net/gh/x (download of a.csv failed: timeout)")
        << QStringLiteral("JCR_MCP_DATA_MIRRORS");
    QTest::addRow("unknown") << QStringLiteral("something new") << QStringLiteral("The update failed: something new");
}

void TestDataSyncJob::failuresAreSaidForPeople()
{
    QFETCH(QString, serverError);
    QFETCH(QString, mentioned);
    const QString message = DataSyncJob::describeFailure(serverError);
    QVERIFY2(message.contains(mentioned), qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral("Your previous journal data is unchanged.")), qPrintable(message));
}

#include "tst_datasyncjob.moc"
