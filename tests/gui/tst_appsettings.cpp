#include "appsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::AppSettings;

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaults();
    void validate_data();
    void validate();
    void roundTrip();
    void restoreReportsBadValues();
    void serverArguments();
    void serverEnvironment();
    void generateToken();

private:
    QTemporaryDir m_dir;
    QString settingsFile(const QString& name) const { return m_dir.filePath(name + QStringLiteral(".ini")); }
};

void TestAppSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestAppSettings::defaults()
{
    AppSettings settings(settingsFile(QStringLiteral("defaults")));
    QVERIFY2(settings.restoreError().isEmpty(), qPrintable(settings.restoreError()));
    QCOMPARE(settings.transport(), AppSettings::Transport::StreamableHttp);
    QCOMPARE(settings.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.port(), quint16(8080));
    QVERIFY(settings.accessToken().isEmpty());
    QCOMPARE(settings.databasePath(), AppSettings::defaultDatabasePath());
    QVERIFY(settings.databasePath().endsWith(QStringLiteral("jcr-mcp/jcr.db")));
    QVERIFY(settings.dataSource().isEmpty());
    QCOMPARE(settings.language(), AppSettings::Language::System);
    QVERIFY(settings.startServerWithApp());
    QVERIFY(!settings.startAppAtLogin());
    QVERIFY(settings.validate().isEmpty());
}

void TestAppSettings::validate_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("fields"); // the fields with a problem, in validate()'s order

    const QString db = m_dir.filePath(QStringLiteral("jcr.db"));
    const QString token = QStringLiteral("0123456789abcdef0123");
    QTest::newRow("defaults-like") << "127.0.0.1" << 8080 << "" << db << "" << QStringList();
    QTest::newRow("all-interfaces-with-token") << "0.0.0.0" << 1 << token << db << "" << QStringList();
    QTest::newRow("port-65535") << "127.0.0.1" << 65535 << "" << db << "" << QStringList();
    QTest::newRow("other-host") << "192.168.1.5" << 8080 << "" << db << "" << QStringList{"host"};
    QTest::newRow("hostname") << "localhost" << 8080 << "" << db << "" << QStringList{"host"};
    QTest::newRow("port-0") << "127.0.0.1" << 0 << "" << db << "" << QStringList{"port"};
    QTest::newRow("all-interfaces-without-token") << "0.0.0.0" << 8080 << "" << db << "" << QStringList{"accessToken"};
    QTest::newRow("short-token") << "127.0.0.1" << 8080 << "abc" << db << "" << QStringList{"accessToken"};
    QTest::newRow("token-with-space") << "127.0.0.1" << 8080 << "0123456789 abcdef" << db << ""
                                      << QStringList{"accessToken"};
    QTest::newRow("token-with-newline") << "127.0.0.1" << 8080 << "0123456789abcdef\r\nX: y" << db << ""
                                        << QStringList{"accessToken"};
    QTest::newRow("empty-database") << "127.0.0.1" << 8080 << ""
                                    << ""
                                    << "" << QStringList{"databasePath"};
    QTest::newRow("relative-database") << "127.0.0.1" << 8080 << ""
                                       << "data/jcr.db"
                                       << "" << QStringList{"databasePath"};
    QTest::newRow("database-is-folder") << "127.0.0.1" << 8080 << "" << m_dir.path() << ""
                                        << QStringList{"databasePath"};
    QTest::newRow("source-url") << "127.0.0.1" << 8080 << "" << db << "https://example.org/showjcr/" << QStringList();
    QTest::newRow("source-folder") << "127.0.0.1" << 8080 << "" << db << m_dir.path() << QStringList();
    QTest::newRow("source-bad-url") << "127.0.0.1" << 8080 << "" << db << "https://" << QStringList{"dataSource"};
    QTest::newRow("source-missing-folder")
        << "127.0.0.1" << 8080 << "" << db << m_dir.filePath(QStringLiteral("nowhere")) << QStringList{"dataSource"};
    QTest::newRow("everything-wrong") << "example.org" << 0 << "x"
                                      << ""
                                      << "/no/such/folder"
                                      << QStringList{"host", "port", "accessToken", "databasePath", "dataSource"};
}

void TestAppSettings::validate()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, token);
    QFETCH(QString, database);
    QFETCH(QString, source);
    QFETCH(QStringList, fields);

    AppSettings settings(settingsFile(QStringLiteral("validate")));
    settings.setHost(host);
    settings.setPort(quint16(port));
    settings.setAccessToken(token);
    settings.setDatabasePath(database);
    settings.setDataSource(source);
    QStringList found;
    for (const AppSettings::Problem& problem : settings.validate()) {
        found << problem.field;
        QVERIFY2(problem.message.size() > 20, qPrintable(problem.message)); // a sentence, not a code
    }
    QCOMPARE(found, fields);
}

