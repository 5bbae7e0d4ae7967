// Integration test on the full ShowJCR data (../shared/showjcr): builds the database once and checks that
// what the repository answers equals what the CSV files say. The expected values are read from the files
// here, with this test's own small parsing, never typed in: the files change upstream every year, and a
// hard-coded number would only test that the data did not change.

#include "csvheader.h"
#include "csvreader.h"
#include "dataimporter.h"
#include "datasource.h"
#include "journalrepository.h"
#include "testpaths.h"

#include <QSet>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

/// One CSV file as the test itself reads it: kind and year from the file name, header, data rows.
struct Table
{
    QString fileName;
    QString kind; ///< jcr, cas, warning, ccf, ccf-chinese, ccft, xr, other
    int year = 0;
    QByteArray bytes;
    jcr::CsvHeader header;
    QList<QStringList> rows; ///< data rows, header excluded
};

/// The kind and year a ShowJCR file name gives, decided here independently of SourceFile::kindOf.
void classify(const QString& fileName, QString* kind, int* year)
{
    static const QList<QPair<QString, QString>> patterns{
        {QStringLiteral("^JCR(\\d{4})"), QStringLiteral("jcr")},
        {QStringLiteral("^FQBJCR(\\d{4})"), QStringLiteral("cas")},
        {QStringLiteral("^GJQKYJMD(\\d{4})"), QStringLiteral("warning")},
        {QStringLiteral("^CCFChinese(\\d{4})"), QStringLiteral("ccf-chinese")},
        {QStringLiteral("^CCFT(\\d{4})"), QStringLiteral("ccft")},
        {QStringLiteral("^CCF(\\d{4})"), QStringLiteral("ccf")},
        {QStringLiteral("^XR(\\d{4})"), QStringLiteral("xr")},
    };
    for (const auto& [pattern, name] : patterns) {
        const QRegularExpressionMatch match = QRegularExpression(pattern).match(fileName);
        if (match.hasMatch()) {
            *kind = name;
            *year = match.captured(1).toInt();
            return;
        }
    }
    *kind = QStringLiteral("other");
    *year = 0;
}

QString folded(const QString& text)
{
    return text.trimmed().toCaseFolded();
}

bool isNumber(const QString& text)
{
    static const QRegularExpression number(QStringLiteral("^\\d+(\\.\\d+)?$"));
    return number.match(text.trimmed()).hasMatch();
}

/// "Q1".."Q4", anything else (N/A, empty) → "": no quartile may be invented.
QString quartileOf(const QString& text)
{
    static const QRegularExpression quartile(QStringLiteral("^Q[1-4]$"));
    const QString upper = text.trimmed().toUpper();
    return quartile.match(upper).hasMatch() ? upper : QString();
}

/// "3/319" → (3, 319); a date serial such as "45321" or "N/A" → (0, 0): not a rank.
QPair<int, int> rankOf(const QString& text)
{
    static const QRegularExpression rank(QStringLiteral("^(\\d+)/(\\d+)$"));
    const QRegularExpressionMatch match = rank.match(text.trimmed());
    return match.hasMatch() ? qMakePair(match.captured(1).toInt(), match.captured(2).toInt()) : qMakePair(0, 0);
}

struct Partition
{
    int partition = 0;
    int rank = 0;
    int total = 0;
};

/// "1" or "1 [15/495]".
Partition partitionOf(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^([1-4])(?:\\s*\\[(\\d+)/(\\d+)\\])?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt()};
}

QString issnOrEissnMatches(const jcr::JournalSummary& journal, const QString& issn)
{
    if (journal.issn.compare(issn, Qt::CaseInsensitive) == 0 || journal.eissn.compare(issn, Qt::CaseInsensitive) == 0)
        return QString();
    return QStringLiteral("ISSN %1 / EISSN %2, expected %3").arg(journal.issn, journal.eissn, issn);
}

} // namespace

class TestRealData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void rowCounts_data();
    void rowCounts();
    void sourceFiles();

    void profileValues_data();
    void profileValues();
    void queries_data();
    void queries();

    void searchRanking_data();
    void searchRanking();

    void linking_data();
    void linking();
    void sharedIssnInJcr2024_data();
    void sharedIssnInJcr2024();

    void ccfVenues_data();
    void ccfVenues();

private:
    /// Data rows of every table whose Journal (or 中文刊名) column equals one of `titles`, case-insensitively.
    QList<QPair<const Table*, QStringList>> rowsFor(const QStringList& titles) const;
    const Table* table(const QString& fileName) const;

    // Each check compares one file's rows with the profile and returns how many facts it compared.
    int checkJcr(const jcr::JournalProfile& profile, const Table& table, const QList<QStringList>& rows) const;
    int checkCas(const jcr::JournalProfile& profile, const Table& table, const QList<QStringList>& rows) const;
    int checkWarning(const jcr::JournalProfile& profile, const Table& table, const QList<QStringList>& rows) const;
    int checkCcf(const jcr::JournalProfile& profile, const Table& table, const QList<QStringList>& rows) const;
    int checkCcft(const jcr::JournalProfile& profile, const Table& table, const QList<QStringList>& rows) const;
    int checkXr(const jcr::JournalProfile& profile, const Table& table, const QList<QStringList>& rows) const;

    QTemporaryDir m_dir;
    QString m_databasePath;
    std::unique_ptr<jcr::JournalRepository> m_repository;
    QList<Table> m_tables;
};

