// "Update journal data" while the real HTTP server runs: the server answers from the old database during the
// whole sync and from the new one once the importer has renamed it into place, without a restart.

#include "datasyncjob.h"
#include "fixturedatabase.h"
#include "heldfileserver.h"
#include "journalrepository.h"
#include "rawhttp.h"
#include "serverprocess.h"
#include "testpaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::DataSyncJob;

namespace {

constexpr int SyncTimeout = 120000;
constexpr int FollowTimeout = 15000; // the server looks for a replaced file at most once a second

qint64 journalsOf(const QString& databasePath)
{
    jcr::JournalRepository repository;
    return repository.open(databasePath) ? repository.databaseInfo().journals : -1;
}

} // namespace

class TestSyncWhileServing : public QObject
{
    Q_OBJECT

private slots:
    void serverAnswersThroughoutTheSync();

private:
    /// GET /health: the journal count the server answers from, or -1 (with the response in `failure`).
    qint64 servedJournals(quint16 port, QString* failure);
};

qint64 TestSyncWhileServing::servedJournals(quint16 port, QString* failure)
{
    const jcr::test::RawHttp::Response response = jcr::test::RawHttp::request(port, "GET", "/health");
    if (response.status != 200) {
        *failure = response.describe();
        return -1;
    }
    return response.json().value(QStringLiteral("tableRows")).toObject().value(QStringLiteral("journal")).toInteger(-1);
}

void TestSyncWhileServing::serverAnswersThroughoutTheSync()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("jcr.db"));

    // The old database: a part of the fixture data, so old and new answers differ.
    QTemporaryDir part;
    QVERIFY(part.isValid());
    QVERIFY(QFile::copy(QDir(jcr::test::miniDataDir()).filePath(QStringLiteral("JCR2024-UTF8.csv")),
                        part.filePath(QStringLiteral("JCR2024-UTF8.csv"))));
    QString error;
    QVERIFY2(jcr::test::buildDatabase(part.path(), database, &error), qPrintable(error));
    const qint64 oldJournals = journalsOf(database);
    QVERIFY(oldJournals > 0);

    jcr::test::ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), database}),
             qPrintable(server.errorString()));
    QString failure;
    QCOMPARE(servedJournals(server.port(), &failure), oldJournals);

    // The sync downloads from a mirror that holds back one file, so it stays in the middle while we ask.
    const QString heldFile = QStringLiteral("XR2026Conferences-UTF8.csv");
    jcr::test::HeldFileServer mirror(jcr::test::miniDataDir(), heldFile);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("JCR_MCP_DATA_FILES"), mirror.fileNames().join(u','));
    for (const char* name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        environment.remove(QString::fromLatin1(name));
    DataSyncJob job(jcr::test::serverBinary());
    QSignalSpy finishedSpy(&job, &DataSyncJob::finished);
    job.start({QStringLiteral("sync"), QStringLiteral("--db"), database, QStringLiteral("--from"), mirror.baseUrl()},
              environment);
    QTRY_VERIFY_WITH_TIMEOUT(mirror.heldRequestArrived(), SyncTimeout);

    // During the sync (longer than the server's once-a-second look for a new file): the old data answers.
    int answersDuringSync = 0;
    const QDeadlineTimer during(2500);
    while (!during.hasExpired()) {
        QCOMPARE(servedJournals(server.port(), &failure), oldJournals);
        ++answersDuringSync;
        QTest::qWait(100); // lets the job read the sync's progress
    }
    QVERIFY(job.isRunning());

    // Let the sync finish. Every request meanwhile is answered, from the old data or (once renamed) the new.
    mirror.release();
    int answersWhileFinishing = 0;
    const QDeadlineTimer deadline(SyncTimeout);
    while (job.isRunning() && !deadline.hasExpired()) {
        const qint64 served = servedJournals(server.port(), &failure);
        QVERIFY2(served >= oldJournals, qPrintable(failure));
        ++answersWhileFinishing;
        QTest::qWait(20);
    }
    QCOMPARE(finishedSpy.size(), 1);
    QCOMPARE(job.state(), DataSyncJob::State::Succeeded);
    const qint64 newJournals = journalsOf(database);
    QCOMPARE(job.journalCount(), newJournals);
    QVERIFY(newJournals > oldJournals);
    // The server notices the new file on a later request (it looks at most once a second).
    qint64 served = oldJournals;
    const QDeadlineTimer follow(FollowTimeout);
    while (served != newJournals && !follow.hasExpired()) {
        served = servedJournals(server.port(), &failure);
        QVERIFY2(served >= oldJournals, qPrintable(failure));
        QTest::qWait(100);
    }
    QCOMPARE(served, newJournals);
    QVERIFY(server.isRunning());
    qInfo("answers from the old data during the sync: %d; answers while it finished: %d", answersDuringSync,
          answersWhileFinishing);

    server.terminate();
    QCOMPARE(server.waitForExit(10000), 0);
}

QTEST_GUILESS_MAIN(TestSyncWhileServing)
#include "tst_syncwhileserving.moc"
