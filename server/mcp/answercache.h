#pragma once

#include <QByteArray>
#include <QCache>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <atomic>

namespace jcr::mcp {

/// The serialized results of tools/call answers, shared by every thread of a server, valid for one version
/// of the database file.
///
/// Every tool is read-only and its answer depends only on its arguments, the negotiated protocol version
/// (which shapes the result) and the data. So a repeated question is answered with the bytes of the first
/// answer: no query, no formatting, no JSON building — cheap enough for the HTTP event loop to answer it
/// without handing it to a worker (McpEngine::quickAnswer()).
///
/// The data version is JournalBackend::fileVersion(), a hash of the database file's identity: a sync replaces
/// the file (rename), so a new file means a new version. Workers store answers under the version of the file they read;
/// currentDataVersion() looks at the file at most once a second. Answers remembered from a replaced file are
/// therefore served for at most a second after the swap (they were right for that file); JournalBackend itself
/// checks the file before each use.
class AnswerCache
{
public:
    /// `maxBytes` bounds the memory the stored answers take, counted as the heap really holds them (see cost());
    /// least recently used go first; 0 stores nothing.
    explicit AnswerCache(const QString& databasePath, qint64 maxBytes = 64 * 1024 * 1024);

    /// The key of one question: protocol version, tool and arguments (QJsonObject keeps keys sorted, so equal
    /// arguments give equal keys whatever order the client used).
    static QByteArray key(const QString& protocolVersion, const QString& tool, const QJsonObject& arguments);

    /// The stored result for `key` when it was computed from `dataVersion`, else an empty array.
    QByteArray find(const QByteArray& key, qint64 dataVersion) const;
    /// Stores the serialized result object of a successful answer computed from `dataVersion` (0: unknown
    /// data, not stored).
    void insert(const QByteArray& key, qint64 dataVersion, const QByteArray& result);

    /// The version of the database file as it is on disk now (JournalBackend::fileVersion(); 0 when there is
    /// none), rechecked at most once a second. Thread-safe.
    qint64 currentDataVersion() const;

    bool isEnabled() const { return m_enabled; }
    int count() const;
    /// The heap bytes the stored answers take now, by the count of cost(); at most the `maxBytes` given.
    qint64 bytes() const;

    /// What one stored answer costs: the heap blocks of its key and result (their exact capacity, Qt's array
    /// header, malloc's chunk header and rounding) plus the entry and its node in the cache's hash and LRU list.
    static qint64 cost(const QByteArray& key, const QByteArray& result);

private:
    struct Entry
    {
        qint64 dataVersion;
        QByteArray result;
    };

    QString m_databasePath;
    bool m_enabled;
    mutable QMutex m_mutex; ///< QCache::object() reorders its list: reads need the lock too
    mutable QCache<QByteArray, Entry> m_entries;
    QElapsedTimer m_clock;
    mutable std::atomic<qint64> m_checkedAt{-1}; ///< m_clock time of the last look at the file (ms)
    mutable std::atomic<qint64> m_version{0};
};

} // namespace jcr::mcp
