#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace jcr::test {

/// An HTTP server started through a launcher rather than the build's binary: start.sh, or the binary a
/// package installed in /usr/bin. Waits for the ready line of docs/http-transport.md, as ServerProcess
/// (tests/support) does for the built binary, and reads the port from it. Stderr goes to a file: a server
/// blocked on a full pipe would stall the test. The launcher gets a process group of its own: terminate()
/// signals the group, and the destructor kills it, so that nothing outlives the test even when a launcher
/// fails to exec the server.
class LaunchedServer
{
public:
    LaunchedServer() = default;
    ~LaunchedServer();
    LaunchedServer(const LaunchedServer&) = delete;
    LaunchedServer& operator=(const LaunchedServer&) = delete;

    /// Starts `program` and waits up to `timeoutMs` for the ready line. False (see errorString()) when it
    /// did not start, exited first, or printed no ready line in time.
    bool start(const QString& program,
               const QStringList& arguments,
               const QProcessEnvironment& environment,
               int timeoutMs = 60000);

    quint16 port() const { return m_port; }
    QString transport() const { return m_transport; }
    qint64 processId() const { return m_process.processId(); }
    QString errorString() const { return m_error; }
    QString stderrText() const;

    /// SIGTERM to the process group, then waits: the exit code, -1 if it still runs after `timeoutMs`, -2 if a signal
    /// ended it.
    int terminate(int timeoutMs = 15000);

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    qint64 m_processGroup = 0; ///< the launcher runs in a session and process group of its own
    quint16 m_port = 0;
    QString m_transport;
    QString m_error;
};

} // namespace jcr::test
