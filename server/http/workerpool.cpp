#include "workerpool.h"

#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltools.h"
#include "jsonrpc.h"
#include "mcpengine.h"
#include "mcpsession.h"
#include "promptprovider.h"
#include "resourceprovider.h"
#include "statelessprotocol.h"
#include "toolregistry.h"

#include <QPointer>

namespace jcr::http {

/// What one worker thread needs to answer MCP messages: its own database connection and handlers.
struct WorkerPool::WorkerStack
{
    explicit WorkerStack(const QString& databasePath) : backend(databasePath), resources(backend), prompts(backend)
    {
        mcp::JournalTools::registerAll(tools, backend);
    }
    mcp::JournalBackend backend;
    mcp::ToolRegistry tools;
    mcp::ResourceProvider resources;
    mcp::PromptProvider prompts;
};

namespace {

/// Calls `function` on `receiver`'s thread, unless `receiver` is gone by then.
template <typename Function> void post(const QPointer<QObject>& receiver, Function function)
{
    if (receiver)
        QMetaObject::invokeMethod(receiver.data(), std::move(function), Qt::QueuedConnection);
}

WorkerPool::Outcome outcomeOf(const QList<QJsonValue>& replies)
{
    WorkerPool::Outcome outcome;
    for (const QJsonValue& reply : replies)
        outcome.replies << mcp::JsonRpc::serialize(reply);
    if (!replies.isEmpty()) {
        const QJsonObject first = replies.first().toObject();
        outcome.error = first.contains(QStringLiteral("error"));
        outcome.toolError = first.value(QStringLiteral("result")).toObject().value(QStringLiteral("isError")).toBool();
    }
    return outcome;
}

} // namespace

WorkerPool::WorkerPool(const QString& databasePath, int threads, mcp::AnswerCache* answers, QObject* parent)
    : QObject(parent), m_databasePath(databasePath), m_answers(answers)
{
    m_pool.setMaxThreadCount(std::max(1, threads));
    m_pool.setExpiryTimeout(-1);
}

WorkerPool::~WorkerPool()
{
    m_pool.waitForDone();
}

WorkerPool::WorkerStack& WorkerPool::stack()
{
    // QThreadStorage, not thread_local: Qt deletes the stack inside its thread as the thread finishes,
    // before QThreadPool's destructor returns from joining it. A thread_local would be destroyed by libc
    // later, racing QtSql's own teardown at exit.
    if (!m_stacks.hasLocalData())
        m_stacks.setLocalData(new WorkerStack(m_databasePath));
    return *m_stacks.localData();
}

void WorkerPool::submit(std::shared_ptr<mcp::McpSession> session,
                        const QJsonValue& message,
                        QObject* receiver,
                        NotificationHandler onNotification,
                        ReplyHandler onReplies)
{
    run(std::move(session), false, message, receiver, std::move(onNotification), std::move(onReplies));
}

void WorkerPool::submitStateless(std::shared_ptr<mcp::McpSession> requests,
                                 const QJsonValue& message,
                                 QObject* receiver,
                                 NotificationHandler onNotification,
                                 ReplyHandler onReplies)
{
    run(std::move(requests), true, message, receiver, std::move(onNotification), std::move(onReplies));
}

void WorkerPool::run(std::shared_ptr<mcp::McpSession> session,
                     bool stateless,
                     const QJsonValue& message,
                     QObject* receiver,
                     NotificationHandler onNotification,
                     ReplyHandler onReplies)
{
    const QPointer<QObject> target(receiver);
    m_pool.start([this, session = std::move(session), stateless, message, target,
                  onNotification = std::move(onNotification), onReplies = std::move(onReplies)] {
        WorkerStack& worker = stack();
        // A stateless request gets a fresh engine session nobody else sees; `session` only tracks it.
        mcp::McpEngine engine(worker.tools, worker.resources, worker.prompts,
                              stateless ? std::make_shared<mcp::McpSession>() : session);
        if (stateless)
            engine.stateless().setRequests(session);
        engine.setAnswerCache(m_answers);
        QObject::connect(
            &engine, &mcp::McpEngine::notificationReady, &engine,
            [&](const QJsonObject& notification) {
                post(target,
                     [onNotification, bytes = mcp::JsonRpc::serialize(notification)] { onNotification(bytes); });
            },
            Qt::DirectConnection);
        post(target, [onReplies, outcome = outcomeOf(engine.handle(message))] { onReplies(outcome); });
    });
}

void WorkerPool::health(QObject* receiver, std::function<void(const HealthReport&)> onReport)
{
    const QPointer<QObject> target(receiver);
    m_pool.start([this, target, onReport = std::move(onReport)] {
        const HealthReport report = stack().backend.health();
        post(target, [onReport, report] { onReport(report); });
    });
}

void WorkerPool::warmUp()
{
    m_pool.start([this] {
        if (const JournalRepository* repository = stack().backend.repository())
            repository->warmUp();
    });
}

} // namespace jcr::http
