#pragma once

#include <QCoreApplication>
#include <QString>

namespace jcr::gui {

/// "Start the app at login", the way each desktop expects it:
/// - Linux (XDG Autostart specification): $XDG_CONFIG_HOME/autostart/jcr-mcp-tray.desktop (~/.config/autostart
///   when XDG_CONFIG_HOME is unset or relative).
/// - Windows: the value "JCR MCP" under HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run (QSettings
///   in NativeFormat writes the registry there).
/// - macOS: a LaunchAgent, ~/Library/LaunchAgents/io.github.jcr-mcp.tray.plist with RunAtLoad.
/// Every mechanism can be used on any system with another location (tests write a Windows "registry" to an INI
/// file and a LaunchAgent to a temporary home), so the logic of all three is tested here on Linux.
class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(jcr::gui::Autostart)

public:
    enum class Mechanism { XdgAutostart, WindowsRunKey, MacLaunchAgent };

    /// `appBinary`: the program to start at login, normally QCoreApplication::applicationFilePath().
    explicit Autostart(const QString& appBinary);
    /// Another mechanism, or the native one at another `location` (a file; for WindowsRunKey an INI file
    /// standing in for the registry key). An empty location means the mechanism's own.
    Autostart(const QString& appBinary, Mechanism mechanism, const QString& location = QString());

    static Mechanism nativeMechanism();
    static bool isSupported();
    /// The XDG autostart file's path (it may not exist).
    static QString desktopFilePath();
    /// The LaunchAgent's path in the user's home (it may not exist).
    static QString launchAgentPath();
    static QString windowsRunKey()
    {
        return QStringLiteral(R"(HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run)");
    }
    static QString windowsValueName() { return QStringLiteral("JCR MCP"); }
    static QString launchAgentLabel() { return QStringLiteral("io.github.jcr-mcp.tray"); }

    Mechanism mechanism() const { return m_mechanism; }
    /// Where the setting lives: a file path, or the registry key.
    QString location() const { return m_location; }

    /// Whether the app starts at login: the entry exists and is not disabled (for XDG, Hidden=true or
    /// X-GNOME-Autostart-enabled=false as the GNOME settings write it; for a LaunchAgent, Disabled).
    bool isEnabled() const;
    /// Writes or removes the entry. False with a message for the user on failure.
    bool setEnabled(bool enabled, QString* error);

    /// The Exec= value that runs `program`: quoted and escaped as the Desktop Entry specification requires.
    static QString execValue(const QString& program);
    /// The Run value that starts `program`: the native path in double quotes (spaces in "Program Files").
    static QString runValue(const QString& program);
    /// The LaunchAgent property list that starts `program` at login.
    static QByteArray launchAgentPlist(const QString& program);

private:
    bool writeFile(const QByteArray& content, QString* error) const;
    bool removeFile(QString* error) const;
    bool fileContains(const QByteArray& marker) const;
    bool desktopEntryDisabled() const;

    QString m_appBinary;
    Mechanism m_mechanism;
    QString m_location;
    bool m_nativeRegistry = false; ///< WindowsRunKey at its real location (NativeFormat), not an INI stand-in
};

} // namespace jcr::gui
