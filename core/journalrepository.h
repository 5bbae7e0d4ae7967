#pragma once

#include "journalrecords.h"

#include <QHash>
#include <QSqlDatabase>
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
    /// The best match for `nameOrIssn`, or nothing (error empty: not found; error set: failure).
    std::optional<JournalSummary> findBest(const QString& nameOrIssn, QString* error = nullptr) const;

    std::optional<JournalProfile> profile(qint64 journalId, QString* error = nullptr) const;
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

    /// Builds the in-memory search index now instead of on the first search.
    void warmUp() const;
    /// Uses the search index that `other` (same file) has already built.
    void shareSearchIndex(const JournalRepository& other);

    /// Longest query text accepted; longer input is refused with a clear error rather than searched.
    static constexpr int MaxQueryLength = 512;

private:
    /// Opens and checks the connection; the reason it cannot be used, or an empty string.
    QString connect(const QString& path);
    const SearchIndex& searchIndex() const;
    QSqlDatabase database() const;
    /// Runs a read statement, compiled once per connection and kept (m_statements); nullptr with the reason in
    /// `error` when it fails. The query stays valid until the next call with the same `sql`.
    QSqlQuery* prepared(const QString& sql, const QVariantList& values, QString* error) const;

    QString m_path;
    QString m_connectionName;
    mutable std::shared_ptr<const SearchIndex> m_index;
    mutable QHash<QString, QSqlQuery> m_statements;
};

} // namespace jcr
