#include "httpserver.h"

#include "mcphttpserver.h"
#include "terminationsignals.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

Q_LOGGING_CATEGORY(lcHttpServer, "jcr.http.server")

namespace jcr {

HttpServer::HttpServer(const QString& databasePath, const http::HttpSettings& settings, const QString& transportName)
    : m_databasePath(databasePath), m_settings(settings), m_transportName(transportName)
{
}

bool HttpServer::authenticationConfigured() const
{
    if (m_settings.bindsToLoopback() || !m_settings.token.isEmpty())
        return true;
    if (m_settings.allowUnauthenticated) {
        qCWarning(lcHttpServer).noquote()
            << "listening on" << m_settings.host
            << "without JCR_MCP_TOKEN, as allowed by --allow-unauthenticated or JCR_MCP_ALLOW_UNAUTHENTICATED: anyone "
               "who can reach this address can use the server unless a proxy in front of it authenticates the "
               "clients";
        return true;
    }
    // One line: supervisors such as the tray app show the last line of a server that refused to start.
    std::fprintf(stderr,
                 "jcr-mcp-server: refusing to listen on %s without JCR_MCP_TOKEN: anyone who can reach this address "
                 "could use the server. Set a token, e.g. `export JCR_MCP_TOKEN=$(openssl rand -hex 32)` (clients "
                 "send `Authorization: Bearer <token>`), or listen on 127.0.0.1. Only when a proxy in front of the "
                 "server authenticates the clients, add --allow-unauthenticated (or set "
                 "JCR_MCP_ALLOW_UNAUTHENTICATED=1).\n",
                 qPrintable(m_settings.host));
    return false;
}

int HttpServer::run()
{
    if (!authenticationConfigured())
        return ExitMisconfigured;
    TerminationSignals signals_;
    http::McpHttpServer server(m_settings, m_databasePath);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "jcr-mcp-server: %s\n", qPrintable(error));
        return ExitCannotListen;
    }
    if (!QFileInfo::exists(m_databasePath))
        qCWarning(lcHttpServer).noquote() << "no journal database at" << m_databasePath
                                          << "yet; /health answers 503 until `jcr-mcp-server sync` builds it";
    const QString host = m_settings.host.contains(u':') ? u'[' + m_settings.host + u']' : m_settings.host;
    // The ready line: supervisors and tests wait for it (and read the port when --port 0 chose one).
    std::fprintf(stderr, "jcr-mcp-server: listening on http://%s:%u (%s)\n", qPrintable(host), server.port(),
                 qPrintable(m_transportName));
    std::fflush(stderr);

    QEventLoop loop;
    QObject::connect(&signals_, &TerminationSignals::received, &loop, [&] {
        qCInfo(lcHttpServer) << "stopping: answering the requests already accepted";
        server.beginShutdown();
        auto* drain = new QTimer(&loop);
        const QDeadlineTimer deadline(10000);
        QObject::connect(drain, &QTimer::timeout, &loop, [&, drain, deadline] {
            if (server.hasPendingRequests() && !deadline.hasExpired())
                return;
            drain->stop();
            server.closeStreams();
            // Let the last bytes leave before the sockets go away with the server.
            QTimer::singleShot(200, &loop, &QEventLoop::quit);
        });
        drain->start(20);
    });
    loop.exec();
    qCInfo(lcHttpServer) << "stopped";
    return 0;
}

} // namespace jcr
