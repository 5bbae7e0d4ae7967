#include "sourceparser.h"

#include "csvheader.h"
#include "csvreader.h"
#include "textnormalizer.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace jcr {

namespace {

using Venue = JournalLinker::Venue;
using IssnKind = JournalLinker::IssnKind;

int quartileOrder(const QString& quartile)
{
    return quartile.isEmpty() ? 9 : quartile.at(1).digitValue();
}

/// Keeps one fact per journal for one file: the first, unless a later duplicate is `better`.
template <typename Fact, typename Better>
void addOrMerge(QList<ImportedData::Tagged<Fact>>& list,
                QHash<int, qsizetype>& seen,
                ImportedData::Tagged<Fact>&& tagged,
                int& duplicates,
                Better better)
{
    const auto found = seen.constFind(tagged.journal);
    if (found == seen.cend()) {
        seen.insert(tagged.journal, list.size());
        list.append(std::move(tagged));
        return;
    }
    ++duplicates;
    if (better(tagged.fact, list[*found].fact))
        list[*found] = std::move(tagged);
}

QStringList issnsOf(const QString& cell)
{
    return TextNormalizer::issnsIn(cell);
}

} // namespace

bool SourceParser::hasIssnColumn(const SourceFile& file)
{
    const QByteArray content = file.content();
    CsvReader reader(content.left(content.indexOf('\n') + 1)); // the header line is enough
    QStringList header;
    if (!reader.readRow(&header))
        return false;
    return CsvHeader(header).indexOf(QStringLiteral("e?issn(/eissn)?")) >= 0;
}

SourceParser::Result SourceParser::parse(const SourceFile& file, int sourceIndex)
{
    Result result;
    CsvReader reader(file.content());
    QList<QStringList> rows;
    QStringList row;
    while (reader.readRow(&row))
        rows.append(row);
    if (rows.isEmpty()) {
        result.error = QStringLiteral("%1 is empty").arg(file.fileName());
        return result;
    }
    if (reader.hasEncodingErrors()) {
        // A damaged download, or a file saved in another encoding (GBK): importing it would store mojibake.
        result.error =
            QStringLiteral("%1 is not valid UTF-8 text (damaged, or saved in another encoding)").arg(file.fileName());
        return result;
    }
    if (reader.endedInsideQuotes()) {
        result.error = QStringLiteral("%1 ends inside a quoted field (truncated download?)").arg(file.fileName());
        return result;
    }
    if (CsvHeader(rows.first()).indexOf(QStringLiteral("journal")) < 0 && file.kind() != SourceFile::Kind::Ccft) {
        result.error = QStringLiteral("%1 has no Journal column").arg(file.fileName());
        return result;
    }

    m_linker.beginFile();
    const int year = file.year();
    switch (file.kind()) {
    case SourceFile::Kind::Jcr:
        parseJcr(rows, year, sourceIndex, result);
        break;
    case SourceFile::Kind::Cas:
        parseCas(rows, year, sourceIndex, result);
        break;
    case SourceFile::Kind::Warning:
        parseWarnings(rows, year, sourceIndex, result);
        break;
    case SourceFile::Kind::Ccf:
        parseCcf(rows, year, sourceIndex, result);
        break;
    case SourceFile::Kind::CcfChinese:
        parseCcfChinese(rows, year, sourceIndex, result);
        break;
    case SourceFile::Kind::Ccft:
        parseCcft(rows, year, sourceIndex, result);
        break;
    case SourceFile::Kind::Xr:
        parseXr(rows, year, sourceIndex, result);
        break;
    case SourceFile::Kind::Other:
        parseOther(rows, file.fileName(), year, sourceIndex, result);
        break;
    }
    return result;
}

int SourceParser::linkWithIssns(const QString& title,
                                const QStringList& print,
                                const QStringList& electronic,
                                const QStringList& unknown,
                                Venue venue)
{
    const int journal = m_linker.link(title, print + electronic + unknown, venue);
    for (const QString& issn : print)
        m_linker.addIssn(journal, issn, IssnKind::Print);
    for (const QString& issn : electronic)
        m_linker.addIssn(journal, issn, IssnKind::Electronic);
    for (const QString& issn : unknown)
        m_linker.addIssn(journal, issn, IssnKind::Unknown);
    return journal;
}

