#include "appsettings.h"
#include "autostart.h"
#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::AppSettings;
using jcr::gui::SettingsDialog;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void showsTheStoredValues();
    void savesWhatTheWidgetsSay();
    void invalidValuesAreNotSaved_data();
    void invalidValuesAreNotSaved();
    void takenPortIsReported();
    void hostWarningFollowsTheChoice();
    void generatedTokenIsUsable();

private:
    template <typename T> T* field(SettingsDialog& dialog, const char* name)
    {
        T* widget = dialog.findChild<T*>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    static void choose(QComboBox* box, const QString& data)
    {
        const int index = box->findData(data);
        QVERIFY2(index >= 0, qPrintable(data));
        box->setCurrentIndex(index);
    }
    /// A port no one listens on (bound and released).
    static quint16 freePort();

    QTemporaryDir m_dir;
    QString m_settingsFile;
    int m_count = 0;
};

void TestSettingsDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // "Start at login" writes an XDG autostart file: keep it inside the test's folder.
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
}

void TestSettingsDialog::init()
{
    m_settingsFile = m_dir.filePath(QStringLiteral("settings%1.ini").arg(++m_count));
}

quint16 TestSettingsDialog::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

void TestSettingsDialog::showsTheStoredValues()
{
    {
        AppSettings stored(m_settingsFile);
        stored.setTransport(AppSettings::Transport::Sse);
        stored.setPort(freePort());
        stored.setAccessToken(AppSettings::generateToken());
        stored.setDatabasePath(m_dir.filePath(QStringLiteral("stored.db")));
        stored.setLanguage(AppSettings::Language::Chinese);
        stored.setStartServerWithApp(false);
        QVERIFY(stored.save());
    }
    AppSettings settings(m_settingsFile);
    SettingsDialog dialog(settings, QStringLiteral("/usr/bin/jcr-mcp-tray"));
    QCOMPARE(field<QComboBox>(dialog, "transport")->currentData().toString(),
             AppSettings::transportName(settings.transport()));
    QCOMPARE(field<QSpinBox>(dialog, "port")->value(), int(settings.port()));
    QCOMPARE(field<QLineEdit>(dialog, "accessToken")->text(), settings.accessToken());
    QCOMPARE(QDir::fromNativeSeparators(field<QLineEdit>(dialog, "databasePath")->text()), settings.databasePath());
    QCOMPARE(field<QComboBox>(dialog, "language")->currentData().toString(),
             AppSettings::languageName(settings.language()));
    QCOMPARE(field<QCheckBox>(dialog, "startServerWithApp")->isChecked(), settings.startServerWithApp());
}

void TestSettingsDialog::savesWhatTheWidgetsSay()
{
    AppSettings settings(m_settingsFile);
    settings.setDatabasePath(m_dir.filePath(QStringLiteral("first.db")));
    QVERIFY(settings.save());
    const QString appBinary = m_dir.filePath(QStringLiteral("bin/jcr-mcp-tray"));
    SettingsDialog dialog(settings, appBinary);
    QSignalSpy savedSpy(&dialog, &SettingsDialog::settingsSaved);

    const quint16 port = freePort();
    const QString token = AppSettings::generateToken();
    const QString database = m_dir.filePath(QStringLiteral("data/jcr.db"));
    const QString source = m_dir.path();
    choose(field<QComboBox>(dialog, "transport"), AppSettings::transportName(AppSettings::Transport::Http));
    choose(field<QComboBox>(dialog, "host"), QStringLiteral("0.0.0.0"));
    field<QSpinBox>(dialog, "port")->setValue(port);
    field<QLineEdit>(dialog, "accessToken")->setText(token);
    field<QLineEdit>(dialog, "databasePath")->setText(database);
    field<QLineEdit>(dialog, "dataSource")->setText(source);
    choose(field<QComboBox>(dialog, "language"), AppSettings::languageName(AppSettings::Language::English));
    field<QCheckBox>(dialog, "startServerWithApp")->setChecked(false);
    field<QCheckBox>(dialog, "startAppAtLogin")->setChecked(true);

    QVERIFY2(dialog.save(), qPrintable(dialog.errorText()));
    QCOMPARE(savedSpy.size(), 1);
    QCOMPARE(savedSpy.at(0).at(0).toBool(), true); // transport, host, port, token, database: a restart is due

    // Read back from the file by a fresh instance, as the next start of the app would.
    AppSettings reread(m_settingsFile);
    QVERIFY2(reread.restoreError().isEmpty(), qPrintable(reread.restoreError()));
    QCOMPARE(reread.transport(), AppSettings::Transport::Http);
    QCOMPARE(reread.host(), QStringLiteral("0.0.0.0"));
    QCOMPARE(reread.port(), port);
    QCOMPARE(reread.accessToken(), token);
    QCOMPARE(reread.databasePath(), database);
    QCOMPARE(reread.dataSource(), source);
    QCOMPARE(reread.language(), AppSettings::Language::English);
    QCOMPARE(reread.startServerWithApp(), false);
    QCOMPARE(reread.startAppAtLogin(), true);
    QCOMPARE(QSettings(m_settingsFile, QSettings::IniFormat).value(QStringLiteral("v")).toInt(),
             AppSettings::SchemaVersion);
    QVERIFY(jcr::gui::Autostart(appBinary).isEnabled());

    // Only the language changed: saved, but the server needs no restart.
    choose(field<QComboBox>(dialog, "language"), AppSettings::languageName(AppSettings::Language::Chinese));
    QVERIFY2(dialog.save(), qPrintable(dialog.errorText()));
    QCOMPARE(savedSpy.size(), 2);
    QCOMPARE(savedSpy.at(1).at(0).toBool(), false);
    QCOMPARE(AppSettings(m_settingsFile).language(), AppSettings::Language::Chinese);

    field<QCheckBox>(dialog, "startAppAtLogin")->setChecked(false);
    QVERIFY2(dialog.save(), qPrintable(dialog.errorText()));
    QVERIFY(!jcr::gui::Autostart(appBinary).isEnabled());
}

