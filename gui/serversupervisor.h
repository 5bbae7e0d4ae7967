#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <deque>

class QNetworkAccessManager;
class QNetworkReply;

namespace jcr::gui {

class AppSettings;

/// Runs the real jcr-mcp-server out of process and watches it (style-anchors "What to absorb" 10).
///
/// States: Stopped → Starting → Running (healthy) or Unhealthy (with a reason) → Crashed → Starting …
/// - Readiness comes from the one ready line of docs/http-transport.md on stderr
///   (`jcr-mcp-server: listening on http://HOST:PORT (TRANSPORT)`), then GET /health is polled: 200 → Running,
///   503 → Unhealthy with the server's message, no answer → Unhealthy.
/// - Exit code 2 before the ready line means the server refused to start: "cannot listen" → Unhealthy "port in
///   use", anything else → Unhealthy with the server's last line. These are not retried: the settings are wrong.
/// - Any other end that stop() did not ask for is a crash: Crashed, then a restart after 1 s, 2 s, 4 s … (capped),
///   the delay reset after a minute of healthy running. A manual stop is never followed by a restart.
/// - stop() sends SIGTERM, then SIGKILL after a timeout. The destructor stops the server synchronously. If the
///   app dies without it, the server stops itself: it runs with --exit-with-parent (server/parentwatch.h), and
///   on Linux it also asks for SIGTERM on the parent's death where the kernel delivers it.
class ServerSupervisor : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Starting, Running, Unhealthy, Crashed, Stopping };
    Q_ENUM(State)

    explicit ServerSupervisor(const QString& serverBinary, QObject* parent = nullptr);
    ~ServerSupervisor() override;

    /// Starts the server with the settings' arguments and environment (a running server is left alone; use
    /// restart() after a settings change). The settings are copied: later changes need a restart().
    void start(const AppSettings& settings);
    /// Stops gracefully (SIGTERM, then kill after killTimeout()); no automatic restart follows.
    void stop();
    /// Stops (if running) and starts again with the given settings.
    void restart(const AppSettings& settings);

    State state() const { return m_state; }
    /// Why the server is Unhealthy or Crashed, in plain language (translated); empty otherwise.
    QString reason() const { return m_reason; }
    /// The server's base URL from its ready line (http://127.0.0.1:PORT), empty before it is ready.
    QUrl baseUrl() const { return m_baseUrl; }
    /// The port the server listens on (from its ready line; the actual one when the settings say 0).
    quint16 port() const { return m_port; }
    /// The server's process id while it runs, else 0.
    qint64 processId() const;
    bool isProcessRunning() const;
    /// The last lines the server wrote (stdout and stderr), oldest first, for the log viewer.
    QStringList logLines() const;
    /// How many restarts after crashes happened since the last start().
    int restartCount() const { return m_restartCount; }

    static QString stateName(State state);

    // Tuning, mainly for tests.
    int healthInterval() const { return m_healthTimer.interval(); }
    void setHealthInterval(int milliseconds) { m_healthTimer.setInterval(milliseconds); }
    int killTimeout() const { return m_killTimer.interval(); }
    void setKillTimeout(int milliseconds) { m_killTimer.setInterval(milliseconds); }
    int maxLogLines() const { return m_maxLogLines; }
    void setMaxLogLines(int lines);

    static constexpr int InitialRestartDelay = 1000;
    static constexpr int MaxRestartDelay = 60000;
    static constexpr int HealthyResetTime = 60000; ///< healthy this long → the restart delay starts over

signals:
    void stateChanged(jcr::gui::ServerSupervisor::State state, const QString& reason);
    void logLine(const QString& line);
    /// The server announced its address (after every (re)start).
    void ready(const QUrl& baseUrl);

private:
    void launch();
    void setState(State state, const QString& reason = QString());
    void readOutput();
    void handleLine(const QString& line);
    void handleFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void handleProcessError(QProcess::ProcessError error);
    void checkHealth();
    void handleHealthReply(QNetworkReply* reply);
    void scheduleRestart();
    void appendLog(const QString& line);
    void killNow();

    QString m_serverBinary;
    QStringList m_arguments;
    QProcessEnvironment m_environment;
    QProcess* m_process = nullptr;
    QNetworkAccessManager* m_network = nullptr;
    QNetworkReply* m_pendingHealth = nullptr;

    State m_state = State::Stopped;
    QString m_reason;
    QUrl m_baseUrl;
    quint16 m_port = 0;
    bool m_ready = false;         ///< the ready line of the current run was seen
    bool m_stopRequested = false; ///< stop() or restart() ended the run: no automatic restart
    bool m_restartAfterStop = false;
    QByteArray m_partialLine;
    QStringList m_runLines; ///< this run's lines before the ready line, to explain an early exit

    QTimer m_healthTimer;
    QTimer m_killTimer;
    QTimer m_restartTimer;
    QTimer m_healthyResetTimer;
    int m_restartDelay = InitialRestartDelay;
    int m_restartCount = 0;

    std::deque<QString> m_log;
    int m_maxLogLines = 500;
};

} // namespace jcr::gui