void TestRealData::initTestCase()
{
    if (!jcr::test::hasShowJcrData())
        QSKIP(qPrintable(QStringLiteral("the real ShowJCR files are not in %1 (set JCR_MCP_DATA_SOURCE to the folder "
                                        "holding JCR2025-UTF8.csv to run this test)")
                             .arg(jcr::test::showJcrDir())));
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));

    const QDir folder(jcr::test::showJcrDir());
    for (const QString& name : folder.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
        QFile file(folder.filePath(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        Table table;
        table.fileName = name;
        classify(name, &table.kind, &table.year);
        table.bytes = file.readAll();
        QList<QStringList> rows = jcr::CsvReader::readAll(table.bytes);
        QVERIFY2(!rows.isEmpty(), qPrintable(name));
        table.header = jcr::CsvHeader(rows.takeFirst());
        table.rows = rows;
        m_tables.append(table);
    }
    QVERIFY(m_tables.size() >= 20);

    QString error;
    const QList<jcr::SourceFile> files = jcr::DataSource::fromFolder(folder.absolutePath(), &error);
    QVERIFY2(!files.isEmpty(), qPrintable(error));
    m_databasePath = m_dir.filePath(QStringLiteral("journals.db"));
    jcr::DataImporter importer;
    QVERIFY2(importer.build(files, m_databasePath, folder.absolutePath(), &error), qPrintable(error));

    m_repository = std::make_unique<jcr::JournalRepository>();
    QVERIFY2(m_repository->open(m_databasePath, &error), qPrintable(error));
}

const Table* TestRealData::table(const QString& fileName) const
{
    for (const Table& table : m_tables) {
        if (table.fileName == fileName)
            return &table;
    }
    return nullptr;
}

QList<QPair<const Table*, QStringList>> TestRealData::rowsFor(const QStringList& titles) const
{
    QSet<QString> wanted;
    for (const QString& title : titles)
        wanted.insert(folded(title));
    QList<QPair<const Table*, QStringList>> found;
    for (const Table& table : m_tables) {
        const int journal = table.header.indexOf(QStringLiteral("journal"));
        const int chinese = table.header.indexOf(QStringLiteral("中文刊名"));
        for (const QStringList& row : table.rows) {
            if (wanted.contains(folded(jcr::fieldAt(row, journal))) ||
                (chinese >= 0 && wanted.contains(folded(jcr::fieldAt(row, chinese)))))
                found.append({&table, row});
        }
    }
    return found;
}

// ---- 1. Row counts per file ---------------------------------------------------------------------------------

void TestRealData::rowCounts_data()
{
    QTest::addColumn<QString>("fileName");
    for (const Table& table : std::as_const(m_tables))
        QTest::addRow("%s", qPrintable(table.fileName)) << table.fileName;
}

void TestRealData::rowCounts()
{
    QFETCH(QString, fileName);
    const Table* csv = table(fileName);
    QVERIFY(csv);

    QString error;
    const jcr::DatabaseInfo info = m_repository->databaseInfo(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto source = std::find_if(info.sources.cbegin(), info.sources.cend(),
                                     [&](const jcr::SourceFileInfo& s) { return s.name == fileName; });
    QVERIFY2(source != info.sources.cend(), qPrintable(fileName + QStringLiteral(" is not listed in source_file")));

    // Every data row is counted (readAll skips blank lines; the header is not a row).
    QCOMPARE(source->rows, int(csv->rows.size()));
    QVERIFY(source->skippedRows >= 0 && source->skippedRows <= source->rows);
    if (csv->year > 0)
        QCOMPARE(source->year, csv->year);

    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(csv->bytes, QCryptographicHash::Sha256).toHex());
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(source->sha256).hasMatch(),
             qPrintable(source->sha256));
    QCOMPARE(source->sha256, sha256);
}