void TestSettingsDialog::invalidValuesAreNotSaved_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("problemField");

    QTest::addRow("port 0") << "127.0.0.1" << 0 << QString() << "jcr.db"
                            << "port";
    QTest::addRow("all interfaces without a token") << "0.0.0.0" << -1 << QString() << "jcr.db"
                                                    << "accessToken";
    QTest::addRow("short token") << "127.0.0.1" << -1 << "short"
                                 << "jcr.db"
                                 << "accessToken";
    QTest::addRow("relative database") << "127.0.0.1" << -1 << QString() << "relative/jcr.db"
                                       << "databasePath";
}

void TestSettingsDialog::invalidValuesAreNotSaved()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, token);
    QFETCH(QString, database);
    QFETCH(QString, problemField);

    AppSettings settings(m_settingsFile);
    settings.setDatabasePath(m_dir.filePath(QStringLiteral("good.db")));
    settings.setPort(freePort());
    QVERIFY(settings.save());
    QFile file(m_settingsFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    SettingsDialog dialog(settings, QStringLiteral("/usr/bin/jcr-mcp-tray"));
    QSignalSpy savedSpy(&dialog, &SettingsDialog::settingsSaved);
    choose(field<QComboBox>(dialog, "host"), host);
    if (port >= 0)
        field<QSpinBox>(dialog, "port")->setValue(port);
    field<QLineEdit>(dialog, "accessToken")->setText(token);
    field<QLineEdit>(dialog, "databasePath")
        ->setText(database.startsWith(u'/') || database.contains(u'/') ? database : m_dir.filePath(database));

    QVERIFY(!dialog.save());
    QCOMPARE(savedSpy.size(), 0);
    QVERIFY(!dialog.errorText().isEmpty());
    QVERIFY(field<QLabel>(dialog, "errors")->isVisibleTo(&dialog));
    // The message is the one validate() gives for that field.
    AppSettings probe(m_dir.filePath(QStringLiteral("probe.ini")));
    probe.setHost(host);
    probe.setPort(port >= 0 ? quint16(port) : settings.port());
    probe.setAccessToken(token);
    probe.setDatabasePath(database.contains(u'/') ? database : m_dir.filePath(database));
    QString expected;
    for (const AppSettings::Problem& problem : probe.validate())
        if (problem.field == problemField)
            expected = problem.message;
    QVERIFY(!expected.isEmpty());
    QVERIFY2(dialog.errorText().contains(expected), qPrintable(dialog.errorText()));

    // Nothing written, and the settings object still holds what is stored.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QCOMPARE(settings.databasePath(), m_dir.filePath(QStringLiteral("good.db")));
    QCOMPARE(settings.host(), QStringLiteral("127.0.0.1"));
}

void TestSettingsDialog::takenPortIsReported()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QString portText = QString::number(occupant.serverPort());
    AppSettings settings(m_settingsFile);
    settings.setDatabasePath(m_dir.filePath(QStringLiteral("jcr.db")));
    SettingsDialog dialog(settings, QStringLiteral("/usr/bin/jcr-mcp-tray"));
    field<QSpinBox>(dialog, "port")->setValue(occupant.serverPort());
    const QString status = field<QLabel>(dialog, "portStatus")->text();
    QVERIFY2(status.contains(portText) && status.contains(QStringLiteral("in use")), qPrintable(status));
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.errorText().contains(portText), qPrintable(dialog.errorText()));
    QVERIFY(!QFile::exists(m_settingsFile));

    // Our own server's port is taken, but by us: that is fine.
    dialog.setOwnServerPort(occupant.serverPort());
    QVERIFY2(dialog.save(), qPrintable(dialog.errorText()));
    QCOMPARE(AppSettings(m_settingsFile).port(), occupant.serverPort());
}

void TestSettingsDialog::hostWarningFollowsTheChoice()
{
    AppSettings settings(m_settingsFile);
    SettingsDialog dialog(settings, QStringLiteral("/usr/bin/jcr-mcp-tray"));
    auto* warning = field<QLabel>(dialog, "hostWarning");
    choose(field<QComboBox>(dialog, "host"), QStringLiteral("127.0.0.1"));
    QVERIFY(!warning->isVisibleTo(&dialog));
    choose(field<QComboBox>(dialog, "host"), QStringLiteral("0.0.0.0"));
    QVERIFY(warning->isVisibleTo(&dialog));
    QVERIFY(!warning->text().isEmpty());
}

void TestSettingsDialog::generatedTokenIsUsable()
{
    AppSettings settings(m_settingsFile);
    settings.setDatabasePath(m_dir.filePath(QStringLiteral("jcr.db")));
    settings.setPort(freePort());
    SettingsDialog dialog(settings, QStringLiteral("/usr/bin/jcr-mcp-tray"));
    auto* token = field<QLineEdit>(dialog, "accessToken");
    QTest::mouseClick(field<QPushButton>(dialog, "generateToken"), Qt::LeftButton);
    const QString first = token->text();
    QTest::mouseClick(field<QPushButton>(dialog, "generateToken"), Qt::LeftButton);
    QVERIFY(!first.isEmpty());
    QVERIFY(token->text() != first);
    choose(field<QComboBox>(dialog, "host"), QStringLiteral("0.0.0.0")); // a token makes this acceptable
    QVERIFY2(dialog.save(), qPrintable(dialog.errorText()));
    QCOMPARE(AppSettings(m_settingsFile).accessToken(), token->text());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
