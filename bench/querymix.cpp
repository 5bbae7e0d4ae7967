#include "querymix.h"

#include "csvreader.h"
#include "textnormalizer.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <optional>

namespace jcr::bench {

namespace {

/// Every row of a CSV file, header first; empty when the file cannot be read.
QList<QStringList> readCsv(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return CsvReader::readAll(file.readAll());
}

int columnOf(const QStringList& header, const QString& name)
{
    for (int i = 0; i < header.size(); ++i) {
        if (header.at(i).trimmed() == name)
            return i;
    }
    return -1;
}

QString cell(const QStringList& row, int column)
{
    return column >= 0 && column < row.size() ? row.at(column).trimmed() : QString();
}

/// Answers "which journal is this" from the database, independently of the search index.
class Oracle
{
public:
    explicit Oracle(const QSqlDatabase& db) : m_byIssn(db), m_byName(db)
    {
        m_byIssn.prepare(QStringLiteral("SELECT DISTINCT journal_id FROM journal_issn WHERE issn = ?"));
        m_byName.prepare(QStringLiteral("SELECT DISTINCT journal_id FROM journal_name WHERE name_key = ?"));
    }
    QList<qint64> byIssn(const QString& text) { return run(m_byIssn, TextNormalizer::normalizeIssn(text)); }
    QList<qint64> byName(const QString& name) { return run(m_byName, TextNormalizer::titleKey(name)); }

private:
    static QList<qint64> run(QSqlQuery& query, const QString& value)
    {
        QList<qint64> ids;
        if (value.isEmpty())
            return ids;
        query.bindValue(0, value);
        if (!query.exec())
            return ids;
        while (query.next())
            ids.append(query.value(0).toLongLong());
        query.finish();
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    QSqlQuery m_byIssn;
    QSqlQuery m_byName;
};

QChar nextLetter(QChar c)
{
    if (c >= u'a' && c <= u'z')
        return c == u'z' ? QChar(u'a') : QChar(c.unicode() + 1);
    if (c >= u'A' && c <= u'Z')
        return c == u'Z' ? QChar(u'A') : QChar(c.unicode() + 1);
    return c;
}

/// Applies one typo at character `position` of `text`: 0 substitution, 1 deletion, 2 transposition with the
/// next character (a substitution when the two are equal or the next is not a letter).
void applyTypo(QString& text, qsizetype position, int kind)
{
    if (kind == 1) {
        text.remove(position, 1);
        return;
    }
    if (kind == 2 && position + 1 < text.size() && text.at(position + 1).isLetter() &&
        text.at(position + 1).toLower() != text.at(position).toLower()) {
        std::swap(text[position], text[position + 1]);
        return;
    }
    text[position] = nextLetter(text.at(position));
}

/// Indices of the ASCII letters of `text` (typos go on letters so they survive normalisation).
QList<qsizetype> letterPositions(const QString& text)
{
    QList<qsizetype> positions;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
            positions.append(i);
    }
    return positions;
}

/// A middle chunk of a title for the substring class: the middle word, extended by the next word while
/// it is shorter than 6 characters. Empty when the title has fewer than three words.
QString middleChunk(const QString& title)
{
    const QStringList words = title.split(u' ', Qt::SkipEmptyParts);
    if (words.size() < 3)
        return {};
    qsizetype first = words.size() / 2;
    QString chunk = words.at(first);
    for (qsizetype next = first + 1; chunk.size() < 6 && next < words.size(); ++next)
        chunk += u' ' + words.at(next);
    return TextNormalizer::titleKey(chunk).size() >= 4 ? chunk : QString();
}

} // namespace

bool QueryMix::build(const QString& dataFolder, const QString& databasePath, int sampleSize, QString* error)
{
    m_classes.clear();
    m_profileIds.clear();
    m_notes.clear();
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    const QDir folder(dataFolder);
    const QList<QStringList> jcr = readCsv(folder.filePath(QStringLiteral("JCR2025-UTF8.csv")));
    if (jcr.size() < 2)
        return fail(QStringLiteral("cannot read JCR2025-UTF8.csv in %1").arg(dataFolder));
    const int titleColumn = columnOf(jcr.first(), QStringLiteral("Journal"));
    const int issnColumn = columnOf(jcr.first(), QStringLiteral("ISSN"));
    const int eissnColumn = columnOf(jcr.first(), QStringLiteral("EISSN"));
    if (titleColumn < 0 || issnColumn < 0 || eissnColumn < 0)
        return fail(QStringLiteral("JCR2025-UTF8.csv lacks a Journal, ISSN or EISSN column"));

    const QString connection = QStringLiteral("jcr-bench-mix-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            const QString why = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connection);
            return fail(QStringLiteral("cannot open %1: %2").arg(databasePath, why));
        }
        Oracle oracle(db);

        QueryClass exact{
            QStringLiteral("exact"), QStringLiteral("full JCR2025 titles (every k-th row; odd ones lower-cased)"), {}};
        QueryClass prefix{QStringLiteral("prefix"), QStringLiteral("first 6-10 characters of the titles"), {}};
        QueryClass substring{QStringLiteral("substring"), QStringLiteral("a middle word chunk of the titles"), {}};
        QueryClass issn{QStringLiteral("issn"), QStringLiteral("ISSN or EISSN with hyphen (0028-0836)"), {}};
        QueryClass issnPlain{
            QStringLiteral("issn-nohyphen"), QStringLiteral("ISSN or EISSN without hyphen (00280836)"), {}};
        QueryClass typo1{QStringLiteral("typo-1"),
                         QStringLiteral("titles >= 12 letters, one substitution/deletion/transposition"),
                         {}};
        QueryClass typo2{QStringLiteral("typo-2"), QStringLiteral("titles >= 12 letters, two typos"), {}};

        const int rows = int(jcr.size()) - 1;
        const int step = std::max(1, rows / std::max(1, sampleSize));
        int sampled = 0;
        for (int r = 1 + step / 2; r <= rows && sampled < sampleSize; r += step) {
            const QStringList& row = jcr.at(r);
            const QString title = TextNormalizer::cleanTitle(cell(row, titleColumn));
            const QString rowIssn = cell(row, issnColumn), rowEissn = cell(row, eissnColumn);
            if (title.isEmpty())
                continue;
            QList<qint64> expected = oracle.byIssn(rowIssn);
            if (expected.isEmpty())
                expected = oracle.byIssn(rowEissn);
            if (expected.isEmpty()) {
                m_notes.append(QStringLiteral("JCR2025 row %1 (%2): no journal owns its ISSN/EISSN").arg(r).arg(title));
                continue;
            }
            const int i = sampled++;
            m_profileIds.append(expected.first());
            exact.queries.push_back({i % 2 ? title.toLower() : title, expected, Expectation::FirstIsExpected});

            const int length = 6 + i % 5;
            const QString head = title.left(length).trimmed();
            if (TextNormalizer::titleKey(head).size() >= 3)
                prefix.queries.push_back({head, {}, Expectation::TopNameStarts});
            const QString chunk = middleChunk(title);
            if (!chunk.isEmpty())
                substring.queries.push_back({chunk, {}, Expectation::TopNameContains});

            // Alternate ISSN and EISSN; the journal owning either is the right answer.
            const QString printed = TextNormalizer::normalizeIssn(i % 2 ? rowEissn : rowIssn);
            const QString chosen =
                printed.isEmpty() ? TextNormalizer::normalizeIssn(i % 2 ? rowIssn : rowEissn) : printed;
            if (!chosen.isEmpty()) {
                const QList<qint64> owners = oracle.byIssn(chosen);
                issn.queries.push_back({TextNormalizer::formatIssn(chosen), owners, Expectation::FirstIsExpected});
                issnPlain.queries.push_back({chosen, owners, Expectation::FirstIsExpected});
            }

            const QList<qsizetype> letters = letterPositions(title);
            const qsizetype n = letters.size();
            if (n >= 12) {
                QString one = title;
                applyTypo(one, letters.at(1 + (i * 7919) % (n - 2)), i % 3);
                typo1.queries.push_back({one, expected, Expectation::ExpectedInTop3});
                if (i % 2 == 0) {
                    // Two typos, one in each half, the later one first so the earlier index stays valid.
                    QString two = title;
                    applyTypo(two, letters.at(n / 2 + (i * 31) % (n / 2 - 1)), (i / 2 + 1) % 3);
                    applyTypo(two, letters.at(1 + (i * 17) % (n / 2 - 1)), (i / 2) % 3);
                    typo2.queries.push_back({two, expected, Expectation::ExpectedInTop3});
                }
            }
        }

        // Abbreviations: CCF2026's 刊物名称 column; the right answer carries the listed full name.
        QueryClass abbreviations{
            QStringLiteral("abbreviation"), QStringLiteral("CCF 2026 abbreviations (TPAMI, JACM, ...)"), {}};
        const QList<QStringList> ccf = readCsv(folder.filePath(QStringLiteral("CCF2026-UTF8.csv")));
        if (ccf.size() > 1) {
            const int abbrColumn = columnOf(ccf.first(), QStringLiteral("刊物名称"));
            const int nameColumn = columnOf(ccf.first(), QStringLiteral("Journal"));
            QMap<QString, QList<qint64>> owners; // abbreviation → journals listed under it
            QStringList order;
            for (int r = 1; r < ccf.size(); ++r) {
                const QString abbreviation = cell(ccf.at(r), abbrColumn);
                const QString name = cell(ccf.at(r), nameColumn);
                if (abbreviation.isEmpty() || name.isEmpty() ||
                    TextNormalizer::titleKey(abbreviation) == TextNormalizer::titleKey(name))
                    continue;
                if (!owners.contains(abbreviation))
                    order.append(abbreviation);
                owners[abbreviation] += oracle.byName(name);
            }
            QStringList chosen{QStringLiteral("TPAMI"), QStringLiteral("JACM"), QStringLiteral("TKDE"),
                               QStringLiteral("IJCV"),  QStringLiteral("TOCS"), QStringLiteral("TSE"),
                               QStringLiteral("TIP"),   QStringLiteral("JMLR"), QStringLiteral("VLDBJ"),
                               QStringLiteral("TOG")};
            for (int k = 0; k < order.size(); k += 8) {
                if (!chosen.contains(order.at(k)))
                    chosen.append(order.at(k));
            }
            for (const QString& abbreviation : std::as_const(chosen)) {
                QList<qint64> ids = owners.value(abbreviation);
                std::sort(ids.begin(), ids.end());
                ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
                if (ids.isEmpty()) {
                    m_notes.append(QStringLiteral("abbreviation %1: its CCF full name is not a journal name in the "
                                                  "database (not benchmarked)")
                                       .arg(abbreviation));
                    continue;
                }
                abbreviations.queries.push_back({abbreviation, ids, Expectation::FirstIsExpected});
            }
        }

        // Chinese titles: CCFT 中文刊名 and the CCF Chinese list.
        QueryClass chinese{
            QStringLiteral("chinese"), QStringLiteral("Chinese titles from CCFT 2022/2025 and CCF Chinese 2019"), {}};
        QStringList zhNames{QStringLiteral("计算机学报"), QStringLiteral("软件学报")};
        const struct
        {
            const char* file;
            const char* column;
        } zhSources[] = {{"CCFT2025-UTF8.csv", "中文刊名"},
                         {"CCFT2022-UTF8.csv", "中文刊名"},
                         {"CCFChinese2019-UTF8.csv", "Journal"}};
        for (const auto& source : zhSources) {
            const QList<QStringList> table = readCsv(folder.filePath(QString::fromUtf8(source.file)));
            if (table.size() < 2)
                continue;
            const int column = columnOf(table.first(), QString::fromUtf8(source.column));
            for (int r = 1; r < table.size(); ++r) {
                const QString name = cell(table.at(r), column);
                if (!name.isEmpty() && !zhNames.contains(name))
                    zhNames.append(name);
            }
        }
        for (const QString& name : std::as_const(zhNames)) {
            const QList<qint64> ids = oracle.byName(name);
            if (ids.isEmpty()) {
                m_notes.append(
                    QStringLiteral("Chinese title %1 is not a journal name in the database (not benchmarked)")
                        .arg(name));
                continue;
            }
            chinese.queries.push_back({name, ids, Expectation::FirstIsExpected});
        }

        const std::vector<QueryClass> listClasses = abbreviationListClasses(db, sampleSize / 4);
        m_classes = {exact, issn, issnPlain, abbreviations};
        m_classes.insert(m_classes.end(), listClasses.begin(), listClasses.end());
        m_classes.insert(m_classes.end(), {chinese, prefix, substring, typo1, typo2});
    }
    QSqlDatabase::removeDatabase(connection);
    return true;
}