void TestRealData::sourceFiles()
{
    QString error;
    const jcr::DatabaseInfo info = m_repository->databaseInfo(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Every file once, nothing else.
    QStringList listed;
    int skipped = 0;
    int rows = 0;
    for (const jcr::SourceFileInfo& source : info.sources) {
        listed << source.name;
        skipped += source.skippedRows;
        rows += source.rows;
    }
    listed.sort();
    QStringList expected;
    for (const Table& table : std::as_const(m_tables))
        expected << table.fileName;
    expected.sort();
    QCOMPARE(listed, expected);

    // Rows without a usable title (one CCF row has an empty name) may be skipped, but only a handful.
    QVERIFY2(skipped <= 20, qPrintable(QStringLiteral("%1 of %2 rows skipped").arg(skipped).arg(rows)));
    QVERIFY(info.journals > 10000);
}

// ---- 2. Profile values equal the CSV values -----------------------------------------------------------------

void TestRealData::profileValues_data()
{
    QTest::addColumn<QString>("query");
    // Spellings of the journal as its rows' Journal (or 中文刊名) column writes them; compared case-insensitively.
    QTest::addColumn<QStringList>("titles");
    // The least number of facts (one per file row) the CSV must give, so that a typo here cannot make the
    // test compare nothing.
    QTest::addColumn<int>("minFacts");

    // Famous journals: JCR 2020–2025 and CAS 2021–2025.
    QTest::addRow("Nature") << "Nature" << QStringList{"Nature"} << 10;
    QTest::addRow("Science") << "Science" << QStringList{"Science"} << 10;
    QTest::addRow("Cell") << "Cell" << QStringList{"Cell"} << 10;
    QTest::addRow("Lancet, IF 109 without .0") << "Lancet" << QStringList{"Lancet"} << 10;
    QTest::addRow("NEJM") << "New England Journal of Medicine" << QStringList{"New England Journal of Medicine"} << 10;
    QTest::addRow("CA-A Cancer Journal for Clinicians")
        << "CA-A Cancer Journal for Clinicians" << QStringList{"CA-A Cancer Journal for Clinicians"} << 10;
    QTest::addRow("Nature Communications, case differs in JCR 2023")
        << "Nature Communications" << QStringList{"Nature Communications"} << 10;
    // CS journals with CCF ranks.
    QTest::addRow("TPAMI") << "IEEE Transactions on Pattern Analysis and Machine Intelligence"
                           << QStringList{"IEEE Transactions on Pattern Analysis and Machine Intelligence"} << 13;
    QTest::addRow("JACM") << "Journal of the ACM" << QStringList{"Journal of the ACM"} << 13;
    QTest::addRow("ACM Computing Surveys") << "ACM Computing Surveys" << QStringList{"ACM Computing Surveys"} << 10;
    QTest::addRow("TSE") << "IEEE Transactions on Software Engineering"
                         << QStringList{"IEEE Transactions on Software Engineering"} << 13;
    // Warning list, every list year: 2020/2021 levels, 2023 level, 2024/2025 reasons.
    QTest::addRow("Complexity, warned 2020 and 2021") << "Complexity" << QStringList{"Complexity"} << 12;
    QTest::addRow("Metals, warned 2020") << "Metals" << QStringList{"Metals"} << 11;
    QTest::addRow("Mathematical Problems in Engineering, warned 2020 and 2023")
        << "Mathematical Problems in Engineering" << QStringList{"Mathematical Problems in Engineering"} << 6;
    QTest::addRow("Textile Research Journal, warned 2023")
        << "Textile Research Journal" << QStringList{"Textile Research Journal"} << 11;
    QTest::addRow("Environmental Science and Pollution Research, warned 2024 for two reasons")
        << "Environmental Science and Pollution Research" << QStringList{"Environmental Science and Pollution Research"}
        << 8;
    QTest::addRow("Wireless Personal Communications, warned 2025")
        << "Wireless Personal Communications" << QStringList{"Wireless Personal Communications"} << 11;
    // Quirks from the data notes.
    QTest::addRow("JCR 2021 duplicate, value after N/A")
        << "Computer Music Journal" << QStringList{"Computer Music Journal"} << 6;
    QTest::addRow("JCR 2021 duplicate, N/A before value")
        << "Transactions of the Association for Computational Linguistics"
        << QStringList{"Transactions of the Association for Computational Linguistics"} << 10;
    QTest::addRow("AHCI-only, quartile N/A") << "Philosophical Review" << QStringList{"Philosophical Review"} << 6;
    QTest::addRow("rank turned into a date in 2023 and 2024")
        << "Living Reviews in Relativity" << QStringList{"Living Reviews in Relativity"} << 10;
    QTest::addRow("& in the title") << "Nature Reviews Earth & Environment"
                                    << QStringList{"Nature Reviews Earth & Environment"} << 8;
    // Chinese lists: CCF Chinese 2019 class and CCFT tiers.
    QTest::addRow("计算机学报") << QStringLiteral("计算机学报") << QStringList{QStringLiteral("计算机学报")} << 3;
    QTest::addRow("软件学报") << QStringLiteral("软件学报") << QStringList{QStringLiteral("软件学报")} << 3;
    QTest::addRow("CCFT tier changed T2 → T1")
        << "Big Data Mining and Analytics" << QStringList{"Big Data Mining and Analytics"} << 8;
    // Conferences: the CCF name and the XR name of CVPR differ, so each is checked under its own title.
    QTest::addRow("CVPR in CCF 2022/2026")
        << "IEEE/CVF Computer Vision and Pattern Recognition Conference"
        << QStringList{"IEEE/CVF Computer Vision and Pattern Recognition Conference"} << 2;
    QTest::addRow("CVPR in XR 2026") << "IEEE/CVF Conference on Computer Vision and Pattern Recognition"
                                     << QStringList{"IEEE/CVF Conference on Computer Vision and Pattern Recognition"}
                                     << 1;
}

void TestRealData::profileValues()
{
    QFETCH(QString, query);
    QFETCH(QStringList, titles);
    QFETCH(int, minFacts);

    QString error;
    const std::optional<jcr::JournalProfile> profile = m_repository->profile(query, &error);
    QVERIFY2(profile.has_value(), qPrintable(QStringLiteral("no profile for %1: %2").arg(query, error)));

    // Group the matching rows by file: a file may list a journal twice (JCR 2021) or in two CCF fields.
    QMap<QString, QList<QStringList>> byFile;
    for (const auto& [csv, row] : rowsFor(titles))
        byFile[csv->fileName].append(row);
    QVERIFY2(!byFile.isEmpty(), qPrintable(QStringLiteral("no CSV row names %1").arg(titles.join(", "))));

    int facts = 0;
    int expectedWarnings = 0;
    for (auto it = byFile.cbegin(); it != byFile.cend(); ++it) {
        const Table& csv = *table(it.key());
        if (csv.kind == QLatin1String("jcr"))
            facts += checkJcr(*profile, csv, it.value());
        else if (csv.kind == QLatin1String("cas"))
            facts += checkCas(*profile, csv, it.value());
        else if (csv.kind == QLatin1String("warning")) {
            facts += checkWarning(*profile, csv, it.value());
            ++expectedWarnings;
        } else if (csv.kind == QLatin1String("ccf") || csv.kind == QLatin1String("ccf-chinese"))
            facts += checkCcf(*profile, csv, it.value());
        else if (csv.kind == QLatin1String("ccft"))
            facts += checkCcft(*profile, csv, it.value());
        else if (csv.kind == QLatin1String("xr"))
            facts += checkXr(*profile, csv, it.value());
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(facts >= minFacts, qPrintable(QStringLiteral("only %1 facts compared").arg(facts)));
    // A journal off the warning list must not be shown on it; one on it, only for the years it is listed.
    QCOMPARE(profile->warnings.size(), expectedWarnings);
    QCOMPARE(profile->summary.onWarningList, expectedWarnings > 0);
}

int TestRealData::checkJcr(const jcr::JournalProfile& profile, const Table& csv, const QList<QStringList>& rows) const
{
    const jcr::CsvHeader& header = csv.header;
    const int ifColumn = header.indexOf(QStringLiteral("if\\(\\d{4}\\)"));
    const int quartileColumn = header.indexOf(QStringLiteral("ifquartile\\(\\d{4}\\)"));
    const int rankColumn = header.indexOf(QStringLiteral("(category|if)rank\\(\\d{4}\\)"));
    const int categoryColumn = header.indexOf(QStringLiteral("category"));
    const QList<int> groupCategories = header.indexesOf(QStringLiteral("category_\\d"));
    const QList<int> groupQuartiles = header.indexesOf(QStringLiteral("ifquartile\\(\\d{4}\\)_\\d"));
    const QList<int> groupRanks = header.indexesOf(QStringLiteral("ifrank\\(\\d{4}\\)_\\d"));
    const int year = header.yearIn(ifColumn);
    [&] { QCOMPARE(year, csv.year); }(); // the header and the file name agree on the year label
    const QString where = QStringLiteral("%1, %2").arg(csv.fileName, jcr::fieldAt(rows.first(), 0));

    // Duplicate rows: the one with a value wins, whichever comes first.
    QStringList row = rows.first();
    for (const QStringList& candidate : rows) {
        if (isNumber(jcr::fieldAt(candidate, ifColumn))) {
            row = candidate;
            break;
        }
    }

    const auto fact =
        std::find_if(profile.jcr.cbegin(), profile.jcr.cend(), [&](const jcr::JcrFact& f) { return f.year == year; });
    [&] {
        QVERIFY2(fact != profile.jcr.cend(),
                 qPrintable(QStringLiteral("no JCR %1 in the profile (%2)").arg(year).arg(where)));
    }();
    if (fact == profile.jcr.cend())
        return 0;

    const QString ifText = jcr::fieldAt(row, ifColumn);
    [&] {
        QCOMPARE(fact->impactFactorText, ifText);
        if (isNumber(ifText)) {
            QVERIFY2(fact->impactFactor.has_value(), qPrintable(where));
            QCOMPARE(*fact->impactFactor, ifText.toDouble());
        } else {
            QVERIFY2(!fact->impactFactor.has_value(), qPrintable(where));
        }

        // The journal's quartile: the file's, or for 2025 the best of the _1.._6 groups.
        QString quartile = quartileOf(jcr::fieldAt(row, quartileColumn));
        for (int column : groupQuartiles) {
            const QString group = quartileOf(jcr::fieldAt(row, column));
            if (!group.isEmpty() && (quartile.isEmpty() || group < quartile))
                quartile = group;
        }
        if (quartileColumn >= 0 || !groupQuartiles.isEmpty())
            QCOMPARE(fact->quartile, quartile);

        // 2023/2024: one rank; a date serial is not a rank.
        if (rankColumn >= 0) {
            const QPair<int, int> rank = rankOf(jcr::fieldAt(row, rankColumn));
            QCOMPARE(fact->rank, rank.first);
            QCOMPARE(fact->rankTotal, rank.second);
        }
        // 2023: one category; 2024: "A(SCIE);B(SCIE)" in one cell.
        if (categoryColumn >= 0) {
            static const QRegularExpression edition(QStringLiteral("\\((SCIE|SSCI|AHCI|ESCI)\\)$"));
            for (QString name : jcr::fieldAt(row, categoryColumn).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                name = name.trimmed().remove(edition).trimmed();
                const bool listed = std::any_of(fact->categories.cbegin(), fact->categories.cend(),
                                                [&](const jcr::JcrCategory& c) { return c.name == name; });
                QVERIFY2(listed, qPrintable(QStringLiteral("category %1 missing (%2)").arg(name, where)));
            }
        }
        // 2025: each group with its own quartile and rank.
        for (qsizetype g = 0; g < groupCategories.size(); ++g) {
            const QString name = jcr::fieldAt(row, groupCategories.at(g));
            if (name.isEmpty())
                continue;
            const auto category = std::find_if(fact->categories.cbegin(), fact->categories.cend(),
                                               [&](const jcr::JcrCategory& c) { return c.name == name; });
            QVERIFY2(category != fact->categories.cend(),
                     qPrintable(QStringLiteral("category %1 missing (%2)").arg(name, where)));
            QCOMPARE(category->quartile, quartileOf(jcr::fieldAt(row, groupQuartiles.value(g, -1))));
            const QPair<int, int> rank = rankOf(jcr::fieldAt(row, groupRanks.value(g, -1)));
            QCOMPARE(category->rank, rank.first);
            QCOMPARE(category->rankTotal, rank.second);
        }
    }();
    return 1;
}

int TestRealData::checkCas(const jcr::JournalProfile& profile, const Table& csv, const QList<QStringList>& rows) const
{
    const jcr::CsvHeader& header = csv.header;
    const int majorColumn = header.indexOf(QStringLiteral("大类"));
    const int partitionColumn = header.indexOf(QStringLiteral("大类分区"));
    const int topColumn = header.indexOf(QStringLiteral("top"));
    const int yearColumn = header.indexOf(QStringLiteral("年份"));
    const QList<int> minorColumns = header.indexesOf(QStringLiteral("小类\\d"));
    const QList<int> minorPartitionColumns = header.indexesOf(QStringLiteral("小类\\d分区"));
    const QStringList& row = rows.first();
    const QString where = QStringLiteral("%1, %2").arg(csv.fileName, jcr::fieldAt(row, 0));

    const auto fact = std::find_if(profile.cas.cbegin(), profile.cas.cend(),
                                   [&](const jcr::CasFact& f) { return f.year == csv.year; });
    [&] {
        QCOMPARE(jcr::fieldAt(row, yearColumn).toInt(), csv.year);
        QVERIFY2(fact != profile.cas.cend(),
                 qPrintable(QStringLiteral("no CAS %1 in the profile (%2)").arg(csv.year).arg(where)));
        QCOMPARE(fact->majorCategory, jcr::fieldAt(row, majorColumn));
        const Partition partition = partitionOf(jcr::fieldAt(row, partitionColumn));
        QVERIFY2(partition.partition > 0, qPrintable(where));
        QCOMPARE(fact->partition, partition.partition);
        QCOMPARE(fact->rank, partition.rank);
        QCOMPARE(fact->rankTotal, partition.total);
        const QString top = jcr::fieldAt(row, topColumn);
        QVERIFY2(top == QStringLiteral("是") || top == QStringLiteral("否"),
                 qPrintable(where + QLatin1Char(' ') + top));
        QCOMPARE(fact->top, top == QStringLiteral("是"));
        for (qsizetype m = 0; m < minorColumns.size(); ++m) {
            const QString name = jcr::fieldAt(row, minorColumns.at(m)).simplified();
            if (name.isEmpty())
                continue;
            const auto minor = std::find_if(fact->minorCategories.cbegin(), fact->minorCategories.cend(),
                                            [&](const jcr::CasCategory& c) { return c.name == name; });
            QVERIFY2(minor != fact->minorCategories.cend(),
                     qPrintable(QStringLiteral("小类 %1 missing (%2)").arg(name, where)));
            QCOMPARE(minor->partition, partitionOf(jcr::fieldAt(row, minorPartitionColumns.value(m, -1))).partition);
        }
    }();
    return fact == profile.cas.cend() ? 0 : 1;
}

int TestRealData::checkWarning(const jcr::JournalProfile& profile,
                               const Table& csv,
                               const QList<QStringList>& rows) const
{
    const int levelColumn = csv.header.indexOf(QStringLiteral("预警等级\\(\\d{4}\\)"));
    const int reasonColumn = csv.header.indexOf(QStringLiteral("预警原因\\(\\d{4}\\)"));
    const int year = csv.header.yearIn(levelColumn >= 0 ? levelColumn : reasonColumn);
    const QStringList& row = rows.first();
    const QString where = QStringLiteral("%1, %2").arg(csv.fileName, jcr::fieldAt(row, 0));

    const auto fact = std::find_if(profile.warnings.cbegin(), profile.warnings.cend(),
                                   [&](const jcr::WarningFact& f) { return f.year == year; });
    [&] {
        QCOMPARE(year, csv.year);
        QVERIFY2(fact != profile.warnings.cend(),
                 qPrintable(QStringLiteral("no warning %1 in the profile (%2)").arg(year).arg(where)));
        if (levelColumn >= 0) {
            QCOMPARE(fact->level, jcr::fieldAt(row, levelColumn));
            QVERIFY(QStringList({"高", "中", "低"}).contains(fact->level));
        } else {
            QCOMPARE(fact->reason, jcr::fieldAt(row, reasonColumn));
            QVERIFY(!fact->reason.isEmpty());
        }
    }();
    return fact == profile.warnings.cend() ? 0 : 1;
}

int TestRealData::checkCcf(const jcr::JournalProfile& profile, const Table& csv, const QList<QStringList>& rows) const
{
    const bool chinese = csv.kind == QLatin1String("ccf-chinese");
    const int rankColumn = csv.header.indexOf(QStringLiteral("ccf推荐类型"));
    const int venueColumn = csv.header.indexOf(QStringLiteral("ccf推荐类别.*"));
    const int fieldColumn = csv.header.indexOf(QStringLiteral("领域"));
    const int abbreviationColumn = csv.header.indexOf(QStringLiteral("刊物(简称|名称)"));
    int facts = 0;
    for (const QStringList& row : rows) {
        const QString where = QStringLiteral("%1, %2").arg(csv.fileName, jcr::fieldAt(row, 1));
        // "A类" → "A".
        QString rank = jcr::fieldAt(row, rankColumn);
        rank.remove(QStringLiteral("类"));
        const QString field = jcr::fieldAt(row, fieldColumn);
        const auto fact = std::find_if(profile.ccf.cbegin(), profile.ccf.cend(), [&](const jcr::CcfFact& f) {
            return f.edition == csv.year && f.list == (chinese ? "chinese" : "international") && f.field == field;
        });
        [&] {
            QVERIFY(QStringList({"A", "B", "C"}).contains(rank));
            QVERIFY2(fact != profile.ccf.cend(),
                     qPrintable(QStringLiteral("no CCF %1 in the profile (%2)").arg(csv.year).arg(where)));
            QCOMPARE(fact->rank, rank);
            const bool conference = jcr::fieldAt(row, venueColumn).contains(QStringLiteral("会议"));
            QCOMPARE(fact->venueType, conference ? QStringLiteral("conference") : QStringLiteral("journal"));
            QCOMPARE(fact->abbreviation, jcr::fieldAt(row, abbreviationColumn));
        }();
        if (fact != profile.ccf.cend())
            ++facts;
    }
    return facts;
}

int TestRealData::checkCcft(const jcr::JournalProfile& profile, const Table& csv, const QList<QStringList>& rows) const
{
    const int tierColumn = csv.header.indexOf(QStringLiteral("t分区"));
    const int chineseColumn = csv.header.indexOf(QStringLiteral("中文刊名"));
    const int cnColumn = csv.header.indexOf(QStringLiteral("cn号"));
    const QStringList& row = rows.first();
    const QString where = QStringLiteral("%1, %2").arg(csv.fileName, jcr::fieldAt(row, chineseColumn));
    const auto fact = std::find_if(profile.ccft.cbegin(), profile.ccft.cend(),
                                   [&](const jcr::CcftFact& f) { return f.edition == csv.year; });
    [&] {
        QVERIFY2(fact != profile.ccft.cend(),
                 qPrintable(QStringLiteral("no CCFT %1 in the profile (%2)").arg(csv.year).arg(where)));
        const QString tier = jcr::fieldAt(row, tierColumn);
        QVERIFY(QRegularExpression(QStringLiteral("^T[1-3]$")).match(tier).hasMatch());
        QCOMPARE(fact->tier, tier);
        QCOMPARE(fact->titleZh, jcr::fieldAt(row, chineseColumn));
        QCOMPARE(fact->cn, jcr::fieldAt(row, cnColumn));
    }();
    return fact == profile.ccft.cend() ? 0 : 1;
}

int TestRealData::checkXr(const jcr::JournalProfile& profile, const Table& csv, const QList<QStringList>& rows) const
{
    const int abbreviationColumn = csv.header.indexOf(QStringLiteral("会议缩写"));
    const int partitionColumn = csv.header.indexOf(QStringLiteral("分区"));
    const int topColumn = csv.header.indexOf(QStringLiteral("top"));
    const QStringList& row = rows.first();
    const auto fact = std::find_if(profile.xr.cbegin(), profile.xr.cend(),
                                   [&](const jcr::XrFact& f) { return f.edition == csv.year; });
    [&] {
        QVERIFY2(fact != profile.xr.cend(), qPrintable(QStringLiteral("no XR %1 in the profile").arg(csv.year)));
        QCOMPARE(fact->abbreviation, jcr::fieldAt(row, abbreviationColumn));
        QCOMPARE(fact->partition, jcr::fieldAt(row, partitionColumn));
        QCOMPARE(fact->top, jcr::fieldAt(row, topColumn).compare(QLatin1String("top"), Qt::CaseInsensitive) == 0);
        QCOMPARE(profile.summary.venueType, QStringLiteral("conference"));
    }();
    return fact == profile.xr.cend() ? 0 : 1;
}

// ---- Queries of every kind the issue lists find the right journal first --------------------------------------

void TestRealData::queries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expectedTitle"); ///< case-insensitive; empty: not compared
    QTest::addColumn<QString>("expectedIssn");  ///< ISSN or EISSN; empty: not compared
    QTest::addColumn<QString>("expectedKind");

    QTest::addRow("ISSN with hyphen") << "0028-0836"
                                      << "Nature"
                                      << "0028-0836"
                                      << "issn";
    QTest::addRow("ISSN without hyphen") << "00280836"
                                         << "Nature"
                                         << "0028-0836"
                                         << "issn";
    QTest::addRow("EISSN, lower-case x") << "1557-735x"
                                         << "Journal of the ACM"
                                         << "0004-5411"
                                         << "issn";
    QTest::addRow("EISSN, no hyphen, lower-case x") << "1557735x"
                                                    << "Journal of the ACM"
                                                    << "0004-5411"
                                                    << "issn";
    QTest::addRow("ISSN prefix") << "ISSN 0162-8828"
                                 << "IEEE Transactions on Pattern Analysis and Machine Intelligence"
                                 << "0162-8828"
                                 << "issn";
    QTest::addRow("EISSN only journal") << "2041-1723"
                                        << "Nature Communications"
                                        << "2041-1723"
                                        << "issn";
    QTest::addRow("Chinese title") << QStringLiteral("计算机学报") << QStringLiteral("计算机学报") << ""
                                   << "exact";
    QTest::addRow("abbreviation TPAMI") << "TPAMI"
                                        << "IEEE Transactions on Pattern Analysis and Machine Intelligence"
                                        << "0162-8828"
                                        << "abbreviation";
    QTest::addRow("abbreviation JACM") << "JACM"
                                       << "Journal of the ACM"
                                       << "0004-5411"
                                       << "abbreviation";
    QTest::addRow("abbreviation, lower case") << "tpami"
                                              << "IEEE Transactions on Pattern Analysis and Machine Intelligence"
                                              << "0162-8828"
                                              << "abbreviation";
    QTest::addRow("lower case") << "nature communications"
                                << "Nature Communications"
                                << "2041-1723"
                                << "exact";
    QTest::addRow("different case") << "Ca-A Cancer Journal for Clinicians"
                                    << "CA-A Cancer Journal for Clinicians"
                                    << "0007-9235"
                                    << "exact";
    QTest::addRow("and for &") << "Nature Reviews Earth and Environment"
                               << "Nature Reviews Earth & Environment"
                               << "2662-138X"
                               << "exact";
    QTest::addRow("leading The") << "The Lancet"
                                 << "Lancet"
                                 << "0140-6736"
                                 << "exact";
    QTest::addRow("extra spaces and punctuation") << "  journal   of the ACM. "
                                                  << "Journal of the ACM"
                                                  << "0004-5411"
                                                  << "exact";
    QTest::addRow("one typo") << "Natur Communications"
                              << "Nature Communications"
                              << "2041-1723"
                              << "fuzzy";
    QTest::addRow("one typo in a long name") << "IEEE Transactions on Patern Analysis and Machine Intelligence"
                                             << "IEEE Transactions on Pattern Analysis and Machine Intelligence"
                                             << "0162-8828"
                                             << "fuzzy";
    QTest::addRow("two typos in a long name") << "IEEE Transactions on Softwar Enginering"
                                              << "IEEE Transactions on Software Engineering"
                                              << "0098-5589"
                                              << "fuzzy";
}

void TestRealData::queries()
{
    QFETCH(QString, query);
    QFETCH(QString, expectedTitle);
    QFETCH(QString, expectedIssn);
    QFETCH(QString, expectedKind);

    const jcr::SearchResult result = m_repository->search(query);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY2(!result.matches.isEmpty(), qPrintable(query));
    const jcr::JournalMatch& first = result.matches.first();
    if (!expectedTitle.isEmpty()) {
        QVERIFY2(first.journal.title.compare(expectedTitle, Qt::CaseInsensitive) == 0 ||
                     first.journal.titleZh == expectedTitle,
                 qPrintable(QStringLiteral("first match %1").arg(first.journal.title)));
    }
    if (!expectedIssn.isEmpty()) {
        const QString mismatch = issnOrEissnMatches(first.journal, expectedIssn);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }
    QCOMPARE(jcr::matchKindName(first.kind), expectedKind);

    // profile() and findBest() answer the same journal as the first search match.
    QString error;
    const std::optional<jcr::JournalProfile> profile = m_repository->profile(query, &error);
    QVERIFY2(profile.has_value(), qPrintable(error));
    QCOMPARE(profile->summary.id, first.journal.id);
}

// ---- 3. Search ranking on real data ---------------------------------------------------------------------------

void TestRealData::searchRanking_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("firstIssn"); ///< ISSN or EISSN of the first match; empty: not compared
    QTest::addColumn<QString>("firstKind");
    QTest::addColumn<int>("minTotal");

    QTest::addRow("exact Nature before the Nature Reviews") << "Nature"
                                                            << "0028-0836"
                                                            << "exact" << 50;
    QTest::addRow("exact Science before Science Advances") << "Science"
                                                           << "0036-8075"
                                                           << "exact" << 50;
    QTest::addRow("exact Cell before Cell Reports") << "Cell"
                                                    << "0092-8674"
                                                    << "exact" << 20;
    QTest::addRow("ISSN") << "0140-6736"
                          << "0140-6736"
                          << "issn" << 1;
    QTest::addRow("abbreviation") << "JACM"
                                  << "0004-5411"
                                  << "abbreviation" << 1;
    QTest::addRow("prefix") << "Nature Reviews Earth"
                            << "2662-138X"
                            << "prefix" << 1;
    QTest::addRow("substring") << "Cancer Journal for Clinicians"
                               << "0007-9235"
                               << "substring" << 1;
    QTest::addRow("fuzzy") << "Complexty"
                           << ""
                           << "fuzzy" << 1;
    QTest::addRow("many substrings") << "journal"
                                     << ""
                                     << "prefix" << 1000;
}

