#include "appsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

namespace jcr::gui {

namespace {

const QString LocalHost = QStringLiteral("127.0.0.1");
const QString AllInterfaces = QStringLiteral("0.0.0.0");

// Keys in the store. Renaming one needs a new SchemaVersion and a migration in restore().
const QString VersionKey = QStringLiteral("v");
const QString TransportKey = QStringLiteral("server/transport");
const QString HostKey = QStringLiteral("server/host");
const QString PortKey = QStringLiteral("server/port");
const QString TokenKey = QStringLiteral("server/accessToken");
const QString DatabaseKey = QStringLiteral("data/databasePath");
const QString SourceKey = QStringLiteral("data/source");
const QString LanguageKey = QStringLiteral("app/language");
const QString StartServerKey = QStringLiteral("app/startServerWithApp");
const QString StartAtLoginKey = QStringLiteral("app/startAppAtLogin");

bool isHttpUrl(const QString& text)
{
    return text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

} // namespace

AppSettings::AppSettings() : m_settings(std::make_unique<QSettings>())
{
    restore();
}

AppSettings::AppSettings(const QString& settingsFile)
    : m_settings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
    restore();
}

AppSettings::~AppSettings() = default;

QString AppSettings::settingsFilePath() const
{
    return m_settings->fileName();
}

void AppSettings::resetToDefaults()
{
    m_transport = Transport::StreamableHttp;
    m_host = LocalHost;
    m_port = DefaultPort;
    m_accessToken.clear();
    m_databasePath = defaultDatabasePath();
    m_dataSource.clear();
    m_language = Language::System;
    m_startServerWithApp = true;
    m_startAppAtLogin = false;
}

bool AppSettings::restore()
{
    resetToDefaults();
    m_restoreError.clear();
    m_settings->sync();
    QStringList problems;

    const int version = m_settings->value(VersionKey, SchemaVersion).toInt();
    if (version > SchemaVersion)
        problems << QStringLiteral("the settings were saved by a newer version (schema %1, this app knows %2)")
                        .arg(version)
                        .arg(SchemaVersion);

    const QString transport = m_settings->value(TransportKey, transportName(m_transport)).toString();
    if (!transportFromName(transport, &m_transport))
        problems << QStringLiteral("unknown transport \"%1\", using the default").arg(transport.left(40));
    m_host = m_settings->value(HostKey, m_host).toString().trimmed();
    bool portOk = false;
    const uint port = m_settings->value(PortKey, m_port).toUInt(&portOk);
    if (portOk && port <= 65535)
        m_port = quint16(port);
    else
        problems << QStringLiteral("invalid port, using %1").arg(DefaultPort);
    m_accessToken = m_settings->value(TokenKey).toString();
    m_databasePath = m_settings->value(DatabaseKey, m_databasePath).toString();
    m_dataSource = m_settings->value(SourceKey).toString();
    const QString language = m_settings->value(LanguageKey, languageName(m_language)).toString();
    if (!languageFromName(language, &m_language))
        problems << QStringLiteral("unknown language \"%1\", following the system").arg(language.left(40));
    m_startServerWithApp = m_settings->value(StartServerKey, m_startServerWithApp).toBool();
    m_startAppAtLogin = m_settings->value(StartAtLoginKey, m_startAppAtLogin).toBool();

    if (m_settings->status() != QSettings::NoError)
        problems << QStringLiteral("the settings file %1 cannot be read").arg(m_settings->fileName());
    m_restoreError = problems.join(QStringLiteral("; "));
    return problems.isEmpty();
}

bool AppSettings::save()
{
    m_settings->setValue(VersionKey, SchemaVersion);
    m_settings->setValue(TransportKey, transportName(m_transport));
    m_settings->setValue(HostKey, m_host);
    m_settings->setValue(PortKey, m_port);
    m_settings->setValue(TokenKey, m_accessToken);
    m_settings->setValue(DatabaseKey, m_databasePath);
    m_settings->setValue(SourceKey, m_dataSource);
    m_settings->setValue(LanguageKey, languageName(m_language));
    m_settings->setValue(StartServerKey, m_startServerWithApp);
    m_settings->setValue(StartAtLoginKey, m_startAppAtLogin);
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

QList<AppSettings::Problem> AppSettings::validate() const
{
    QList<Problem> problems;
    if (m_host != LocalHost && m_host != AllInterfaces)
        problems.append({
            QStringLiteral("host"),
            tr("The address must be 127.0.0.1 (this computer only) or 0.0.0.0 (every network)."),
        });
    if (m_port == 0)
        problems.append({QStringLiteral("port"), tr("Choose a port from 1 to 65535, for example 8080.")});
    if (!m_accessToken.isEmpty()) {
        bool printable = true;
        for (const QChar c : m_accessToken)
            printable = printable && c.unicode() > 0x20 && c.unicode() < 0x7f;
        if (!printable)
            problems.append({QStringLiteral("accessToken"),
                             tr("The access token may only contain letters, digits and punctuation, without "
                                "spaces.")});
        else if (m_accessToken.size() < 16)
            problems.append({QStringLiteral("accessToken"),
                             tr("The access token is too short to be safe: use at least 16 characters, or press "
                                "Generate.")});
    } else if (m_host == AllInterfaces) {
        problems.append({QStringLiteral("accessToken"),
                         tr("Every computer on the network could use the server. Set an access token (press "
                            "Generate) or listen on 127.0.0.1 only.")});
    }
    if (m_databasePath.trimmed().isEmpty())
        problems.append({QStringLiteral("databasePath"), tr("Choose where the journal database is kept.")});
    else if (QDir::isRelativePath(m_databasePath))
        problems.append({QStringLiteral("databasePath"), tr("The database location must be a full path, such as %1.")
                                                             .arg(QDir::toNativeSeparators(defaultDatabasePath()))});
    else if (QFileInfo(m_databasePath).isDir())
        problems.append({QStringLiteral("databasePath"),
                         tr("The database location is a folder; choose a file name inside it, such as jcr.db.")});
    if (!m_dataSource.trimmed().isEmpty()) {
        if (isHttpUrl(m_dataSource)) {
            const QUrl url(m_dataSource.trimmed(), QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty())
                problems.append({QStringLiteral("dataSource"), tr("The data source address is not a valid web "
                                                                  "address.")});
        } else if (!QFileInfo(m_dataSource).isDir()) {
            problems.append({QStringLiteral("dataSource"),
                             tr("The data source must be an existing folder with the ShowJCR files, or a web "
                                "address starting with https://.")});
        }
    }
    return problems;
}

QStringList AppSettings::serverArguments() const
{
    return {QStringLiteral("--transport"), transportName(m_transport),
            QStringLiteral("--host"),      m_host,
            QStringLiteral("--port"),      QString::number(m_port),
            QStringLiteral("--db"),        QDir(m_databasePath).absolutePath()};
}

QStringList AppSettings::syncArguments() const
{
    QStringList arguments{QStringLiteral("sync"), QStringLiteral("--db"), QDir(m_databasePath).absolutePath()};
    if (!m_dataSource.trimmed().isEmpty())
        arguments << QStringLiteral("--from") << m_dataSource.trimmed();
    return arguments;
}

QProcessEnvironment AppSettings::serverEnvironment(const QProcessEnvironment& base) const
{
    QProcessEnvironment environment = base;
    if (m_accessToken.isEmpty())
        environment.remove(QStringLiteral("JCR_MCP_TOKEN"));
    else
        environment.insert(QStringLiteral("JCR_MCP_TOKEN"), m_accessToken);
    return environment;
}

QString AppSettings::generateToken()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(words), sizeof(words)).toHex());
}

