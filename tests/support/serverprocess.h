#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace jcr::test {

/// The real jcr-mcp-server run as an HTTP server for black-box tests. Starts it, waits for the ready line
/// of docs/http-transport.md (`jcr-mcp-server: listening on http://HOST:PORT (TRANSPORT)`) and reads the
/// port from it, so tests use `--port 0` and never race for a fixed port. Stderr goes to a file rather than
/// a pipe: a server under load logs more than a pipe holds, and a test blocked in a socket call does not
/// drain pipes, which would stall the server on a full pipe.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess(); ///< kills the server if it still runs: a failed test must not leave it behind
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// Starts the server with `arguments` (e.g. `--transport http --db X`), adding `--port 0` unless they
    /// give `--port`, and waits up to `timeoutMs` for the ready line. False (see errorString()) when the
    /// process did not start, exited, or printed no ready line in time.
    bool start(const QStringList& arguments,
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
               int timeoutMs = 20000);
    /// Starts without waiting for the ready line, for servers expected to fail (a port in use).
    bool startOnly(const QStringList& arguments,
                   const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());
    /// Starts `program` — a launcher such as start.sh, or a server a package installed — with `arguments` as
    /// given (no `--port` added) and waits for the server's ready line. The launcher runs in a process group
    /// of its own, which terminate(), kill() and the destructor signal as a whole: nothing outlives the test,
    /// even a server whose launcher failed to exec it.
    bool startLauncher(const QString& program,
                       const QStringList& arguments,
                       const QProcessEnvironment& environment,
                       int timeoutMs = 60000);

    /// The system environment without any JCR_MCP_* setting of the machine running the tests, so a server
    /// started with it has the documented defaults.
    static QProcessEnvironment cleanEnvironment();

    quint16 port() const { return m_port; }
    QString host() const { return m_host; }
    QString transport() const { return m_transport; }
    QUrl baseUrl() const;
    qint64 processId() const { return m_process.processId(); }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString errorString() const { return m_error; }

    /// Everything the server wrote to stderr so far.
    QString stderrText() const;

    void terminate(); ///< SIGTERM
    void kill();      ///< SIGKILL
    /// Waits for the process to end: its exit code, -1 if it still runs after `timeoutMs`, -2 if it crashed
    /// (ended by a signal).
    int waitForExit(int timeoutMs);

private:
    QStringList withPort(const QStringList& arguments) const;
    bool launch(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment);
    bool waitForReadyLine(int timeoutMs);
    void signal(int number);

    QTemporaryDir m_dir;
    QString m_stderrPath;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_host;
    QString m_transport;
    QString m_error;
    qint64 m_processGroup = 0; ///< startLauncher(): the group the launcher leads
};

} // namespace jcr::test
