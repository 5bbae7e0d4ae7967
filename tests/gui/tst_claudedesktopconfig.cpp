#include "appsettings.h"
#include "claudedesktopconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::AppSettings;
using jcr::gui::ClaudeDesktopConfig;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QJsonObject parse(const QByteArray& content)
{
    return QJsonDocument::fromJson(content).object();
}

QStringList backups(const QString& configPath)
{
    const QFileInfo info(configPath);
    return QDir(info.absolutePath()).entryList({info.fileName() + QStringLiteral(".backup-*")}, QDir::Files);
}

} // namespace

class TestClaudeDesktopConfig : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaultPath();
    void installKeepsEverythingElse_data();
    void installKeepsEverythingElse();
    void installCreatesAbsentFile();
    void installIsStable();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void removeLeavesOthers();
    void snippets_data();
    void snippets();
    void findsBundledExtension_data();
    void findsBundledExtension();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString configPath() const { return m_dir->filePath(QStringLiteral("Claude/claude_desktop_config.json")); }
};

void TestClaudeDesktopConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestClaudeDesktopConfig::defaultPath()
{
    const QString path = ClaudeDesktopConfig::defaultConfigPath();
    QVERIFY(path.endsWith(QStringLiteral("Claude/claude_desktop_config.json")));
#ifdef Q_OS_LINUX
    qputenv("XDG_CONFIG_HOME", m_dir->path().toUtf8());
    QCOMPARE(ClaudeDesktopConfig::defaultConfigPath(),
             m_dir->filePath(QStringLiteral("Claude/claude_desktop_config.json")));
    qunsetenv("XDG_CONFIG_HOME");
    QCOMPARE(ClaudeDesktopConfig::defaultConfigPath(),
             QDir::home().filePath(QStringLiteral(".config/Claude/claude_desktop_config.json")));
#endif
}

void TestClaudeDesktopConfig::installKeepsEverythingElse_data()
{
    QTest::addColumn<QByteArray>("existing");
    QTest::newRow("other-servers-and-keys") << QByteArray(R"({
  "globalShortcut": "Ctrl+Space",
  "mcpServers": {
    "filesystem": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/me"]},
    "weather": {"command": "/opt/weather", "env": {"API_KEY": "k", "NESTED": "ä ü 中文"}}
  },
  "preferences": {"theme": "dark", "numbers": [1, 2.5, -3], "flag": false, "nothing": null}
})");
    QTest::newRow("no-mcpServers") << QByteArray(R"({"theme": "light"})");
    QTest::newRow("empty-object") << QByteArray("{}");
    QTest::newRow("jcr-already-there-with-env") << QByteArray(
        R"({"mcpServers": {"jcr": {"command": "/old/jcr-mcp-server", "args": ["--db", "/old.db"], "env": {"A": "1"}},
            "other": {"command": "x"}}})");
}

void TestClaudeDesktopConfig::installKeepsEverythingElse()
{
    QFETCH(QByteArray, existing);
    QVERIFY(writeAll(configPath(), existing));
    ClaudeDesktopConfig config(configPath());
    QString error;
    const QString binary = m_dir->filePath(QStringLiteral("bin/jcr-mcp-server"));
    const QString database = m_dir->filePath(QStringLiteral("data/jcr.db"));
    QVERIFY2(config.install(QStringLiteral("jcr"), binary, database, &error), qPrintable(error));

    // Backup first, with the old bytes.
    QVERIFY(!config.lastBackupPath().isEmpty());
    QCOMPARE(readAll(config.lastBackupPath()), existing);
    QCOMPARE(backups(configPath()).size(), 1);

    const QJsonObject before = parse(existing);
    const QJsonObject after = parse(readAll(configPath()));
    QVERIFY(!after.isEmpty());
    // Every other top-level key and every other server has the same meaning as before.
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (it.key() != QLatin1String("mcpServers"))
            QCOMPARE(after.value(it.key()), it.value());
    }
    QCOMPARE(after.keys().size(), before.contains(QStringLiteral("mcpServers")) ? before.size() : before.size() + 1);
    const QJsonObject serversBefore = before.value(QStringLiteral("mcpServers")).toObject();
    const QJsonObject serversAfter = after.value(QStringLiteral("mcpServers")).toObject();
    for (auto it = serversBefore.begin(); it != serversBefore.end(); ++it) {
        if (it.key() != QLatin1String("jcr"))
            QCOMPARE(serversAfter.value(it.key()), it.value());
    }
    const QJsonObject entry = serversAfter.value(QStringLiteral("jcr")).toObject();
    QCOMPARE(entry.value(QStringLiteral("command")).toString(), binary);
    QCOMPARE(entry.value(QStringLiteral("args")).toArray(), (QJsonArray{QStringLiteral("--db"), database}));
    // Keys the user added to our entry survive an update.
    const QJsonObject oldEntry = serversBefore.value(QStringLiteral("jcr")).toObject();
    if (oldEntry.contains(QStringLiteral("env")))
        QCOMPARE(entry.value(QStringLiteral("env")), oldEntry.value(QStringLiteral("env")));
    QVERIFY(config.hasEntry(QStringLiteral("jcr")));
}

