#include "claudedesktopconfig.h"

#include "appsettings.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>
#include <QStandardPaths>

namespace jcr::gui {

namespace {

const QString ServersKey = QStringLiteral("mcpServers");
const QString FileName = QStringLiteral("claude_desktop_config.json");

} // namespace

ClaudeDesktopConfig::ClaudeDesktopConfig() : m_configPath(defaultConfigPath())
{
}

ClaudeDesktopConfig::ClaudeDesktopConfig(const QString& configPath)
    : m_configPath(QFileInfo(configPath).absoluteFilePath())
{
}

QString ClaudeDesktopConfig::defaultConfigPath()
{
#if defined(Q_OS_WIN)
    QString base = qEnvironmentVariable("APPDATA");
    if (base.isEmpty())
        base = QDir::home().filePath(QStringLiteral("AppData/Roaming"));
#elif defined(Q_OS_MACOS)
    const QString base = QDir::home().filePath(QStringLiteral("Library/Application Support"));
#else
    // Community Linux builds are Electron apps, which follow XDG_CONFIG_HOME.
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::home().filePath(QStringLiteral(".config"));
#endif
    return QDir(base).filePath(QStringLiteral("Claude/") + FileName);
}

QString ClaudeDesktopConfig::bundledExtension(const QString& serverBinary)
{
    const QString binaryFolder = QFileInfo(serverBinary).absolutePath();
    for (const QString& folder : {binaryFolder, binaryFolder + QStringLiteral("/../share/jcr-mcp"),
                                  binaryFolder + QStringLiteral("/../Resources")}) {
        const QFileInfoList found =
            QDir(folder).entryInfoList({QStringLiteral("jcr-mcp*.mcpb")}, QDir::Files | QDir::Readable, QDir::Name);
        if (!found.isEmpty())
            return QDir::cleanPath(found.last().absoluteFilePath()); // the newest version sorts last
    }
    return QString();
}

ClaudeDesktopConfig::ReadResult ClaudeDesktopConfig::read(QJsonObject* root, QByteArray* original, QString* error) const
{
    QFile file(m_configPath);
    if (!file.exists())
        return ReadResult::Absent;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(m_configPath), file.errorString());
        return ReadResult::Refused;
    }
    *original = file.readAll();
    if (original->trimmed().isEmpty()) { // an empty file holds nothing to lose
        *root = QJsonObject();
        return ReadResult::Parsed;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*original, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("%1 is not valid JSON (%2 at character %3), so it was left unchanged. Fix it or move it "
                    "away, then try again.")
                     .arg(QDir::toNativeSeparators(m_configPath), parseError.errorString())
                     .arg(parseError.offset);
        return ReadResult::Refused;
    }
    if (!document.isObject()) {
        *error =
            tr("%1 does not hold a JSON object, so it was left unchanged.").arg(QDir::toNativeSeparators(m_configPath));
        return ReadResult::Refused;
    }
    *root = document.object();
    if (root->contains(ServersKey) && !root->value(ServersKey).isObject()) {
        *error = tr("In %1, \"mcpServers\" is not a JSON object, so the file was left unchanged.")
                     .arg(QDir::toNativeSeparators(m_configPath));
        return ReadResult::Refused;
    }
    return ReadResult::Parsed;
}

bool ClaudeDesktopConfig::write(const QJsonObject& root, const QByteArray& original, bool existed, QString* error)
{
    const QByteArray content = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (existed && content == original)
        return true;
    const QFileInfo info(m_configPath);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    if (existed) {
        // Milliseconds in the name: two changes within one second must not overwrite the first backup.
        const QString backup = m_configPath + QStringLiteral(".backup-") +
                               QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
        QFile backupFile(backup);
        if (!backupFile.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
            backupFile.write(original) != original.size() || !backupFile.flush()) {
            *error = tr("Cannot write the backup %1 (%2); %3 was left unchanged.")
                         .arg(QDir::toNativeSeparators(backup), backupFile.errorString(),
                              QDir::toNativeSeparators(m_configPath));
            return false;
        }
        m_lastBackupPath = backup;
    }
    // QSaveFile: Claude Desktop (or an editor) never sees a half-written file.
    QSaveFile file(m_configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_configPath), file.errorString());
        return false;
    }
    return true;
}

