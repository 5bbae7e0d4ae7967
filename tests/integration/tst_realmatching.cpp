// Journal names as researchers write them, on the real data: the JabRef lists (../shared/abbrv) imported with the
// ShowJCR files (../shared/showjcr), searched through JournalRepository as the tools, the CLI and the GUI do.
//
// Sampled abbreviations, the rule (sampledAbbreviations_data):
//   1. Journals of JCR 2025 in order of impact factor, highest first, whose title has a key (TextNormalizer::titleKey)
//      of its own in JCR 2025 (no second row with that key).
//   2. A list row belongs to a journal when its full name has the same key as the JCR title: exact, none of the
//      importer's looser rules, so the sample does not depend on them.
//   3. The row's abbreviation is kept when its key differs from the full name's (a real abbreviation, not the
//      title again), stands for that one full-name key across all 19 lists, and is no other JCR 2025 title's key.
//   4. Forms: "ISO 4 dotted" (an ISO 4 list row that has a dot, as written), "dotless" (the same kind of row, dots
//      removed), "lower case" (dots removed, lower case), "MEDLINE" (entrez/medicus rows as written). The first
//      row per journal and form; the dotted, dotless and lower-case forms take the 1st–20th, 21st–40th and
//      41st–60th eligible journals, MEDLINE the 1st–20th of its own: 80 queries, 80 journals or more.
// Each must give as its first match the JCR 2025 row's journal (its ISSN or EISSN).
#include "abbreviationreader.h"
#include "csvheader.h"
#include "csvreader.h"
#include "datasource.h"
#include "fixturedatabase.h"
#include "journalrepository.h"
#include "testpaths.h"
#include "textnormalizer.h"

#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

namespace {

struct JcrRow
{
    QString title;
    QString issn;
    QString eissn;
    double impactFactor = -1;
};

QString mismatchOf(const jcr::JournalSummary& journal, const QString& issn, const QString& eissn)
{
    const QStringList expected{issn, eissn};
    for (const QString& number : expected) {
        if (!number.isEmpty() && (journal.issn == number || journal.eissn == number))
            return QString();
    }
    return QStringLiteral("%1 (ISSN %2 / EISSN %3), expected ISSN %4 / EISSN %5")
        .arg(journal.title, journal.issn, journal.eissn, issn, eissn);
}

QString withoutDots(QString text)
{
    return text.replace(QLatin1Char('.'), QLatin1Char(' ')).simplified();
}

} // namespace

class TestRealMatching : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sampledAbbreviations_data();
    void sampledAbbreviations();
    void everydayNames_data();
    void everydayNames();
    void typosAnsweredDirectly_data();
    void typosAnsweredDirectly();
    void manyMatchesByImportance_data();
    void manyMatchesByImportance();

private:
    QList<JcrRow> readJcr2025(QString* error) const;

    QTemporaryDir m_dir;
    jcr::JournalRepository m_repository;
};

void TestRealMatching::initTestCase()
{
    const QString missing = jcr::test::realDataMissing();
    if (!missing.isEmpty())
        QSKIP(qPrintable(missing));
    QString error;
    QVERIFY2(jcr::test::openRealDatabase(m_dir.filePath(QStringLiteral("journals.db")), m_repository, &error),
             qPrintable(error));
    m_repository.warmUp();
}

