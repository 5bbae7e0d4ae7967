#include "appsettings.h"
#include "claudedesktopconfig.h"
#include "claudedesktopdialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::AppSettings;
using jcr::gui::ClaudeDesktopConfig;
using jcr::gui::ClaudeDesktopDialog;

namespace {

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestClaudeDesktopDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void addAndRemoveThroughTheButtons();
    void keepsOtherServersAndWritesABackup();
    void malformedFileIsRefused();
    void httpSnippetsCanBeCopied();
    void offersTheBundledExtension_data();
    void offersTheBundledExtension();

private:
    QPushButton* button(ClaudeDesktopDialog& dialog, const char* name)
    {
        auto* found = dialog.findChild<QPushButton*>(QLatin1String(name));
        if (!found)
            qFatal("no button %s", name);
        return found;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    QString m_configPath;
    QString m_serverBinary;
    int m_count = 0;
};

void TestClaudeDesktopDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_serverBinary = m_dir.filePath(QStringLiteral("bin/jcr-mcp-server"));
}

void TestClaudeDesktopDialog::init()
{
    ++m_count;
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings%1.ini").arg(m_count)));
    m_settings->setDatabasePath(m_dir.filePath(QStringLiteral("data/jcr.db")));
    m_configPath = m_dir.filePath(QStringLiteral("Claude%1/claude_desktop_config.json").arg(m_count));
}

void TestClaudeDesktopDialog::addAndRemoveThroughTheButtons()
{
    ClaudeDesktopDialog dialog(*m_settings, m_serverBinary, 0, m_configPath);
    const QString entry = QString::fromLatin1(ClaudeDesktopDialog::EntryName);
    QVERIFY(!QFile::exists(m_configPath));
    QVERIFY(!button(dialog, "remove")->isEnabled());
    const QString statusBefore = dialog.statusText();

    QTest::mouseClick(button(dialog, "addOrUpdate"), Qt::LeftButton);
    QVERIFY2(ClaudeDesktopConfig(m_configPath).hasEntry(entry), qPrintable(dialog.messageText()));
    const QJsonObject server = readJson(m_configPath)[QStringLiteral("mcpServers")][entry].toObject();
    QCOMPARE(server[QStringLiteral("command")].toString(), m_serverBinary);
    QCOMPARE(server[QStringLiteral("args")].toArray(),
             (QJsonArray{QStringLiteral("--db"), m_settings->databasePath()}));
    QVERIFY(dialog.statusText() != statusBefore);
    QVERIFY(button(dialog, "remove")->isEnabled());
    QVERIFY(!dialog.messageText().isEmpty());

    QTest::mouseClick(button(dialog, "remove"), Qt::LeftButton);
    QVERIFY(!ClaudeDesktopConfig(m_configPath).hasEntry(entry));
    QVERIFY(QFile::exists(m_configPath)); // the file stays, only our entry goes
    QVERIFY(!button(dialog, "remove")->isEnabled());
}

void TestClaudeDesktopDialog::keepsOtherServersAndWritesABackup()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_configPath).absolutePath()));
    const QJsonObject other{{QStringLiteral("command"), QStringLiteral("/usr/bin/other-server")}};
    const QJsonObject original{{QStringLiteral("mcpServers"), QJsonObject{{QStringLiteral("other"), other}}},
                               {QStringLiteral("theme"), QStringLiteral("dark")}};
    QFile file(m_configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(original).toJson());
    file.close();
    const QByteArray originalBytes = readBytes(m_configPath);

    ClaudeDesktopDialog dialog(*m_settings, m_serverBinary, 0, m_configPath);
    QVERIFY(dialog.addOrUpdate());
    const QJsonObject updated = readJson(m_configPath);
    QCOMPARE(updated[QStringLiteral("theme")].toString(), QStringLiteral("dark"));
    QCOMPARE(updated[QStringLiteral("mcpServers")][QStringLiteral("other")].toObject(), other);

    // The message names the backup, and the backup holds the file as it was.
    QDir folder(QFileInfo(m_configPath).absolutePath());
    const QStringList backups = folder.entryList(QDir::Files).filter(QStringLiteral(".backup-"));
    QCOMPARE(backups.size(), 1);
    const QString backup = folder.filePath(backups.first());
    QVERIFY2(dialog.messageText().contains(QDir::toNativeSeparators(backup)), qPrintable(dialog.messageText()));
    QCOMPARE(readBytes(backup), originalBytes);
}