bool ClaudeDesktopConfig::install(const QString& entryName,
                                  const QString& serverBinary,
                                  const QString& databasePath,
                                  QString* error)
{
    m_lastBackupPath.clear();
    if (entryName.trimmed().isEmpty()) {
        *error = tr("The entry needs a name.");
        return false;
    }
    QJsonObject root;
    QByteArray original;
    const ReadResult result = read(&root, &original, error);
    if (result == ReadResult::Refused)
        return false;
    QJsonObject servers = root.value(ServersKey).toObject();
    QJsonObject entry = servers.value(entryName).toObject();
    // Keys the user added to our entry (env, disabled flags of newer clients) stay.
    entry.insert(QStringLiteral("command"), QFileInfo(serverBinary).absoluteFilePath());
    entry.insert(QStringLiteral("args"),
                 QJsonArray{QStringLiteral("--db"), QFileInfo(databasePath).absoluteFilePath()});
    servers.insert(entryName, entry);
    root.insert(ServersKey, servers);
    return write(root, original, result == ReadResult::Parsed, error);
}

bool ClaudeDesktopConfig::remove(const QString& entryName, QString* error)
{
    m_lastBackupPath.clear();
    QJsonObject root;
    QByteArray original;
    const ReadResult result = read(&root, &original, error);
    if (result == ReadResult::Refused)
        return false;
    if (result == ReadResult::Absent)
        return true;
    QJsonObject servers = root.value(ServersKey).toObject();
    if (!servers.contains(entryName))
        return true;
    servers.remove(entryName);
    root.insert(ServersKey, servers);
    return write(root, original, true, error);
}

bool ClaudeDesktopConfig::hasEntry(const QString& entryName) const
{
    QJsonObject root;
    QByteArray original;
    QString error;
    if (read(&root, &original, &error) != ReadResult::Parsed)
        return false;
    return root.value(ServersKey).toObject().contains(entryName);
}

QString ClaudeDesktopConfig::httpUrl(const AppSettings& settings, quint16 actualPort)
{
    // A server on every interface is still reached over loopback from this computer.
    const QString host = settings.host() == QLatin1String("0.0.0.0") ? QStringLiteral("127.0.0.1") : settings.host();
    const quint16 port = actualPort ? actualPort : settings.port();
    const QString path =
        settings.transport() == AppSettings::Transport::Sse ? QStringLiteral("/sse") : QStringLiteral("/mcp");
    return QStringLiteral("http://%1:%2%3").arg(host).arg(port).arg(path);
}

QString ClaudeDesktopConfig::authorizationHeader(const AppSettings& settings)
{
    return settings.accessToken().isEmpty() ? QString()
                                            : QStringLiteral("Authorization: Bearer ") + settings.accessToken();
}

QString
ClaudeDesktopConfig::httpClientSnippet(const QString& entryName, const AppSettings& settings, quint16 actualPort)
{
    QJsonObject entry{
        {QStringLiteral("type"),
         settings.transport() == AppSettings::Transport::Sse ? QStringLiteral("sse") : QStringLiteral("http")},
        {QStringLiteral("url"), httpUrl(settings, actualPort)},
    };
    if (!settings.accessToken().isEmpty())
        entry.insert(QStringLiteral("headers"), QJsonObject{{QStringLiteral("Authorization"),
                                                             QStringLiteral("Bearer ") + settings.accessToken()}});
    const QJsonObject root{{ServersKey, QJsonObject{{entryName, entry}}}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace jcr::gui