void SourceParser::parseJcr(const QList<QStringList>& rows, int year, int source, Result& result)
{
    const CsvHeader header(rows.first());
    const int journalColumn = header.indexOf(QStringLiteral("journal"));
    const int issnColumn = header.indexOf(QStringLiteral("issn"));
    const int eissnColumn = header.indexOf(QStringLiteral("eissn"));
    const int ifColumn = header.indexOf(QStringLiteral("if\\(\\d{4}\\)"));
    const int countryColumn = header.indexOf(QStringLiteral("country"));
    const int wosColumn = header.indexOf(QStringLiteral("webofscience"));
    // One category (2023), several joined in one cell (2024), or numbered groups _1 … _6 (2025).
    const int categoryColumn = header.indexOf(QStringLiteral("category"));
    const int quartileColumn = header.indexOf(QStringLiteral("ifquartile\\(\\d{4}\\)"));
    const int rankColumn = header.indexOf(QStringLiteral("(category|if)rank\\(\\d{4}\\)"));
    const QList<int> groupCategories = header.indexesOf(QStringLiteral("category_\\d"));
    const QList<int> groupQuartiles = header.indexesOf(QStringLiteral("ifquartile\\(\\d{4}\\)_\\d"));
    const QList<int> groupRanks = header.indexesOf(QStringLiteral("ifrank\\(\\d{4}\\)_\\d"));
    if (year == 0 && ifColumn >= 0)
        year = header.yearIn(ifColumn);

    for (qsizetype i = 1; i < rows.size(); ++i)
        m_linker.reserve(fieldAt(rows.at(i), journalColumn),
                         issnsOf(fieldAt(rows.at(i), issnColumn)) + issnsOf(fieldAt(rows.at(i), eissnColumn)));
    QHash<int, qsizetype> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        ++result.rows;
        const QString title = fieldAt(row, journalColumn);
        const int journal = linkWithIssns(title, issnsOf(fieldAt(row, issnColumn)), issnsOf(fieldAt(row, eissnColumn)),
                                          {}, Venue::Journal);
        if (journal < 0) {
            ++result.skippedRows;
            continue;
        }
        Tagged<JcrFact> tagged{journal, source, TextNormalizer::cleanTitle(title), {}};
        JcrFact& fact = tagged.fact;
        fact.year = year;
        fact.impactFactorText = fieldAt(row, ifColumn);
        fact.impactFactor = parseImpactFactor(fact.impactFactorText);
        fact.country = fieldAt(row, countryColumn);
        fact.webOfScience = normalizeWebOfScience(fieldAt(row, wosColumn));
        fact.quartile = normalizeQuartile(fieldAt(row, quartileColumn));
        std::tie(fact.rank, fact.rankTotal) = parseRank(fieldAt(row, rankColumn));

        static const QRegularExpression withEdition(QStringLiteral("^(.*)\\((SCIE|SSCI|AHCI|ESCI)\\)$"));
        const QString categoryCell = fieldAt(row, categoryColumn);
        const QStringList categoryNames = categoryCell.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString& part : categoryNames) {
            JcrCategory category;
            const QRegularExpressionMatch match = withEdition.match(part.trimmed());
            category.name = match.hasMatch() ? match.captured(1).trimmed() : part.trimmed();
            category.edition = match.hasMatch() ? match.captured(2) : QString();
            if (categoryNames.size() == 1) { // 2023: the quartile and rank are this category's
                category.quartile = fact.quartile;
                category.rank = fact.rank;
                category.rankTotal = fact.rankTotal;
            }
            fact.categories.append(category);
        }
        for (qsizetype g = 0; g < groupCategories.size(); ++g) {
            JcrCategory category;
            category.name = fieldAt(row, groupCategories.at(g));
            if (category.name.isEmpty())
                continue;
            category.quartile = normalizeQuartile(fieldAt(row, groupQuartiles.value(g, -1)));
            std::tie(category.rank, category.rankTotal) = parseRank(fieldAt(row, groupRanks.value(g, -1)));
            fact.categories.append(category);
            // The journal's quartile for the year is its best category's.
            if (quartileOrder(category.quartile) < quartileOrder(fact.quartile)) {
                fact.quartile = category.quartile;
                fact.rank = category.rank;
                fact.rankTotal = category.rankTotal;
            }
        }
        addOrMerge(m_data.jcr, seen, std::move(tagged), result.duplicates,
                   [](const JcrFact& candidate, const JcrFact& kept) {
                       return candidate.impactFactor.has_value() && !kept.impactFactor.has_value();
                   });
    }
}