void TestRealData::searchRanking()
{
    QFETCH(QString, query);
    QFETCH(QString, firstIssn);
    QFETCH(QString, firstKind);
    QFETCH(int, minTotal);

    jcr::SearchOptions options;
    options.limit = 25;
    const jcr::SearchResult result = m_repository->search(query, options);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(!result.matches.isEmpty());
    QVERIFY(result.matches.size() <= options.limit);
    QVERIFY(result.total >= result.matches.size());
    QVERIFY2(result.total >= minTotal, qPrintable(QString::number(result.total)));

    const jcr::JournalMatch& first = result.matches.first();
    QCOMPARE(jcr::matchKindName(first.kind), firstKind);
    if (!firstIssn.isEmpty()) {
        const QString mismatch = issnOrEissnMatches(first.journal, firstIssn);
        QVERIFY2(mismatch.isEmpty(), qPrintable(first.journal.title + QStringLiteral(": ") + mismatch));
    }
    // Exact first, then prefix, substring and close spellings; each journal once.
    QSet<qint64> ids;
    for (qsizetype i = 0; i < result.matches.size(); ++i) {
        const jcr::JournalMatch& match = result.matches.at(i);
        QVERIFY2(!ids.contains(match.journal.id), qPrintable(match.journal.title));
        ids.insert(match.journal.id);
        if (i > 0)
            QVERIFY2(int(result.matches.at(i - 1).kind) <= int(match.kind),
                     qPrintable(QStringLiteral("%1 (%2) after %3 (%4)")
                                    .arg(match.journal.title, jcr::matchKindName(match.kind),
                                         result.matches.at(i - 1).journal.title,
                                         jcr::matchKindName(result.matches.at(i - 1).kind))));
        if (match.kind == jcr::MatchKind::Fuzzy)
            QVERIFY(match.distance >= 1 && match.distance <= 2);
    }
    // The next page continues where this one ended.
    options.offset = int(result.matches.size());
    const jcr::SearchResult next = m_repository->search(query, options);
    QCOMPARE(next.total, result.total);
    QCOMPARE(next.matches.size(), qMin<qsizetype>(options.limit, result.total - result.matches.size()));
    for (const jcr::JournalMatch& match : next.matches)
        QVERIFY(!ids.contains(match.journal.id));
}

