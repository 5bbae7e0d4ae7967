// The real JabRef abbreviation lists (../shared/abbrv) imported with the real ShowJCR files (../shared/showjcr):
// the sync succeeds, every list is recorded with its row count, and well-known journals got their abbreviations
// (checked by ISSN, so the test does not depend on how the titles are spelt).
#include "fixturedatabase.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "testpaths.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

class TestRealAbbreviations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void provenance();
    void knownJournals_data();
    void knownJournals();
    void unmatchedRowsKeepNoJournal();
    void profileAbbreviations_data();
    void profileAbbreviations();

private:
    QSqlQuery query(const QString& sql, const QVariantList& values = {}) const;

    QTemporaryDir m_dir;
    jcr::JournalRepository m_repository;
    QString m_connection = QStringLiteral("realabbreviations");
    jcr::DataImporter::Report m_report;
};

void TestRealAbbreviations::initTestCase()
{
    const QString missing = jcr::test::realDataMissing();
    if (!missing.isEmpty())
        QSKIP(qPrintable(missing));
    const QString path = m_dir.filePath(QStringLiteral("journals.db"));
    QString error;
    QVERIFY2(jcr::test::openRealDatabase(path, m_repository, &error, &m_report), qPrintable(error));
    QCOMPARE(m_report.abbreviationFiles, 19);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    QVERIFY(db.open());
}

void TestRealAbbreviations::cleanupTestCase()
{
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlQuery TestRealAbbreviations::query(const QString& sql, const QVariantList& values) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (!query.exec())
        qWarning() << sql << query.lastError().text();
    return query;
}

void TestRealAbbreviations::provenance()
{
    QSqlQuery lists = query(QStringLiteral("SELECT name, kind, rows, sha256 FROM source_file"
                                           " WHERE kind LIKE 'abbreviations-%' ORDER BY name"));
    int count = 0;
    int rows = 0;
    while (lists.next()) {
        ++count;
        const QString name = lists.value(0).toString();
        QVERIFY2(name.startsWith(QLatin1String("journal_abbreviations_")), qPrintable(name));
        QVERIFY2(lists.value(2).toInt() > 0, qPrintable(name));
        QCOMPARE(lists.value(3).toString().size(), 64);
        const QString expectedKind =
            name.contains(QLatin1String("entrez")) || name.contains(QLatin1String("medicus"))
                ? QStringLiteral("abbreviations-medline")
            : name.contains(QLatin1String("dainst")) || name.contains(QLatin1String("annee")) ||
                    name.contains(QLatin1String("astronomy")) || name.contains(QLatin1String("ieee_strings"))
                ? QStringLiteral("abbreviations-other")
                : QStringLiteral("abbreviations-iso4");
        QCOMPARE(lists.value(1).toString(), expectedKind);
        rows += lists.value(2).toInt();
    }
    QCOMPARE(count, 19);
    QCOMPARE(rows, m_report.abbreviationRows);
    QVERIFY2(rows > 60000, qPrintable(QString::number(rows)));
    QSqlQuery entrez =
        query(QStringLiteral("SELECT rows FROM source_file WHERE name = 'journal_abbreviations_entrez.csv'"));
    QVERIFY(entrez.next());
    QVERIFY(entrez.value(0).toInt() > 19000);
    QVERIFY2(m_report.journalsWithAbbreviations > 5000,
             qPrintable(QString::number(m_report.journalsWithAbbreviations)));
}

void TestRealAbbreviations::knownJournals_data()
{
    QTest::addColumn<QString>("issn");
    QTest::addColumn<QString>("abbreviation");
    QTest::addColumn<QString>("kind");
    QTest::newRow("Nature Communications") << "2041-1723"
                                           << "Nat. Commun."
                                           << "iso4";
    QTest::newRow("TPAMI, MEDLINE") << "0162-8828"
                                    << "IEEE Trans Pattern Anal Mach Intell"
                                    << "medline";
    QTest::newRow("TPAMI, ISO 4") << "0162-8828"
                                  << "IEEE Trans. Pattern Anal. Mach. Intell."
                                  << "iso4";
    QTest::newRow("JACS") << "0002-7863"
                          << "J. Am. Chem. Soc."
                          << "iso4";
    QTest::newRow("NEJM, MEDLINE") << "0028-4793"
                                   << "N Engl J Med"
                                   << "medline";
    QTest::newRow("Phys Rev Lett") << "0031-9007"
                                   << "Phys. Rev. Lett."
                                   << "iso4";
    // Linked by the loose key: "JAMA : the journal of …" to "JAMA-JOURNAL OF …", "… Part A, …" to "… A-…".
    QTest::newRow("JAMA, MEDLINE") << "0098-7484"
                                   << "JAMA"
                                   << "medline";
    QTest::newRow("Comp Biochem Physiol A") << "1095-6433"
                                            << "Comp Biochem Physiol A Mol Integr Physiol"
                                            << "medline";
}

