#include "serversupervisor.h"

#include "appsettings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace jcr::gui {

namespace {

constexpr int MaxRunLines = 50; // lines kept to explain an exit before the ready line
constexpr int HealthRequestTimeout = 4000;
const QString OwnPrefix = QStringLiteral("jcr-mcp-tray: ");

} // namespace

ServerSupervisor::ServerSupervisor(const QString& serverBinary, QObject* parent)
    : QObject(parent), m_serverBinary(serverBinary), m_process(new QProcess(this)),
      m_network(new QNetworkAccessManager(this))
{
    // One pipe for both channels: the log viewer shows them interleaved as written, and a single pipe that is
    // always drained cannot fill up and stall the server.
    m_process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // If the app dies without running its destructors (a crash, SIGKILL), the kernel sends the server SIGTERM:
    // no orphaned server keeps the port.
    const pid_t supervisorPid = ::getpid();
    m_process->setChildProcessModifier([supervisorPid] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != supervisorPid) // the app died between fork and prctl
            ::_exit(1);
    });
#endif
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ServerSupervisor::readOutput);
    connect(m_process, &QProcess::finished, this, &ServerSupervisor::handleFinished);
    connect(m_process, &QProcess::errorOccurred, this, &ServerSupervisor::handleProcessError);

    m_healthTimer.setInterval(3000);
    connect(&m_healthTimer, &QTimer::timeout, this, &ServerSupervisor::checkHealth);
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(5000);
    connect(&m_killTimer, &QTimer::timeout, this, &ServerSupervisor::killNow);
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, [this] {
        ++m_restartCount;
        launch();
    });
    m_healthyResetTimer.setSingleShot(true);
    m_healthyResetTimer.setInterval(HealthyResetTime);
    connect(&m_healthyResetTimer, &QTimer::timeout, this, [this] { m_restartDelay = InitialRestartDelay; });
}

ServerSupervisor::~ServerSupervisor()
{
    m_restartTimer.stop();
    m_healthTimer.stop();
    m_killTimer.stop();
    if (m_pendingHealth) {
        m_pendingHealth->disconnect(this);
        m_pendingHealth->abort();
    }
    // Synchronous on purpose: when the app quits, the event loop is gone and the server must still be ended.
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(m_killTimer.interval())) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
}

void ServerSupervisor::start(const AppSettings& settings)
{
    m_arguments = settings.serverArguments();
    m_environment = settings.serverEnvironment();
    if (isProcessRunning() && !m_stopRequested)
        return;
    m_restartTimer.stop();
    m_restartDelay = InitialRestartDelay;
    m_restartCount = 0;
    if (isProcessRunning()) { // still stopping: start once it has ended
        m_restartAfterStop = true;
        return;
    }
    launch();
}

void ServerSupervisor::stop()
{
    m_restartTimer.stop();
    m_restartAfterStop = false;
    if (!isProcessRunning()) {
        m_stopRequested = false;
        setState(State::Stopped);
        return;
    }
    if (m_stopRequested) // already stopping
        return;
    m_stopRequested = true;
    m_healthTimer.stop();
    m_healthyResetTimer.stop();
    if (m_pendingHealth)
        m_pendingHealth->abort();
    appendLog(OwnPrefix + QStringLiteral("stopping the server (SIGTERM)"));
    setState(State::Stopping);
    m_process->terminate();
    m_killTimer.start();
}

void ServerSupervisor::restart(const AppSettings& settings)
{
    m_arguments = settings.serverArguments();
    m_environment = settings.serverEnvironment();
    m_restartDelay = InitialRestartDelay;
    m_restartCount = 0;
    if (!isProcessRunning()) {
        m_restartTimer.stop();
        launch();
        return;
    }
    stop();
    m_restartAfterStop = true;
}

qint64 ServerSupervisor::processId() const
{
    return m_process->state() == QProcess::NotRunning ? 0 : m_process->processId();
}