void TestClaudeDesktopConfig::installCreatesAbsentFile()
{
    QVERIFY(!QFileInfo::exists(QFileInfo(configPath()).absolutePath()));
    ClaudeDesktopConfig config(configPath());
    QVERIFY(!config.hasEntry(QStringLiteral("jcr")));
    QString error;
    QVERIFY2(config.install(QStringLiteral("jcr"), QStringLiteral("/usr/bin/jcr-mcp-server"),
                            QStringLiteral("/var/lib/jcr.db"), &error),
             qPrintable(error));
    QVERIFY(config.lastBackupPath().isEmpty()); // nothing to back up
    const QJsonObject root = parse(readAll(configPath()));
    const QJsonObject entry =
        root.value(QStringLiteral("mcpServers")).toObject().value(QStringLiteral("jcr")).toObject();
    QCOMPARE(entry.value(QStringLiteral("command")).toString(), QStringLiteral("/usr/bin/jcr-mcp-server"));
    QCOMPARE(entry.value(QStringLiteral("args")).toArray(),
             (QJsonArray{QStringLiteral("--db"), QStringLiteral("/var/lib/jcr.db")}));
}

void TestClaudeDesktopConfig::installIsStable()
{
    ClaudeDesktopConfig config(configPath());
    QString error;
    QVERIFY(config.install(QStringLiteral("jcr"), QStringLiteral("/a/srv"), QStringLiteral("/a/jcr.db"), &error));
    const QByteArray first = readAll(configPath());
    QVERIFY(config.install(QStringLiteral("jcr"), QStringLiteral("/a/srv"), QStringLiteral("/a/jcr.db"), &error));
    QCOMPARE(readAll(configPath()), first);
    QVERIFY(config.lastBackupPath().isEmpty()); // unchanged: neither rewritten nor backed up
    QVERIFY(backups(configPath()).isEmpty());
    // Relative paths are made absolute: Claude Desktop starts servers in an unspecified folder.
    QVERIFY(config.install(QStringLiteral("jcr"), QStringLiteral("srv"), QStringLiteral("jcr.db"), &error));
    const QJsonObject entry = parse(readAll(configPath()))
                                  .value(QStringLiteral("mcpServers"))
                                  .toObject()
                                  .value(QStringLiteral("jcr"))
                                  .toObject();
    QVERIFY(QDir::isAbsolutePath(entry.value(QStringLiteral("command")).toString()));
    QVERIFY(QDir::isAbsolutePath(entry.value(QStringLiteral("args")).toArray().at(1).toString()));
}

void TestClaudeDesktopConfig::refusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expectedInError");
    QTest::newRow("trailing-comma") << QByteArray("{\"mcpServers\": {\"a\": {\"command\": \"x\"},}}")
                                    << QStringLiteral("not valid JSON");
    QTest::newRow("truncated") << QByteArray("{\"mcpServers\": {") << QStringLiteral("not valid JSON");
    QTest::newRow("comments") << QByteArray("// my servers\n{}") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("JSON object");
    QTest::newRow("mcpServers-array") << QByteArray(R"({"mcpServers": [{"command": "x"}]})")
                                      << QStringLiteral("mcpServers");
    QTest::newRow("mcpServers-string") << QByteArray(R"({"mcpServers": "none"})") << QStringLiteral("mcpServers");
}