QString AppSettings::defaultDatabasePath()
{
    const QString fromEnvironment = qEnvironmentVariable("JCR_MCP_DB");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    // The server (application name "jcr-mcp", no organisation) keeps it in its AppDataLocation. This app has
    // another name, so take the parent of our own AppDataLocation, which has the same per-OS base.
    const QString ours = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString base = QFileInfo(ours).absolutePath();
    if (!QCoreApplication::organizationName().isEmpty())
        base = QFileInfo(base).absolutePath();
    return QDir(base).filePath(QStringLiteral("jcr-mcp/jcr.db"));
}

QString AppSettings::transportName(Transport transport)
{
    switch (transport) {
    case Transport::StreamableHttp:
        return QStringLiteral("streamable-http");
    case Transport::Sse:
        return QStringLiteral("sse");
    case Transport::Http:
        break;
    }
    return QStringLiteral("http");
}

bool AppSettings::transportFromName(const QString& name, Transport* transport)
{
    for (const Transport candidate : {Transport::StreamableHttp, Transport::Sse, Transport::Http}) {
        if (name.trimmed().compare(transportName(candidate), Qt::CaseInsensitive) == 0) {
            *transport = candidate;
            return true;
        }
    }
    return false;
}

QString AppSettings::languageName(Language language)
{
    switch (language) {
    case Language::System:
        return QStringLiteral("system");
    case Language::Chinese:
        return QStringLiteral("zh_CN");
    case Language::English:
        break;
    }
    return QStringLiteral("en");
}

bool AppSettings::languageFromName(const QString& name, Language* language)
{
    for (const Language candidate : {Language::System, Language::Chinese, Language::English}) {
        if (name.trimmed() == languageName(candidate)) {
            *language = candidate;
            return true;
        }
    }
    return false;
}

} // namespace jcr::gui
