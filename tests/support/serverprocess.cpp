#include "serverprocess.h"

#include "testpaths.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace jcr::test {

ServerProcess::ServerProcess()
{
    m_stderrPath = m_dir.filePath(QStringLiteral("stderr.txt"));
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning || m_processGroup > 0) {
        signal(SIGKILL);
        m_process.waitForFinished(5000);
    }
}

void ServerProcess::signal(int number)
{
    if (m_processGroup > 0)
        ::kill(-m_processGroup, number); // the launcher and whatever it started
    else if (m_process.state() != QProcess::NotRunning)
        ::kill(pid_t(m_process.processId()), number);
}

QProcessEnvironment ServerProcess::cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& key : environment.keys()) {
        if (key.startsWith(QLatin1String("JCR_MCP_")))
            environment.remove(key);
    }
    return environment;
}

QStringList ServerProcess::withPort(const QStringList& arguments) const
{
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--port") || argument.startsWith(QLatin1String("--port=")))
            return arguments;
    }
    return arguments + QStringList{QStringLiteral("--port"), QStringLiteral("0")};
}

bool ServerProcess::launch(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment)
{
    m_port = 0;
    m_host.clear();
    m_transport.clear();
    m_error.clear();
    QFile::remove(m_stderrPath);
    m_process.setProcessEnvironment(environment);
    m_process.setStandardErrorFile(m_stderrPath);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setStandardInputFile(QProcess::nullDevice()); // an HTTP server must not wait for stdin
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    return true;
}

bool ServerProcess::startOnly(const QStringList& arguments, const QProcessEnvironment& environment)
{
    return launch(serverBinary(), withPort(arguments), environment);
}

bool ServerProcess::start(const QStringList& arguments, const QProcessEnvironment& environment, int timeoutMs)
{
    return startOnly(arguments, environment) && waitForReadyLine(timeoutMs);
}

bool ServerProcess::startLauncher(const QString& program,
                                  const QStringList& arguments,
                                  const QProcessEnvironment& environment,
                                  int timeoutMs)
{
    m_process.setChildProcessModifier([] { ::setsid(); }); // leads a new process group
    const bool launched = launch(program, arguments, environment);
    m_process.setChildProcessModifier({});
    if (!launched)
        return false;
    m_processGroup = m_process.processId();
    return waitForReadyLine(timeoutMs);
}

bool ServerProcess::waitForReadyLine(int timeoutMs)
{
    // HOST may be an IPv6 literal in brackets, so the port is what follows the last colon.
    static const QRegularExpression ready(
        QStringLiteral("^jcr-mcp-server: listening on http://(.+):(\\d+) \\(([^)]+)\\)$"),
        QRegularExpression::MultilineOption);
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const QString text = stderrText();
        const QRegularExpressionMatch match = ready.match(text);
        if (match.hasMatch()) {
            m_host = match.captured(1);
            m_port = quint16(match.captured(2).toUInt());
            m_transport = match.captured(3);
            return true;
        }
        if (m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("the server exited (code %1) before the ready line:\n%2")
                          .arg(m_process.exitCode())
                          .arg(text);
            return false;
        }
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("no ready line in %1 ms:\n%2").arg(timeoutMs).arg(text);
            return false;
        }
        // Keep the caller's event loop alive (QProcess notices the exit through it) while polling the file.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        m_process.waitForFinished(20);
    }
}

QUrl ServerProcess::baseUrl() const
{
    return QUrl(QStringLiteral("http://%1:%2").arg(m_host).arg(m_port));
}

QString ServerProcess::stderrText() const
{
    QFile file(m_stderrPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void ServerProcess::terminate()
{
    signal(SIGTERM);
}

void ServerProcess::kill()
{
    signal(SIGKILL);
}

int ServerProcess::waitForExit(int timeoutMs)
{
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(timeoutMs))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
}

} // namespace jcr::test