void TestRealAbbreviations::knownJournals()
{
    QFETCH(QString, issn);
    QFETCH(QString, abbreviation);
    QFETCH(QString, kind);
    QSqlQuery found = query(QStringLiteral("SELECT a.kind, a.normalized FROM journal_abbreviations a"
                                           " JOIN journal_issn i ON i.journal_id = a.journal_id"
                                           " WHERE i.issn = ? AND a.abbreviation = ?"),
                            {issn.remove(QLatin1Char('-')), abbreviation});
    QStringList kinds;
    QString normalized;
    while (found.next()) {
        kinds << found.value(0).toString();
        normalized = found.value(1).toString();
    }
    QVERIFY2(kinds.contains(kind), qPrintable(kinds.join(u',')));
    QVERIFY(!normalized.contains(QLatin1Char('.')) && !normalized.contains(QLatin1Char(' ')));
}

void TestRealAbbreviations::unmatchedRowsKeepNoJournal()
{
    QSqlQuery counts = query(QStringLiteral("SELECT COUNT(*), COUNT(journal_id) FROM journal_abbreviations"));
    QVERIFY(counts.next());
    QVERIFY(counts.value(0).toInt() >= m_report.abbreviationRows);
    QVERIFY(counts.value(1).toInt() > 0);
    QVERIFY(counts.value(1).toInt() < counts.value(0).toInt());
}

void TestRealAbbreviations::profileAbbreviations_data()
{
    // What the profile (get_journal, `query`) shows: each abbreviation once although several lists give it
    // ("Nat. Commun." in the acs, geology_physics and ubc lists; NEJM's two in five lists), ISO 4 first.
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("expected"); ///< "kind abbreviation"
    QTest::addColumn<QString>("line");
    QTest::newRow("Nature Communications, ISO 4") << "Nature Communications" << QStringList{"iso4 Nat. Commun."}
                                                  << "缩写 Citation abbreviations: ISO 4 Nat. Commun.";
    QTest::newRow("NEJM, ISO 4 and MEDLINE")
        << "New England Journal of Medicine" << QStringList{"iso4 N. Engl. J. Med.", "medline N Engl J Med"}
        << "缩写 Citation abbreviations: ISO 4 N. Engl. J. Med. · MEDLINE N Engl J Med";
    // The astronomy list's AAS forms are not ISO 4 ("Nat" is not how ISO 4 abbreviates Nature).
    QTest::newRow("Nature, astronomy list as other")
        << "Nature" << QStringList{"iso4 Nature", "medline Nature", "other Nat"}
        << "缩写 Citation abbreviations: ISO 4 Nature · MEDLINE Nature · 其他 other Nat";
    // IEEEabrv.bib's macro name ("#IEEE_O_ACC#") finds the journal but is no abbreviation anyone writes.
    QTest::newRow("IEEE Access, no BibTeX macro name")
        << "IEEE Access" << QStringList{"iso4 IEEE Access"} << "缩写 Citation abbreviations: ISO 4 IEEE Access";
}

void TestRealAbbreviations::profileAbbreviations()
{
    QFETCH(QString, name);
    QFETCH(QStringList, expected);
    QFETCH(QString, line);
    QString error;
    const std::optional<jcr::JournalProfile> profile = m_repository.profile(name, &error);
    QVERIFY2(profile, qPrintable(error));
    QCOMPARE(profile->summary.title.toLower(), name.toLower());
    QStringList found;
    for (const jcr::CitationAbbreviation& entry : profile->citationAbbreviations)
        found << entry.kind + u' ' + entry.abbreviation;
    QCOMPARE(found, expected);
    const QString text = jcr::JournalTextFormatter::profile(*profile);
    QVERIFY2(text.split(u'\n').contains(line), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestRealAbbreviations)
#include "tst_realabbreviations.moc"