void SourceParser::parseCas(const QList<QStringList>& rows, int year, int source, Result& result)
{
    const CsvHeader header(rows.first());
    const int journalColumn = header.indexOf(QStringLiteral("journal"));
    const int issnColumn = header.indexOf(QStringLiteral("issn"));
    const int issnPairColumn = header.indexOf(QStringLiteral("issn/eissn"));
    const int reviewColumn = header.indexOf(QStringLiteral("review"));
    const int oaColumn = header.indexOf(QStringLiteral("openaccess"));
    const int oajColumn = header.indexOf(QStringLiteral("oajournalindex.*"));
    const int wosColumn = header.indexOf(QStringLiteral("webofscience"));
    const int noteColumn = header.indexOf(QStringLiteral("标注"));
    const int majorColumn = header.indexOf(QStringLiteral("大类"));
    const int majorPartitionColumn = header.indexOf(QStringLiteral("大类分区"));
    const int topColumn = header.indexOf(QStringLiteral("top"));
    const QList<int> minorColumns = header.indexesOf(QStringLiteral("小类\\d"));
    const QList<int> minorPartitionColumns = header.indexesOf(QStringLiteral("小类\\d分区"));

    for (qsizetype i = 1; i < rows.size(); ++i)
        m_linker.reserve(fieldAt(rows.at(i), journalColumn),
                         issnsOf(fieldAt(rows.at(i), issnPairColumn)) + issnsOf(fieldAt(rows.at(i), issnColumn)));
    QHash<int, qsizetype> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        ++result.rows;
        const QString title = fieldAt(row, journalColumn);
        // CAS 2025 has one "ISSN/EISSN" cell; "a/b" is print/electronic, a lone number is of unknown kind.
        QStringList print, electronic, unknown;
        const QStringList pair = issnsOf(fieldAt(row, issnPairColumn));
        if (pair.size() >= 2) {
            print << pair.at(0);
            electronic << pair.at(1);
        } else {
            unknown << pair << issnsOf(fieldAt(row, issnColumn));
        }
        const int journal = linkWithIssns(title, print, electronic, unknown, Venue::Journal);
        if (journal < 0) {
            ++result.skippedRows;
            continue;
        }
        Tagged<CasFact> tagged{journal, source, TextNormalizer::cleanTitle(title), {}};
        CasFact& fact = tagged.fact;
        fact.year = year;
        fact.majorCategory = fieldAt(row, majorColumn);
        parsePartition(fieldAt(row, majorPartitionColumn), &fact.partition, &fact.rank, &fact.rankTotal);
        fact.top = TextNormalizer::parseYesNo(fieldAt(row, topColumn)) == 1;
        fact.review = TextNormalizer::parseYesNo(fieldAt(row, reviewColumn)) == 1;
        const int oa = TextNormalizer::parseYesNo(fieldAt(row, oaColumn));
        if (oa >= 0)
            fact.openAccess = oa == 1;
        const int oaj = TextNormalizer::parseYesNo(fieldAt(row, oajColumn));
        if (oaj >= 0)
            fact.openAccessJournalIndex = oaj == 1;
        fact.webOfScience = normalizeWebOfScience(fieldAt(row, wosColumn));
        fact.note = fieldAt(row, noteColumn);
        for (qsizetype m = 0; m < minorColumns.size(); ++m) {
            CasCategory category;
            category.name = fieldAt(row, minorColumns.at(m)).simplified();
            if (category.name.isEmpty())
                continue;
            parsePartition(fieldAt(row, minorPartitionColumns.value(m, -1)), &category.partition, &category.rank,
                           &category.rankTotal);
            fact.minorCategories.append(category);
        }
        addOrMerge(m_data.cas, seen, std::move(tagged), result.duplicates,
                   [](const CasFact& candidate, const CasFact& kept) {
                       return candidate.partition > 0 && kept.partition == 0;
                   });
    }
}

