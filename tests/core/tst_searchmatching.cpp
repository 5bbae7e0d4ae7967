// How JournalRepository::search reads the names researchers write, on a fixture written for it
// (tests/data/fixtures/matching, whose README says which journal is there for which rule): abbreviations with or
// without dots and spaces in any case, short names before a JCR hyphen, a publisher word before an abbreviation,
// acronyms, close spellings, ambiguity, and the order of many matches.

#include "fixturedatabase.h"
#include "journalrepository.h"
#include "testpaths.h"

#include <QTemporaryDir>
#include <QTest>

using namespace jcr;

class TestSearchMatching : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    JournalRepository m_repository;

    SearchResult search(const QString& text, int limit = 10) const
    {
        SearchOptions options;
        options.limit = limit;
        return m_repository.search(text, options);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("jcr.db"));
        const QString fixture = test::fixturesDir() + QStringLiteral("/matching");
        QString error;
        QVERIFY2(
            test::buildDatabase(fixture + QStringLiteral("/showjcr"), path, &error, fixture + QStringLiteral("/abbrv")),
            qPrintable(error));
        QVERIFY2(m_repository.open(path, &error), qPrintable(error));
    }

    // Each query resolves to one journal (by ISSN), matched the way the row says.
    void resolves_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("issn");
        QTest::addColumn<QString>("matchedBy");
        QTest::addColumn<QString>("matchedName");

        QTest::addRow("exact title") << "Nature Communications"
                                     << "2041-1723"
                                     << "exact title"
                                     << "Nature Communications";
        // PubMed's habit of naming the place after a title that another journal shares.
        QTest::addRow("title with a PubMed place qualifier") << "Nature Communications (London)"
                                                             << "2041-1723"
                                                             << "exact title"
                                                             << "Nature Communications";
        QTest::addRow("ISSN") << "0028 4793"
                              << "0028-4793"
                              << "ISSN"
                              << "0028-4793";
        QTest::addRow("ISO 4 with dots") << "Nat. Commun."
                                         << "2041-1723"
                                         << "abbreviation (ISO 4)"
                                         << "Nat. Commun.";
        QTest::addRow("ISO 4 without dots") << "Nat Commun"
                                            << "2041-1723"
                                            << "abbreviation (ISO 4)"
                                            << "Nat. Commun.";
        QTest::addRow("lower case, no spaces") << "natcommun"
                                               << "2041-1723"
                                               << "abbreviation (ISO 4)"
                                               << "Nat. Commun.";
        QTest::addRow("MEDLINE") << "Proc Natl Acad Sci U S A"
                                 << "0027-8424"
                                 << "abbreviation (MEDLINE)"
                                 << "Proc Natl Acad Sci U S A";
        QTest::addRow("MEDLINE, dotted by the user") << "Proc. Natl. Acad. Sci. U.S.A."
                                                     << "0027-8424"
                                                     << "abbreviation (MEDLINE)"
                                                     << "Proc Natl Acad Sci U S A";
        QTest::addRow("MEDLINE of a title with The") << "n engl j med"
                                                     << "0028-4793"
                                                     << "abbreviation (MEDLINE)"
                                                     << "N Engl J Med";
        QTest::addRow("other list") << "AA"
                                    << "0003-8105"
                                    << "abbreviation (other list)"
                                    << "AA";
        QTest::addRow("short name JAMA") << "JAMA"
                                         << "0098-7484"
                                         << "short name"
                                         << "JAMA";
        QTest::addRow("short name BMJ, lower case") << "bmj"
                                                    << "0959-8138"
                                                    << "short name"
                                                    << "BMJ";
        QTest::addRow("short name CA") << "CA"
                                       << "0007-9235"
                                       << "short name"
                                       << "CA";
        QTest::addRow("acronym NEJM") << "NEJM"
                                      << "0028-4793"
                                      << "acronym"
                                      << "NEJM";
        QTest::addRow("acronym JACS, the better cited of two") << "JACS"
                                                               << "0002-7863"
                                                               << "acronym"
                                                               << "JACS";
        QTest::addRow("acronym from an abbreviation") << "CACM"
                                                      << "0001-0782"
                                                      << "acronym"
                                                      << "CACM";
        QTest::addRow("publisher + acronym") << "IEEE TPAMI"
                                             << "0162-8828"
                                             << "publisher IEEE + acronym"
                                             << "IEEE TPAMI";
        QTest::addRow("close spelling, one candidate") << "Journal of Testing Sciense"
                                                       << "1234-5679"
                                                       << "close spelling"
                                                       << "Journal of Testing Science";
    }

    void resolves()
    {
        QFETCH(QString, query);
        QFETCH(QString, issn);
        QFETCH(QString, matchedBy);
        QFETCH(QString, matchedName);
        const SearchResult result = search(query);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY2(!result.matches.isEmpty(), qPrintable(query));
        QVERIFY(result.resolved);
        const JournalMatch& first = result.matches.first();
        QVERIFY2(first.journal.issn == issn || first.journal.eissn == issn, qPrintable(first.journal.title));
        QCOMPARE(first.matchedBy(), matchedBy);
        QCOMPARE(first.matchedName, matchedName);
        QVERIFY(!first.ambiguous);
        // findBest (the CLI's query, the GUI's Enter) takes the same journal.
        QCOMPARE(m_repository.findBest(query)->id, first.journal.id);
    }

    // Names that must not resolve to a journal.
    void doesNotResolve_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addRow("acronym of two journals with close impact factors") << "JATS";
        QTest::addRow("publisher that does not start the title") << "ACM TPAMI";
        QTest::addRow("abbreviation of a journal not in JCR") << "J. Nowhere";
        QTest::addRow("unclear close spelling") << "Physical Revew C";
    }

    void doesNotResolve()
    {
        QFETCH(QString, query);
        const SearchResult result = search(query);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY2(!result.resolved,
                 qPrintable(result.matches.isEmpty() ? QString() : result.matches.first().journal.title));
        for (const JournalMatch& match : result.matches)
            QCOMPARE(match.kind, MatchKind::Fuzzy);
        QVERIFY(!m_repository.findBest(query));
    }

    void ambiguousAbbreviationReturnsEveryJournal_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addRow("dotted") << "J. Zeta Res.";
        QTest::addRow("dotless lower case") << "j zeta res";
    }

    void ambiguousAbbreviationReturnsEveryJournal()
    {
        QFETCH(QString, query);
        const SearchResult result = search(query);
        QVERIFY(result.resolved);
        QCOMPARE(result.total, 2);
        // Both, the better cited first, each flagged.
        QCOMPARE(result.matches.at(0).journal.title, QStringLiteral("Journal of Zeta Reports"));
        QCOMPARE(result.matches.at(1).journal.title, QStringLiteral("Journal of Zeta Research"));
        for (const JournalMatch& match : result.matches) {
            QCOMPARE(match.kind, MatchKind::Abbreviation);
            QVERIFY(match.ambiguous);
            QCOMPARE(match.matchedBy(), QStringLiteral("abbreviation (ISO 4), ambiguous"));
        }
    }

    // Many matches: how well they match, then the newest impact factor; never the length of the name.
    void ranking_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("titles"); ///< the first matches, in order
        QTest::addRow("JAMA, then its sisters by IF")
            << "JAMA"
            << QStringList{"JAMA-JOURNAL OF THE AMERICAN MEDICAL ASSOCIATION", "JAMA Oncology", "JAMA Surgery"};
        QTest::addRow("BMJ, then BMJ Open") << "BMJ" << QStringList{"BMJ-British Medical Journal", "BMJ Open"};
        QTest::addRow("NEJM, then NEJM Evidence")
            << "NEJM" << QStringList{"NEW ENGLAND JOURNAL OF MEDICINE", "NEJM Evidence"};
        QTest::addRow("cancer: exact, whole-word start, part of a word, whole word inside by IF")
            << "cancer"
            << QStringList{"CANCER", "Cancer Cell", "Cancerous Studies", "CA-A CANCER JOURNAL FOR CLINICIANS",
                           "Nature Reviews Cancer"};
    }

    void ranking()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, titles);
        const SearchResult result = search(query);
        QStringList actual;
        for (qsizetype i = 0; i < result.matches.size() && i < titles.size(); ++i)
            actual << result.matches.at(i).journal.title;
        QCOMPARE(actual, titles);
    }

    void matchesSayHowInJson()
    {
        const QJsonObject json = search(QStringLiteral("Nat Commun")).matches.first().toJson();
        QCOMPARE(json.value(QStringLiteral("match")).toString(), QStringLiteral("abbreviation"));
        QCOMPARE(json.value(QStringLiteral("matchedBy")).toString(), QStringLiteral("abbreviation (ISO 4)"));
        QCOMPARE(json.value(QStringLiteral("abbreviationKind")).toString(), QStringLiteral("iso4"));
        QCOMPARE(json.value(QStringLiteral("ambiguous")).toBool(), false);
        QCOMPARE(search(QStringLiteral("Journal of Testing Sciense")).matches.first().matchNote(),
                 QStringLiteral("matched by close spelling: Journal of Testing Science"));
    }

    // The GUI completes with the abbreviations too: half an abbreviation offers its journal.
    void completionOffersAbbreviations()
    {
        const SearchResult result = search(QStringLiteral("IEEE Trans. Pattern An"), 5);
        QVERIFY(!result.matches.isEmpty());
        QCOMPARE(result.matches.first().journal.issn, QStringLiteral("0162-8828"));
        QVERIFY(m_repository.completeNames(QStringLiteral("Nat. Comm")).contains(QStringLiteral("Nat. Commun.")));
    }
};

QTEST_GUILESS_MAIN(TestSearchMatching)
#include "tst_searchmatching.moc"
