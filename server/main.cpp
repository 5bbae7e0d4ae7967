// jcr-mcp-server: the MCP server (no command) and the data commands sync, query and search.

#include "commandline.h"
#include "datacommands.h"
#include "healthcheckcommand.h"
#include "stdioserver.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

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
    case jcr::ServerOptions::Command::HealthCheck:
        return jcr::HealthCheckCommand(out, err).run(options.healthUrl);
    case jcr::ServerOptions::Command::Serve:
        break;
    }
    if (options.transport != jcr::ServerOptions::Transport::Stdio) {
        err << "jcr-mcp-server: the " << jcr::ServerOptions::transportName(options.transport)
            << " transport is not available in this build yet; use --transport stdio." << Qt::endl;
        return 2;
    }
    return jcr::StdioServer(options.databasePath).run();
}
