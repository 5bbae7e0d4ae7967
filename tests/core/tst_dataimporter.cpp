// Tests of DataImporter on the miniature ShowJCR set: what every kind of file becomes in the database, and
// that a failed or cancelled sync leaves the previous database untouched.

#include "dataimporter.h"
#include "datasource.h"
#include "fixturedatabase.h"
#include "journalrepository.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>

using namespace jcr;

class TestDataImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    JournalRepository m_repository;

    JournalProfile profileOf(const QString& name)
    {
        QString error;
        const std::optional<JournalProfile> found = m_repository.profile(name, &error);
        if (!found)
            qWarning("no profile for %s: %s", qPrintable(name), qPrintable(error));
        return found.value_or(JournalProfile());
    }

    static const JcrFact* jcrYear(const JournalProfile& profile, int year)
    {
        for (const JcrFact& fact : profile.jcr) {
            if (fact.year == year)
                return &fact;
        }
        return nullptr;
    }

    static const CasFact* casYear(const JournalProfile& profile, int year)
    {
        for (const CasFact& fact : profile.cas) {
            if (fact.year == year)
                return &fact;
        }
        return nullptr;
    }

    QStringList leftoverFiles() const
    {
        QStringList names = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        names.removeAll(QFileInfo(m_path).fileName());
        names.removeAll(QFileInfo(m_path).fileName() + QStringLiteral(".lock"));
        return names;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("jcr.db"));
        QString error;
        QVERIFY2(test::buildDatabase(test::miniDataDir(), m_path, &error), qPrintable(error));
        QVERIFY2(m_repository.open(m_path, &error), qPrintable(error));
    }

    void rowsPerFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("skipped");
        QTest::addRow("JCR2020 with an exact duplicate") << "JCR2020-UTF8.csv" << 4 << 0;
        QTest::addRow("JCR2021 with N/A duplicates") << "JCR2021-UTF8.csv" << 5 << 0;
        QTest::addRow("JCR2025 grouped categories") << "JCR2025-UTF8.csv" << 2 << 0;
        QTest::addRow("CAS 2021 short rows") << "FQBJCR2021-UTF8.csv" << 2 << 0;
        QTest::addRow("CCF2022 with an empty name") << "CCF2022-UTF8.csv" << 4 << 1;
        QTest::addRow("unknown future table") << "NEWTABLE2027.csv" << 2 << 0;
    }
    void rowsPerFile()
    {
        QFETCH(QString, file);
        QFETCH(int, rows);
        QFETCH(int, skipped);
        const DatabaseInfo info = m_repository.databaseInfo();
        bool found = false;
        for (const SourceFileInfo& source : info.sources) {
            if (source.name != file)
                continue;
            found = true;
            QCOMPARE(source.rows, rows);
            QCOMPARE(source.skippedRows, skipped);
            QCOMPARE(source.sha256.size(), 64);
        }
        QVERIFY2(found, qPrintable(file));
    }

    void journalsAreLinked()
    {
        // Alpha appears in 13 of the 15 files under three spellings; the 15 distinct venues are in README.md.
        QCOMPARE(m_repository.databaseInfo().journals, 15);
        const JournalProfile alpha = profileOf(QStringLiteral("alpha journal of testing"));
        QCOMPARE(alpha.summary.title, QStringLiteral("Alpha Journal of Testing"));
        QCOMPARE(alpha.summary.issn, QStringLiteral("1234-5678"));
        QCOMPARE(alpha.summary.eissn, QStringLiteral("8765-432X"));
        QCOMPARE(alpha.summary.titleZh, QStringLiteral("阿尔法测试（英文）"));
        QCOMPARE(alpha.jcr.size(), 5);
        QCOMPARE(alpha.cas.size(), 2);
        QCOMPARE(alpha.ccf.size(), 3); // 2019, and 2022 in two fields
        QCOMPARE(alpha.ccft.size(), 1);
        QCOMPARE(alpha.extra.size(), 1);
        QCOMPARE(alpha.extra.first().fields.value(QStringLiteral("Comment")).toString(),
                 QStringLiteral("fine, really"));
        QVERIFY(alpha.abbreviations.contains(QStringLiteral("ATJ")));
    }

    void jcrValues_data()
    {
        QTest::addColumn<QString>("journal");
        QTest::addColumn<int>("year");
        QTest::addColumn<QString>("ifText");
        QTest::addColumn<bool>("hasValue");
        QTest::addColumn<QString>("quartile");
        QTest::addColumn<int>("rank");
        QTest::addColumn<int>("categories");
        QTest::addRow("IF (2020) header") << "Alpha Journal of Testing" << 2020 << "5.5" << true << "" << 0 << 0;
        QTest::addRow("2021: N/A row first, value wins") << "Beta Letters" << 2021 << "1.5" << true << "" << 0 << 0;
        QTest::addRow("2021: value row first, value wins")
            << "Delta Quarterly" << 2021 << "2.0" << true << "" << 0 << 0;
        QTest::addRow("' IF(2023)' header, rank")
            << "Alpha Journal of Testing" << 2023 << "7.2" << true << "Q1" << 3 << 1;
        QTest::addRow("<0.1 and a date-serial rank") << "Beta Letters" << 2023 << "<0.1" << false << "" << 0 << 1;
        QTest::addRow("AHCI: no quartile invented") << "Epsilon History" << 2023 << "N/A" << false << "" << 0 << 1;
        QTest::addRow("2024: categories joined")
            << "Alpha Journal of Testing" << 2024 << "8.0" << true << "Q1" << 2 << 2;
        QTest::addRow("2025: best of the groups")
            << "Alpha Journal of Testing" << 2025 << "109" << true << "Q1" << 1 << 2;
        QTest::addRow("Not Available") << "Omega Open" << 2025 << "Not Available" << false << "" << 0 << 1;
        QTest::addRow("DEL read as a hyphen") << "Gamma-Reviews" << 2020 << "0.9" << true << "" << 0 << 0;
    }
    void jcrValues()
    {
        QFETCH(QString, journal);
        QFETCH(int, year);
        QFETCH(QString, ifText);
        QFETCH(bool, hasValue);
        QFETCH(QString, quartile);
        QFETCH(int, rank);
        QFETCH(int, categories);
        const JournalProfile profile = profileOf(journal);
        const JcrFact* fact = jcrYear(profile, year);
        QVERIFY2(fact, qPrintable(QStringLiteral("%1 has no JCR %2").arg(journal).arg(year)));
        QCOMPARE(fact->impactFactorText, ifText);
        QCOMPARE(fact->impactFactor.has_value(), hasValue);
        if (hasValue)
            QCOMPARE(*fact->impactFactor, ifText.toDouble());
        QCOMPARE(fact->quartile, quartile);
        QCOMPARE(fact->rank, rank);
        QCOMPARE(int(fact->categories.size()), categories);
    }

    void jcrCategoriesOf2024And2025()
    {
        const JournalProfile alpha = profileOf(QStringLiteral("Alpha Journal of Testing"));
        const JcrFact* y2024 = jcrYear(alpha, 2024);
        QVERIFY(y2024);
        QCOMPARE(y2024->categories.at(1).name, QStringLiteral("METHODS"));
        QCOMPARE(y2024->categories.at(1).edition, QStringLiteral("SCIE"));
        const JcrFact* y2025 = jcrYear(alpha, 2025);
        QVERIFY(y2025);
        QCOMPARE(y2025->categories.at(0).quartile, QStringLiteral("Q2"));
        QCOMPARE(y2025->categories.at(0).rank, 30);
        QCOMPARE(y2025->categories.at(0).rankTotal, 125);
        QCOMPARE(y2025->webOfScience, QStringLiteral("SCIE, SSCI"));
    }

    void casValues_data()
    {
        QTest::addColumn<QString>("journal");
        QTest::addColumn<int>("year");
        QTest::addColumn<QString>("major");
        QTest::addColumn<int>("partition");
        QTest::addColumn<int>("rank");
        QTest::addColumn<bool>("top");
        QTest::addColumn<int>("minors");
        QTest::addRow("2021 plain partition")
            << "Alpha Journal of Testing" << 2021 << "工程技术" << 1 << 0 << true << 1;
        QTest::addRow("2021 short row, two minors") << "Beta Letters" << 2021 << "综合性期刊" << 4 << 0 << false << 2;
        QTest::addRow("2025 partition with rank")
            << "Alpha Journal of Testing" << 2025 << "工程技术" << 1 << 15 << true << 1;
        QTest::addRow("2025 single ISSN") << "Epsilon History" << 2025 << "历史学" << 4 << 625 << false << 1;
    }
    void casValues()
    {
        QFETCH(QString, journal);
        QFETCH(int, year);
        QFETCH(QString, major);
        QFETCH(int, partition);
        QFETCH(int, rank);
        QFETCH(bool, top);
        QFETCH(int, minors);
        const CasFact* fact = casYear(profileOf(journal), year);
        QVERIFY(fact);
        QCOMPARE(fact->majorCategory, major);
        QCOMPARE(fact->partition, partition);
        QCOMPARE(fact->rank, rank);
        QCOMPARE(fact->top, top);
        QCOMPARE(int(fact->minorCategories.size()), minors);
    }

    void casDetails()
    {
        const JournalProfile beta = profileOf(QStringLiteral("Beta Letters"));
        const CasFact* y2021 = casYear(beta, 2021);
        QVERIFY(y2021);
        QVERIFY(y2021->review);
        QCOMPARE(y2021->openAccess, std::optional<bool>(true));
        QCOMPARE(y2021->minorCategories.at(1).name, QStringLiteral("METHODS 方法"));
        QCOMPARE(y2021->minorCategories.at(1).partition, 3);

        const CasFact* epsilon = casYear(profileOf(QStringLiteral("Epsilon History")), 2025);
        QVERIFY(epsilon);
        QCOMPARE(epsilon->webOfScience, QStringLiteral("AHCI, SCIE"));
        QCOMPARE(epsilon->note, QStringLiteral("中英文期刊\"同质等效\"评价"));
        QCOMPARE(epsilon->minorCategories.first().rankTotal, 523);
    }

    void warnings()
    {
        const JournalProfile beta = profileOf(QStringLiteral("BETA LETTERS"));
        QCOMPARE(beta.warnings.size(), 2);
        QCOMPARE(beta.warnings.at(0).year, 2024); // newest first
        QCOMPARE(beta.warnings.at(0).reason, QStringLiteral("引用操纵、论文工厂"));
        QCOMPARE(beta.warnings.at(1).year, 2020);
        QCOMPARE(beta.warnings.at(1).level, QStringLiteral("低"));
        QVERIFY(beta.summary.onWarningList);
    }

    void issnDecidesCollidingTitles()
    {
        const SearchResult byTitle = m_repository.search(QStringLiteral("Journal of X and Y"));
        QCOMPARE(byTitle.total, 2);
        const JournalProfile ampersand = profileOf(QStringLiteral("1111-1111"));
        const JournalProfile word = profileOf(QStringLiteral("2222-2222"));
        QVERIFY(ampersand.summary.id != word.summary.id);
        QCOMPARE(ampersand.summary.title, QStringLiteral("Journal of X & Y"));
        QCOMPARE(jcrYear(ampersand, 2024)->impactFactorText, QStringLiteral("3.0"));
        QCOMPARE(jcrYear(word, 2024)->impactFactorText, QStringLiteral("4.0"));
    }

    void oneIssnUnderTwoNames()
    {
        const JournalProfile annales = profileOf(QStringLiteral("Canadian Journal of Zeta-Annales"));
        const JournalProfile zeta = profileOf(QStringLiteral("Journal of Zeta"));
        QVERIFY(annales.summary.id != zeta.summary.id);
        QCOMPARE(jcrYear(annales, 2024)->impactFactorText, QStringLiteral("0.5"));
        QCOMPARE(jcrYear(zeta, 2024)->impactFactorText, QStringLiteral("0.7"));
        // Both journals carry the ISSN, as the file lists it under both names.
        const SearchResult byIssn = m_repository.search(QStringLiteral("4567-8901"));
        QCOMPARE(byIssn.total, 2);
        QCOMPARE(byIssn.matches.at(0).kind, MatchKind::Issn);
    }

    void ccfChineseAndVariantCharacters()
    {
        // 图象测试 (CCF 2019 Chinese list) and 图像测试 (CCFT) are one journal.
        const JournalProfile journal = profileOf(QStringLiteral("图像测试"));
        QCOMPARE(journal.summary.title, QStringLiteral("图象测试"));
        QCOMPARE(journal.ccf.size(), 1);
        QCOMPARE(journal.ccf.first().list, QStringLiteral("chinese"));
        QCOMPARE(journal.ccf.first().rank, QStringLiteral("B"));
        QCOMPARE(journal.ccft.size(), 1);
        QCOMPARE(journal.ccft.first().tier, QStringLiteral("T2"));
        QCOMPARE(journal.cn, QStringLiteral("11-5678/TP"));
    }

    void conferencesAndJournalsShareAnAbbreviation()
    {
        const SearchResult result = m_repository.search(QStringLiteral("ATJ"));
        QCOMPARE(result.total, 2);
        QCOMPARE(result.matches.at(0).kind, MatchKind::Abbreviation);
        QStringList venues{result.matches.at(0).journal.venueType, result.matches.at(1).journal.venueType};
        venues.sort();
        QCOMPARE(venues, QStringList({QStringLiteral("conference"), QStringLiteral("journal")}));
        const JournalProfile conference = profileOf(QStringLiteral("Alpha Testing Conference"));
        QCOMPARE(conference.summary.venueType, QStringLiteral("conference"));
        QCOMPARE(conference.xr.size(), 1);
        QVERIFY(conference.xr.first().top);
        QCOMPARE(conference.ccf.first().rank, QStringLiteral("B"));
    }

    void failedSyncKeepsTheOldDatabase_data()
    {
        QTest::addColumn<QString>("brokenFile");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::addRow("truncated download")
            << "JCR2026-UTF8.csv" << QByteArray("Journal,IF(2026)\n\"Unfinished,1") << "quoted";
        QTest::addRow("no Journal column") << "JCR2026-UTF8.csv" << QByteArray("Title,IF(2026)\nX,1\n") << "Journal";
        QTest::addRow("empty file") << "FQBJCR2026-UTF8.csv" << QByteArray() << "empty";
        QTest::addRow("not UTF-8") << "GJQKYJMD2026.csv" << QByteArray("Journal,预警原因（2026）\n\xb9\xfa\xbc\xca,x\n")
                                   << "UTF-8";
    }
    void failedSyncKeepsTheOldDatabase()
    {
        QFETCH(QString, brokenFile);
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const QByteArray before = [this] {
            QFile file(m_path);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        QList<SourceFile> files = DataSource::fromFolder(test::miniDataDir());
        files.append(SourceFile(brokenFile, content));

        DataImporter importer;
        QString error;
        QVERIFY(!importer.build(files, m_path, QStringLiteral("broken"), &error));
        QVERIFY2(error.contains(reason, Qt::CaseInsensitive), qPrintable(error));
        QFile after(m_path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
        QCOMPARE(leftoverFiles(), QStringList());
        QCOMPARE(JournalRepository::healthOf(m_path).healthy, true);
    }

    void cancelledSyncKeepsTheOldDatabase()
    {
        DataImporter importer;
        connect(&importer, &DataImporter::progress, &importer, [&importer](int done) {
            if (done == 5)
                importer.cancel();
        });
        QString error;
        QVERIFY(!importer.build(DataSource::fromFolder(test::miniDataDir()), m_path, QStringLiteral("x"), &error));
        QCOMPARE(error, QStringLiteral("cancelled"));
        QCOMPARE(leftoverFiles(), QStringList());
        QCOMPARE(m_repository.search(QStringLiteral("Alpha Journal of Testing")).total, 1);
    }

    void staleTemporaryFileIsRemoved()
    {
        // What a killed sync leaves behind; the next sync removes it.
        const QString stale = m_path + QStringLiteral(".building-999999");
        QFile file(stale);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("half a database");
        file.close();
        QString error;
        QVERIFY2(test::buildDatabase(test::miniDataDir(), m_path, &error), qPrintable(error));
        QVERIFY(!QFile::exists(stale));
    }

    void lockFailureSaysWhy_data()
    {
        QTest::addColumn<QString>("target"); // @DIR@: a temporary folder
        QTest::addColumn<bool>("holdLock");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("unexpected");
        // A folder nobody may write in. Not a chmod'ed folder: the tests also run as root, who writes there
        // anyway. sysfs refuses to create files for root too (EACCES), and creates none for anyone.
        QTest::addRow("folder where no file can be created")
            << "/sys/jcr-mcp-test.db" << false << "cannot create the lock file /sys/jcr-mcp-test.db.lock: Permission"
            << "another sync";
        QTest::addRow("lock held by another sync")
            << "@DIR@/locked.db" << true << "another sync is writing @DIR@/locked.db"
            << "lock file";
    }
    void lockFailureSaysWhy()
    {
        QFETCH(QString, target);
        QFETCH(bool, holdLock);
        QFETCH(QString, expected);
        QFETCH(QString, unexpected);
        if (target.startsWith(QLatin1String("/sys/")) && !QFileInfo(QStringLiteral("/sys")).isDir())
            QSKIP("no sysfs on this system");
        target.replace(QLatin1String("@DIR@"), m_dir.path());
        expected.replace(QLatin1String("@DIR@"), m_dir.path());
        QLockFile otherSync(target + QStringLiteral(".lock"));
        if (holdLock)
            QVERIFY(otherSync.tryLock());

        DataImporter importer;
        QString error;
        QVERIFY(!importer.build(DataSource::fromFolder(test::miniDataDir()), target, QStringLiteral("x"), &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        QVERIFY2(!error.contains(unexpected), qPrintable(error));
        QVERIFY(!QFile::exists(target));
    }

    void missingSources()
    {
        QString error;
        QVERIFY(DataSource::fromFolder(m_dir.filePath(QStringLiteral("nowhere")), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("does not exist")));
        DataImporter importer;
        QVERIFY(!importer.build({}, m_path, QString(), &error));
        QVERIFY(error.contains(QStringLiteral("no data files")));
    }

    void abbreviationLists()
    {
        // The mini set with the fixture JabRef lists: each list recorded like a ShowJCR file, "The Alpha Journal
        // of Testing" linked to Alpha Journal of Testing, "Canadian journal of Zeta. The Annales" to "Canadian Journal
        // of Zeta-Annales" (a "the" inside the title), the rows of journals not in the data kept unlinked.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("abbreviations.db"));
        DataImporter importer;
        importer.setAbbreviationFiles(DataSource::fromFolder(test::fixturesDir() + QStringLiteral("/abbrv")));
        QString error;
        QVERIFY2(importer.build(DataSource::fromFolder(test::miniDataDir()), path, QStringLiteral("mini"), &error),
                 qPrintable(error));
        QCOMPARE(importer.lastReport().abbreviationFiles, 4);
        QCOMPARE(importer.lastReport().abbreviationRows, 14);
        QCOMPARE(importer.lastReport().journalsWithAbbreviations, 2);
        JournalRepository repository;
        QVERIFY2(repository.open(path, &error), qPrintable(error));
        const DatabaseInfo info = repository.databaseInfo(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(info.journalsWithAbbreviations, 2);
        QCOMPARE(info.toJson().value(QStringLiteral("journalsWithAbbreviations")).toInt(), 2);
        QStringList lists;
        for (const SourceFileInfo& source : info.sources) {
            if (source.kind.startsWith(QLatin1String("abbreviations-")))
                lists << QStringLiteral("%1 %2 %3").arg(source.name, source.kind).arg(source.rows);
        }
        lists.sort();
        QCOMPARE(lists, QStringList({"journal_abbreviations_ams.csv abbreviations-iso4 3",
                                     "journal_abbreviations_dainst.csv abbreviations-other 2",
                                     "journal_abbreviations_entrez.csv abbreviations-medline 3",
                                     "journal_abbreviations_general.csv abbreviations-iso4 6"}));
        // Without lists the count is zero (and the database from initTestCase has no linked rows).
        QCOMPARE(m_repository.databaseInfo().journalsWithAbbreviations, 0);
    }

    void unreachableUrl()
    {
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
        DataSource source;
        QString error;
        const QList<SourceFile> files = source.fetch(QStringLiteral("http://127.0.0.1:9/data/"),
                                                     {QStringLiteral("JCR2025-UTF8.csv")}, &error, 5000);
        QVERIFY(files.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("JCR2025-UTF8.csv")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDataImporter)
#include "tst_dataimporter.moc"
