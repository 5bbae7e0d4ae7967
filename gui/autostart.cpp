#include "autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>

namespace jcr::gui {

Autostart::Autostart(const QString& appBinary) : Autostart(appBinary, nativeMechanism())
{
}

Autostart::Autostart(const QString& appBinary, Mechanism mechanism, const QString& location)
    : m_appBinary(QFileInfo(appBinary).absoluteFilePath()), m_mechanism(mechanism), m_location(location)
{
    if (!m_location.isEmpty())
        return;
    switch (mechanism) {
    case Mechanism::XdgAutostart:
        m_location = desktopFilePath();
        break;
    case Mechanism::MacLaunchAgent:
        m_location = launchAgentPath();
        break;
    case Mechanism::WindowsRunKey:
        m_location = windowsRunKey();
        m_nativeRegistry = true;
        break;
    }
}

Autostart::Mechanism Autostart::nativeMechanism()
{
#if defined(Q_OS_WIN)
    return Mechanism::WindowsRunKey;
#elif defined(Q_OS_MACOS)
    return Mechanism::MacLaunchAgent;
#else
    return Mechanism::XdgAutostart;
#endif
}

bool Autostart::isSupported()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD) || defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    return true;
#else
    return false;
#endif
}

QString Autostart::desktopFilePath()
{
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base)) // the XDG spec says to ignore relative paths
        base = QDir::home().filePath(QStringLiteral(".config"));
    return QDir(base).filePath(QStringLiteral("autostart/jcr-mcp-tray.desktop"));
}

QString Autostart::launchAgentPath()
{
    return QDir::home().filePath(QStringLiteral("Library/LaunchAgents/%1.plist").arg(launchAgentLabel()));
}

bool Autostart::isEnabled() const
{
    switch (m_mechanism) {
    case Mechanism::XdgAutostart:
        return QFile::exists(m_location) && !desktopEntryDisabled();
    case Mechanism::MacLaunchAgent:
        return QFile::exists(m_location) && !fileContains("<key>Disabled</key><true/>");
    case Mechanism::WindowsRunKey: {
        const QSettings run(m_location, m_nativeRegistry ? QSettings::NativeFormat : QSettings::IniFormat);
        return !run.value(windowsValueName()).toString().isEmpty();
    }
    }
    return false;
}

bool Autostart::setEnabled(bool enabled, QString* error)
{
    switch (m_mechanism) {
    case Mechanism::XdgAutostart: {
        const QString content = QStringLiteral("[Desktop Entry]\n"
                                               "Type=Application\n"
                                               "Name=JCR MCP\n"
                                               "Comment=Journal rankings for AI assistants (tray app)\n"
                                               "Exec=%1\n"
                                               "Icon=jcr-mcp-tray\n"
                                               "Terminal=false\n"
                                               "X-GNOME-Autostart-enabled=true\n")
                                    .arg(execValue(m_appBinary));
        return enabled ? writeFile(content.toUtf8(), error) : removeFile(error);
    }
    case Mechanism::MacLaunchAgent:
        return enabled ? writeFile(launchAgentPlist(m_appBinary), error) : removeFile(error);
    case Mechanism::WindowsRunKey: {
        QSettings run(m_location, m_nativeRegistry ? QSettings::NativeFormat : QSettings::IniFormat);
        if (enabled)
            run.setValue(windowsValueName(), runValue(m_appBinary));
        else
            run.remove(windowsValueName());
        run.sync();
        if (run.status() != QSettings::NoError) {
            *error = tr("Cannot change %1.").arg(m_location);
            return false;
        }
        return true;
    }
    }
    return false;
}

bool Autostart::desktopEntryDisabled() const
{
    QFile file(m_location);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false")
            return true;
    }
    return false;
}

bool Autostart::fileContains(const QByteArray& marker) const
{
    QFile file(m_location);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    // Whitespace between XML elements does not matter: compare without it.
    QByteArray content = file.readAll();
    content.replace(' ', "").replace('\t', "").replace('\n', "").replace('\r', "");
    QByteArray wanted = marker;
    wanted.replace(' ', "");
    return content.contains(wanted);
}

bool Autostart::writeFile(const QByteArray& content, QString* error) const
{
    const QString folder = QFileInfo(m_location).absolutePath();
    if (!QDir().mkpath(folder)) {
        *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    QSaveFile file(m_location);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_location), file.errorString());
        return false;
    }
    return true;
}

bool Autostart::removeFile(QString* error) const
{
    if (QFile::exists(m_location) && !QFile::remove(m_location)) {
        *error = tr("Cannot remove %1.").arg(QDir::toNativeSeparators(m_location));
        return false;
    }
    return true;
}

QString Autostart::execValue(const QString& program)
{
    // Desktop Entry spec, "The Exec key": inside double quotes, ", `, $ and \ take a backslash; the string-value
    // escaping then doubles every backslash again; a literal % is written %%.
    QString quoted;
    for (const QChar c : program) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    quoted.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return u'"' + quoted + u'"';
}

QString Autostart::runValue(const QString& program)
{
    return u'"' + QDir::toNativeSeparators(program) + u'"';
}

QByteArray Autostart::launchAgentPlist(const QString& program)
{
    // XML special characters in the path are escaped; launchd runs ProgramArguments without a shell.
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                          "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                          "<plist version=\"1.0\">\n"
                          "<dict>\n"
                          "    <key>Label</key>\n"
                          "    <string>%1</string>\n"
                          "    <key>ProgramArguments</key>\n"
                          "    <array>\n"
                          "        <string>%2</string>\n"
                          "    </array>\n"
                          "    <key>RunAtLoad</key>\n"
                          "    <true/>\n"
                          "    <key>ProcessType</key>\n"
                          "    <string>Interactive</string>\n"
                          "</dict>\n"
                          "</plist>\n")
        .arg(launchAgentLabel(), program.toHtmlEscaped())
        .toUtf8();
}

} // namespace jcr::gui
