// A sync of the real ShowJCR data that is killed half-way, or that fails half-way, must leave the previous
// database answering as before.

#include "fixturedatabase.h"
#include "journalrepository.h"
#include "testpaths.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

class TestSyncInterrupt : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;

    void verifyOldDatabaseAnswers()
    {
        jcr::JournalRepository repository;
        QString error;
        QVERIFY2(repository.open(m_database, &error), qPrintable(error));
        QCOMPARE(repository.databaseInfo().journals, 15); // the miniature set, not the real one
        const jcr::SearchResult result = repository.search(QStringLiteral("Alpha Journal of Testing"));
        QVERIFY(result.ok());
        QCOMPARE(result.matches.value(0).journal.issn, QStringLiteral("1234-5678"));
        QVERIFY(repository.health().healthy);
    }

    /// Starts a sync of the real data and kills it as soon as stderr shows `trigger`.
    bool killSyncAt(const QString& trigger, QString* seen) { return interruptSyncAt(trigger, SIGKILL, seen, nullptr); }

    /// Starts a sync of the real data and sends `signal` as soon as stderr shows `trigger`; the sync's exit code
    /// in `exitCode`.
    bool interruptSyncAt(const QString& trigger, int signal, QString* seen, int* exitCode)
    {
        QProcess process;
        process.start(jcr::test::serverBinary(), {QStringLiteral("sync"), QStringLiteral("--from"),
                                                  jcr::test::showJcrDir(), QStringLiteral("--db"), m_database});
        if (!process.waitForStarted())
            return false;
        QString output;
        while (process.state() == QProcess::Running && !output.contains(trigger)) {
            process.waitForReadyRead(100);
            output += QString::fromUtf8(process.readAllStandardError());
        }
        const bool killedInTime = process.state() == QProcess::Running;
        ::kill(pid_t(process.processId()), signal); // SIGKILL: no chance to clean up; SIGTERM: a chance
        process.waitForFinished(60000);
        *seen = output + QString::fromUtf8(process.readAllStandardError());
        if (exitCode)
            *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return killedInTime;
    }

private slots:
    void initTestCase()
    {
        if (!jcr::test::hasShowJcrData())
            QSKIP("the real ShowJCR files are not at ../shared/showjcr (set JCR_MCP_DATA_SOURCE)");
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("jcr.db"));
    }

    void init()
    {
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
    }

    void killedSync_data()
    {
        QTest::addColumn<QString>("trigger");
        QTest::addRow("while reading the files") << "reading FQBJCR2023";
        QTest::addRow("while writing the database") << "writing the database";
    }
    void killedSync()
    {
        QFETCH(QString, trigger);
        QString seen;
        QVERIFY2(killSyncAt(trigger, &seen),
                 qPrintable(QStringLiteral("sync ended before \"%1\":\n%2").arg(trigger, seen)));
        verifyOldDatabaseAnswers();

        // The next sync clears what the killed one left behind.
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
        const QStringList leftovers = QDir(m_dir.path()).entryList({QStringLiteral("*.building-*")}, QDir::Files);
        QCOMPARE(leftovers, QStringList());
    }

    void terminatedSync_data()
    {
        QTest::addColumn<QString>("trigger");
        QTest::addRow("while reading the files") << "reading FQBJCR2023";
        QTest::addRow("while writing the database") << "writing the database";
    }
    void terminatedSync()
    {
        // SIGTERM (what the tray app's Cancel sends) stops the sync cleanly: it says so, removes its temporary
        // file and lock at once, and the previous database answers as before.
        QFETCH(QString, trigger);
        QString seen;
        int exitCode = 0;
        QVERIFY2(interruptSyncAt(trigger, SIGTERM, &seen, &exitCode),
                 qPrintable(QStringLiteral("sync ended before \"%1\":\n%2").arg(trigger, seen)));
        QVERIFY2(exitCode == 1 && seen.contains(QStringLiteral("cancelled")) &&
                     seen.contains(QStringLiteral("unchanged")),
                 qPrintable(QStringLiteral("exit code %1:\n%2").arg(exitCode).arg(seen)));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.building-*"), QStringLiteral("*.lock")}, QDir::Files),
                 QStringList());
        verifyOldDatabaseAnswers();
    }

    void failedSync_data()
    {
        QTest::addColumn<QByteArray>("damage");
        QTest::addRow("truncated inside a quoted field") << QByteArray("\n\"an unterminated quote, cut off");
        QTest::addRow("bytes that are not UTF-8") << QByteArray("\nBroken \xff\xfe Journal,1\n");
    }
    void failedSync()
    {
        QFETCH(QByteArray, damage);
        // A copy of the real data with one damaged file in the middle of the import order.
        QTemporaryDir data;
        QVERIFY(data.isValid());
        for (const QString& name : QDir(jcr::test::showJcrDir()).entryList({QStringLiteral("*.csv")}, QDir::Files))
            QVERIFY(QFile::copy(jcr::test::showJcrDir() + u'/' + name, data.filePath(name)));
        QFile damaged(data.filePath(QStringLiteral("FQBJCR2022-UTF8.csv")));
        QVERIFY(damaged.setPermissions(damaged.permissions() | QFileDevice::WriteOwner));
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        QVERIFY(damaged.resize(damaged.size() / 2));
        QVERIFY(damaged.seek(damaged.size()));
        damaged.write(damage);
        damaged.close();

        QProcess process;
        process.start(jcr::test::serverBinary(), {QStringLiteral("sync"), QStringLiteral("--from"), data.path(),
                                                  QStringLiteral("--db"), m_database});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("FQBJCR2022-UTF8.csv")) && err.contains(QStringLiteral("unchanged")),
                 qPrintable(err));
        verifyOldDatabaseAnswers();
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.building-*")}, QDir::Files), QStringList());
    }

    void repositoryOpenDuringSyncKeepsAnswering()
    {
        // A server that has the old file open keeps reading it while a sync replaces it.
        jcr::JournalRepository repository;
        QVERIFY(repository.open(m_database));
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::showJcrDir(), m_database, &error), qPrintable(error));
        QCOMPARE(repository.search(QStringLiteral("Alpha Journal of Testing")).total, 1);
        jcr::JournalRepository reopened;
        QVERIFY(reopened.open(m_database));
        QVERIFY(reopened.databaseInfo().journals > 20000);
    }
};

QTEST_GUILESS_MAIN(TestSyncInterrupt)
#include "tst_syncinterrupt.moc"