std::vector<QueryClass> QueryMix::abbreviationListClasses(const QSqlDatabase& db, int perClass)
{
    // The JabRef lists as imported (journal_abbreviations): every k-th distinct linked abbreviation of a kind, in
    // key order. The right answer is every journal a row of that abbreviation is linked to (an ambiguous one has
    // several), read from the table, not from the search index. Left out, with a note: abbreviations that are a
    // journal's title or other name as well (the title rightly comes first) and those equal to their full name.
    QueryClass iso4{
        QStringLiteral("abbr-iso4"), QStringLiteral("JabRef ISO 4 abbreviations as listed (Nat. Commun.)"), {}};
    QueryClass dotless{QStringLiteral("abbr-dotless"),
                       QStringLiteral("the same kind of ISO 4 rows without dots, lower case (nat commun)"),
                       {}};
    QueryClass medline{QStringLiteral("abbr-medline"),
                       QStringLiteral("JabRef MEDLINE abbreviations (entrez, medicus: N Engl J Med)"),
                       {}};
    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT normalized, kind, min(abbreviation), group_concat(DISTINCT journal_id),"
                                  " min(full_name) FROM journal_abbreviations WHERE journal_id IS NOT NULL"
                                  " GROUP BY normalized, kind ORDER BY normalized, kind"))) {
        m_notes.append(QStringLiteral("cannot read journal_abbreviations: %1").arg(rows.lastError().text()));
        return {};
    }
    struct Row
    {
        QString abbreviation;
        QList<qint64> journals;
    };
    QList<Row> dotted, medlineRows;
    Oracle oracle(db);
    while (rows.next()) {
        const QString abbreviation = rows.value(2).toString();
        const QString kind = rows.value(1).toString();
        if (TextNormalizer::titleKey(abbreviation) == TextNormalizer::titleKey(rows.value(4).toString()) ||
            !oracle.byName(abbreviation).isEmpty())
            continue;
        Row row{abbreviation, {}};
        for (const QString& id : rows.value(3).toString().split(u','))
            row.journals.append(id.toLongLong());
        if (kind == QLatin1String("iso4") && abbreviation.contains(u'.'))
            dotted.append(row);
        else if (kind == QLatin1String("medline"))
            medlineRows.append(row);
    }
    auto sample = [perClass](const QList<Row>& from, QueryClass& into, const auto& form) {
        const qsizetype step = std::max<qsizetype>(1, from.size() / std::max(1, perClass));
        for (qsizetype i = step / 2; i < from.size() && int(into.queries.size()) < perClass; i += step)
            into.queries.push_back({form(from.at(i).abbreviation), from.at(i).journals, Expectation::FirstIsExpected});
    };
    sample(dotted, iso4, [](const QString& text) { return text; });
    // Offset by half a step so that the dotless class asks other journals than the dotted one.
    QList<Row> shifted = dotted.mid(std::max<qsizetype>(1, dotted.size() / std::max(1, perClass)) / 2 + 1);
    sample(shifted, dotless, [](QString text) { return text.replace(u'.', u' ').simplified().toLower(); });
    sample(medlineRows, medline, [](const QString& text) { return text; });
    return {iso4, dotless, medline};
}

