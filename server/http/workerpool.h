#pragma once

#include "journalrecords.h"

#include <QByteArrayList>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <QThreadStorage>

#include <functional>
#include <memory>

namespace jcr::mcp {
class AnswerCache;
class McpSession;
} // namespace jcr::mcp

namespace jcr::http {

/// Runs MCP messages off the event loop, on a bounded pool of threads, so that one slow query never
/// stalls other clients.
///
/// Each worker thread has its own journal database connection (a QSqlDatabase belongs to the thread that
/// opened it) and its own tool, resource and prompt handlers on top; the in-memory search index is built
/// once and shared. A session's protocol state travels with each message, so any worker can serve any
/// session, and requests of one session run in parallel.
class WorkerPool : public QObject
{
    Q_OBJECT
public:
    /// `answers` (may be null) is where the engines remember tool results; it must outlive the pool.
    WorkerPool(const QString& databasePath, int threads, mcp::AnswerCache* answers, QObject* parent = nullptr);
    ~WorkerPool() override;

    /// What the engine answered to one submitted message, serialized on the worker (compact JSON), so the
    /// event loop only writes bytes.
    struct Outcome
    {
        QByteArrayList replies; ///< 0 or 1 message (a batch answer is one array)
        bool error = false;     ///< the first reply is a JSON-RPC error
        bool toolError = false; ///< the first reply is a tool result with isError
    };
    using NotificationHandler = std::function<void(const QByteArray&)>;
    using ReplyHandler = std::function<void(const Outcome&)>;

    /// Handles `message` (one JSON-RPC message or a batch) for `session` on a worker. `onNotification`
    /// (progress, log messages sent while it runs, serialized) and then `onReplies` are called on
    /// `receiver`'s thread, and only while `receiver` exists.
    void submit(std::shared_ptr<mcp::McpSession> session,
                const QJsonValue& message,
                QObject* receiver,
                NotificationHandler onNotification,
                ReplyHandler onReplies);
    /// Handles one request of the stateless era (2026-07-28) like submit(), tracked while it runs in `requests`
    /// (a table of its own, not a session): McpSession::cancel() on it stops the request.
    void submitStateless(std::shared_ptr<mcp::McpSession> requests,
                         const QJsonValue& message,
                         QObject* receiver,
                         NotificationHandler onNotification,
                         ReplyHandler onReplies);
    /// The database's health, computed on a worker; `onReport` runs on `receiver`'s thread.
    void health(QObject* receiver, std::function<void(const HealthReport&)> onReport);
    /// Builds the search index in the background, so the first search does not pay for it.
    void warmUp();

    int busyThreads() const { return m_pool.activeThreadCount(); }
    bool waitForDone(int milliseconds) { return m_pool.waitForDone(milliseconds); }

private:
    struct WorkerStack;
    WorkerStack& stack();
    void run(std::shared_ptr<mcp::McpSession> session,
             bool stateless,
             const QJsonValue& message,
             QObject* receiver,
             NotificationHandler onNotification,
             ReplyHandler onReplies);

    QString m_databasePath;
    mcp::AnswerCache* m_answers;
    QThreadStorage<WorkerStack*> m_stacks; ///< declared before m_pool: outlives the threads it serves
    QThreadPool m_pool;
};

} // namespace jcr::http
