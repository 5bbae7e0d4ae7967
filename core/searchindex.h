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
    };
    /// Stages, best first: ISSN (when the text looks like one) or exact name/abbreviation; then prefix,
    /// substring, and, when nothing matched exactly, close spellings. Each journal appears once, at its
    /// best stage; within a stage shorter names and then higher impact factors come first.
    Page search(const QString& text, int offset, int limit) const;

    /// Names starting with `prefix` first, then names containing it; distinct, best first.
    QStringList complete(const QString& prefix, int limit) const;

    const JournalSummary* summaryById(qint64 id) const;
    int journalCount() const { return int(m_journals.size()); }

private:
    struct Name
    {
        QString key;
        QString display;
        int journal; ///< index into m_journals
        MatchKind kind;
        int priority; ///< among equal keys: canonical title, Chinese title, other spelling, abbreviation
    };
    struct Hit
    {
        int journal;
        int name;
        MatchKind kind;
        int distance;
        int position;
    };

    void addExact(const QString& key, QList<Hit>& hits) const;
    void addPrefix(const QString& key, QList<Hit>& hits) const;
    void addSubstring(const QString& key, QList<Hit>& hits) const;
    void addFuzzy(const QString& key, QList<Hit>& hits) const;
    std::vector<int> trigramCandidates(const QString& key) const;
    void sortShorterNameFirst(QList<Hit>& stage) const;
    void build();

    QList<JournalSummary> m_journals;
    QHash<qint64, int> m_journalById;
    std::vector<Name> m_names; ///< sorted by key
    QHash<QString, QList<int>> m_journalsByIssn;
    QHash<quint64, std::vector<int>> m_trigrams; ///< trigram → names (ascending) whose key contains it
};

} // namespace jcr