QList<JcrRow> TestRealMatching::readJcr2025(QString* error) const
{
    QFile file(jcr::test::showJcrDir() + QStringLiteral("/JCR2025-UTF8.csv"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    const QList<QStringList> table = jcr::CsvReader::readAll(file.readAll());
    const QStringList header = table.value(0);
    const int title = int(header.indexOf(QStringLiteral("Journal"))),
              issn = int(header.indexOf(QStringLiteral("ISSN"))), eissn = int(header.indexOf(QStringLiteral("EISSN"))),
              impact = int(header.indexOf(QStringLiteral("IF(2025)")));
    QList<JcrRow> rows;
    for (qsizetype i = 1; i < table.size(); ++i) {
        const QStringList& row = table.at(i);
        bool ok = false;
        const double value = jcr::fieldAt(row, impact).toDouble(&ok);
        rows.append({jcr::fieldAt(row, title),
                     jcr::TextNormalizer::formatIssn(jcr::TextNormalizer::normalizeIssn(jcr::fieldAt(row, issn))),
                     jcr::TextNormalizer::formatIssn(jcr::TextNormalizer::normalizeIssn(jcr::fieldAt(row, eissn))),
                     ok ? value : -1});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const JcrRow& a, const JcrRow& b) { return a.impactFactor > b.impactFactor; });
    return rows;
}

void TestRealMatching::sampledAbbreviations_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("issn");
    QTest::addColumn<QString>("eissn");
    if (!jcr::test::realDataMissing().isEmpty())
        QSKIP("no real data");

    QString error;
    const QList<JcrRow> journals = readJcr2025(&error);
    QVERIFY2(!journals.isEmpty(), qPrintable(error));
    QHash<QString, int> titleKeys; // key → how many JCR 2025 rows have it
    for (const JcrRow& row : journals)
        ++titleKeys[jcr::TextNormalizer::titleKey(row.title)];

    // Every list row, and which full-name keys each abbreviation key stands for across the lists.
    QList<jcr::AbbreviationRow> rows;
    QHash<QString, QSet<QString>> fullNamesOf;
    for (const jcr::SourceFile& list : jcr::DataSource::fromFolder(jcr::test::abbreviationsDir(), &error)) {
        for (const jcr::AbbreviationRow& row : jcr::AbbreviationReader::read(list.fileName(), list.content()).rows) {
            rows.append(row);
            fullNamesOf[jcr::TextNormalizer::titleKey(row.abbreviation)].insert(
                jcr::TextNormalizer::titleKey(row.fullName));
        }
    }
    // Rule 2 and 3: the usable rows of each full-name key, ISO 4 with a dot and MEDLINE.
    QHash<QString, QString> iso4, medline;
    for (const jcr::AbbreviationRow& row : std::as_const(rows)) {
        const QString fullKey = jcr::TextNormalizer::titleKey(row.fullName);
        const QString key = jcr::TextNormalizer::titleKey(row.abbreviation);
        if (key.isEmpty() || key == fullKey || fullNamesOf.value(key).size() != 1 || titleKeys.contains(key))
            continue;
        if (row.kind == jcr::AbbreviationRow::Kind::Iso4 && row.abbreviation.contains(QLatin1Char('.')) &&
            !iso4.contains(fullKey))
            iso4.insert(fullKey, row.abbreviation);
        else if (row.kind == jcr::AbbreviationRow::Kind::Medline && !medline.contains(fullKey))
            medline.insert(fullKey, row.abbreviation);
    }
    int dotted = 0, medlineCount = 0;
    for (const JcrRow& journal : journals) {
        const QString key = jcr::TextNormalizer::titleKey(journal.title);
        if (titleKeys.value(key) != 1 || (journal.issn.isEmpty() && journal.eissn.isEmpty()))
            continue;
        if (iso4.contains(key) && dotted < 60) {
            const QString abbreviation = iso4.value(key);
            const QString query = dotted < 20   ? abbreviation
                                  : dotted < 40 ? withoutDots(abbreviation)
                                                : withoutDots(abbreviation).toLower();
            const char* form = dotted < 20 ? "ISO 4 dotted" : dotted < 40 ? "dotless" : "lower case";
            QTest::addRow("%s: %s", form, qPrintable(query)) << query << journal.issn << journal.eissn;
            ++dotted;
        }
        if (medline.contains(key) && medlineCount < 20) {
            const QString query = medline.value(key);
            QTest::addRow("MEDLINE: %s", qPrintable(query)) << query << journal.issn << journal.eissn;
            ++medlineCount;
        }
    }
    QCOMPARE(dotted, 60);
    QCOMPARE(medlineCount, 20);
}

void TestRealMatching::sampledAbbreviations()
{
    QFETCH(QString, query);
    QFETCH(QString, issn);
    QFETCH(QString, eissn);
    const jcr::SearchResult result = m_repository.search(query);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY2(result.resolved && !result.matches.isEmpty(), qPrintable(query));
    const jcr::JournalMatch& first = result.matches.first();
    const QString mismatch = mismatchOf(first.journal, issn, eissn);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch + QStringLiteral(", matched by ") + first.matchedBy()));
    QVERIFY2(first.kind == jcr::MatchKind::Abbreviation || first.kind == jcr::MatchKind::Alias,
             qPrintable(first.matchedBy()));
}

void TestRealMatching::everydayNames_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("issn"); ///< ISSN or EISSN of the journal everyone means

    const QList<QPair<const char*, const char*>> names{
        {"JAMA", "0098-7484"},
        {"BMJ", "0959-535X"},
        {"PNAS", "0027-8424"},
        {"JACS", "0002-7863"},
        {"NEJM", "0028-4793"},
        {"N Engl J Med", "0028-4793"},
        {"IEEE TPAMI", "0162-8828"},
        {"Commun. ACM", "0001-0782"},
        {"CACM", "0001-0782"},
        {"Nat Commun", "2041-1723"},
        {"Nat. Commun.", "2041-1723"},
        {"nat commun", "2041-1723"},
        {"J Am Chem Soc", "0002-7863"},
        {"J. Am. Chem. Soc.", "0002-7863"},
        {"Phys. Rev. Lett.", "0031-9007"},
        {"Proc Natl Acad Sci U S A", "0027-8424"},
        {"Angew. Chem. Int. Ed.", "1433-7851"},
        {"Adv Mater", "0935-9648"},
        {"IEEE Trans. Pattern Anal. Mach. Intell.", "0162-8828"},
        {"IEEE Trans Pattern Anal Mach Intell", "0162-8828"},
        {"Sci Adv", "2375-2548"},
        {"CA", "0007-9235"},
        {"IEEE TKDE", "1041-4347"},
        {"ACM TOCS", "0734-2071"},
        {"IEEE_O_ACC", "2169-3536"}, // IEEEabrv.bib's string macro, as `journal = IEEE_O_ACC` leaves it
    };
    for (const auto& [query, issn] : names)
        QTest::addRow("%s", query) << QString::fromUtf8(query) << QString::fromUtf8(issn);
}

