#include "journalbackend.h"

#include "journalrepository.h"
#include "mcplogging.h"

#include <QFileInfo>

namespace jcr::mcp {

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

bool JournalBackend::open(QString* error)
{
    if (m_repository && m_repository->isOpen()) {
        followReplacement();
        return true;
    }
    auto repository = std::make_unique<JournalRepository>();
    QString why;
    if (!QFileInfo::exists(m_path)) {
        why = QStringLiteral("The journal database was not found at %1.").arg(m_path);
    } else if (!repository->open(m_path, &why)) {
        if (why.isEmpty())
            why = QStringLiteral("The journal database at %1 could not be opened.").arg(m_path);
    } else {
        m_repository = std::move(repository);
        m_seenVersion = m_dataVersion = fileVersion(m_path);
        m_sinceCheck.start();
        m_everOpened = true;
        m_lastError.clear();
        return true;
    }
    if (!why.contains(QLatin1String("sync")))
        why += QLatin1Char(' ') + syncHint(m_path);
    m_lastError = why;
    if (error)
        *error = why;
    return false;
}

void JournalBackend::followReplacement()
{
    if (m_sinceCheck.isValid() && m_sinceCheck.elapsed() < 1000)
        return;
    m_sinceCheck.start();
    const qint64 version = fileVersion(m_path);
    if (version == 0 || version == m_seenVersion)
        return;
    // A sync swapped in a new database (rename(2): the open connection still reads the old file).
    auto replacement = std::make_unique<JournalRepository>();
    QString why;
    if (!replacement->open(m_path, &why)) {
        qCWarning(lcMcp).noquote() << "a new journal database appeared but cannot be opened; still answering from "
                                      "the previous one:"
                                   << why;
        m_seenVersion = version; // do not retry the same broken file every second
        return;
    }
    qCInfo(lcMcp).noquote() << "the journal database was updated; answering from the new data";
    m_repository = std::move(replacement);
    m_seenVersion = m_dataVersion = version;
}

qint64 JournalBackend::fileVersion(const QString& path)
{
    const QFileInfo file(path);
    return file.exists() ? file.lastModified().toMSecsSinceEpoch() : 0;
}

qint64 JournalBackend::dataVersion()
{
    return open() ? m_dataVersion : 0;
}

const JournalRepository* JournalBackend::repository(QString* error)
{
    return open(error) ? m_repository.get() : nullptr;
}

HealthReport JournalBackend::health()
{
    if (open())
        return m_repository->health();
    HealthReport report = JournalRepository::healthOf(m_path);
    if (report.message.isEmpty() || !report.message.contains(QLatin1String("sync")))
        report.message = m_lastError;
    return report;
}

} // namespace jcr::mcp
