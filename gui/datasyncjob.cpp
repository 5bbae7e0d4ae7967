#include "datasyncjob.h"

#include "appsettings.h"

#include <QDir>
#include <QRegularExpression>

namespace jcr::gui {

namespace {

constexpr int DefaultKillTimeoutMs = 5000;

const QString FailedPrefix = QStringLiteral("sync failed: ");
const QString DownloadedPrefix = QStringLiteral("downloaded from "); // the source or the mirror that delivered

} // namespace

DataSyncJob::DataSyncJob(const QString& serverBinary, QObject* parent) : QObject(parent), m_serverBinary(serverBinary)
{
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(DefaultKillTimeoutMs);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
}

DataSyncJob::~DataSyncJob()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(DefaultKillTimeoutMs);
    }
}

void DataSyncJob::start(const AppSettings& settings)
{
    start(settings.syncArguments(), settings.serverEnvironment());
}

void DataSyncJob::start(const QStringList& arguments, const QProcessEnvironment& environment)
{
    if (isRunning())
        return;
    if (m_process)
        m_process->deleteLater();
    m_cancelRequested = false;
    m_journalCount = -1;
    m_errorMessage.clear();
    m_serverError.clear();
    m_downloadedFrom.clear();
    m_lines.clear();
    m_partialLine.clear();
    m_lastProgress = {};

    m_process = new QProcess(this);
    m_process->setProcessEnvironment(environment);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardOutputFile(QProcess::nullDevice()); // sync reports on stderr only
    connect(m_process, &QProcess::readyReadStandardError, this, &DataSyncJob::readOutput);
    connect(m_process, &QProcess::finished, this, &DataSyncJob::handleFinished);
    connect(m_process, &QProcess::errorOccurred, this, &DataSyncJob::handleProcessError);
    m_state = State::Running;
    emit stateChanged(m_state);
    m_process->start(m_serverBinary, arguments);
}

void DataSyncJob::cancel()
{
    if (!isRunning() || !m_process)
        return;
    m_cancelRequested = true;
    m_process->terminate();
    m_killTimer.start();
}

void DataSyncJob::readOutput()
{
    m_partialLine += m_process->readAllStandardError();
    qsizetype end;
    while ((end = m_partialLine.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partialLine.left(end)).trimmed();
        m_partialLine.remove(0, end + 1);
        if (!line.isEmpty())
            handleLine(line);
    }
}

void DataSyncJob::handleLine(const QString& line)
{
    m_lines << line;
    if (const std::optional<Progress> step = parseProgressLine(line)) {
        m_lastProgress = *step;
        emit progress(step->done, step->total, describeStep(step->message));
    } else if (const std::optional<int> journals = parseJournalCount(line)) {
        m_journalCount = *journals;
    } else if (line.startsWith(FailedPrefix)) {
        m_serverError = line.mid(FailedPrefix.size()).trimmed();
    } else if (line.startsWith(DownloadedPrefix)) {
        m_downloadedFrom = line.mid(DownloadedPrefix.size()).trimmed();
    }
}

void DataSyncJob::handleFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    readOutput();
    if (!m_partialLine.trimmed().isEmpty()) {
        handleLine(QString::fromUtf8(m_partialLine).trimmed());
        m_partialLine.clear();
    }
    m_killTimer.stop();
    if (exitStatus == QProcess::NormalExit && exitCode == 0) {
        // Even after cancel(): the new database was already renamed into place, so say so truthfully.
        finish(State::Succeeded);
    } else if (m_cancelRequested) {
        finish(State::Cancelled);
    } else if (exitStatus == QProcess::CrashExit) {
        finish(State::Failed, tr("The update stopped unexpectedly. Your previous journal data is unchanged."));
    } else {
        finish(State::Failed,
               describeFailure(m_serverError.isEmpty() ? m_lines.value(m_lines.size() - 1) : m_serverError));
    }
}

void DataSyncJob::handleProcessError(QProcess::ProcessError error)
{
    // Only a failed start has no finished() signal to follow; every other error ends in handleFinished().
    if (error != QProcess::FailedToStart || !isRunning())
        return;
    m_killTimer.stop();
    finish(State::Failed, tr("The journal data tool could not be started (%1): %2")
                              .arg(QDir::toNativeSeparators(m_serverBinary), m_process->errorString()));
}

void DataSyncJob::finish(State state, const QString& errorMessage)
{
    m_state = state;
    m_errorMessage = errorMessage;
    emit stateChanged(m_state);
    emit finished(m_state);
}

