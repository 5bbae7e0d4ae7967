#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace jcr::gui {

class AppSettings;

/// Runs `jcr-mcp-server sync` out of process and turns its stderr into progress and a plain-language result,
/// without widgets (UpdateDataDialog shows it).
///
/// The server's protocol (server/datacommands.cpp): one `progress [ D/T] message` line per step when stderr is
/// not a terminal, then `sync done: … N journals …` (exit 0) or `sync failed: reason` (exit 1). The importer
/// builds a temporary file and renames it over the database only when complete, so a sync that is cancelled or
/// fails leaves the previous database untouched, and a running server keeps answering from it.
///
/// cancel() sends SIGTERM. `sync` installs no handler for it, so the process ends at once, like after SIGKILL
/// (tests/integration/tst_syncinterrupt): the old database stays; the next sync removes the temporary file.
class DataSyncJob : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    struct Progress
    {
        int done = 0;
        int total = 0;
        QString message; ///< the server's English step text, e.g. "reading JCR2025-UTF8.csv"
    };

    explicit DataSyncJob(const QString& serverBinary, QObject* parent = nullptr);
    ~DataSyncJob() override; ///< a sync still running is killed (the old database stays)

    /// Starts `jcr-mcp-server` with `arguments` (normally AppSettings::syncArguments()).
    void start(const QStringList& arguments, const QProcessEnvironment& environment);
    /// Starts the sync that the settings describe (their syncArguments() and serverEnvironment()).
    void start(const AppSettings& settings);
    /// Stops a running sync: SIGTERM, then SIGKILL after killTimeout(). Ends in Cancelled, or Succeeded when the
    /// new database was already in place.
    void cancel();

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    /// cancel() was called and the sync has not ended yet.
    bool isCancelling() const { return isRunning() && m_cancelRequested; }
    /// Journals in the new database after success, else -1.
    int journalCount() const { return m_journalCount; }
    /// Why the sync failed, in plain language (translated); empty unless Failed.
    QString errorMessage() const { return m_errorMessage; }
    /// The server's own reason from its `sync failed:` line (English), for the details.
    QString serverError() const { return m_serverError; }
    /// The URL the data was downloaded from (the source, or a mirror when it failed: `downloaded from …`);
    /// empty for a folder or before the download.
    QString downloadedFrom() const { return m_downloadedFrom; }
    /// Every line the server wrote to stderr.
    QStringList outputLines() const { return m_lines; }
    Progress lastProgress() const { return m_lastProgress; }

    int killTimeout() const { return m_killTimer.interval(); }
    void setKillTimeout(int milliseconds) { m_killTimer.setInterval(milliseconds); }

    /// Parses one `progress [ D/T] message` line; nothing for any other line.
    static std::optional<Progress> parseProgressLine(const QString& line);
    /// The journal count of a `sync done: …, N journals in …` line; nothing for any other line.
    static std::optional<int> parseJournalCount(const QString& line);
    /// The server's step text in the user's language ("reading X" → "Reading X").
    static QString describeStep(const QString& serverMessage);
    /// The server's failure reason in plain language, with what to do.
    static QString describeFailure(const QString& serverError);

signals:
    void progress(int done, int total, const QString& message);
    void stateChanged(jcr::gui::DataSyncJob::State state);
    /// The sync ended: Succeeded, Failed or Cancelled.
    void finished(jcr::gui::DataSyncJob::State state);

private:
    void readOutput();
    void handleLine(const QString& line);
    void handleFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void handleProcessError(QProcess::ProcessError error);
    void finish(State state, const QString& errorMessage = QString());

    QString m_serverBinary;
    QProcess* m_process = nullptr;
    QTimer m_killTimer;
    State m_state = State::Idle;
    bool m_cancelRequested = false;
    int m_journalCount = -1;
    QString m_errorMessage;
    QString m_serverError;
    QString m_downloadedFrom;
    QStringList m_lines;
    QByteArray m_partialLine;
    Progress m_lastProgress;
};

} // namespace jcr::gui