void SourceParser::parseWarnings(const QList<QStringList>& rows, int year, int source, Result& result)
{
    const CsvHeader header(rows.first());
    const int journalColumn = header.indexOf(QStringLiteral("journal"));
    const int levelColumn = header.indexOf(QStringLiteral("预警等级.*"));
    const int reasonColumn = header.indexOf(QStringLiteral("预警原因.*"));
    // The header gives the year label: 预警等级（2020）.
    const int headerYear = header.yearIn(levelColumn >= 0 ? levelColumn : reasonColumn);
    if (headerYear)
        year = headerYear;

    QHash<int, qsizetype> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        ++result.rows;
        const QString title = fieldAt(row, journalColumn);
        const int journal = m_linker.link(title, {}, Venue::Journal);
        if (journal < 0) {
            ++result.skippedRows;
            continue;
        }
        Tagged<WarningFact> tagged{journal, source, TextNormalizer::cleanTitle(title), {}};
        tagged.fact.year = year;
        tagged.fact.level = fieldAt(row, levelColumn);
        tagged.fact.reason = fieldAt(row, reasonColumn);
        tagged.fact.listedTitle = tagged.listedTitle;
        addOrMerge(m_data.warnings, seen, std::move(tagged), result.duplicates,
                   [](const WarningFact&, const WarningFact&) { return false; });
    }
}

void SourceParser::parseCcf(const QList<QStringList>& rows, int year, int source, Result& result)
{
    const CsvHeader header(rows.first());
    const int journalColumn = header.indexOf(QStringLiteral("journal"));
    const int abbreviationColumn = header.indexOf(QStringLiteral("刊物简称|刊物名称"));
    const int publisherColumn = header.indexOf(QStringLiteral("出版社"));
    const int urlColumn = header.indexOf(QStringLiteral("网址"));
    const int fieldColumn = header.indexOf(QStringLiteral("领域"));
    const int venueColumn = header.indexOf(QStringLiteral("ccf推荐类别.*"));
    const int rankColumn = header.indexOf(QStringLiteral("ccf推荐类型"));
    const int mergedColumn = header.indexOf(QStringLiteral("合并/更名为"));

    QSet<QString> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        ++result.rows;
        // A few rows have no full name (HotSec in 2022 and 2026): the venue is still on the list, by its short name.
        const QString fullName = fieldAt(row, journalColumn);
        const QString title = fullName.isEmpty() ? fieldAt(row, abbreviationColumn) : fullName;
        const bool conference = fieldAt(row, venueColumn).contains(QStringLiteral("会议"));
        const int journal =
            m_linker.link(title, {}, conference ? Venue::Conference : Venue::Journal, fieldAt(row, abbreviationColumn));
        if (journal < 0) {
            ++result.skippedRows;
            continue;
        }
        CcfFact fact;
        fact.edition = year;
        fact.list = QStringLiteral("international");
        fact.rank = fieldAt(row, rankColumn).remove(QStringLiteral("类")).trimmed();
        fact.venueType = conference ? QStringLiteral("conference") : QStringLiteral("journal");
        fact.abbreviation = fieldAt(row, abbreviationColumn);
        fact.field = fieldAt(row, fieldColumn);
        fact.publisher = fieldAt(row, publisherColumn);
        fact.url = fieldAt(row, urlColumn);
        fact.mergedInto = fieldAt(row, mergedColumn);
        fact.listedTitle = TextNormalizer::cleanTitle(title);
        m_linker.addAbbreviation(journal, fact.abbreviation);
        // One venue may stand in two fields; only identical rows are duplicates.
        const QString identity = QStringLiteral("%1|%2|%3").arg(journal).arg(fact.rank, fact.field);
        if (seen.contains(identity)) {
            ++result.duplicates;
            continue;
        }
        seen.insert(identity);
        m_data.ccf.append({journal, source, fact.listedTitle, fact});
    }
}