// ---- 4. Linking ----------------------------------------------------------------------------------------------

void TestRealData::linking_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("queries"); ///< other spellings that must find the same journal
    QTest::addColumn<int>("jcrYears");
    QTest::addColumn<int>("casYears");

    QTest::addRow("CA-A Cancer Journal for Clinicians")
        << "CA-A CANCER JOURNAL FOR CLINICIANS"
        << QStringList{"Ca-A Cancer Journal for Clinicians", "ca-a cancer journal for clinicians", "0007-9235",
                       "1542-4863"}
        << 6 << 4;
    QTest::addRow("Nature Communications, upper case in JCR 2023")
        << "Nature Communications" << QStringList{"NATURE COMMUNICATIONS", "2041-1723"} << 6 << 4;
    QTest::addRow("Metals, upper case in JCR 2023") << "Metals" << QStringList{"METALS", "2075-4701"} << 6 << 4;
    QTest::addRow("Nature Reviews Earth & Environment, & and upper case")
        << "Nature Reviews Earth & Environment"
        << QStringList{"NATURE REVIEWS EARTH AND ENVIRONMENT", "2662-138x", "Nature Reviews: Earth & Environment"} << 5
        << 3;
}

void TestRealData::linking()
{
    QFETCH(QString, title);
    QFETCH(QStringList, queries);
    QFETCH(int, jcrYears);
    QFETCH(int, casYears);

    // The files themselves list the journal in that many JCR and CAS editions (under any case).
    QSet<int> csvJcr, csvCas;
    for (const auto& [csv, row] : rowsFor({title})) {
        if (csv->kind == QLatin1String("jcr"))
            csvJcr.insert(csv->year);
        else if (csv->kind == QLatin1String("cas"))
            csvCas.insert(csv->year);
    }
    QCOMPARE(csvJcr.size(), jcrYears);
    QCOMPARE(csvCas.size(), casYears);

    QString error;
    const std::optional<jcr::JournalProfile> profile = m_repository->profile(title, &error);
    QVERIFY2(profile.has_value(), qPrintable(error));
    QSet<int> jcr, cas;
    for (const jcr::JcrFact& fact : profile->jcr)
        jcr.insert(fact.year);
    for (const jcr::CasFact& fact : profile->cas)
        cas.insert(fact.year);
    QCOMPARE(jcr, csvJcr);
    QCOMPARE(cas, csvCas);

    // One journal: every spelling and number finds it, as the only exact match.
    for (const QString& query : std::as_const(queries)) {
        const jcr::SearchResult result = m_repository->search(query);
        QVERIFY2(result.ok() && !result.matches.isEmpty(), qPrintable(query));
        QVERIFY2(result.matches.first().journal.id == profile->summary.id,
                 qPrintable(QStringLiteral("%1 found %2").arg(query, result.matches.first().journal.title)));
        if (result.matches.size() > 1 && result.matches.first().kind == jcr::MatchKind::Exact)
            QVERIFY2(result.matches.at(1).kind != jcr::MatchKind::Exact,
                     qPrintable(QStringLiteral("%1 also found %2").arg(query, result.matches.at(1).journal.title)));
    }
}

