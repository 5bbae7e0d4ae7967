#include "answercache.h"

#include "journalbackend.h"

#include <QJsonDocument>
#include <QMutexLocker>

namespace jcr::mcp {

namespace {

constexpr qint64 RecheckMilliseconds = 1000;

/// What malloc takes for a request of `bytes`: glibc adds an 8-byte header and rounds to 16 (32 at least).
/// Other allocators differ by a few bytes per block; the estimate only needs to be close, not exact.
qint64 heapBlock(qint64 bytes)
{
    return std::max<qint64>(32, (bytes + 8 + 15) / 16 * 16);
}

/// The heap block behind a QByteArray: Qt's array header, the capacity and the terminating zero.
qint64 heapBlock(const QByteArray& array)
{
    return heapBlock(qint64(sizeof(QArrayData)) + array.capacity() + 1);
}

/// One QCache node as QHash stores it: LRU links (2 pointers), the key, the object pointer and its cost, plus
/// about a tenth for the free slots of QHash's spans and its 1-byte bucket offsets at load factor ≤ 1/2.
constexpr qint64 CacheNodeBytes =
    (2 * sizeof(void*) + sizeof(QByteArray) + sizeof(void*) + sizeof(qsizetype)) * 11 / 10 + 4;

} // namespace

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
    // Exact-size copies: an answer serialized by QJsonDocument has up to half again its size as spare capacity,
    // which would be held for as long as the answer is (the cache took about twice its setting that way).
    QByteArray storedKey = key;
    storedKey.squeeze();
    QByteArray storedResult = result;
    storedResult.squeeze();
    const qint64 bytes = cost(storedKey, storedResult);
    QMutexLocker lock(&m_mutex);
    m_entries.insert(storedKey, new Entry{dataVersion, storedResult}, bytes);
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

qint64 AnswerCache::cost(const QByteArray& key, const QByteArray& result)
{
    return heapBlock(key) + heapBlock(result) + heapBlock(sizeof(Entry)) + CacheNodeBytes;
}

qint64 AnswerCache::bytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.totalCost();
}

int AnswerCache::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.count());
}

} // namespace jcr::mcp