bool QueryMix::isHit(const BenchQuery& query, const SearchResult& result)
{
    if (!result.ok() || result.matches.isEmpty())
        return false;
    const JournalMatch& top = result.matches.first();
    switch (query.check) {
    case Expectation::FirstIsExpected:
        return query.expected.contains(top.journal.id);
    case Expectation::ExpectedInTop3:
        for (qsizetype i = 0; i < result.matches.size() && i < 3; ++i) {
            if (query.expected.contains(result.matches.at(i).journal.id))
                return true;
        }
        return false;
    case Expectation::TopNameStarts:
        return TextNormalizer::titleKey(top.matchedName).startsWith(TextNormalizer::titleKey(query.text));
    case Expectation::TopNameContains:
        return TextNormalizer::titleKey(top.matchedName).contains(TextNormalizer::titleKey(query.text));
    }
    return false;
}

QString QueryMix::expectationName(Expectation check)
{
    switch (check) {
    case Expectation::FirstIsExpected:
        return QStringLiteral("right journal first");
    case Expectation::ExpectedInTop3:
        return QStringLiteral("right journal in top 3");
    case Expectation::TopNameStarts:
        return QStringLiteral("top name starts with query");
    case Expectation::TopNameContains:
        return QStringLiteral("top name contains query");
    }
    return {};
}

} // namespace jcr::bench