void TestRealData::sharedIssnInJcr2024_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("issn");

    // JCR 2024 lists ISSN 0008-4107 under two names, with different IFs and ranks.
    QTest::addRow("Journal of History") << "Journal of History"
                                        << "0008-4107";
    QTest::addRow("Canadian Journal of History") << "Canadian Journal of History-Annales Canadiennes d Histoire"
                                                 << "0008-4107";
}

void TestRealData::sharedIssnInJcr2024()
{
    QFETCH(QString, title);
    QFETCH(QString, issn);

    const Table* jcr2024 = table(QStringLiteral("JCR2024-UTF8.csv"));
    QVERIFY(jcr2024);
    const int journalColumn = jcr2024->header.indexOf(QStringLiteral("journal"));
    const int issnColumn = jcr2024->header.indexOf(QStringLiteral("issn"));
    const int ifColumn = jcr2024->header.indexOf(QStringLiteral("if\\(\\d{4}\\)"));
    const int rankColumn = jcr2024->header.indexOf(QStringLiteral("ifrank\\(\\d{4}\\)"));

    // The quirk is still in the data: two different names, one ISSN.
    QStringList namesWithIssn;
    QStringList row;
    for (const QStringList& candidate : jcr2024->rows) {
        if (jcr::fieldAt(candidate, issnColumn) == issn)
            namesWithIssn << jcr::fieldAt(candidate, journalColumn);
        if (folded(jcr::fieldAt(candidate, journalColumn)) == folded(title))
            row = candidate;
    }
    QVERIFY2(namesWithIssn.size() == 2, qPrintable(namesWithIssn.join(QStringLiteral(" | "))));
    QVERIFY(!row.isEmpty());

    // The title is searchable and leads to the journal that carries this row's IF for 2024.
    const jcr::SearchResult result = m_repository->search(title);
    QVERIFY2(result.ok() && !result.matches.isEmpty(), qPrintable(title));
    QCOMPARE(jcr::matchKindName(result.matches.first().kind), QStringLiteral("exact"));
    QString error;
    const std::optional<jcr::JournalProfile> profile = m_repository->profile(result.matches.first().journal.id, &error);
    QVERIFY2(profile.has_value(), qPrintable(error));
    const auto fact =
        std::find_if(profile->jcr.cbegin(), profile->jcr.cend(), [](const jcr::JcrFact& f) { return f.year == 2024; });
    QVERIFY(fact != profile->jcr.cend());

    // The two rows are told apart: some journal found by this exact title has this row's values.
    bool someExactMatchHasRow = false;
    for (const jcr::JournalMatch& match : result.matches) {
        if (match.kind != jcr::MatchKind::Exact)
            continue;
        const std::optional<jcr::JournalProfile> other = m_repository->profile(match.journal.id);
        for (const jcr::JcrFact& f : other ? other->jcr : QList<jcr::JcrFact>{}) {
            if (f.year == 2024 && f.impactFactorText == jcr::fieldAt(row, ifColumn))
                someExactMatchHasRow = true;
        }
    }
    QVERIFY2(someExactMatchHasRow,
             qPrintable(QStringLiteral("no journal named %1 has IF(2024) %2").arg(title, jcr::fieldAt(row, ifColumn))));

    // The first match, the one a user gets, must show this title's own 2024 row.
    // IF and rank in one comparison, so that a failure shows both.
    const QString actual = QStringLiteral("IF %1, rank %2").arg(fact->impactFactorText).arg(fact->rank);
    const QString expected = QStringLiteral("IF %1, rank %2")
                                 .arg(jcr::fieldAt(row, ifColumn))
                                 .arg(rankOf(jcr::fieldAt(row, rankColumn)).first);
    QCOMPARE(actual, expected);
}