void TestAppSettings::roundTrip()
{
    const QString file = settingsFile(QStringLiteral("roundtrip"));
    {
        AppSettings settings(file);
        settings.setTransport(AppSettings::Transport::Sse);
        settings.setHost(QStringLiteral("0.0.0.0"));
        settings.setPort(9123);
        settings.setAccessToken(QStringLiteral("secret-token-0123456789"));
        settings.setDatabasePath(QStringLiteral("/tmp/x/jcr.db"));
        settings.setDataSource(QStringLiteral("https://example.org/data/"));
        settings.setLanguage(AppSettings::Language::Chinese);
        settings.setStartServerWithApp(false);
        settings.setStartAppAtLogin(true);
        QVERIFY(settings.save());
    }
    QSettings raw(file, QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("v")).toInt(), AppSettings::SchemaVersion);
    QCOMPARE(raw.value(QStringLiteral("server/transport")).toString(), QStringLiteral("sse"));

    AppSettings settings(file);
    QVERIFY2(settings.restoreError().isEmpty(), qPrintable(settings.restoreError()));
    QCOMPARE(settings.transport(), AppSettings::Transport::Sse);
    QCOMPARE(settings.host(), QStringLiteral("0.0.0.0"));
    QCOMPARE(settings.port(), quint16(9123));
    QCOMPARE(settings.accessToken(), QStringLiteral("secret-token-0123456789"));
    QCOMPARE(settings.databasePath(), QStringLiteral("/tmp/x/jcr.db"));
    QCOMPARE(settings.dataSource(), QStringLiteral("https://example.org/data/"));
    QCOMPARE(settings.language(), AppSettings::Language::Chinese);
    QVERIFY(!settings.startServerWithApp());
    QVERIFY(settings.startAppAtLogin());

    settings.setTransport(AppSettings::Transport::Http);
    settings.setLanguage(AppSettings::Language::English);
    QVERIFY(settings.save());
    AppSettings again(file);
    QCOMPARE(again.transport(), AppSettings::Transport::Http);
    QCOMPARE(again.language(), AppSettings::Language::English);
}

void TestAppSettings::restoreReportsBadValues()
{
    const QString file = settingsFile(QStringLiteral("bad"));
    {
        QSettings raw(file, QSettings::IniFormat);
        raw.setValue(QStringLiteral("v"), 99);
        raw.setValue(QStringLiteral("server/transport"), QStringLiteral("carrier-pigeon"));
        raw.setValue(QStringLiteral("server/port"), QStringLiteral("70000"));
        raw.setValue(QStringLiteral("app/language"), QStringLiteral("tlh"));
    }
    AppSettings settings(file);
    QVERIFY(!settings.restoreError().isEmpty());
    QVERIFY(settings.restoreError().contains(QStringLiteral("newer")));
    QCOMPARE(settings.transport(), AppSettings::Transport::StreamableHttp);
    QCOMPARE(settings.port(), quint16(8080));
    QCOMPARE(settings.language(), AppSettings::Language::System);
}

void TestAppSettings::serverArguments()
{
    AppSettings settings(settingsFile(QStringLiteral("arguments")));
    settings.setTransport(AppSettings::Transport::Http);
    settings.setHost(QStringLiteral("0.0.0.0"));
    settings.setPort(8181);
    settings.setAccessToken(QStringLiteral("never-on-the-command-line"));
    settings.setDatabasePath(QStringLiteral("/data/jcr.db"));
    settings.setDataSource(QStringLiteral("/data/showjcr"));
    const QStringList expected{"--transport", "http", "--host", "0.0.0.0", "--port", "8181", "--db", "/data/jcr.db"};
    QCOMPARE(settings.serverArguments(), expected);
    QVERIFY(!settings.serverArguments().join(u' ').contains(QStringLiteral("never-on")));
    const QStringList sync{"sync", "--db", "/data/jcr.db", "--from", "/data/showjcr"};
    QCOMPARE(settings.syncArguments(), sync);
    settings.setTransport(AppSettings::Transport::StreamableHttp);
    QCOMPARE(settings.serverArguments().at(1), QStringLiteral("streamable-http"));
    settings.setTransport(AppSettings::Transport::Sse);
    QCOMPARE(settings.serverArguments().at(1), QStringLiteral("sse"));
}

void TestAppSettings::serverEnvironment()
{
    AppSettings settings(settingsFile(QStringLiteral("environment")));
    QProcessEnvironment base;
    base.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin"));
    base.insert(QStringLiteral("JCR_MCP_TOKEN"), QStringLiteral("inherited"));
    QProcessEnvironment environment = settings.serverEnvironment(base);
    QVERIFY(!environment.contains(QStringLiteral("JCR_MCP_TOKEN"))); // no token set: none inherited either
    QCOMPARE(environment.value(QStringLiteral("PATH")), QStringLiteral("/usr/bin"));
    settings.setAccessToken(QStringLiteral("abcdefabcdefabcdef"));
    environment = settings.serverEnvironment(base);
    QCOMPARE(environment.value(QStringLiteral("JCR_MCP_TOKEN")), QStringLiteral("abcdefabcdefabcdef"));
}

void TestAppSettings::generateToken()
{
    const QString first = AppSettings::generateToken();
    const QString second = AppSettings::generateToken();
    QCOMPARE(first.size(), 64);
    QVERIFY(first != second);
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    QVERIFY(hex.match(first).hasMatch());
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
