#include "autostart.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <QXmlStreamReader>

using jcr::gui::Autostart;

class TestAutostart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = qgetenv("HOME"); }
    void init();
    void cleanup();
    void writeAndRemove();
    void fallbackWithoutXdgConfigHome();
    void disabledByDesktop();
    void execValue_data();
    void execValue();
    void otherMechanisms_data();
    void otherMechanisms();
    void launchAgentIsAValidPropertyList();
    void disabledLaunchAgent();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_home;
};

void TestAutostart::init()
{
    if (!Autostart::isSupported())
        QSKIP("no autostart mechanism for this system");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("XDG_CONFIG_HOME", m_dir->path().toUtf8());
}

void TestAutostart::cleanup()
{
    qunsetenv("XDG_CONFIG_HOME");
    qputenv("HOME", m_home);
}

void TestAutostart::writeAndRemove()
{
    const QString expectedPath = m_dir->filePath(QStringLiteral("autostart/jcr-mcp-tray.desktop"));
    QCOMPARE(Autostart::desktopFilePath(), expectedPath);
    Autostart autostart(QStringLiteral("/opt/JCR MCP/bin/jcr-mcp-tray"));
    QVERIFY(!autostart.isEnabled());
    QString error;
    QVERIFY2(autostart.setEnabled(true, &error), qPrintable(error));
    QVERIFY(autostart.isEnabled());

    QSettings desktop(expectedPath, QSettings::IniFormat);
    desktop.beginGroup(QStringLiteral("Desktop Entry"));
    QCOMPARE(desktop.value(QStringLiteral("Type")).toString(), QStringLiteral("Application"));
    QFile file(expectedPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY2(content.contains("\nExec=\"/opt/JCR MCP/bin/jcr-mcp-tray\"\n"), content.constData());

    QVERIFY(autostart.setEnabled(true, &error)); // idempotent
    QVERIFY(autostart.setEnabled(false, &error));
    QVERIFY(!autostart.isEnabled());
    QVERIFY(!QFile::exists(expectedPath));
    QVERIFY(autostart.setEnabled(false, &error)); // nothing to remove is fine
}

void TestAutostart::fallbackWithoutXdgConfigHome()
{
    qunsetenv("XDG_CONFIG_HOME");
    qputenv("HOME", m_dir->path().toUtf8());
    QCOMPARE(Autostart::desktopFilePath(), m_dir->filePath(QStringLiteral(".config/autostart/jcr-mcp-tray.desktop")));
    qputenv("XDG_CONFIG_HOME", "relative/ignored");
    QCOMPARE(Autostart::desktopFilePath(), m_dir->filePath(QStringLiteral(".config/autostart/jcr-mcp-tray.desktop")));
    Autostart autostart(QStringLiteral("/usr/bin/jcr-mcp-tray"));
    QString error;
    QVERIFY2(autostart.setEnabled(true, &error), qPrintable(error));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral(".config/autostart/jcr-mcp-tray.desktop"))));
}

void TestAutostart::disabledByDesktop()
{
    Autostart autostart(QStringLiteral("/usr/bin/jcr-mcp-tray"));
    QString error;
    QVERIFY(autostart.setEnabled(true, &error));
    QFile file(Autostart::desktopFilePath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("Hidden=true\n");
    file.close();
    QVERIFY(!autostart.isEnabled());
}

void TestAutostart::execValue_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("exec");
    QTest::newRow("plain") << "/usr/bin/jcr-mcp-tray"
                           << "\"/usr/bin/jcr-mcp-tray\"";
    QTest::newRow("space") << "/opt/My Apps/tray"
                           << "\"/opt/My Apps/tray\"";
    QTest::newRow("dollar-quote-backtick") << "/o/$a\"b`c"
                                           << "\"/o/\\\\$a\\\\\"b\\\\`c\"";
    QTest::newRow("backslash") << "/o/a\\b"
                               << "\"/o/a\\\\\\\\b\"";
    QTest::newRow("percent") << "/o/100%/tray"
                             << "\"/o/100%%/tray\"";
}

