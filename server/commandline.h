#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace jcr {

/// What the user asked jcr-mcp-server to do, from the command line and the environment (flags win).
struct ServerOptions
{
    enum class Command { Serve, Sync, Query, Search, Check, HealthCheck, Help, Version };
    enum class Transport { Stdio, Sse, StreamableHttp, Http /* SSE and Streamable HTTP on one port */ };
    Command command = Command::Serve;
    QStringList arguments;                  ///< the words after the command (a journal name, check's file)
    QString databasePath;                   ///< --db, JCR_MCP_DB, else the app data folder
    QString dataSource;                     ///< --from, JCR_MCP_DATA_SOURCE, else the ShowJCR project online
    QString abbreviationsSource;            ///< --abbreviations-from, JCR_MCP_ABBREVIATIONS_SOURCE, else see DataSource
    bool json = false;                      ///< --json: machine-readable output
    bool csv = false;                       ///< --csv: check's table as CSV
    int year = 0;                           ///< --year: check's JCR/CAS edition, 0 = newest
    int limit = 10;                         ///< --limit for search
    Transport transport = Transport::Stdio; ///< --transport, JCR_MCP_TRANSPORT
    QString host = QStringLiteral("127.0.0.1"); ///< --host, JCR_MCP_HOST
    quint16 port = 8080;                        ///< --port, JCR_MCP_PORT (0: any free port)
    QString healthUrl;                          ///< healthcheck: --url, else http://host:port/health
    bool exitWithParent = false;                ///< --exit-with-parent, JCR_MCP_EXIT_WITH_PARENT=1 (ParentWatch)
    bool syncIfMissing = false;                 ///< --sync-if-missing: build a missing database at start (FirstSync)
    bool allowUnauthenticated = false; ///< --allow-unauthenticated (JCR_MCP_ALLOW_UNAUTHENTICATED: HttpSettings)
    QString helpText;

    static QString transportName(Transport transport);
};

/// Parses the command line with QCommandLineParser. Options may stand before or after the command:
/// `jcr-mcp-server --db x.db query Nature` and `jcr-mcp-server sync --from DIR --db x.db` both work.
class CommandLine
{
public:
    /// Returns false with a message for the user when the command line is wrong.
    static bool parse(const QStringList& arguments, ServerOptions* options, QString* error);
    static QString defaultDatabasePath();
};

} // namespace jcr
