// JournalBackend follows a database that a sync replaces while the server runs, and keeps answering from
// the old one when the new file is broken.

#include "fixturedatabase.h"
#include "journalbackend.h"
#include "journalrepository.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

class TestJournalBackend : public QObject
{
    Q_OBJECT

private:
    static qint64 journalsIn(jcr::mcp::JournalBackend& backend)
    {
        const jcr::JournalRepository* repository = backend.repository();
        return repository ? repository->databaseInfo().journals : -1;
    }

private slots:
    void followsAReplacedDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jcr.db"));
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), path, &error), qPrintable(error));
        jcr::mcp::JournalBackend backend(path);
        QCOMPARE(journalsIn(backend), 15);

        // The same data without the unknown table: one journal fewer (Brand New Journal).
        const QString smaller = dir.filePath(QStringLiteral("smaller"));
        QVERIFY(QDir().mkpath(smaller));
        for (const QString& name : QDir(jcr::test::miniDataDir()).entryList({QStringLiteral("*.csv")}, QDir::Files)) {
            if (name != QLatin1String("NEWTABLE2027.csv"))
                QVERIFY(QFile::copy(jcr::test::miniDataDir() + u'/' + name, smaller + u'/' + name));
        }
        QTest::qWait(20); // a modification time that differs even on coarse file systems
        QVERIFY2(jcr::test::buildDatabase(smaller, path, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(journalsIn(backend), 14, 5000);

        // A broken file swapped in: the server keeps the data it has.
        const QString broken = dir.filePath(QStringLiteral("broken.db"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("not a database").repeated(100));
        file.close();
        QVERIFY(std::rename(QFile::encodeName(broken).constData(), QFile::encodeName(path).constData()) == 0);
        QTest::qWait(1100);
        QCOMPARE(journalsIn(backend), 14);
    }
};

QTEST_GUILESS_MAIN(TestJournalBackend)
#include "tst_journalbackend.moc"
