// jcr-mcp-server: the MCP server (no command) and the data commands sync, query and search.

#include "commandline.h"
#include "datacommands.h"
#include "firstsync.h"
#include "healthcheckcommand.h"
#include "httpserver.h"
#include "parentwatch.h"
#include "stdioserver.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <memory>

namespace {

int runHttp(const jcr::ServerOptions& options, QTextStream& err)
{
    jcr::http::HttpSettings settings;
    settings.streamableHttp = options.transport != jcr::ServerOptions::Transport::Sse;
    settings.legacySse = options.transport != jcr::ServerOptions::Transport::StreamableHttp;
    settings.host = options.host;
    settings.port = options.port;
    settings.allowUnauthenticated = options.allowUnauthenticated; // the environment may also say so
    QString error;
    if (!settings.readEnvironment(&error)) {
        err << "jcr-mcp-server: " << error << Qt::endl;
        return 2;
    }
    return jcr::HttpServer(options.databasePath, settings, jcr::ServerOptions::transportName(options.transport)).run();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jcr-mcp"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JCR_MCP_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    jcr::ServerOptions options;
    QString error;
    if (!jcr::CommandLine::parse(QCoreApplication::arguments(), &options, &error)) {
        err << "jcr-mcp-server: " << error << Qt::endl;
        return 2;
    }

    jcr::DataCommands commands(out, err);
    switch (options.command) {
    case jcr::ServerOptions::Command::Help:
        out << options.helpText;
        return 0;
    case jcr::ServerOptions::Command::Version:
        out << "jcr-mcp-server " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    case jcr::ServerOptions::Command::Sync:
        return commands.sync(options);
    case jcr::ServerOptions::Command::Query:
        return commands.query(options);
    case jcr::ServerOptions::Command::Search:
        return commands.search(options);
    case jcr::ServerOptions::Command::Check:
        return commands.check(options);
    case jcr::ServerOptions::Command::HealthCheck:
        return jcr::HealthCheckCommand(out, err).run(options.healthUrl);
    case jcr::ServerOptions::Command::Serve:
        break;
    }
    // The watch raises SIGTERM on ourselves: the servers then take their one graceful shutdown path.
    std::unique_ptr<jcr::ParentWatch> parentWatch;
    if (options.exitWithParent) {
        parentWatch = std::make_unique<jcr::ParentWatch>();
        QObject::connect(parentWatch.get(), &jcr::ParentWatch::parentGone, [] {
            std::fputs("jcr-mcp-server: the program that started the server has ended; stopping\n", stderr);
            std::raise(SIGTERM);
        });
    }
    // A fresh install (the .mcpb bundle) has no database: build it while already serving.
    jcr::FirstSync firstSync;
    if (options.syncIfMissing)
        firstSync.startIfMissing(options);
    if (options.transport != jcr::ServerOptions::Transport::Stdio)
        return runHttp(options, err);
    return jcr::StdioServer(options.databasePath).run();
}
