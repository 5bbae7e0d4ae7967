#include "stdioserver.h"

#include "answercache.h"
#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltools.h"
#include "jsonrpc.h"
#include "mcpengine.h"
#include "mcplogging.h"
#include "promptprovider.h"
#include "resourceprovider.h"
#include "statelessprotocol.h"
#include "stdiotransport.h"
#include "terminationsignals.h"
#include "toolregistry.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <memory>

namespace jcr {

namespace {

/// How often an open subscriptions/listen looks whether a sync replaced the database file.
constexpr int DataWatchMilliseconds = 1000;

/// Applies notifications/cancelled on the reader thread, so a request that is running on the main
/// thread sees it at once (a request of either era). Cheap pre-check before parsing.
void peekCancellation(mcp::McpSession& session, mcp::StatelessProtocol& stateless, const QByteArray& line)
{
    if (!line.contains("notifications/cancelled"))
        return;
    const QJsonObject message = QJsonDocument::fromJson(line).object();
    if (message.value(QStringLiteral("method")).toString() == QLatin1String("notifications/cancelled") &&
        !message.contains(QStringLiteral("id"))) {
        const QJsonValue id = message.value(QStringLiteral("params")).toObject().value(QStringLiteral("requestId"));
        session.cancel(id);
        stateless.cancel(id);
    }
}

} // namespace

StdioServer::StdioServer(const QString& databasePath) : m_databasePath(databasePath)
{
}

int StdioServer::run()
{
    return run(0, 1);
}

int StdioServer::run(int inputFd, int outputFd)
{
    std::unique_ptr<QCoreApplication> ownApplication;
    if (!QCoreApplication::instance()) {
        static int argc = 1;
        static char name[] = "jcr-mcp-server";
        static char* argv[] = {name, nullptr};
        ownApplication = std::make_unique<QCoreApplication>(argc, argv);
    }

    mcp::JournalBackend backend(m_databasePath);
    QString error;
    if (!backend.open(&error))
        qCCritical(lcMcp).noquote() << "jcr-mcp-server:" << error
                                    << "The server keeps running; tools and jcr://health report this.";
    else
        qCInfo(lcMcp).noquote() << "serving" << m_databasePath << "over stdio";

    mcp::ToolRegistry tools;
    mcp::JournalTools::registerAll(tools, backend);
    mcp::ResourceProvider resources(backend);
    mcp::PromptProvider prompts(backend);
    mcp::McpEngine engine(tools, resources, prompts);
    mcp::AnswerCache answers(m_databasePath);
    engine.setAnswerCache(&answers);
    mcp::StdioTransport transport(inputFd, outputFd);
    transport.setLinePeek(
        [&engine](const QByteArray& line) { peekCancellation(engine.session(), engine.stateless(), line); });

    QEventLoop loop;
    bool warnedClient = false;
    bool warmedUp = false;
    QObject::connect(&engine, &mcp::McpEngine::notificationReady, &loop,
                     [&](const QJsonObject& message) { transport.send(mcp::JsonRpc::serialize(message)); });
    QObject::connect(&transport, &mcp::StdioTransport::lineReceived, &loop, [&](const QByteArray& line) {
        for (const QByteArray& reply : engine.handleLine(line))
            transport.send(reply);
        if (!warmedUp) {
            warmedUp = true;
            // Build the search index now, after the first answer (initialize, or a 2026-07-28 request without
            // one) is out, not on the first search.
            QTimer::singleShot(0, &loop, [&] {
                if (const JournalRepository* repository = backend.repository())
                    repository->warmUp();
            });
        }
        if (!warnedClient && engine.session().state() == mcp::McpSession::State::Ready && !backend.everOpened()) {
            warnedClient = true;
            QString why;
            if (!backend.open(&why))
                engine.log(mcp::McpSession::LogLevel::Warning, QJsonObject{{QStringLiteral("message"), why}});
        }
    });
    QObject::connect(&transport, &mcp::StdioTransport::lineTooLong, &loop, [&](qint64 length) {
        transport.send(mcp::JsonRpc::serialize(
            mcp::JsonRpc::error(QJsonValue::Undefined, mcp::JsonRpc::InvalidRequest,
                                QStringLiteral("Invalid Request: message of %1 bytes exceeds the limit").arg(length))));
    });
    // Open subscriptions/listen requests hear when a sync replaced the database (2026-07-28).
    QTimer dataWatch;
    qint64 dataVersion = mcp::JournalBackend::fileVersion(m_databasePath);
    dataWatch.setInterval(DataWatchMilliseconds);
    QObject::connect(&dataWatch, &QTimer::timeout, &loop, [&] {
        const qint64 now = mcp::JournalBackend::fileVersion(m_databasePath);
        if (now == dataVersion)
            return;
        dataVersion = now;
        if (engine.stateless().hasListeners())
            engine.stateless().dataChanged();
    });
    dataWatch.start();
    // Listens end with their response before the server goes (the client may still read).
    auto endListens = [&] {
        for (const QJsonObject& response : engine.stateless().endListens())
            transport.send(mcp::JsonRpc::serialize(response));
    };
    QObject::connect(&transport, &mcp::StdioTransport::inputClosed, &loop, [&] {
        qCInfo(lcMcpStdio) << "stdin closed, exiting";
        endListens();
        loop.quit();
    });
    QObject::connect(&transport, &mcp::StdioTransport::outputClosed, &loop, [&] { loop.quit(); });

    TerminationSignals terminationSignals; // SIGTERM/SIGINT end the loop; SIGPIPE is ignored meanwhile
    QObject::connect(&terminationSignals, &TerminationSignals::received, &loop, [&] {
        qCInfo(lcMcpStdio) << "terminated by signal, exiting";
        endListens();
        loop.quit();
    });

    transport.start();
    loop.exec();
    transport.stop();

    return backend.everOpened() ? 0 : ExitDatabaseMissing;
}

} // namespace jcr