bool ServerSupervisor::isProcessRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

QStringList ServerSupervisor::logLines() const
{
    QStringList lines;
    lines.reserve(int(m_log.size()));
    for (const QString& line : m_log)
        lines.append(line);
    return lines;
}

void ServerSupervisor::setMaxLogLines(int lines)
{
    m_maxLogLines = qMax(1, lines);
    while (int(m_log.size()) > m_maxLogLines)
        m_log.pop_front();
}

QString ServerSupervisor::stateName(State state)
{
    switch (state) {
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Starting:
        return QStringLiteral("starting");
    case State::Running:
        return QStringLiteral("running");
    case State::Unhealthy:
        return QStringLiteral("unhealthy");
    case State::Crashed:
        return QStringLiteral("crashed");
    case State::Stopping:
        break;
    }
    return QStringLiteral("stopping");
}

void ServerSupervisor::launch()
{
    m_ready = false;
    m_stopRequested = false;
    m_restartAfterStop = false;
    m_port = 0;
    m_baseUrl.clear();
    m_partialLine.clear();
    m_runLines.clear();
    m_process->setProgram(m_serverBinary);
    // The kernel's parent-death signal (set below) is not delivered everywhere; the server's own watch is.
    m_process->setArguments(m_arguments + QStringList{QStringLiteral("--exit-with-parent")});
    m_process->setProcessEnvironment(m_environment);
    appendLog(OwnPrefix + QStringLiteral("starting %1 %2").arg(m_serverBinary, m_arguments.join(QLatin1Char(' '))));
    setState(State::Starting);
    m_process->start(QIODevice::ReadOnly);
}

void ServerSupervisor::setState(State state, const QString& reason)
{
    if (state == m_state && reason == m_reason)
        return;
    const bool wasRunning = m_state == State::Running;
    m_state = state;
    m_reason = reason;
    if (state == State::Running && !wasRunning)
        m_healthyResetTimer.start();
    else if (state != State::Running)
        m_healthyResetTimer.stop();
    emit stateChanged(state, reason);
}

void ServerSupervisor::readOutput()
{
    m_partialLine += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_partialLine.indexOf('\n')) >= 0) {
        QByteArray line = m_partialLine.left(newline);
        m_partialLine.remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        handleLine(QString::fromUtf8(line));
    }
}

void ServerSupervisor::handleLine(const QString& line)
{
    appendLog(line);
    if (m_ready)
        return;
    m_runLines.append(line);
    if (m_runLines.size() > MaxRunLines)
        m_runLines.removeFirst();
    static const QRegularExpression readyLine(
        QStringLiteral("^jcr-mcp-server: listening on (http://\\S+) \\(([a-z-]+)\\)$"));
    const QRegularExpressionMatch match = readyLine.match(line);
    if (!match.hasMatch())
        return;
    QUrl url(match.captured(1));
    if (!url.isValid() || url.port() <= 0)
        return;
    // A server on every interface is asked over loopback, which its Host check always allows.
    if (url.host() == QLatin1String("0.0.0.0"))
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (url.host() == QLatin1String("::"))
        url.setHost(QStringLiteral("::1"));
    m_ready = true;
    m_port = quint16(url.port());
    m_baseUrl = url;
    emit ready(m_baseUrl);
    checkHealth();
    m_healthTimer.start();
}

