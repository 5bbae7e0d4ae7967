#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace jcr::gui {

class AppSettings;

/// Claude Desktop's claude_desktop_config.json: adds, updates and removes the `mcpServers` entry that starts
/// this installation's jcr-mcp-server over stdio (docs/claude-desktop.md). Every other key and server is kept;
/// a timestamped backup is written before every change; a file that is not valid JSON, or whose mcpServers is
/// not an object, is refused and left untouched rather than "repaired" (the user may be editing it by hand).
///
/// The file is rewritten with QJsonDocument (4-space indentation, keys sorted), so the formatting is stable:
/// installing the same entry twice yields the same bytes, and an unchanged entry does not rewrite the file.
class ClaudeDesktopConfig
{
    Q_DECLARE_TR_FUNCTIONS(jcr::gui::ClaudeDesktopConfig)

public:
    /// The config file of the current user on this OS (defaultConfigPath()).
    ClaudeDesktopConfig();
    /// Another config file, for tests.
    explicit ClaudeDesktopConfig(const QString& configPath);

    /// Windows %APPDATA%\Claude, macOS ~/Library/Application Support/Claude, Linux (community builds)
    /// ~/.config/Claude (or $XDG_CONFIG_HOME/Claude), each with claude_desktop_config.json.
    static QString defaultConfigPath();
    QString configPath() const { return m_configPath; }

    /// The one-click extension (jcr-mcp*.mcpb) installed with this server, if any: beside the server binary,
    /// in ../share/jcr-mcp (Linux packages) or ../Resources (a macOS app bundle). Empty when there is none.
    static QString bundledExtension(const QString& serverBinary);

    /// Adds or updates `mcpServers.<entryName>` = {"command": absolute binary, "args": ["--db", absolute path]}.
    /// Creates the file and its folder when absent. False with a message for the user when refused or failed.
    bool install(const QString& entryName, const QString& serverBinary, const QString& databasePath, QString* error);
    /// Removes `mcpServers.<entryName>` only (true when it was not there).
    bool remove(const QString& entryName, QString* error);
    /// Whether the file has the entry (false when the file is absent or cannot be parsed).
    bool hasEntry(const QString& entryName) const;
    /// The backup written by the last install() or remove() that changed the file; empty when none.
    QString lastBackupPath() const { return m_lastBackupPath; }

    /// The URL HTTP clients use for the settings' transport (…/mcp for Streamable HTTP, …/sse for SSE);
    /// `actualPort` overrides the settings' port (the supervisor's port when the settings say 0).
    static QString httpUrl(const AppSettings& settings, quint16 actualPort = 0);
    /// `Authorization: Bearer <token>`, or empty without a token.
    static QString authorizationHeader(const AppSettings& settings);
    /// A copy-ready mcpServers JSON snippet for clients that connect over HTTP (url, type, headers).
    static QString httpClientSnippet(const QString& entryName, const AppSettings& settings, quint16 actualPort = 0);

private:
    enum class ReadResult { Absent, Parsed, Refused };
    ReadResult read(QJsonObject* root, QByteArray* original, QString* error) const;
    bool write(const QJsonObject& root, const QByteArray& original, bool existed, QString* error);

    QString m_configPath;
    QString m_lastBackupPath;
};

} // namespace jcr::gui
