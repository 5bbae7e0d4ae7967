#include "answercache.h"

#include "journalbackend.h"

#include <QJsonDocument>
#include <QMutexLocker>

namespace jcr::mcp {

namespace {
constexpr qint64 RecheckMilliseconds = 1000;
}

AnswerCache::AnswerCache(const QString& databasePath, qint64 maxBytes)
    : m_databasePath(databasePath), m_enabled(maxBytes > 0)
{
    m_entries.setMaxCost(maxBytes);
    m_clock.start();
}

QByteArray AnswerCache::key(const QString& protocolVersion, const QString& tool, const QJsonObject& arguments)
{
    return protocolVersion.toLatin1() + '\n' + tool.toUtf8() + '\n' +
           QJsonDocument(arguments).toJson(QJsonDocument::Compact);
}

QByteArray AnswerCache::find(const QByteArray& key, qint64 dataVersion) const
{
    if (dataVersion == 0 || !m_enabled)
        return QByteArray();
    QMutexLocker lock(&m_mutex);
    const Entry* entry = m_entries.object(key);
    return entry && entry->dataVersion == dataVersion ? entry->result : QByteArray();
}

void AnswerCache::insert(const QByteArray& key, qint64 dataVersion, const QByteArray& result)
{
    if (dataVersion == 0 || result.isEmpty() || !m_enabled)
        return;
    const qint64 cost = key.size() + result.size() + qint64(sizeof(Entry));
    QMutexLocker lock(&m_mutex);
    m_entries.insert(key, new Entry{dataVersion, result}, cost);
}

qint64 AnswerCache::currentDataVersion() const
{
    const qint64 now = m_clock.elapsed();
    qint64 checkedAt = m_checkedAt.load(std::memory_order_acquire);
    // One thread looks at the file per second; the others use the last answer meanwhile.
    if ((checkedAt < 0 || now - checkedAt >= RecheckMilliseconds) &&
        m_checkedAt.compare_exchange_strong(checkedAt, now, std::memory_order_acq_rel))
        m_version.store(JournalBackend::fileVersion(m_databasePath), std::memory_order_release);
    return m_version.load(std::memory_order_acquire);
}

int AnswerCache::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.count());
}

} // namespace jcr::mcp
