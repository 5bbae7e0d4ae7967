// ReferenceChecker on the real data (../shared/showjcr + ../shared/abbrv) with a realistic reference list
// (tests/data/fixtures/references/realistic.bib, 59 entries): every entry resolved to the right journal or
// conference, or classified as a preprint, a work without venue, a placeholder or unresolved — as expected.
// Journals are identified by the ISSN/EISSN that JCR2025-UTF8.csv gives for their title, their IF by that file
// and their CAS zone by FQBJCR2025-UTF8.csv; conferences by their CCF2026 abbreviation; the warning-listed
// journal by GJQKYJMD2025.csv. No value is written here that the CSV files hold.
#include "csvreader.h"
#include "fixturedatabase.h"
#include "journalrepository.h"
#include "referencechecker.h"
#include "testpaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace jcr;

namespace {

/// The rows of a ShowJCR CSV file as column name → value.
QList<QHash<QString, QString>> readCsv(const QString& name)
{
    QFile file(test::showJcrDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows = CsvReader::readAll(file.readAll());
    if (rows.isEmpty())
        return {};
    QStringList header = rows.takeFirst();
    for (QString& column : header)
        column = column.trimmed().remove(QChar(0xFEFF));
    QList<QHash<QString, QString>> objects;
    for (const QStringList& row : std::as_const(rows)) {
        QHash<QString, QString> object;
        for (int i = 0; i < header.size() && i < row.size(); ++i)
            object.insert(header.at(i), row.at(i).trimmed());
        objects << object;
    }
    return objects;
}

QString normalIssn(const QString& issn)
{
    return issn == QLatin1String("N/A") ? QString() : issn.toUpper();
}

const CheckedReference* byKey(const ReferenceReport& report, const QString& key)
{
    for (const CheckedReference& reference : report.entries) {
        if (reference.entry.key == key)
            return &reference;
    }
    return nullptr;
}

} // namespace

class TestCheckReferences : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void journals_data();
    void journals();
    void abbreviations_data();
    void abbreviations();
    void conferences_data();
    void conferences();
    void setAside_data();
    void setAside();
    void warningList();
    void summary();

private:
    /// The JCR2025 row of the journal titled `title` (case-insensitive).
    QHash<QString, QString> jcrRow(const QString& title) const;
    void verifyJournal(const CheckedReference& reference, const QString& jcrTitle) const;

    QTemporaryDir m_dir;
    JournalRepository m_repository;
    ReferenceReport m_report;
    QList<QHash<QString, QString>> m_jcr;
    QList<QHash<QString, QString>> m_cas;
    QList<QHash<QString, QString>> m_ccf;
};

void TestCheckReferences::initTestCase()
{
    const QString missing = test::realDataMissing();
    if (!missing.isEmpty())
        QSKIP(qPrintable(missing));
    QString error;
    QVERIFY2(test::openRealDatabase(m_dir.filePath(QStringLiteral("journals.db")), m_repository, &error),
             qPrintable(error));

    m_jcr = readCsv(QStringLiteral("JCR2025-UTF8.csv"));
    m_cas = readCsv(QStringLiteral("FQBJCR2025-UTF8.csv"));
    m_ccf = readCsv(QStringLiteral("CCF2026-UTF8.csv"));
    QVERIFY(!m_jcr.isEmpty() && !m_cas.isEmpty() && !m_ccf.isEmpty());

    QFile list(test::fixturesDir() + QStringLiteral("/references/realistic.bib"));
    QVERIFY(list.open(QIODevice::ReadOnly));
    ReferenceChecker checker(m_repository);
    m_report = checker.check(list.readAll());
    QVERIFY2(m_report.ok(), qPrintable(m_report.error));
    QCOMPARE(m_report.format, QStringLiteral("bibtex"));
    QVERIFY(m_report.entries.size() >= 40);
}

QHash<QString, QString> TestCheckReferences::jcrRow(const QString& title) const
{
    for (const auto& row : m_jcr) {
        if (row.value(QStringLiteral("Journal")).compare(title, Qt::CaseInsensitive) == 0)
            return row;
    }
    return {};
}