void ServerSupervisor::handleFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    if (!m_partialLine.isEmpty()) {
        handleLine(QString::fromUtf8(m_partialLine));
        m_partialLine.clear();
    }
    m_healthTimer.stop();
    m_killTimer.stop();
    if (m_pendingHealth)
        m_pendingHealth->abort();
    const bool wasReady = m_ready;
    m_ready = false;
    m_baseUrl.clear();
    m_port = 0;
    appendLog(OwnPrefix + (exitStatus == QProcess::CrashExit
                               ? QStringLiteral("the server was ended by a signal")
                               : QStringLiteral("the server exited with code %1").arg(exitCode)));

    if (m_stopRequested) {
        m_stopRequested = false;
        if (m_restartAfterStop) {
            m_restartAfterStop = false;
            launch();
        } else {
            setState(State::Stopped);
        }
        return;
    }
    // Exit code 2 before the ready line: the server refused its settings (docs/http-transport.md). Restarting
    // would fail the same way, so the user has to change something.
    if (!wasReady && exitStatus == QProcess::NormalExit && exitCode == 2) {
        const QString output = m_runLines.join(QLatin1Char('\n'));
        if (output.contains(QLatin1String("cannot listen"), Qt::CaseInsensitive)) {
            const QString port = m_arguments.value(m_arguments.indexOf(QStringLiteral("--port")) + 1);
            setState(State::Unhealthy, tr("Cannot start: port in use (%1). Choose another port in Settings, or "
                                          "close the program that uses it.")
                                           .arg(port));
        } else {
            setState(State::Unhealthy, tr("The server refused to start: %1")
                                           .arg(m_runLines.isEmpty() ? tr("no reason given") : m_runLines.last()));
        }
        return;
    }
    const int seconds = m_restartDelay / 1000;
    const QString reason =
        exitStatus == QProcess::CrashExit
            ? tr("The server crashed; restarting in %n second(s).", nullptr, seconds)
            : tr("The server stopped unexpectedly (exit code %1); restarting in %n second(s).", nullptr, seconds)
                  .arg(exitCode);
    setState(State::Crashed, reason);
    scheduleRestart();
}

void ServerSupervisor::handleProcessError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart) // the others are followed by finished()
        return;
    appendLog(OwnPrefix + QStringLiteral("cannot start %1: %2").arg(m_serverBinary, m_process->errorString()));
    m_stopRequested = false;
    m_restartAfterStop = false;
    setState(State::Unhealthy,
             tr("The server program could not be started (%1): %2").arg(m_serverBinary, m_process->errorString()));
}

void ServerSupervisor::checkHealth()
{
    if (!m_ready || m_pendingHealth) // one request at a time: a slow server must not pile them up
        return;
    QUrl url = m_baseUrl;
    url.setPath(QStringLiteral("/health"));
    QNetworkRequest request(url);
    request.setTransferTimeout(HealthRequestTimeout);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_pendingHealth = m_network->get(request);
    QNetworkReply* reply = m_pendingHealth;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { handleHealthReply(reply); });
}

void ServerSupervisor::handleHealthReply(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_pendingHealth)
        return;
    m_pendingHealth = nullptr;
    if (!m_ready || m_stopRequested) // the run ended meanwhile
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject health = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 200) {
        setState(State::Running);
    } else if (status == 503) {
        const QString message = health.value(QStringLiteral("message")).toString();
        setState(State::Unhealthy, message.isEmpty() ? tr("The server reports a problem but gives no reason.")
                                                     : tr("The server reports a problem: %1").arg(message));
    } else {
        setState(State::Unhealthy, tr("The server does not answer its health check: %1")
                                       .arg(status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString()));
    }
}

void ServerSupervisor::scheduleRestart()
{
    appendLog(OwnPrefix + QStringLiteral("restarting in %1 ms").arg(m_restartDelay));
    m_restartTimer.start(m_restartDelay);
    m_restartDelay = qMin(m_restartDelay * 2, MaxRestartDelay);
}

void ServerSupervisor::appendLog(const QString& line)
{
    m_log.push_back(line);
    while (int(m_log.size()) > m_maxLogLines)
        m_log.pop_front();
    emit logLine(line);
}

void ServerSupervisor::killNow()
{
    if (!isProcessRunning())
        return;
    appendLog(OwnPrefix + QStringLiteral("the server did not stop in time; killing it"));
    m_process->kill();
}

} // namespace jcr::gui