void TestRealMatching::everydayNames()
{
    QFETCH(QString, query);
    QFETCH(QString, issn);
    const jcr::SearchResult result = m_repository.search(query);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY2(result.resolved && !result.matches.isEmpty(), qPrintable(query));
    const jcr::JournalMatch& first = result.matches.first();
    // Compared through an ISSN search: the journal may carry the number as ISSN or EISSN.
    const jcr::SearchResult byIssn = m_repository.search(issn);
    QVERIFY2(!byIssn.matches.isEmpty(), qPrintable(issn));
    QVERIFY2(first.journal.id == byIssn.matches.first().journal.id,
             qPrintable(QStringLiteral("%1 gave %2 (%3), expected %4")
                            .arg(query, first.journal.title, first.matchedBy(), byIssn.matches.first().journal.title)));
    QVERIFY2(first.kind != jcr::MatchKind::Fuzzy && first.kind != jcr::MatchKind::Substring,
             qPrintable(first.matchedBy()));
    QVERIFY(!first.ambiguous);
}

void TestRealMatching::typosAnsweredDirectly_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("issn");
    QTest::addRow("Saciety") << "Journal of the American Chemical Saciety"
                             << "0002-7863";
    QTest::addRow("Intalligence") << "IEEE Transactions on Pattern Analysis and Machine Intalligence"
                                  << "0162-8828";
}

void TestRealMatching::typosAnsweredDirectly()
{
    QFETCH(QString, query);
    QFETCH(QString, issn);
    const jcr::SearchResult result = m_repository.search(query);
    QVERIFY2(result.resolved && !result.matches.isEmpty(), qPrintable(query));
    const jcr::JournalMatch& first = result.matches.first();
    QCOMPARE(first.kind, jcr::MatchKind::Fuzzy);
    QVERIFY2(mismatchOf(first.journal, issn, QString()).isEmpty() || first.journal.eissn == issn,
             qPrintable(first.journal.title));
    QCOMPARE(first.matchNote(), QStringLiteral("matched by close spelling: ") + first.journal.title);
}

void TestRealMatching::manyMatchesByImportance_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("firstIssn");
    QTest::addRow("Nature") << "Nature"
                            << "0028-0836";
    QTest::addRow("JAMA") << "JAMA"
                          << "0098-7484";
    QTest::addRow("Cell") << "Cell"
                          << "0092-8674";
    QTest::addRow("cancer") << "cancer"
                            << "0008-543X";
}

void TestRealMatching::manyMatchesByImportance()
{
    QFETCH(QString, query);
    QFETCH(QString, firstIssn);
    jcr::SearchOptions options;
    options.limit = 11;
    const jcr::SearchResult result = m_repository.search(query, options);
    QCOMPARE(result.matches.size(), 11);
    QVERIFY2(mismatchOf(result.matches.first().journal, firstIssn, QString()).isEmpty(),
             qPrintable(result.matches.first().journal.title));
    // The next ten all start with the query as a whole word ("Nature Reviews …", "JAMA Oncology", "Cancer Cell"):
    // equally good matches, so the most cited come first, whatever the length of their names.
    for (qsizetype i = 2; i < result.matches.size(); ++i) {
        const jcr::JournalSummary& before = result.matches.at(i - 1).journal;
        const jcr::JournalSummary& after = result.matches.at(i).journal;
        QCOMPARE(result.matches.at(i).kind, jcr::MatchKind::Prefix);
        QVERIFY2(before.latestImpactFactor.value_or(-1) >= after.latestImpactFactor.value_or(-1),
                 qPrintable(QStringLiteral("%1 (%2) before %3 (%4)")
                                .arg(before.title)
                                .arg(before.latestImpactFactor.value_or(-1))
                                .arg(after.title)
                                .arg(after.latestImpactFactor.value_or(-1))));
    }
}

QTEST_GUILESS_MAIN(TestRealMatching)
#include "tst_realmatching.moc"