void TestCheckReferences::verifyJournal(const CheckedReference& reference, const QString& jcrTitle) const
{
    const QHash<QString, QString> row = jcrRow(jcrTitle);
    QVERIFY2(!row.isEmpty(), qPrintable(jcrTitle + QStringLiteral(" is not in JCR2025-UTF8.csv")));
    const QString issn = normalIssn(row.value(QStringLiteral("ISSN")));
    const QString eissn = normalIssn(row.value(QStringLiteral("EISSN")));
    QVERIFY2(reference.journal, qPrintable(reference.entry.key + QStringLiteral(": ") + reference.status));
    // The same journal: each ISSN the answer gives is one the CSV gives, and at least one is given.
    const QStringList expected{issn, eissn};
    const QString gotIssn = reference.journal->issn.toUpper();
    const QString gotEissn = reference.journal->eissn.toUpper();
    QVERIFY2(!gotIssn.isEmpty() || !gotEissn.isEmpty(), qPrintable(reference.journal->title));
    QVERIFY2(gotIssn.isEmpty() || expected.contains(gotIssn), qPrintable(gotIssn + QStringLiteral(" of ") + jcrTitle));
    QVERIFY2(gotEissn.isEmpty() || expected.contains(gotEissn),
             qPrintable(gotEissn + QStringLiteral(" of ") + jcrTitle));
    // Its newest facts are those of the 2025 files.
    QCOMPARE(reference.jcrYear, 2025);
    bool numeric = false;
    const double impactFactor = row.value(QStringLiteral("IF(2025)")).toDouble(&numeric);
    if (numeric)
        QCOMPARE(reference.impactFactor.value_or(-1), impactFactor);
    for (const auto& cas : m_cas) {
        const QStringList issns = cas.value(QStringLiteral("ISSN/EISSN")).toUpper().split(QLatin1Char('/'));
        if ((!issn.isEmpty() && issns.contains(issn)) || (!eissn.isEmpty() && issns.contains(eissn))) {
            QCOMPARE(reference.casYear, 2025);
            QCOMPARE(reference.casPartition, cas.value(QStringLiteral("大类分区")).left(1).toInt());
            QCOMPARE(reference.casTop, cas.value(QStringLiteral("Top")) == QStringLiteral("是"));
            break;
        }
    }
}

void TestCheckReferences::journals_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("jcrTitle"); // the title as JCR2025-UTF8.csv writes it
    const QList<QPair<const char*, const char*>> journals{
        {"watson1953", "NATURE"},
        {"science2020", "SCIENCE"},
        {"cell2021", "CELL"},
        {"lancet2020", "LANCET"},
        {"nejm2021", "NEW ENGLAND JOURNAL OF MEDICINE"},
        {"pnas2019", "PROCEEDINGS OF THE NATIONAL ACADEMY OF SCIENCES OF THE UNITED STATES OF AMERICA"},
        {"jacs2018", "Journal of the American Chemical Society"},
        {"prl2016", "PHYSICAL REVIEW LETTERS"},
        {"advmat2022", "ADVANCED MATERIALS"},
        {"nar2023", "NUCLEIC ACIDS RESEARCH"},
        {"bioinf2020", "BIOINFORMATICS"},
        {"tpami2021", "IEEE TRANSACTIONS ON PATTERN ANALYSIS AND MACHINE INTELLIGENCE"},
        {"cacm2019", "COMMUNICATIONS OF THE ACM"},
        {"jmlr2014", "JOURNAL OF MACHINE LEARNING RESEARCH"},
        {"plosone2018", "PLoS One"},
        {"scirep2017", "Scientific Reports"},
        {"natmed2020", "NATURE MEDICINE"},
        {"chemrev2019", "CHEMICAL REVIEWS"},
        {"ees2021", "Energy & Environmental Science"},
        {"watres2022", "WATER RESEARCH"},
        {"sciadv2020", "Science Advances"},
        {"natcomm2019", "Nature Communications"},
        {"issn-nature", "NATURE"},
        {"issn-as-journal", "NATURE"},
    };
    for (const auto& [key, title] : journals)
        QTest::newRow(key) << QString::fromUtf8(key) << QString::fromUtf8(title);
}

void TestCheckReferences::journals()
{
    QFETCH(QString, key);
    QFETCH(QString, jcrTitle);
    const CheckedReference* reference = byKey(m_report, key);
    QVERIFY(reference);
    QCOMPARE(reference->status, QStringLiteral("resolved"));
    verifyJournal(*reference, jcrTitle);
    QVERIFY2(reference->matchedBy == QLatin1String("exact") || reference->matchedBy == QLatin1String("issn"),
             qPrintable(reference->matchedBy));
}