void SourceParser::parseCcfChinese(const QList<QStringList>& rows, int year, int source, Result& result)
{
    const CsvHeader header(rows.first());
    const int journalColumn = header.indexOf(QStringLiteral("journal"));
    const int sponsorColumn = header.indexOf(QStringLiteral("主办单位"));
    const int urlColumn = header.indexOf(QStringLiteral("网址"));
    const int rankColumn = header.indexOf(QStringLiteral("ccf推荐类型"));
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        ++result.rows;
        const QString title = fieldAt(row, journalColumn); // a Chinese title
        const int journal = m_linker.link(title, {}, Venue::Journal);
        if (journal < 0) {
            ++result.skippedRows;
            continue;
        }
        m_linker.addChineseTitle(journal, title);
        CcfFact fact;
        fact.edition = year;
        fact.list = QStringLiteral("chinese");
        fact.rank = fieldAt(row, rankColumn).remove(QStringLiteral("类")).trimmed();
        fact.venueType = QStringLiteral("journal");
        fact.publisher = fieldAt(row, sponsorColumn);
        fact.url = fieldAt(row, urlColumn);
        fact.listedTitle = TextNormalizer::cleanTitle(title);
        m_data.ccf.append({journal, source, fact.listedTitle, fact});
    }
}

void SourceParser::parseCcft(const QList<QStringList>& rows, int year, int source, Result& result)
{
    const CsvHeader header(rows.first());
    const int chineseColumn = header.indexOf(QStringLiteral("中文刊名"));
    const int englishColumn = header.indexOf(QStringLiteral("journal"));
    const int cnColumn = header.indexOf(QStringLiteral("cn号"));
    const int languageColumn = header.indexOf(QStringLiteral("语种"));
    const int sponsorColumn = header.indexOf(QStringLiteral("主办单位"));
    const int tierColumn = header.indexOf(QStringLiteral("t分区"));

    QHash<int, qsizetype> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        ++result.rows;
        const QString english = fieldAt(row, englishColumn);
        const QString chinese = fieldAt(row, chineseColumn);
        // English titles link to JCR/CAS journals; Chinese-only ones link to the CCF Chinese list.
        const int journal = m_linker.link(english.isEmpty() ? chinese : english, {}, Venue::Journal);
        if (journal < 0) {
            ++result.skippedRows;
            continue;
        }
        m_linker.addChineseTitle(journal, chinese);
        m_linker.setCn(journal, fieldAt(row, cnColumn));
        Tagged<CcftFact> tagged{journal, source, english.isEmpty() ? chinese : english, {}};
        CcftFact& fact = tagged.fact;
        fact.edition = year;
        fact.tier = fieldAt(row, tierColumn);
        fact.titleZh = chinese;
        fact.titleEn = english;
        fact.cn = fieldAt(row, cnColumn);
        fact.language = fieldAt(row, languageColumn);
        fact.sponsor = fieldAt(row, sponsorColumn);
        addOrMerge(m_data.ccft, seen, std::move(tagged), result.duplicates,
                   [](const CcftFact&, const CcftFact&) { return false; });
    }
}

void SourceParser::parseXr(const QList<QStringList>& rows, int year, int source, Result& result)
{
    const CsvHeader header(rows.first());
    const int journalColumn = header.indexOf(QStringLiteral("journal"));
    const int abbreviationColumn = header.indexOf(QStringLiteral("会议缩写|刊物缩写|缩写"));
    const int partitionColumn = header.indexOf(QStringLiteral("分区"));
    const int topColumn = header.indexOf(QStringLiteral("top"));
    const int urlColumn = header.indexOf(QStringLiteral("会议网站|网址|网站"));
    const bool conferences = header.indexOf(QStringLiteral("会议缩写|会议网站")) >= 0;

    QHash<int, qsizetype> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        ++result.rows;
        const QString title = fieldAt(row, journalColumn);
        const int journal = m_linker.link(title, {}, conferences ? Venue::Conference : Venue::Journal,
                                          fieldAt(row, abbreviationColumn));
        if (journal < 0) {
            ++result.skippedRows;
            continue;
        }
        Tagged<XrFact> tagged{journal, source, TextNormalizer::cleanTitle(title), {}};
        tagged.fact.edition = year;
        tagged.fact.abbreviation = fieldAt(row, abbreviationColumn);
        tagged.fact.partition = fieldAt(row, partitionColumn);
        const QString top = fieldAt(row, topColumn);
        tagged.fact.top =
            top.compare(QLatin1String("top"), Qt::CaseInsensitive) == 0 || TextNormalizer::parseYesNo(top) == 1;
        tagged.fact.url = fieldAt(row, urlColumn);
        m_linker.addAbbreviation(journal, tagged.fact.abbreviation);
        addOrMerge(m_data.xr, seen, std::move(tagged), result.duplicates,
                   [](const XrFact&, const XrFact&) { return false; });
    }
}