void TestClaudeDesktopDialog::malformedFileIsRefused()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_configPath).absolutePath()));
    const QByteArray broken = "{ \"mcpServers\": { \"other\": { \"command\": \"x\" }, ";
    QFile file(m_configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(broken);
    file.close();

    ClaudeDesktopDialog dialog(*m_settings, m_serverBinary, 0, m_configPath);
    QVERIFY2(dialog.statusText().contains(QStringLiteral("JSON")), qPrintable(dialog.statusText()));
    QTest::mouseClick(button(dialog, "addOrUpdate"), Qt::LeftButton);
    QVERIFY(!dialog.messageText().isEmpty());
    // The message is ClaudeDesktopConfig's own refusal.
    QString expected;
    QVERIFY(!ClaudeDesktopConfig(m_configPath)
                 .install(QString::fromLatin1(ClaudeDesktopDialog::EntryName), m_serverBinary,
                          m_settings->databasePath(), &expected));
    QCOMPARE(dialog.messageText(), expected);
    QCOMPARE(readBytes(m_configPath), broken);
    QCOMPARE(QDir(QFileInfo(m_configPath).absolutePath()).entryList(QDir::Files).size(), 1); // no backup either
}

void TestClaudeDesktopDialog::httpSnippetsCanBeCopied()
{
    m_settings->setAccessToken(AppSettings::generateToken());
    m_settings->setTransport(AppSettings::Transport::StreamableHttp);
    const quint16 actualPort = 45678;
    ClaudeDesktopDialog dialog(*m_settings, m_serverBinary, actualPort, m_configPath);

    const QString url = ClaudeDesktopConfig::httpUrl(*m_settings, actualPort);
    QVERIFY(url.contains(QString::number(actualPort)));
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("url"))->text(), url);
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("header"))->text(),
             ClaudeDesktopConfig::authorizationHeader(*m_settings));
    const QString snippet = ClaudeDesktopConfig::httpClientSnippet(QString::fromLatin1(ClaudeDesktopDialog::EntryName),
                                                                   *m_settings, actualPort);
    QCOMPARE(dialog.findChild<QPlainTextEdit*>(QStringLiteral("snippet"))->toPlainText(), snippet);

    QTest::mouseClick(button(dialog, "copy_url"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), url);
    QTest::mouseClick(button(dialog, "copy_header"), Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text().contains(m_settings->accessToken()));
    QTest::mouseClick(button(dialog, "copySnippet"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), snippet);
    QVERIFY(QJsonDocument::fromJson(snippet.toUtf8()).isObject());

    // The server (re)started on another port: the snippets follow.
    dialog.setActualPort(actualPort + 1);
    const QString newUrl = ClaudeDesktopConfig::httpUrl(*m_settings, actualPort + 1);
    QVERIFY(newUrl != url);
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("url"))->text(), newUrl);
    QVERIFY(dialog.findChild<QPlainTextEdit*>(QStringLiteral("snippet"))->toPlainText().contains(newUrl));
    QTest::mouseClick(button(dialog, "copySnippet"), Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text().contains(newUrl));
}

void TestClaudeDesktopDialog::offersTheBundledExtension_data()
{
    QTest::addColumn<bool>("installed");
    QTest::newRow("a .mcpb beside the server") << true;
    QTest::newRow("none") << false;
}

void TestClaudeDesktopDialog::offersTheBundledExtension()
{
    QFETCH(bool, installed);
    QTemporaryDir tree;
    QDir().mkpath(tree.filePath(QStringLiteral("bin")));
    if (installed) {
        QFile bundle(tree.filePath(QStringLiteral("bin/jcr-mcp-0.1.0-linux-x86_64.mcpb")));
        QVERIFY(bundle.open(QIODevice::WriteOnly));
    }
    ClaudeDesktopDialog dialog(*m_settings, tree.filePath(QStringLiteral("bin/jcr-mcp-server")), 0, m_configPath);
    const QPushButton* install = dialog.findChild<QPushButton*>(QStringLiteral("installExtension"));
    QCOMPARE(install != nullptr, installed);
    if (install)
        QVERIFY(install->toolTip().endsWith(QStringLiteral("jcr-mcp-0.1.0-linux-x86_64.mcpb")));
}

QTEST_MAIN(TestClaudeDesktopDialog)
#include "tst_claudedesktopdialog.moc"
