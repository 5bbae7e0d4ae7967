#pragma once

#include "databasefileidentity.h"

#include <QElapsedTimer>
#include <QString>

#include <memory>

namespace jcr {
class JournalRepository;
struct HealthReport;
} // namespace jcr

namespace jcr::mcp {

/// The journal database as the MCP handlers see it: the file at the configured path, as it is now. Before
/// each use the identity of that file (DatabaseFileIdentity: inode, size, times) is compared with the one
/// the repository opened; when a sync replaced it (or anything rewrote it in place) the new file is opened
/// and answers. When the file is missing, cannot be opened, or is known to be damaged (its background
/// integrity check or a query found SQLITE_CORRUPT), the server still runs: tools answer with an error that
/// says what is wrong and how to build the file (`jcr-mcp-server sync`), health() is unhealthy, and the file
/// is used again as soon as a valid one is at the path. health() is the one health notion of the server:
/// HTTP /health (and so the `healthcheck` command) and the jcr://health resource both report it.
/// Used from the thread that created it (JournalRepository is bound to its thread).
class JournalBackend
{
public:
    explicit JournalBackend(const QString& databasePath);
    ~JournalBackend();
    JournalBackend(const JournalBackend&) = delete;
    JournalBackend& operator=(const JournalBackend&) = delete;

    QString databasePath() const { return m_path; }

    /// Makes sure the file at the path is the one open (opening it if not yet or if it changed). Returns false
    /// with a person-readable explanation when it cannot be used.
    bool open(QString* error = nullptr);
    /// The repository on the file at the path, or nullptr with the reason (and what to do) in `error`.
    const JournalRepository* repository(QString* error = nullptr);
    /// The version of the database file that answers (fileVersion() of the file when it was opened); 0 while
    /// none can be used. Checks for a changed file first, like repository().
    qint64 dataVersion();
    /// The version of the database file at `path` as it is on disk now (DatabaseFileIdentity::version(): a
    /// replaced or rewritten file has a new one); 0 when absent.
    static qint64 fileVersion(const QString& path);
    /// Was the database ever opened successfully during this run?
    bool everOpened() const { return m_everOpened; }

    /// Healthy when the file at the path opens, passed its integrity check (waited for, up to a few seconds,
    /// right after the file was opened) and answers; unhealthy with the reason otherwise.
    HealthReport health();

    /// The sentence that tells a user how to build the database.
    static QString syncHint(const QString& databasePath);
    /// While true (FirstSync builds the missing database in the background: `--sync-if-missing`), a missing
    /// database is explained as being prepared rather than with syncHint(). Any thread.
    static void setPreparingData(bool preparing);
    static bool isPreparingData();

private:
    /// Opens the file as it is now (`now`), replacing the repository; false with the reason in m_lastError.
    bool reopen(const DatabaseFileIdentity& now);
    bool fail(const QString& why, QString* error);

    QString m_path;
    std::unique_ptr<JournalRepository> m_repository;
    QString m_lastError;
    DatabaseFileIdentity m_failed; ///< the file version that could not be used (m_lastError says why)
    QElapsedTimer m_sinceFailure;  ///< a version that failed is tried again at most once a second
    bool m_everOpened = false;
};

} // namespace jcr::mcp