void SourceParser::parseOther(const QList<QStringList>& rows, const QString& name, int year, int source, Result& result)
{
    // ShowJCR's rule: a new table needs no code change, it is found by its Journal column.
    const CsvHeader header(rows.first());
    const int journalColumn = header.indexOf(QStringLiteral("journal"));
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        ++result.rows;
        const QString title = fieldAt(row, journalColumn);
        const int journal = m_linker.link(title, {}, Venue::Any);
        if (journal < 0) {
            ++result.skippedRows;
            continue;
        }
        ExtraFact fact;
        fact.source = name;
        fact.year = year;
        for (int column = 0; column < header.size(); ++column) {
            if (column != journalColumn && !fieldAt(row, column).isEmpty())
                fact.fields.insert(header.originalName(column).trimmed(), fieldAt(row, column));
        }
        m_data.extra.append({journal, source, TextNormalizer::cleanTitle(title), fact});
    }
}

std::optional<double> SourceParser::parseImpactFactor(const QString& text)
{
    static const QRegularExpression number(QStringLiteral("^\\d+(\\.\\d+)?$"));
    const QString trimmed = text.trimmed();
    if (!number.match(trimmed).hasMatch())
        return std::nullopt; // "N/A", "Not Available", "<0.1"
    return trimmed.toDouble();
}

QPair<int, int> SourceParser::parseRank(const QString& text)
{
    static const QRegularExpression rank(QStringLiteral("^(\\d+)\\s*/\\s*(\\d+)$"));
    const QRegularExpressionMatch match = rank.match(text.trimmed());
    if (!match.hasMatch())
        return {0, 0};
    return {match.captured(1).toInt(), match.captured(2).toInt()};
}

void SourceParser::parsePartition(const QString& text, int* partition, int* rank, int* total)
{
    static const QRegularExpression pattern(QStringLiteral("^([1-4])\\s*(?:\\[\\s*(\\d+)\\s*/\\s*(\\d+)\\s*\\])?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    *partition = match.hasMatch() ? match.captured(1).toInt() : 0;
    *rank = match.hasMatch() ? match.captured(2).toInt() : 0;
    *total = match.hasMatch() ? match.captured(3).toInt() : 0;
}

QString SourceParser::normalizeWebOfScience(const QString& text)
{
    static const QRegularExpression token(QStringLiteral("SCIE|SSCI|AHCI|ESCI|OnHold|Suppressed"),
                                          QRegularExpression::CaseInsensitiveOption);
    QStringList indexes;
    QStringList statuses;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const QString found = it.next().captured(0);
        const QString upper = found.toUpper();
        if (upper == QLatin1String("ONHOLD"))
            statuses << QStringLiteral("on hold");
        else if (upper == QLatin1String("SUPPRESSED"))
            statuses << QStringLiteral("suppressed");
        else if (!indexes.contains(upper))
            indexes << upper;
    }
    QString result = indexes.join(QStringLiteral(", "));
    if (!statuses.isEmpty())
        result += QStringLiteral(" (%1)").arg(statuses.join(QStringLiteral(", ")));
    return result;
}

QString SourceParser::normalizeQuartile(const QString& text)
{
    const QString upper = text.trimmed().toUpper();
    static const QRegularExpression quartile(QStringLiteral("^Q[1-4]$"));
    return quartile.match(upper).hasMatch() ? upper : QString();
}

} // namespace jcr
