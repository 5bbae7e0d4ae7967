#pragma once

#include <QElapsedTimer>
#include <QString>

#include <memory>

namespace jcr {
class JournalRepository;
struct HealthReport;
} // namespace jcr

namespace jcr::mcp {

/// The journal database as the MCP handlers see it: a repository that may be missing. When the file is
/// missing or broken the server still runs; tools and jcr://health then explain how to build it
/// (`jcr-mcp-server sync`), and the file is opened as soon as it appears (after a sync run elsewhere).
/// When a sync replaces the file while the server runs, the next use after the swap (checked at most once
/// a second) opens the new file; until then, and if the new file cannot be opened, the old data answers.
/// Used from the thread that created it (JournalRepository is bound to its thread).
class JournalBackend
{
public:
    explicit JournalBackend(const QString& databasePath);
    ~JournalBackend();
    JournalBackend(const JournalBackend&) = delete;
    JournalBackend& operator=(const JournalBackend&) = delete;

    QString databasePath() const { return m_path; }

    /// Opens the database if not yet open. Returns false with a person-readable explanation otherwise.
    bool open(QString* error = nullptr);
    /// The open repository, or nullptr with the reason (and what to do) in `error`.
    const JournalRepository* repository(QString* error = nullptr);
    /// The version of the database file that answers (fileVersion() of the file when it was opened); 0 while
    /// none is open. Checks for a replaced file first, like repository().
    qint64 dataVersion();
    /// The version of the database file at `path` as it is on disk now: its modification time in ms since the
    /// epoch (a sync renames a new file over the old one, so a new file has a new time); 0 when absent.
    static qint64 fileVersion(const QString& path);
    /// Was the database ever opened successfully during this run?
    bool everOpened() const { return m_everOpened; }

    HealthReport health();

    /// The sentence that tells a user how to build the database.
    static QString syncHint(const QString& databasePath);

private:
    /// Opens the file again when a sync has replaced it since it was opened.
    void followReplacement();

    QString m_path;
    qint64 m_seenVersion = 0; ///< fileVersion() last looked at (a broken new file is not retried every second)
    QElapsedTimer m_sinceCheck;
    qint64 m_dataVersion = 0; ///< of the file m_repository reads
    std::unique_ptr<JournalRepository> m_repository;
    QString m_lastError;
    bool m_everOpened = false;
};

} // namespace jcr::mcp