void TestClaudeDesktopConfig::refusesBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expectedInError);
    QVERIFY(writeAll(configPath(), content));
    ClaudeDesktopConfig config(configPath());
    QString error;
    QVERIFY(!config.install(QStringLiteral("jcr"), QStringLiteral("/a/srv"), QStringLiteral("/a/jcr.db"), &error));
    QVERIFY2(error.contains(expectedInError), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("unchanged")), qPrintable(error));
    QCOMPARE(readAll(configPath()), content);
    QVERIFY(backups(configPath()).isEmpty());
    error.clear();
    QVERIFY(!config.remove(QStringLiteral("jcr"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(readAll(configPath()), content);
    QVERIFY(!config.hasEntry(QStringLiteral("jcr")));
}

void TestClaudeDesktopConfig::removeLeavesOthers()
{
    const QByteArray existing = R"({"theme": "dark", "mcpServers": {"other": {"command": "o"}}})";
    QVERIFY(writeAll(configPath(), existing));
    ClaudeDesktopConfig config(configPath());
    QString error;
    QVERIFY(config.install(QStringLiteral("jcr"), QStringLiteral("/a/srv"), QStringLiteral("/a/jcr.db"), &error));
    const QByteArray installed = readAll(configPath());
    QTest::qWait(2); // distinct backup names even on a fast machine
    QVERIFY2(config.remove(QStringLiteral("jcr"), &error), qPrintable(error));
    QCOMPARE(readAll(config.lastBackupPath()), installed);
    QCOMPARE(backups(configPath()).size(), 2);
    const QJsonObject after = parse(readAll(configPath()));
    QCOMPARE(after, parse(existing));
    QVERIFY(!config.hasEntry(QStringLiteral("jcr")));

    // Removing what is not there changes nothing.
    const QByteArray before = readAll(configPath());
    QVERIFY(config.remove(QStringLiteral("jcr"), &error));
    QVERIFY(config.lastBackupPath().isEmpty());
    QCOMPARE(readAll(configPath()), before);
    ClaudeDesktopConfig absent(m_dir->filePath(QStringLiteral("nowhere/claude_desktop_config.json")));
    QVERIFY(absent.remove(QStringLiteral("jcr"), &error));
    QVERIFY(!QFileInfo::exists(absent.configPath()));
}

void TestClaudeDesktopConfig::snippets_data()
{
    QTest::addColumn<int>("transport");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("type");
    QTest::newRow("streamable") << int(AppSettings::Transport::StreamableHttp) << "127.0.0.1"
                                << ""
                                << "http://127.0.0.1:8080/mcp"
                                << "http";
    QTest::newRow("both") << int(AppSettings::Transport::Http) << "127.0.0.1"
                          << ""
                          << "http://127.0.0.1:8080/mcp"
                          << "http";
    QTest::newRow("sse-token") << int(AppSettings::Transport::Sse) << "0.0.0.0"
                               << "t0k3n-0123456789abcdef"
                               << "http://127.0.0.1:8080/sse"
                               << "sse";
}

void TestClaudeDesktopConfig::snippets()
{
    QFETCH(int, transport);
    QFETCH(QString, host);
    QFETCH(QString, token);
    QFETCH(QString, url);
    QFETCH(QString, type);
    AppSettings settings(m_dir->filePath(QStringLiteral("settings.ini")));
    settings.setTransport(AppSettings::Transport(transport));
    settings.setHost(host);
    settings.setAccessToken(token);
    QCOMPARE(ClaudeDesktopConfig::httpUrl(settings), url);
    QCOMPARE(ClaudeDesktopConfig::httpUrl(settings, 41234),
             QString(url).replace(QStringLiteral("8080"), QStringLiteral("41234")));
    QCOMPARE(ClaudeDesktopConfig::authorizationHeader(settings),
             token.isEmpty() ? QString() : QStringLiteral("Authorization: Bearer ") + token);
    const QJsonObject entry = parse(ClaudeDesktopConfig::httpClientSnippet(QStringLiteral("jcr"), settings).toUtf8())
                                  .value(QStringLiteral("mcpServers"))
                                  .toObject()
                                  .value(QStringLiteral("jcr"))
                                  .toObject();
    QCOMPARE(entry.value(QStringLiteral("url")).toString(), url);
    QCOMPARE(entry.value(QStringLiteral("type")).toString(), type);
    QCOMPARE(entry.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Authorization")).toString(),
             token.isEmpty() ? QString() : QStringLiteral("Bearer ") + token);
}

void TestClaudeDesktopConfig::findsBundledExtension_data()
{
    QTest::addColumn<QStringList>("files"); // relative to a tree whose bin/ holds the server
    QTest::addColumn<QString>("expected");
    QTest::newRow("beside the server") << QStringList{"bin/jcr-mcp-0.1.0-win32-amd64.mcpb"}
                                       << "bin/jcr-mcp-0.1.0-win32-amd64.mcpb";
    QTest::newRow("Linux package") << QStringList{"share/jcr-mcp/jcr-mcp-0.1.0-linux-x86_64.mcpb"}
                                   << "share/jcr-mcp/jcr-mcp-0.1.0-linux-x86_64.mcpb";
    QTest::newRow("macOS app") << QStringList{"Resources/jcr-mcp-0.1.0-darwin-arm64.mcpb"}
                               << "Resources/jcr-mcp-0.1.0-darwin-arm64.mcpb";
    QTest::newRow("newest version") << QStringList{"bin/jcr-mcp-0.1.0-linux-x86_64.mcpb",
                                                   "bin/jcr-mcp-0.2.0-linux-x86_64.mcpb"}
                                    << "bin/jcr-mcp-0.2.0-linux-x86_64.mcpb";
    QTest::newRow("someone else's bundle") << QStringList{"bin/other.mcpb"} << QString();
    QTest::newRow("none") << QStringList{} << QString();
}

void TestClaudeDesktopConfig::findsBundledExtension()
{
    QFETCH(QStringList, files);
    QFETCH(QString, expected);
    QTemporaryDir tree;
    QVERIFY(tree.isValid());
    QDir().mkpath(tree.filePath(QStringLiteral("bin")));
    for (const QString& file : files) {
        QDir().mkpath(QFileInfo(tree.filePath(file)).absolutePath());
        QFile bundle(tree.filePath(file));
        QVERIFY(bundle.open(QIODevice::WriteOnly));
    }
    const QString found = ClaudeDesktopConfig::bundledExtension(tree.filePath(QStringLiteral("bin/jcr-mcp-server")));
    QCOMPARE(found, expected.isEmpty() ? QString() : tree.filePath(expected));
}

QTEST_GUILESS_MAIN(TestClaudeDesktopConfig)
#include "tst_claudedesktopconfig.moc"
