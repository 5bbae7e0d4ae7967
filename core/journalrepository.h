#pragma once

#include "databasefileidentity.h"
#include "journalrecords.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace jcr {

class SearchIndex;

/// Every journal question, answered from one database file. This is the API that the MCP tools, the CLI
/// and the GUI call; none of them writes SQL of its own.
///
/// Threading: a repository owns one named, read-only SQLite connection and must be used from the thread
/// that opened it. Open one repository per worker thread; they share the in-memory search index of the
/// same file through shareSearchIndex(), so it is built once.
class JournalRepository
{
public:
    JournalRepository();
    ~JournalRepository();
    JournalRepository(const JournalRepository&) = delete;
    JournalRepository& operator=(const JournalRepository&) = delete;

    /// Opens `path` read-only. Returns false with a message that says what to do (run sync) when the file
    /// is missing, unreadable, corrupt or of another schema version.
    bool open(const QString& path, QString* error = nullptr);
    bool isOpen() const;
    QString path() const;
    void close();

    /// Ranked matches for a name, part of a name, an ISSN/EISSN, an abbreviation or a Chinese title.
    SearchResult search(const QString& text, const SearchOptions& options = {}) const;
    /// The best match for `nameOrIssn`, or nothing (error empty: not found, or only close spellings of which none
    /// is clearly the one meant; error set: failure).
    std::optional<JournalSummary> findBest(const QString& nameOrIssn, QString* error = nullptr) const;

    std::optional<JournalProfile> profile(qint64 journalId, QString* error = nullptr) const;
    /// The profile with only its JCR, CAS, warning-list and CCF facts (no names, categories, CCFT, XR or extra
    /// rows): what a reference check needs of each journal, in 4 queries instead of 10.
    std::optional<JournalProfile> rankingFacts(qint64 journalId, QString* error = nullptr) const;
    std::optional<JournalProfile> profile(const QString& nameOrIssn, QString* error = nullptr) const;
    std::optional<JournalTrend> trend(const QString& nameOrIssn, QString* error = nullptr) const;
    std::optional<JournalTrend> trend(qint64 journalId, QString* error = nullptr) const;
    QList<WarningEntry> warnings(const WarningQuery& query, QString* error = nullptr) const;

    struct Comparison
    {
        QList<JournalProfile> journals;
        QStringList notFound;
    };
    Comparison compare(const QStringList& namesOrIssns, QString* error = nullptr) const;

    FilterResult filter(const FilterCriteria& criteria) const;
    /// Values a client may complete: journal titles, abbreviations and Chinese titles that start with or
    /// contain `prefix`, best first.
    QStringList completeNames(const QString& prefix, int limit = 20) const;
    /// The distinct 大类 (CAS major categories) of the newest edition, for completion and validation.
    QStringList casMajorCategories() const;

    DatabaseInfo databaseInfo(QString* error = nullptr) const;
    /// Never fails: a missing or broken database gives an unhealthy report that says why.
    HealthReport health() const;
    static HealthReport healthOf(const QString& path);

    /// The file version this repository reads: its identity on disk just before it was opened. The owner compares
    /// it with DatabaseFileIdentity::of(path()) before each use and opens the file again when they differ.
    DatabaseFileIdentity identity() const;
    /// Why the file version this repository reads must not be used any more, as far as this process knows (a
    /// query of any repository on it failed with SQLITE_CORRUPT, or its integrity check failed); empty if sound.
    QString damage() const;
    /// Starts PRAGMA quick_check of this file version on a background thread, once per process and version.
    void checkIntegrityInBackground() const;
    /// Waits up to `timeoutMs` for that check: empty when the version passed it, else why it cannot be trusted.
    QString integrityVerdict(int timeoutMs) const;

    /// Builds the in-memory search index now instead of on the first search.
    void warmUp() const;
    /// Uses the search index that `other` (same file) has already built.
    void shareSearchIndex(const JournalRepository& other);

    /// Longest query text accepted; longer input is refused with a clear error rather than searched.
    static constexpr int MaxQueryLength = 512;

private:
    /// Opens and checks the connection; the reason it cannot be used, or an empty string.
    QString connect(const QString& path);
    /// Points `db` at the file, read-only.
    static void openReadOnly(QSqlDatabase& db, const QString& absolutePath);
    /// Page cache and I/O settings of an open connection (why no memory mapping: see the definition).
    static void tuneConnection(QSqlDatabase& db);
    /// PRAGMA quick_check of the file at `path`: empty when it passed and the file is still `identity`.
    static QString quickCheck(const QString& path, const DatabaseFileIdentity& identity);
    /// Whether a query failed (`failure` valid). If so, sets `error` and, when SQLite says the file is damaged,
    /// records that for every repository on this file version (damage()).
    bool failed(const QSqlError& failure, QString* error) const;
    /// The stored name of the CCF field (领域) that `text` names in CCF `edition`; empty with `error` if none.
    QString resolveCcfField(const QString& text, int edition, QString* error) const;
    /// profile() or, when `full` is false, rankingFacts().
    std::optional<JournalProfile> readProfile(qint64 journalId, bool full, QString* error) const;
    /// The journal's JabRef abbreviations into `profile`; false with the reason in `error` when the query fails.
    bool readCitationAbbreviations(qint64 journalId, JournalProfile* profile, QString* error) const;
    const SearchIndex& searchIndex() const;
    /// The search index, or nullptr with the reason in `error` when the file's names could not be read into it.
    const SearchIndex* loadedIndex(QString* error) const;
    QSqlDatabase database() const;
    /// Runs a read statement, compiled once per connection and kept (m_statements); nullptr with the reason in
    /// `error` when it fails. The query stays valid until the next call with the same `sql`.
    QSqlQuery* prepared(const QString& sql, const QVariantList& values, QString* error) const;

    QString m_path;
    DatabaseFileIdentity m_identity;
    QString m_connectionName;
    mutable std::shared_ptr<const SearchIndex> m_index;
    mutable QString m_indexError; ///< why m_index is empty: the names could not be read
    mutable QHash<QString, QSqlQuery> m_statements;
};

} // namespace jcr
