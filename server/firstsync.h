#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace jcr {

struct ServerOptions;

/// `--sync-if-missing`: when the server starts without a journal database (a fresh .mcpb install), builds one
/// in the background by running `jcr-mcp-server sync` (this same program) into the database path, while the
/// server already answers (tools say the data is being prepared: JournalBackend::setPreparingData). The sync's
/// progress lines go to stderr, the log of every MCP client; nothing reaches stdout, the stdio MCP stream.
/// The sync writes a temporary file and renames it when complete, so the server picks the database up by itself.
class FirstSync : public QObject
{
    Q_OBJECT

public:
    explicit FirstSync(QObject* parent = nullptr);
    ~FirstSync() override; ///< a sync still running is killed (the next start tries again)

    /// The arguments of the sync run for `options` (its database, data and abbreviation sources).
    static QStringList syncArguments(const ServerOptions& options);
    /// Starts the sync when `options.databasePath` does not exist; false when there was nothing to do.
    bool startIfMissing(const ServerOptions& options);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

signals:
    void finished(bool ok);

private:
    void forwardOutput();
    void handleFinished(int exitCode, QProcess::ExitStatus status);

    QProcess m_process;
};

} // namespace jcr
