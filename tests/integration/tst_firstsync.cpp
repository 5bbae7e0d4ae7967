// `jcr-mcp-server --sync-if-missing` (issue 14, the .mcpb's first start) over stdio: without a database the
// server answers at once, says the data is being prepared, builds the database from JCR_MCP_DATA_SOURCE in the
// background (progress on stderr, never on stdout, the MCP stream) and then answers from it; a failed build
// falls back to the usual "run sync" answer; an existing database is left alone.

#include "fixturedatabase.h"
#include "mcpmessages.h"
#include "testpaths.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace jcr::test;

namespace {

constexpr int AnswerTimeout = 20000;
constexpr int SyncTimeout = 120000;
const QString Journal = QStringLiteral("ALPHA JOURNAL OF TESTING");

/// The server over stdio, its stdout read line by line (each must be a JSON-RPC message).
class StdioServer
{
public:
    bool start(const QString& database, const QString& dataSource)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString& name : environment.keys()) {
            if (name.startsWith(QLatin1String("JCR_MCP_")))
                environment.remove(name);
        }
        environment.insert(QStringLiteral("JCR_MCP_DATA_SOURCE"), dataSource);
        environment.insert(QStringLiteral("JCR_MCP_DATA_MIRRORS"), QStringLiteral("none"));
        m_process.setProcessEnvironment(environment);
        m_process.start(serverBinary(), {QStringLiteral("--sync-if-missing"), QStringLiteral("--db"), database});
        if (!m_process.waitForStarted(10000))
            return false;
        send(McpMessages::initialize(1, QStringLiteral("2025-06-18")));
        send(McpMessages::initialized());
        return !answer(1).isEmpty();
    }
    ~StdioServer()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    void send(const QByteArray& message) { m_process.write(message + '\n'); }

    /// The response to request `id`, or an empty object after a timeout.
    QJsonObject answer(int id)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < AnswerTimeout) {
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                QJsonParseError error;
                const QJsonObject message = QJsonDocument::fromJson(line, &error).object();
                if (error.error != QJsonParseError::NoError)
                    m_notJson << line; // sync output leaking onto the MCP stream
                else if (message.value(QStringLiteral("id")).toInt() == id)
                    return message;
            }
            m_process.waitForReadyRead(200);
        }
        return {};
    }

    /// get_journal's text for the test journal.
    QString journalText(int id)
    {
        send(McpMessages::toolCall(id, QStringLiteral("get_journal"), {{QStringLiteral("name_or_issn"), Journal}}));
        const QJsonArray content =
            answer(id).value(QStringLiteral("result")).toObject().value(QStringLiteral("content")).toArray();
        QString text;
        for (const QJsonValue& part : content)
            text += part.toObject().value(QStringLiteral("text")).toString();
        return text;
    }

    QString log() { return m_log += QString::fromUtf8(m_process.readAllStandardError()); }
    QByteArrayList notJson() const { return m_notJson; }

private:
    QProcess m_process;
    QString m_log;
    QByteArrayList m_notJson;
};

} // namespace

class TestFirstSync : public QObject
{
    Q_OBJECT

private slots:
    void buildsTheMissingDatabase();
    void failedBuildSaysHowToSync();
    void existingDatabaseIsLeftAlone();
};

void TestFirstSync::buildsTheMissingDatabase()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("new folder/jcr.db"));
    StdioServer server;
    QVERIFY2(server.start(database, miniDataDir()), qPrintable(server.log()));
    QString text = server.journalText(2);
    // The mini data set builds in a fraction of a second: the first answer may already be the real one.
    int id = 3;
    QElapsedTimer timer;
    timer.start();
    while (text.contains(QLatin1String("being prepared")) && timer.elapsed() < SyncTimeout) {
        QTest::qWait(200);
        text = server.journalText(id++);
    }
    QVERIFY2(text.contains(Journal, Qt::CaseInsensitive) && text.contains(QLatin1String("6.1")),
             qPrintable(text + QStringLiteral("\n--- log:\n") + server.log()));
    QVERIFY(QFile::exists(database));
    QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QLatin1String("the journal database is ready")), AnswerTimeout);
    QVERIFY2(server.log().contains(QLatin1String("progress [")), qPrintable(server.log()));
    QVERIFY2(server.log().contains(QLatin1String("sync done:")), qPrintable(server.log()));
    QVERIFY2(server.notJson().isEmpty(), server.notJson().join('\n').constData());
}

void TestFirstSync::failedBuildSaysHowToSync()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("jcr.db"));
    StdioServer server;
    QVERIFY2(server.start(database, dir.filePath(QStringLiteral("no such folder"))), qPrintable(server.log()));
    QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QLatin1String("building the journal database failed")), SyncTimeout);
    const QString text = server.journalText(2);
    QVERIFY2(text.contains(QLatin1String("jcr-mcp-server sync")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("being prepared")), qPrintable(text));
    QVERIFY(!QFile::exists(database));
    QVERIFY2(server.notJson().isEmpty(), server.notJson().join('\n').constData());
}

void TestFirstSync::existingDatabaseIsLeftAlone()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    QVERIFY2(buildDatabase(miniDataDir(), database, &error), qPrintable(error));
    const QDateTime built = QFileInfo(database).lastModified();
    StdioServer server;
    QVERIFY2(server.start(database, dir.filePath(QStringLiteral("no such folder"))), qPrintable(server.log()));
    QVERIFY2(server.journalText(2).contains(QLatin1String("6.1")), qPrintable(server.log()));
    QVERIFY2(!server.log().contains(QLatin1String("building it now")), qPrintable(server.log()));
    QCOMPARE(QFileInfo(database).lastModified(), built);
}

QTEST_GUILESS_MAIN(TestFirstSync)
#include "tst_firstsync.moc"
