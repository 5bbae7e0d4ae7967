#include "autostart.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

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

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_home;
};

void TestAutostart::init()
{
    if (!Autostart::isSupported())
        QSKIP("autostart is implemented for Linux only");
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

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
