#include "autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace jcr::gui {

Autostart::Autostart(const QString& appBinary) : m_appBinary(QFileInfo(appBinary).absoluteFilePath())
{
}

bool Autostart::isSupported()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
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

bool Autostart::isEnabled() const
{
    if (!isSupported())
        return false;
    QFile file(desktopFilePath());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false")
            return false;
    }
    return true;
}

bool Autostart::setEnabled(bool enabled, QString* error)
{
    if (!isSupported()) {
        *error = tr("Starting at login is not available on this system yet.");
        return false;
    }
    const QString path = desktopFilePath();
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = tr("Cannot remove %1.").arg(QDir::toNativeSeparators(path));
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        return false;
    }
    const QString content = QStringLiteral("[Desktop Entry]\n"
                                           "Type=Application\n"
                                           "Name=JCR MCP\n"
                                           "Comment=Journal rankings for AI assistants (tray app)\n"
                                           "Exec=%1\n"
                                           "Icon=jcr-mcp-tray\n"
                                           "Terminal=false\n"
                                           "X-GNOME-Autostart-enabled=true\n")
                                .arg(execValue(m_appBinary));
    QSaveFile file(path);
    const QByteArray bytes = content.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
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

} // namespace jcr::gui
