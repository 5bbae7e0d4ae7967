#include "launchedserver.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace jcr::test {

LaunchedServer::~LaunchedServer()
{
    // The whole group: a launcher that failed to exec leaves the server as its child.
    if (m_processGroup > 0)
        ::kill(-m_processGroup, SIGKILL);
    if (m_process.state() != QProcess::NotRunning)
        m_process.waitForFinished(5000);
}

QString LaunchedServer::stderrText() const
{
    QFile file(m_dir.filePath(QStringLiteral("stderr.txt")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool LaunchedServer::start(const QString& program,
                           const QStringList& arguments,
                           const QProcessEnvironment& environment,
                           int timeoutMs)
{
    m_process.setProcessEnvironment(environment);
    m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("stderr.txt")));
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setStandardInputFile(QProcess::nullDevice());
    // A process group of its own, so that every process the launcher starts can be signalled and cleaned up.
    m_process.setChildProcessModifier([] { ::setsid(); });
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    m_processGroup = m_process.processId();
    static const QRegularExpression ready(
        QStringLiteral("^jcr-mcp-server: listening on http://(.+):(\\d+) \\(([^)]+)\\)$"),
        QRegularExpression::MultilineOption);
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const QString text = stderrText();
        const QRegularExpressionMatch match = ready.match(text);
        if (match.hasMatch()) {
            m_port = quint16(match.captured(2).toUInt());
            m_transport = match.captured(3);
            return true;
        }
        if (m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("%1 exited (code %2) before the ready line:\n%3")
                          .arg(program)
                          .arg(m_process.exitCode())
                          .arg(text);
            return false;
        }
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("no ready line from %1 in %2 ms:\n%3").arg(program).arg(timeoutMs).arg(text);
            return false;
        }
        m_process.waitForFinished(50);
    }
}

int LaunchedServer::terminate(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
    ::kill(-m_processGroup, SIGTERM);
    if (!m_process.waitForFinished(timeoutMs))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
}

} // namespace jcr::test
