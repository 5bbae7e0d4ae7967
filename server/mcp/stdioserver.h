#pragma once

#include <QString>

namespace jcr {

/// `jcr-mcp-server` with no subcommand: a complete MCP server on stdin/stdout over the journal database.
///
/// stdout carries only MCP messages; every log line goes to stderr (QLoggingCategory "jcr.mcp*").
/// When the database is missing or unreadable, a clear message goes to stderr and the server still runs:
/// the tools answer with isError results and jcr://health reports the problem, both saying how to run
/// `jcr-mcp-server sync`; the file is opened as soon as it appears.
///
/// Exit codes: 0 after end of input or SIGTERM; ExitDatabaseMissing (3) instead when the database was
/// never available during the whole run, so scripts and client logs see that the server could not
/// answer a single journal question; 1 when the event loop could not start.
class StdioServer
{
public:
    explicit StdioServer(const QString& databasePath);

    /// Serves until stdin is closed or SIGTERM/SIGINT arrives; returns the exit code. Needs a
    /// QCoreApplication (creates one when there is none).
    int run();

    static constexpr int ExitDatabaseMissing = 3;

    /// Serves on the given descriptors instead of stdin/stdout (for tests).
    int run(int inputFd, int outputFd);

private:
    QString m_databasePath;
};

} // namespace jcr