void TestAutostart::execValue()
{
    QFETCH(QString, program);
    QFETCH(QString, exec);
    QCOMPARE(Autostart::execValue(program), exec);
}

void TestAutostart::otherMechanisms_data()
{
    QTest::addColumn<Autostart::Mechanism>("mechanism");
    QTest::addColumn<QString>("location");    // relative to the temporary folder
    QTest::addColumn<QByteArray>("expected"); // what the written entry must contain
    QTest::newRow("Windows Run key (an INI file standing in for the registry)")
        << Autostart::Mechanism::WindowsRunKey << "Run.ini" << QByteArray("\"/opt/JCR MCP/jcr-mcp-tray\"");
    QTest::newRow("macOS LaunchAgent") << Autostart::Mechanism::MacLaunchAgent
                                       << "Library/LaunchAgents/io.github.jcr-mcp.tray.plist"
                                       << QByteArray("<string>/opt/JCR MCP/jcr-mcp-tray</string>");
    QTest::newRow("XDG at another place") << Autostart::Mechanism::XdgAutostart << "elsewhere/tray.desktop"
                                          << QByteArray("Exec=\"/opt/JCR MCP/jcr-mcp-tray\"");
}

void TestAutostart::otherMechanisms()
{
    QFETCH(Autostart::Mechanism, mechanism);
    QFETCH(QString, location);
    QFETCH(QByteArray, expected);
    const QString path = m_dir->filePath(location);
    Autostart autostart(QStringLiteral("/opt/JCR MCP/jcr-mcp-tray"), mechanism, path);
    QCOMPARE(autostart.location(), path);
    QVERIFY(!autostart.isEnabled());
    QString error;
    QVERIFY2(autostart.setEnabled(true, &error), qPrintable(error));
    QVERIFY(autostart.isEnabled());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray content = file.readAll();
    file.close();
    if (mechanism == Autostart::Mechanism::WindowsRunKey) // the value as the registry would hold it
        content = QSettings(path, QSettings::IniFormat).value(Autostart::windowsValueName()).toString().toUtf8();
    QVERIFY2(content.contains(expected), content.constData());
    QVERIFY2(autostart.setEnabled(true, &error), qPrintable(error)); // idempotent
    QVERIFY2(autostart.setEnabled(false, &error), qPrintable(error));
    QVERIFY(!autostart.isEnabled());
    QVERIFY2(autostart.setEnabled(false, &error), qPrintable(error)); // nothing to remove is fine
}

void TestAutostart::launchAgentIsAValidPropertyList()
{
    const QString program = QStringLiteral("/Applications/JCR & MCP <test>.app/Contents/MacOS/jcr-mcp-tray");
    QXmlStreamReader xml(Autostart::launchAgentPlist(program));
    QStringList keys;
    QStringList strings;
    bool runAtLoad = false;
    QString lastKey;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("key")) {
            lastKey = xml.readElementText();
            keys << lastKey;
        } else if (xml.name() == QLatin1String("string")) {
            strings << xml.readElementText();
        } else if (xml.name() == QLatin1String("true") && lastKey == QLatin1String("RunAtLoad")) {
            runAtLoad = true;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(keys, (QStringList{"Label", "ProgramArguments", "RunAtLoad", "ProcessType"}));
    QVERIFY(strings.contains(Autostart::launchAgentLabel()));
    QVERIFY(strings.contains(program)); // the XML escaping gives the path back unchanged
    QVERIFY(runAtLoad);
}

void TestAutostart::disabledLaunchAgent()
{
    const QString path = m_dir->filePath(QStringLiteral("agent.plist"));
    Autostart autostart(QStringLiteral("/usr/bin/jcr-mcp-tray"), Autostart::Mechanism::MacLaunchAgent, path);
    QString error;
    QVERIFY(autostart.setEnabled(true, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray content = file.readAll();
    file.close();
    // launchctl and users disable an agent with <key>Disabled</key><true/>.
    content.replace("<key>RunAtLoad</key>", "<key>Disabled</key>\n    <true/>\n    <key>RunAtLoad</key>");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();
    QVERIFY(!autostart.isEnabled());
}

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