void TestCheckReferences::abbreviations_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("jcrTitle");
    const QList<QPair<const char*, const char*>> abbreviations{
        {"iso-natcomm", "Nature Communications"},
        {"iso-jacs", "Journal of the American Chemical Society"},
        {"iso-prl", "PHYSICAL REVIEW LETTERS"},
        {"iso-advmat", "ADVANCED MATERIALS"},
        {"iso-pnas", "PROCEEDINGS OF THE NATIONAL ACADEMY OF SCIENCES OF THE UNITED STATES OF AMERICA"},
        {"iso-nar", "NUCLEIC ACIDS RESEARCH"},
        {"iso-chemrev", "CHEMICAL REVIEWS"},
        {"iso-watres", "WATER RESEARCH"},
        {"med-natmed", "NATURE MEDICINE"},
        {"med-nejm", "NEW ENGLAND JOURNAL OF MEDICINE"},
        {"med-pnas", "PROCEEDINGS OF THE NATIONAL ACADEMY OF SCIENCES OF THE UNITED STATES OF AMERICA"},
        {"med-jacs", "Journal of the American Chemical Society"},
        {"med-chemrev", "CHEMICAL REVIEWS"},
    };
    for (const auto& [key, title] : abbreviations)
        QTest::newRow(key) << QString::fromUtf8(key) << QString::fromUtf8(title);
}

void TestCheckReferences::abbreviations()
{
    // Whether an abbreviation resolves is the search's business (issue 11); the checker's is to take every
    // sure answer the search gives and never a guess. So: when the search itself answers the abbreviation
    // with a sure match, the entry must resolve to the right journal; otherwise it must stay unresolved.
    QFETCH(QString, key);
    QFETCH(QString, jcrTitle);
    const CheckedReference* reference = byKey(m_report, key);
    QVERIFY(reference);
    const SearchResult search = m_repository.search(reference->entry.venue);
    const bool sure = !search.matches.isEmpty() && search.matches.first().kind != MatchKind::Prefix &&
                      search.matches.first().kind != MatchKind::Substring &&
                      search.matches.first().kind != MatchKind::Fuzzy;
    if (sure && reference->status != QLatin1String("ambiguous")) {
        QCOMPARE(reference->status, QStringLiteral("resolved"));
        verifyJournal(*reference, jcrTitle);
    } else {
        QVERIFY2(!reference->journal, qPrintable(reference->status)); // never a guessed journal
        QVERIFY(reference->status == QLatin1String("unresolved") || reference->status == QLatin1String("ambiguous"));
        QVERIFY(!reference->toJson().value(QStringLiteral("journal")).isObject());
    }
}

void TestCheckReferences::conferences_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("ccfAbbreviation"); // 刊物名称 in CCF2026-UTF8.csv
    QTest::newRow("CVPR") << "he2016"
                          << "CVPR";
    QTest::newRow("NeurIPS") << "vaswani2017"
                             << "NeurIPS";
    QTest::newRow("ICML") << "icml2023"
                          << "ICML";
    QTest::newRow("AAAI") << "aaai2021"
                          << "AAAI";
    QTest::newRow("ACL") << "acl2023"
                         << "ACL";
    QTest::newRow("KDD") << "kdd2023"
                         << "SIGKDD";
    QTest::newRow("ICSE") << "icse2023"
                          << "ICSE";
    QTest::newRow("ICLR") << "iclr2021"
                          << "ICLR";
    QTest::newRow("OSDI") << "osdi2023"
                          << "OSDI";
}

void TestCheckReferences::conferences()
{
    QFETCH(QString, key);
    QFETCH(QString, ccfAbbreviation);
    QHash<QString, QString> row;
    for (const auto& ccf : m_ccf) {
        if (ccf.value(QStringLiteral("刊物名称")) == ccfAbbreviation &&
            ccf.value(QStringLiteral("CCF推荐类别（国际学术刊物/会议）")).contains(QStringLiteral("会议")))
            row = ccf;
    }
    QVERIFY2(!row.isEmpty(), qPrintable(ccfAbbreviation));
    const CheckedReference* reference = byKey(m_report, key);
    QVERIFY(reference);
    QCOMPARE(reference->status, QStringLiteral("resolved"));
    QVERIFY(reference->journal);
    QCOMPARE(reference->journal->title.toCaseFolded(), row.value(QStringLiteral("Journal")).toCaseFolded());
    QCOMPARE(reference->journal->venueType, QStringLiteral("conference"));
    QCOMPARE(reference->ccfEdition, 2026);
    QCOMPARE(reference->ccfRank, row.value(QStringLiteral("CCF推荐类型")).left(1));
}

