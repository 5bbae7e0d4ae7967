#include "serverprocess.h"

#include "testpaths.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

namespace jcr::test {

ServerProcess::ServerProcess()
{
    m_stderrPath = m_dir.filePath(QStringLiteral("stderr.txt"));
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QStringList ServerProcess::withPort(const QStringList& arguments) const
{
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--port") || argument.startsWith(QLatin1String("--port=")))
            return arguments;
    }
    return arguments + QStringList{QStringLiteral("--port"), QStringLiteral("0")};
}

bool ServerProcess::startOnly(const QStringList& arguments, const QProcessEnvironment& environment)
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
    m_process.start(serverBinary(), withPort(arguments));
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(serverBinary(), m_process.errorString());
        return false;
    }
    return true;
}

bool ServerProcess::start(const QStringList& arguments, const QProcessEnvironment& environment, int timeoutMs)
{
    if (!startOnly(arguments, environment))
        return false;
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
    m_process.terminate();
}

void ServerProcess::kill()
{
    m_process.kill();
}

int ServerProcess::waitForExit(int timeoutMs)
{
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(timeoutMs))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
}

} // namespace jcr::test