// ---- filter_journals by CCF class, field and venue type equals the CCF lists -----------------------------------

void TestRealData::ccfVenues_data()
{
    QTest::addColumn<int>("edition");
    QTest::addColumn<QString>("field"); ///< as asked (Chinese, or English in the named rows)
    QTest::addColumn<QString>("storedField");
    QTest::addColumn<QString>("venueType");
    QTest::addColumn<QString>("rank");
    QTest::addColumn<QStringList>("titles"); ///< the venues' names as the CSV gives them, sorted, each once

    // The venues of one (field, type, class) of a CCF file, read here: the full name, or the short name of
    // the rows that have none (HotSec).
    auto venuesOf = [](const Table& csv, const QString& field, const QString& type, const QString& rank) {
        const int journal = csv.header.indexOf(QStringLiteral("journal"));
        const int abbreviation = csv.header.indexOf(QStringLiteral("刊物简称|刊物名称"));
        const int fieldColumn = csv.header.indexOf(QStringLiteral("领域"));
        const int venue = csv.header.indexOf(QStringLiteral("ccf推荐类别.*"));
        const int rankColumn = csv.header.indexOf(QStringLiteral("ccf推荐类型"));
        QSet<QString> titles;
        for (const QStringList& row : csv.rows) {
            const QString rowType = jcr::fieldAt(row, venue).contains(QStringLiteral("会议"))
                                        ? QStringLiteral("conference")
                                        : QStringLiteral("journal");
            QString rowRank = jcr::fieldAt(row, rankColumn);
            rowRank.remove(QStringLiteral("类"));
            if (jcr::fieldAt(row, fieldColumn) != field || rowType != type || rowRank.trimmed() != rank)
                continue;
            const QString name = jcr::fieldAt(row, journal).simplified();
            const QString title = name.isEmpty() ? jcr::fieldAt(row, abbreviation).simplified() : name;
            if (!title.isEmpty())
                titles.insert(title);
        }
        QStringList sorted(titles.cbegin(), titles.cend());
        sorted.sort();
        return sorted;
    };

    for (const Table& csv : std::as_const(m_tables)) {
        if (csv.kind != QLatin1String("ccf"))
            continue;
        const int fieldColumn = csv.header.indexOf(QStringLiteral("领域"));
        QSet<QString> fieldSet;
        for (const QStringList& row : csv.rows)
            fieldSet.insert(jcr::fieldAt(row, fieldColumn));
        QStringList fields(fieldSet.cbegin(), fieldSet.cend());
        fields.sort();
        for (const QString& field : std::as_const(fields)) {
            for (const QString& type : {QStringLiteral("journal"), QStringLiteral("conference")}) {
                for (const QString& rank : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}) {
                    QTest::addRow("CCF %d %s %s %s", csv.year, qPrintable(field), qPrintable(type), qPrintable(rank))
                        << csv.year << field << field << type << rank << venuesOf(csv, field, type, rank);
                }
            }
        }
        // As people ask: in English.
        if (csv.year == 2026) {
            const QString ai = QStringLiteral("人工智能");
            QTest::addRow("CCF 2026 A journals in artificial intelligence")
                << csv.year << QStringLiteral("artificial intelligence") << ai << QStringLiteral("journal")
                << QStringLiteral("A") << venuesOf(csv, ai, QStringLiteral("journal"), QStringLiteral("A"));
            QTest::addRow("CCF 2026 A conferences in AI")
                << csv.year << QStringLiteral("AI") << ai << QStringLiteral("conference") << QStringLiteral("A")
                << venuesOf(csv, ai, QStringLiteral("conference"), QStringLiteral("A"));
            QTest::addRow("CCF 2026 B conferences in data mining")
                << csv.year << QStringLiteral("data mining") << QStringLiteral("数据库/数据挖掘/内容检索")
                << QStringLiteral("conference") << QStringLiteral("B")
                << venuesOf(csv, QStringLiteral("数据库/数据挖掘/内容检索"), QStringLiteral("conference"),
                            QStringLiteral("B"));
        }
    }
}

