#pragma once

#include "journalrecords.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <vector>

namespace jcr {

/// Every name and ISSN of every journal, in memory, for ranked search in well under a millisecond.
///
/// Why not SQL alone: the exact, prefix and substring stages would fit SQLite (an index and FTS5 trigrams),
/// but "one or two typos" needs an edit-distance search, which Debian's SQLite does not offer (spellfix1 is
/// not shipped), and running four SQL stages per query costs more than the whole in-memory search. The
/// index is built once per database file from `journal`, `journal_name` and `journal_issn`, is immutable,
/// and is shared by every repository (thread) on that file.
class SearchIndex
{
public:
    static std::shared_ptr<const SearchIndex> load(const QSqlDatabase& db, QString* error);

    struct Page
    {
        int total = 0;
        QList<JournalMatch> matches;
        bool resolved = false; ///< see SearchResult::resolved
    };
    /// Stages, best first (each journal once, at its best stage):
    /// 1. the ISSN, when the text looks like one; else
    /// 2. names equal to the text without case, dots, spaces and punctuation: titles, other spellings and Chinese
    ///    titles, then short names (JAMA), then abbreviations (CCF, JabRef ISO 4, MEDLINE, other); several journals
    ///    under one short name or abbreviation are all returned, most cited first, flagged ambiguous;
    /// 3. when nothing matched so far, a publisher word and an abbreviation or acronym ("IEEE TPAMI");
    /// 4. when no title matched, an acronym that one well-known journal owns (NEJM);
    /// 5. names starting with the text, then names containing it: whole words before parts of words, then the
    ///    most cited (newest impact factor) first;
    /// 6. when stages 2–4 found nothing, close spellings, fewest typos first.
    Page search(const QString& text, int offset, int limit) const;

    /// Names starting with `prefix` first, then names containing it; distinct, best first.
    QStringList complete(const QString& prefix, int limit) const;

    const JournalSummary* summaryById(qint64 id) const;
    int journalCount() const { return int(m_journals.size()); }

private:
    /// Where a name comes from; among equal keys the lower is the surer.
    enum class Source : quint8 { Title, Chinese, Spelling, ShortName, Ccf, Iso4, Medline, OtherList };
    struct Name
    {
        QString key;
        QString display;
        int journal; ///< index into m_journals
        Source source;
        quint64 wordStarts = 0; ///< bit i: a word of the name starts at key position i (i < 64)
    };
    struct Hit
    {
        int journal;
        int name; ///< index into m_names, or -1 (ISSN, acronym)
        MatchKind kind;
        int distance;
        int position;
        bool ambiguous = false;
        bool afterPublisher = false;
    };

    void addExact(const QString& key, QList<Hit>& hits) const;
    void addPublisherAbbreviation(const QString& text, QList<Hit>& hits) const;
    /// The journal that owns `key` as an acronym, when exactly one well-known journal does, else -1.
    /// `publisherKey` (not empty) keeps only journals whose title starts with it.
    int acronymOwner(const QString& key, const QString& publisherKey) const;
    /// Whether the title key of the journal's canonical title starts with `key` (a publisher word).
    bool titleStartsWith(int journal, const QString& key) const;
    void addPrefix(const QString& key, QList<Hit>& hits) const;
    void addSubstring(const QString& key, QList<Hit>& hits) const;
    /// Close spellings; returns whether the best is clearly better than the next journal's.
    bool addFuzzy(const QString& key, QList<Hit>& hits) const;
    std::vector<int> trigramCandidates(const QString& key) const;
    /// Whole words first, then the more cited journal, then the shorter name.
    void sortByQuality(QList<Hit>& stage, qsizetype keyLength) const;
    JournalMatch toMatch(const Hit& hit, const QString& text) const;
    /// Adds a name under `knownKey`, or under its title key when that is null.
    void addName(const QString& display, int journal, Source source, const QString& knownKey = QString());
    void build();

    static MatchKind kindOf(Source source);
    static QString abbreviationKindOf(Source source);
    /// 0 title-like, 1 short name, 2 abbreviation: journals of one class under one key are equally likely.
    static int classOf(Source source);
    static bool isAbbreviationList(Source source);

    QList<JournalSummary> m_journals;
    QHash<qint64, int> m_journalById;
    std::vector<Name> m_names; ///< sorted by key
    QHash<QString, QList<int>> m_journalsByIssn;
    std::vector<std::pair<quint64, int>> m_acronyms; ///< (packed acronym, journal), sorted
    QHash<quint64, std::vector<int>> m_trigrams;     ///< trigram → names (ascending) whose key contains it
};

} // namespace jcr
