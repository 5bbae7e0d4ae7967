#include "journalbackend.h"

#include "journalrepository.h"
#include "mcplogging.h"

#include <atomic>

namespace jcr::mcp {

namespace {
/// How long health() waits for the integrity check of a file just opened (it takes ~0.2 s on the full data).
constexpr int IntegrityWaitMs = 10000;
/// A file version that could not be used is not opened again sooner (the failure answers meanwhile).
constexpr qint64 RetryFailedMs = 1000;
std::atomic<bool> preparingData{false};
} // namespace

JournalBackend::JournalBackend(const QString& databasePath) : m_path(databasePath)
{
}

JournalBackend::~JournalBackend() = default;

QString JournalBackend::syncHint(const QString& databasePath)
{
    return QStringLiteral("Build it with `jcr-mcp-server sync --db \"%1\"` (add `--from <folder>` to import ShowJCR "
                          "CSV files from a local folder), then call the tool again. "
                          "请先运行 jcr-mcp-server sync 建立期刊数据库。")
        .arg(databasePath);
}

void JournalBackend::setPreparingData(bool preparing)
{
    preparingData = preparing;
}

bool JournalBackend::isPreparingData()
{
    return preparingData;
}

bool JournalBackend::open(QString* error)
{
    // A stat(2) per use: cheap next to any query, and it makes a file rewritten in place visible at once.
    // Crash safety does not depend on it (the file can change right after): SQLite reads the file without
    // memory mapping, so a file that shrinks under a query makes that query fail, not the process (see
    // JournalRepository::tuneConnection).
    const DatabaseFileIdentity now = DatabaseFileIdentity::of(m_path);
    if (!now.exists) {
        m_repository.reset(); // its data may be gone for good; answering from it would hide that
        if (preparingData) {
            m_lastError =
                QStringLiteral("The journal data is being prepared: on its first start the server downloads "
                               "the journal lists and builds its database (progress in the server log). "
                               "Try again in a minute or two. 期刊数据正在准备中（首次启动需下载并建立数据库），"
                               "请一两分钟后再试。");
            if (error)
                *error = m_lastError;
            return false;
        }
        return fail(QStringLiteral("The journal database was not found at %1.").arg(m_path), error);
    }
    if (!m_repository || m_repository->identity() != now) {
        if (now == m_failed && m_sinceFailure.isValid() && m_sinceFailure.elapsed() < RetryFailedMs)
            return fail(m_lastError, error);
        if (!reopen(now))
            return fail(m_lastError, error);
    }
    const QString damage = m_repository->damage();
    if (!damage.isEmpty()) {
        if (now != m_failed) // once per file version, not once per retry
            qCWarning(lcMcp).noquote() << "the journal database cannot be used any more:" << damage;
        m_repository.reset();
        m_failed = now;
        m_sinceFailure.start();
        return fail(QStringLiteral("The journal database at %1 is damaged (%2); replace it by renaming a good file "
                                   "over it, as sync does.")
                        .arg(m_path, damage),
                    error);
    }
    m_lastError.clear();
    return true;
}

bool JournalBackend::reopen(const DatabaseFileIdentity& now)
{
    const bool replacing = m_repository != nullptr;
    m_repository.reset();
    auto repository = std::make_unique<JournalRepository>();
    QString why;
    if (!repository->open(m_path, &why)) {
        if (why.isEmpty())
            why = QStringLiteral("The journal database at %1 could not be opened.").arg(m_path);
        if (now != m_failed)
            qCWarning(lcMcp).noquote() << "the journal database cannot be opened:" << why;
        m_failed = now;
        m_sinceFailure.start();
        m_lastError = why;
        return false;
    }
    if (replacing)
        qCInfo(lcMcp).noquote() << "the journal database changed on disk; answering from the file there now";
    repository->checkIntegrityInBackground();
    m_repository = std::move(repository);
    m_everOpened = true;
    return true;
}

bool JournalBackend::fail(const QString& why, QString* error)
{
    QString message = why;
    // Whether the reason already says what to do; the path itself may contain the word (…/firstsync/jcr.db).
    if (!QString(why).remove(m_path).contains(QLatin1String("sync")))
        message += QLatin1Char(' ') + syncHint(m_path);
    m_lastError = message;
    if (error)
        *error = message;
    return false;
}

qint64 JournalBackend::fileVersion(const QString& path)
{
    return DatabaseFileIdentity::of(path).version();
}

qint64 JournalBackend::dataVersion()
{
    return open() ? m_repository->identity().version() : 0;
}

const JournalRepository* JournalBackend::repository(QString* error)
{
    return open(error) ? m_repository.get() : nullptr;
}

HealthReport JournalBackend::health()
{
    QString why;
    if (open(&why)) {
        why = m_repository->integrityVerdict(IntegrityWaitMs);
        if (why.isEmpty()) {
            const HealthReport report = m_repository->health();
            if (report.healthy || m_repository->damage().isEmpty())
                return report;
        }
        // Damaged (found by the check, or by a query just now): the message tools give from now on. Otherwise the
        // verdict says why the file is not known to be sound yet.
        QString unusable;
        if (!open(&unusable))
            why = unusable;
    }
    HealthReport report;
    report.path = m_path;
    report.databasePresent = DatabaseFileIdentity::of(m_path).exists;
    report.message = why;
    return report;
}

} // namespace jcr::mcp
