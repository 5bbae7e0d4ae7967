#pragma once

#include <QCoreApplication>
#include <QString>

namespace jcr::gui {

/// "Start the app at login". On Linux: an XDG autostart entry, $XDG_CONFIG_HOME/autostart/jcr-mcp-tray.desktop
/// (~/.config/autostart when XDG_CONFIG_HOME is unset or relative), as the XDG Autostart specification says.
///
/// TODO(windows): a value under HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run (QSettings with
/// NativeFormat can write it). TODO(macos): a LaunchAgent plist in ~/Library/LaunchAgents with RunAtLoad.
/// Neither is implemented yet: on those systems isSupported() is false and setEnabled() fails with a message.
class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(jcr::gui::Autostart)

public:
    /// `appBinary`: the program to start at login, normally QCoreApplication::applicationFilePath().
    explicit Autostart(const QString& appBinary);

    static bool isSupported();
    /// The autostart file's path (it may not exist).
    static QString desktopFilePath();

    /// Whether the app starts at login: the file exists and is not disabled (Hidden=true, or
    /// X-GNOME-Autostart-enabled=false as the GNOME settings write it).
    bool isEnabled() const;
    /// Writes or removes the autostart file. False with a message for the user on failure.
    bool setEnabled(bool enabled, QString* error);

    /// The Exec= value that runs `program`: quoted and escaped as the Desktop Entry specification requires.
    static QString execValue(const QString& program);

private:
    QString m_appBinary;
};

} // namespace jcr::gui
