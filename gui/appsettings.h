#pragma once

#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace jcr::gui {

/// The tray app's settings: how the supervised server is started and how the app behaves. Stored with
/// QSettings under a schema version key `v`. The server never reads these settings itself: it receives them
/// as arguments and environment (serverArguments(), serverEnvironment()), as docs/http-transport.md defines.
class AppSettings
{
    Q_DECLARE_TR_FUNCTIONS(jcr::gui::AppSettings)

public:
    enum class Transport { StreamableHttp, Sse, Http /* both HTTP transports on one port */ };
    enum class Language { System, Chinese, English };

    /// One thing validate() found wrong, tied to the field the settings dialog should highlight.
    struct Problem
    {
        QString field;   ///< one of the key names below, e.g. "port"
        QString message; ///< plain-language explanation for the user (translated)
    };

    static constexpr int SchemaVersion = 1;
    static constexpr quint16 DefaultPort = 8080;

    /// Settings from the platform's default store (organisation/application name of the running app).
    AppSettings();
    /// Settings from an INI file, for tests and portable installs.
    explicit AppSettings(const QString& settingsFile);
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    /// Reads every value from the store, falling back to the defaults; false with restoreError() when the store
    /// holds values from a newer schema or values that had to be replaced by defaults.
    bool restore();
    /// Writes every value and the schema version; false when the store cannot be written.
    bool save();
    QString restoreError() const { return m_restoreError; }
    QString settingsFilePath() const;

    /// Puts every value back to its default (not saved until save()).
    void resetToDefaults();

    Transport transport() const { return m_transport; }
    void setTransport(Transport transport) { m_transport = transport; }
    QString host() const { return m_host; }
    void setHost(const QString& host) { m_host = host; }
    /// 1–65535 for users; 0 ("any free port") is accepted by the server and used by the tests, but validate()
    /// rejects it because clients could not know the port.
    quint16 port() const { return m_port; }
    void setPort(quint16 port) { m_port = port; }
    QString accessToken() const { return m_accessToken; }
    void setAccessToken(const QString& token) { m_accessToken = token; }
    QString databasePath() const { return m_databasePath; }
    void setDatabasePath(const QString& path) { m_databasePath = path; }
    /// A folder or an http(s) URL with the ShowJCR CSV files; empty means the ShowJCR project online.
    QString dataSource() const { return m_dataSource; }
    void setDataSource(const QString& source) { m_dataSource = source; }
    Language language() const { return m_language; }
    void setLanguage(Language language) { m_language = language; }
    bool startServerWithApp() const { return m_startServerWithApp; }
    void setStartServerWithApp(bool start) { m_startServerWithApp = start; }
    bool startAppAtLogin() const { return m_startAppAtLogin; }
    void setStartAppAtLogin(bool start) { m_startAppAtLogin = start; }

    /// Every problem with the current values, empty when they can be used.
    QList<Problem> validate() const;

    /// The command-line arguments that make jcr-mcp-server serve these settings (see server/commandline.cpp).
    QStringList serverArguments() const;
    /// The arguments of `jcr-mcp-server sync` into databasePath() from dataSource().
    QStringList syncArguments() const;
    /// The environment for the server: the app's own, with JCR_MCP_TOKEN set to the access token (a token on the
    /// command line would be visible to every local user in the process list) or removed when there is none.
    QProcessEnvironment
    serverEnvironment(const QProcessEnvironment& base = QProcessEnvironment::systemEnvironment()) const;

    /// 32 random bytes from the system's cryptographic source, as 64 hex digits.
    static QString generateToken();
    /// Where jcr-mcp-server keeps its database when given no --db (JCR_MCP_DB, else its app data folder).
    static QString defaultDatabasePath();

    static QString transportName(Transport transport);
    static bool transportFromName(const QString& name, Transport* transport);
    static QString languageName(Language language);
    static bool languageFromName(const QString& name, Language* language);

private:
    std::unique_ptr<QSettings> m_settings;
    QString m_restoreError;

    Transport m_transport = Transport::StreamableHttp;
    QString m_host;
    quint16 m_port = DefaultPort;
    QString m_accessToken;
    QString m_databasePath;
    QString m_dataSource;
    Language m_language = Language::System;
    bool m_startServerWithApp = true;
    bool m_startAppAtLogin = false;
};

} // namespace jcr::gui
