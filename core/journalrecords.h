#pragma once

// Plain value types returned by JournalRepository. They are the one vocabulary shared by the MCP tools,
// the CLI and the GUI, so each has a toJson() with stable English keys (the MCP structuredContent).
// Kept together in one header because they are data, not behaviour.

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace jcr {

/// One JCR category of a journal in one year (2023: one; 2024: several, no per-category quartile; 2025: up to 6).
struct JcrCategory
{
    QString name;
    QString edition;  ///< SCIE, SSCI, AHCI, ESCI when the file says so
    QString quartile; ///< Q1..Q4, empty when the file gives none (N/A, AHCI-only)
    int rank = 0;     ///< 0 when unknown (N/A, or a rank that Excel turned into a date)
    int rankTotal = 0;

    QJsonObject toJson() const;
};

/// JCR facts of one journal for one year label (the year that the file and its header give).
struct JcrFact
{
    int year = 0;
    std::optional<double> impactFactor; ///< empty for "N/A", "Not Available", "<0.1"
    QString impactFactorText;           ///< the original text, e.g. "<0.1" or "109"
    QString quartile;                   ///< the journal's quartile for the year (best of its categories)
    int rank = 0;
    int rankTotal = 0;
    QString webOfScience; ///< e.g. "SCIE, SSCI"
    QString country;
    QList<JcrCategory> categories;

    QJsonObject toJson() const;
};

struct CasCategory
{
    QString name; ///< e.g. "ONCOLOGY 肿瘤学"
    int partition = 0;
    int rank = 0; ///< 2025 on: "4 [405/523]" gives rank 405 of 523
    int rankTotal = 0;

    QJsonObject toJson() const;
};

/// Chinese Academy of Sciences (中科院) partition of one journal in one edition.
struct CasFact
{
    int year = 0;
    QString majorCategory; ///< 大类
    int partition = 0;     ///< 大类分区 1..4
    int rank = 0;
    int rankTotal = 0;
    bool top = false;
    bool review = false;
    std::optional<bool> openAccess;
    std::optional<bool> openAccessJournalIndex; ///< OAJ, 2025 on
    QString webOfScience;
    QString note;                       ///< 标注, 2025 on
    QList<CasCategory> minorCategories; ///< 小类

    QJsonObject toJson() const;
};

/// An entry of the international journal warning list (国际期刊预警名单).
struct WarningFact
{
    int year = 0;
    QString level;  ///< 高/中/低, until 2023
    QString reason; ///< from 2024, reasons joined by 、
    QString listedTitle;

    QJsonObject toJson() const;
};

/// China Computer Federation (CCF) recommendation.
struct CcfFact
{
    int edition = 0;
    QString list;      ///< "international" or "chinese"
    QString rank;      ///< A, B, C
    QString venueType; ///< "journal" or "conference"
    QString abbreviation;
    QString field;
    QString publisher;
    QString url;
    QString mergedInto;
    QString listedTitle;

    QJsonObject toJson() const;
};

/// CCF high-quality computing journal tier (计算领域高质量科技期刊分级目录).
struct CcftFact
{
    int edition = 0;
    QString tier; ///< T1..T3
    QString titleZh;
    QString titleEn;
    QString cn;
    QString language;
    QString sponsor;

    QJsonObject toJson() const;
};

/// XR (新锐) conference table.
struct XrFact
{
    int edition = 0;
    QString abbreviation;
    QString partition;
    bool top = false;
    QString url;

    QJsonObject toJson() const;
};

/// A row of a ShowJCR table that this version does not know, kept by its Journal column.
struct ExtraFact
{
    QString source;
    int year = 0;
    QJsonObject fields;

    QJsonObject toJson() const;
};

/// A citation abbreviation of a journal from the JabRef lists (ISO 4, MEDLINE, other lists), as reference lists
/// are written: "Nat. Commun." (ISO 4), "Nat Commun" (MEDLINE).
struct CitationAbbreviation
{
    QString abbreviation;
    QString kind; ///< iso4, medline or other

    bool operator==(const CitationAbbreviation& other) const
    {
        return abbreviation == other.abbreviation && kind == other.kind;
    }
    QJsonObject toJson() const;
    /// The standard an abbreviation follows, by the names the standards give themselves ("ISO 4", "MEDLINE",
    /// the same in every language); empty for the other lists.
    QString standard() const;
};

/// What a search hit or a list row shows of a journal.
struct JournalSummary
{
    qint64 id = 0;
    QString title;
    QString titleZh;
    QString issn;
    QString eissn;
    QString venueType; ///< "journal" or "conference"
    int latestJcrYear = 0;
    std::optional<double> latestImpactFactor;
    QString latestQuartile;
    int latestCasYear = 0;
    int latestCasPartition = 0;
    bool latestCasTop = false;
    bool onWarningList = false;
    QString ccfRank; ///< newest CCF class, if any

    QJsonObject toJson() const;
};

/// Everything known about one journal, every year, every source.
struct JournalProfile
{
    JournalSummary summary;
    QStringList otherTitles; ///< spellings seen in other files
    QStringList abbreviations;
    /// The JabRef abbreviations, each (abbreviation, kind) once whichever lists give it: ISO 4, MEDLINE, other.
    QList<CitationAbbreviation> citationAbbreviations;
    QString cn;
    QList<JcrFact> jcr; ///< newest first
    QList<CasFact> cas;
    QList<WarningFact> warnings;
    QList<CcfFact> ccf;
    QList<CcftFact> ccft;
    QList<XrFact> xr;
    QList<ExtraFact> extra;

    QJsonObject toJson() const;
};

/// How a query matched a journal, surest first (the order search results keep):
/// - Exact: a title the journal carries (canonical, another file's spelling, Chinese);
/// - Issn: its ISSN or EISSN;
/// - Alias: the short name before the hyphen of a JCR title (`JAMA` of `JAMA-JOURNAL OF THE …`);
/// - Abbreviation: a citation abbreviation (JabRef ISO 4 / MEDLINE / other lists, CCF), with or without dots
///   and spaces, also after a publisher word (`IEEE TPAMI`);
/// - Acronym: the initials of the title's significant words (`NEJM`), only when one well-known journal owns them;
/// - Prefix, Substring: the start of a name, a part of it;
/// - Fuzzy: a close spelling (one to three typos).
enum class MatchKind { Exact, Issn, Alias, Abbreviation, Acronym, Prefix, Substring, Fuzzy };
QString matchKindName(MatchKind kind);

struct JournalMatch
{
    JournalSummary journal;
    MatchKind kind = MatchKind::Exact;
    QString matchedName;      ///< the name or ISSN that matched
    int distance = 0;         ///< edit distance, for fuzzy matches
    QString abbreviationKind; ///< Abbreviation: iso4, medline, other (JabRef lists) or ccf
    QString publisher;        ///< Abbreviation/Acronym after a publisher word: that word ("IEEE")
    /// The name stands for several journals equally well (an abbreviation or short name of two journals): this is
    /// one of them, the others follow.
    bool ambiguous = false;

    /// How the journal matched, in words: "exact title", "abbreviation (ISO 4)", "close spelling", …
    QString matchedBy() const;
    /// "matched by abbreviation (ISO 4): Nat. Commun." — what an answer says about a match.
    QString matchNote() const;
    QJsonObject toJson() const;
};

struct SearchOptions
{
    int limit = 10;
    int offset = 0;
};

struct SearchResult
{
    QString query;
    int total = 0; ///< journals that matched at all, beyond the page
    QList<JournalMatch> matches;
    /// Whether the first match may be answered as the journal meant: any match but a close spelling, and a
    /// close spelling only when it is clearly better than the next (one candidate, or a wide margin).
    bool resolved = false;
    QString error; ///< set when the query could not be run (empty query, database failure)

    bool ok() const { return error.isEmpty(); }
    QJsonObject toJson() const;
};

enum class Direction { Rising, Falling, Stable, Unknown };
QString directionName(Direction direction);

struct TrendPoint
{
    int year = 0;
    std::optional<double> impactFactor;
    QString impactFactorText;
    QString quartile;
    int casPartition = 0;
    bool casTop = false;
    QString casMajorCategory;

    QJsonObject toJson() const;
};

struct JournalTrend
{
    JournalSummary journal;
    QList<TrendPoint> points; ///< oldest first
    Direction impactFactor = Direction::Unknown;
    Direction quartile = Direction::Unknown;
    Direction casPartition = Direction::Unknown;

    QJsonObject toJson() const;
};

struct WarningEntry
{
    WarningFact warning;
    JournalSummary journal;

    QJsonObject toJson() const;
};

struct WarningQuery
{
    int year = 0;    ///< 0 = every year
    QString keyword; ///< matches the title or the reason
};

struct FilterCriteria
{
    QString majorCategory; ///< 大类, exact
    QString minorCategory; ///< 小类, substring (English or Chinese)
    int casPartition = 0;  ///< 1..4, 0 = any; applies to the 小类 when one is given
    std::optional<bool> top;
    QString quartile; ///< Q1..Q4
    std::optional<double> minImpactFactor;
    std::optional<double> maxImpactFactor;
    std::optional<bool> openAccess;
    QString ccfRank;   ///< A, B, C
    QString ccfField;  ///< CCF 领域, Chinese or English name (CcfFields::resolve)
    QString venueType; ///< "journal" or "conference"; empty = both
    QString nameContains;
    int year = 0;                                     ///< 0 = newest edition
    QString sortBy = QStringLiteral("impact_factor"); ///< impact_factor, title, cas_partition
    bool descending = true;
    int limit = 20;
    int offset = 0;
};

struct FilterRow
{
    JournalSummary journal;
    std::optional<double> impactFactor;
    QString quartile;
    QString majorCategory;
    int casPartition = 0;
    bool top = false;
    QString ccfRank;
    QString ccfField;        ///< with a CCF criterion: the venue's field in that CCF edition
    QString ccfAbbreviation; ///< with a CCF criterion: e.g. "NeurIPS"
    QString ccfTitle;        ///< with a CCF criterion: the name as the CCF list gives it

    QJsonObject toJson() const;
};

struct FilterResult
{
    int total = 0;
    int jcrYear = 0;
    int casYear = 0;
    int ccfEdition = 0; ///< the CCF list used, when a CCF criterion was given
    QString ccfField;   ///< the field as the CCF list names it, when one was asked for
    QList<FilterRow> rows;
    QString error;

    bool ok() const { return error.isEmpty(); }
    QJsonObject toJson() const;
};

struct SourceFileInfo
{
    QString name;
    QString kind;
    int year = 0;
    int rows = 0;
    int skippedRows = 0;
    QString sha256;
    QDateTime importedAt;

    QJsonObject toJson() const;
};

struct DatabaseInfo
{
    QString path;
    QString schemaVersion;
    QString dataSource;
    QDateTime builtAt;
    qint64 journals = 0;
    qint64 journalsWithAbbreviations = 0; ///< journals that a JabRef abbreviation row is linked to
    QMap<QString, qint64> tableRows;
    QList<SourceFileInfo> sources;
    QList<int> jcrYears;
    QList<int> casYears;
    QList<int> warningYears;
    QList<int> ccfEditions;

    QJsonObject toJson() const;
};

struct HealthReport
{
    bool healthy = false;
    bool databasePresent = false;
    bool readable = false;
    QString path;
    QString message; ///< what is wrong and what to do, when unhealthy
    QDateTime builtAt;
    qint64 dataAgeDays = -1;
    int newestDataYear = 0;
    QMap<QString, qint64> tableRows;

    QJsonObject toJson() const;
};

} // namespace jcr