void TestCheckReferences::setAside_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("detail");
    QTest::newRow("arXiv eprint") << "attention2017"
                                  << "preprint"
                                  << "arXiv";
    QTest::newRow("arXiv as journal") << "arxivjournal"
                                      << "preprint"
                                      << "arXiv";
    QTest::newRow("DBLP CoRR") << "corr2015"
                               << "preprint"
                               << "arXiv";
    QTest::newRow("bioRxiv") << "biorxiv2023"
                             << "preprint"
                             << "bioRxiv";
    QTest::newRow("SSRN by URL") << "ssrn2020"
                                 << "preprint"
                                 << "SSRN";
    QTest::newRow("book") << "knuth1997"
                          << "no_venue"
                          << "book";
    QTest::newRow("thesis") << "thesis2019"
                            << "no_venue"
                            << "phdthesis";
    QTest::newRow("report") << "report2020"
                            << "no_venue"
                            << "techreport";
    QTest::newRow("[FILL]") << "unfinished"
                            << "placeholder"
                            << "[FILL]";
    QTest::newRow("TODO") << "todo"
                          << "placeholder"
                          << "TODO";
    QTest::newRow("unknown journal") << "imaginary"
                                     << "unresolved"
                                     << "";
    QTest::newRow("only the start of titles") << "vague"
                                              << "unresolved"
                                              << "";
}

void TestCheckReferences::setAside()
{
    QFETCH(QString, key);
    QFETCH(QString, status);
    QFETCH(QString, detail);
    const CheckedReference* reference = byKey(m_report, key);
    QVERIFY(reference);
    QCOMPARE(reference->status, status);
    QCOMPARE(reference->detail, detail);
    QVERIFY(!reference->journal);
}

void TestCheckReferences::warningList()
{
    const QList<QHash<QString, QString>> warnings = readCsv(QStringLiteral("GJQKYJMD2025.csv"));
    QVERIFY(!warnings.isEmpty());
    const CheckedReference* reference = byKey(m_report, QStringLiteral("warned2025"));
    QVERIFY(reference && reference->journal);
    QCOMPARE(reference->journal->title.toCaseFolded(),
             warnings.first().value(QStringLiteral("Journal")).toCaseFolded());
    bool listed2025 = false;
    for (const WarningFact& warning : reference->warnings)
        listed2025 = listed2025 || warning.year == 2025;
    QVERIFY(listed2025);
}

void TestCheckReferences::summary()
{
    const ReferenceSummary& s = m_report.summary;
    QCOMPARE(s.entries, int(m_report.entries.size()));
    QCOMPARE(s.byStatus.value(QStringLiteral("preprint")), 5);
    QCOMPARE(s.byStatus.value(QStringLiteral("no_venue")), 3);
    QCOMPARE(s.byStatus.value(QStringLiteral("placeholder")), 2);
    // Only the warning-listed journal is a warning hit.
    QCOMPARE(s.warningHits.size(), 1);
    QCOMPARE(m_report.entries.at(s.warningHits.first()).entry.key, QStringLiteral("warned2025"));
    QStringList unresolved;
    for (int index : s.unresolved)
        unresolved << m_report.entries.at(index).entry.key;
    for (const char* key : {"unfinished", "todo", "imaginary", "vague"})
        QVERIFY2(unresolved.contains(QLatin1String(key)), key);
    // Every conference counts once under CCF A (the nine of the list are all class A in CCF 2026), and the
    // journals with a CCF class too.
    int ccf = 0;
    for (const CheckedReference& reference : m_report.entries)
        ccf += reference.ccfRank.isEmpty() ? 0 : 1;
    int counted = 0;
    for (int count : s.ccfClasses)
        counted += count;
    QCOMPARE(counted, ccf);
    QVERIFY(s.ccfClasses.value(QStringLiteral("A")) >= 9);
    int quartiles = 0;
    for (int count : s.jcrQuartiles)
        quartiles += count;
    int journals = 0;
    for (const CheckedReference& reference : m_report.entries)
        journals += reference.resolved() && reference.journal->venueType != QLatin1String("conference") ? 1 : 0;
    QCOMPARE(quartiles, journals);
}

QTEST_GUILESS_MAIN(TestCheckReferences)
#include "tst_checkreferences.moc"