void TestRealData::ccfVenues()
{
    QFETCH(int, edition);
    QFETCH(QString, field);
    QFETCH(QString, storedField);
    QFETCH(QString, venueType);
    QFETCH(QString, rank);
    QFETCH(QStringList, titles);
    QVERIFY2(!titles.isEmpty() || rank != QLatin1String("A") || venueType != QLatin1String("journal") ||
                 storedField != QStringLiteral("人工智能"),
             "the CSV has no A journals in 人工智能: the test reads the wrong columns");

    jcr::FilterCriteria criteria;
    criteria.ccfRank = rank;
    criteria.ccfField = field;
    criteria.venueType = venueType;
    criteria.year = edition;
    criteria.sortBy = QStringLiteral("title");
    criteria.descending = false;
    criteria.limit = 200;
    QStringList found;
    int total = -1;
    do {
        const jcr::FilterResult page = m_repository->filter(criteria);
        QVERIFY2(page.ok(), qPrintable(page.error));
        QCOMPARE(page.ccfEdition, edition);
        QCOMPARE(page.ccfField, storedField);
        total = page.total;
        for (const jcr::FilterRow& row : page.rows) {
            found << row.ccfTitle;
            QCOMPARE(row.ccfRank, rank);
            QCOMPARE(row.ccfField, storedField);
            QCOMPARE(row.journal.venueType, venueType);
        }
        criteria.offset += int(page.rows.size());
        if (page.rows.isEmpty())
            break;
    } while (criteria.offset < total);
    found.sort();
    QCOMPARE(found, titles);
    QCOMPARE(total, int(titles.size()));
}

QTEST_GUILESS_MAIN(TestRealData)
#include "tst_realdata.moc"