std::optional<DataSyncJob::Progress> DataSyncJob::parseProgressLine(const QString& line)
{
    static const QRegularExpression pattern(QStringLiteral("^progress \\[\\s*(\\d+)/(\\d+)\\] (.*)$"));
    const QRegularExpressionMatch match = pattern.match(line);
    if (!match.hasMatch())
        return std::nullopt;
    return Progress{match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).trimmed()};
}

std::optional<int> DataSyncJob::parseJournalCount(const QString& line)
{
    static const QRegularExpression pattern(QStringLiteral("^sync done: .*\\b(\\d+) journals\\b"));
    const QRegularExpressionMatch match = pattern.match(line);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toInt();
}

QString DataSyncJob::describeStep(const QString& serverMessage)
{
    // The server's steps (core/datasource.cpp, core/dataimporter.cpp); an unknown one is shown as it is.
    static const QRegularExpression withFile(QStringLiteral("^(reading|downloading) (.+)$"));
    const QRegularExpressionMatch match = withFile.match(serverMessage);
    if (match.hasMatch())
        return match.captured(1) == QLatin1String("reading") ? tr("Reading %1").arg(match.captured(2))
                                                             : tr("Downloading %1").arg(match.captured(2));
    if (serverMessage == QLatin1String("downloaded"))
        return tr("Download complete");
    if (serverMessage == QLatin1String("writing the database"))
        return tr("Writing the journal database");
    if (serverMessage == QLatin1String("checking the database"))
        return tr("Checking the new database");
    if (serverMessage == QLatin1String("done"))
        return tr("Done");
    return serverMessage;
}

QString DataSyncJob::describeFailure(const QString& serverError)
{
    struct Known
    {
        QRegularExpression pattern;
        QString (*describe)(const QRegularExpressionMatch&);
    };
    // The reasons the server gives (core/datasource.cpp, core/dataimporter.cpp), said for non-technical users.
    static const QList<Known> known{
        {QRegularExpression(QStringLiteral("^data folder (.+) does not exist")),
         [](const QRegularExpressionMatch& m) {
             return tr("The data folder %1 does not exist. Choose another data source in the settings.")
                 .arg(m.captured(1));
         }},
        {QRegularExpression(QStringLiteral("^no \\.csv files in (.+)$")),
         [](const QRegularExpressionMatch& m) {
             return tr("The folder %1 contains no ShowJCR data files (.csv). Choose another data source in the "
                       "settings.")
                 .arg(m.captured(1));
         }},
        {QRegularExpression(QStringLiteral("^every source failed: (.*)$")),
         [](const QRegularExpressionMatch& m) {
             return tr("The journal data could not be downloaded from GitHub nor from its mirrors (%1). Check the "
                       "internet connection and try again, or set JCR_MCP_DATA_MIRRORS to a mirror you can reach.")
                 .arg(m.captured(1));
         }},
        {QRegularExpression(QStringLiteral("^download of (\\S+) failed: (.*)$")),
         [](const QRegularExpressionMatch& m) {
             return tr("Downloading %1 failed (%2). Check the internet connection and try again.")
                 .arg(m.captured(1), m.captured(2));
         }},
        {QRegularExpression(QStringLiteral("^none of the \\d+ data files was found at (.+)$")),
         [](const QRegularExpressionMatch& m) {
             return tr("No journal data was found at %1. Check the data source in the settings.").arg(m.captured(1));
         }},
        {QRegularExpression(QStringLiteral("^another sync is writing")),
         [](const QRegularExpressionMatch&) {
             return tr("Another update of the journal data is running. Wait until it has finished.");
         }},
        {QRegularExpression(QStringLiteral("^cannot create the lock file (.*)/[^/]*: (.*); sync needs")),
         [](const QRegularExpressionMatch& m) {
             return tr("The journal data cannot be written in the folder %1 (%2). Choose another database location "
                       "in the settings.")
                 .arg(m.captured(1), m.captured(2));
         }},
    };
    QString message;
    for (const Known& entry : known) {
        const QRegularExpressionMatch match = entry.pattern.match(serverError);
        if (match.hasMatch()) {
            message = entry.describe(match);
            break;
        }
    }
    if (message.isEmpty())
        message = serverError.isEmpty() ? tr("The update failed.") : tr("The update failed: %1").arg(serverError);
    return tr("%1 Your previous journal data is unchanged.").arg(message);
}

} // namespace jcr::gui
