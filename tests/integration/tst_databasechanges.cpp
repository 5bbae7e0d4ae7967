// What a running server does when its database file changes under it (issue 10, points 1 and 7): whatever is
// done to the file (shrunk or overwritten in place, damaged, deleted, replaced by rename), the real server, over
// HTTP and over stdio, stays alive; tools answer correctly or with a clear error; health is unhealthy with a
// reason while the file at the path cannot be used, and healthy again once a valid file is renamed in.

#include "fixturedatabase.h"
#include "mcpmessages.h"
#include "rawhttp.h"
#include "serverprocess.h"
#include "testpaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using jcr::test::McpMessages;
using jcr::test::RawHttp;
using jcr::test::ServerProcess;

namespace {

const QString NatureIssn = QStringLiteral("0028-0836");    // in the real data, not in the miniature set
const QString MiniatureIssn = QStringLiteral("1234-5678"); // Alpha Journal of Testing, only in the miniature set
const QString ProtocolVersion = QStringLiteral("2025-06-18");

struct Health
{
    int status = 0; ///< HTTP status of /health; 0 over stdio
    bool healthy = false;
    QString message;
    qint64 journals = -1;
    QByteArray raw;
};

/// The jcr-mcp-server over stdio, spoken to line by line. Stderr goes to a file (see ServerProcess for why).
class StdioServer
{
public:
    bool start(const QString& database)
    {
        m_process.setProcessEnvironment(ServerProcess::cleanEnvironment());
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("stderr.txt")));
        m_process.start(jcr::test::serverBinary(), {QStringLiteral("--db"), database});
        if (!m_process.waitForStarted(10000))
            return false;
        const QJsonObject init = request(McpMessages::initialize(0, ProtocolVersion), 0);
        m_process.write(McpMessages::initialized() + '\n');
        return init.contains(QStringLiteral("result"));
    }
    /// Sends one request line and waits for the answer with `id` (an empty object when none came).
    QJsonObject request(const QByteArray& line, int id)
    {
        m_process.write(line + '\n');
        const QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            while (m_process.canReadLine()) {
                const QJsonObject message = QJsonDocument::fromJson(m_process.readLine()).object();
                if (message.value(QStringLiteral("id")) == QJsonValue(id))
                    return message;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(200);
        }
        return {};
    }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    /// Closes stdin (the server's way to end) and returns its exit code; -2 when a signal ended it.
    int stop()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
    }
    QString stderrText() const
    {
        QFile file(m_dir.filePath(QStringLiteral("stderr.txt")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

/// A JSON-RPC response out of a POST answer, whether it came as JSON or as an event stream.
QJsonObject rpcResponse(const RawHttp::Response& response)
{
    if (response.header("content-type").startsWith("text/event-stream")) {
        for (const RawHttp::SseEvent& event : RawHttp::parseEvents(response.body)) {
            const QJsonObject message = event.json();
            if (message.contains(QStringLiteral("id")))
                return message;
        }
        return {};
    }
    return response.json();
}

/// The text of a tool result, or of a JSON-RPC error.
QString textOf(const QJsonObject& response)
{
    if (response.contains(QStringLiteral("error")))
        return response.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    return response.value(QStringLiteral("result"))
        .toObject()
        .value(QStringLiteral("content"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("text"))
        .toString();
}

bool isErrorAnswer(const QJsonObject& response)
{
    return response.contains(QStringLiteral("error")) ||
           response.value(QStringLiteral("result")).toObject().value(QStringLiteral("isError")).toBool();
}

QJsonObject structuredOf(const QJsonObject& response)
{
    return response.value(QStringLiteral("result")).toObject().value(QStringLiteral("structuredContent")).toObject();
}

bool copyFile(const QString& from, const QString& to)
{
    QFile::remove(to);
    return QFile::copy(from, to) && QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
}

bool renameOver(const QString& from, const QString& to)
{
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

} // namespace

class TestDatabaseChanges : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_synced;    ///< the real data, synced once
    QString m_miniature; ///< the miniature set: a valid, much smaller database
    QString m_transport;
    std::unique_ptr<ServerProcess> m_http;
    std::unique_ptr<StdioServer> m_stdio;
    QByteArray m_session;
    int m_nextId = 1;

    bool startServer(const QString& database)
    {
        m_nextId = 1;
        if (m_transport == QLatin1String("stdio")) {
            m_stdio = std::make_unique<StdioServer>();
            return m_stdio->start(database);
        }
        m_http = std::make_unique<ServerProcess>();
        if (!m_http->start(
                {QStringLiteral("--transport"), QStringLiteral("streamable-http"), QStringLiteral("--db"), database},
                ServerProcess::cleanEnvironment())) {
            qWarning().noquote() << m_http->errorString();
            return false;
        }
        const RawHttp::Response init = post(McpMessages::initialize(0, ProtocolVersion));
        m_session = init.header("mcp-session-id");
        return init.status == 200 && !m_session.isEmpty() && post(McpMessages::initialized()).status == 202;
    }

    RawHttp::Response post(const QByteArray& body)
    {
        RawHttp::Headers headers{{"Content-Type", "application/json"},
                                 {"Accept", "application/json, text/event-stream"}};
        if (!m_session.isEmpty())
            headers += {{"Mcp-Session-Id", m_session}, {"MCP-Protocol-Version", ProtocolVersion.toLatin1()}};
        return RawHttp::request(m_http->port(), "POST", "/mcp", headers, body, 60000);
    }

    QJsonObject callTool(const QString& tool, const QJsonObject& arguments)
    {
        const int id = m_nextId++;
        const QByteArray body = McpMessages::toolCall(id, tool, arguments);
        if (m_stdio)
            return m_stdio->request(body, id);
        return rpcResponse(post(body));
    }

    QJsonObject getJournal(const QString& nameOrIssn)
    {
        return callTool(QStringLiteral("get_journal"), {{QStringLiteral("name_or_issn"), nameOrIssn}});
    }

    QJsonObject filterJournals()
    {
        // Reads many pages (a join over the newest JCR and CAS years), unlike the lookups by id.
        return callTool(QStringLiteral("filter_journals"),
                        {{QStringLiteral("quartile"), QStringLiteral("Q1")}, {QStringLiteral("limit"), 50}});
    }

    /// HTTP: GET /health; stdio: the jcr://health resource. The same report underneath.
    Health health()
    {
        Health health;
        QJsonObject report;
        if (m_stdio) {
            const int id = m_nextId++;
            const QJsonObject read =
                m_stdio->request(McpMessages::compact({{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                                       {QStringLiteral("id"), id},
                                                       {QStringLiteral("method"), QStringLiteral("resources/read")},
                                                       {QStringLiteral("params"),
                                                        QJsonObject{{QStringLiteral("uri"), "jcr://health"}}}}),
                                 id);
            health.raw = QJsonDocument(read).toJson(QJsonDocument::Compact);
            const QString text = read.value(QStringLiteral("result"))
                                     .toObject()
                                     .value(QStringLiteral("contents"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("text"))
                                     .toString();
            report = QJsonDocument::fromJson(text.toUtf8()).object();
        } else {
            const RawHttp::Response response = RawHttp::request(m_http->port(), "GET", "/health", {}, {}, 60000);
            health.status = response.status;
            health.raw = response.body;
            report = response.json();
        }
        health.healthy = report.value(QStringLiteral("healthy")).toBool();
        health.message = report.value(QStringLiteral("message")).toString();
        health.journals =
            report.value(QStringLiteral("tableRows")).toObject().value(QStringLiteral("journal")).toInteger(-1);
        return health;
    }

    bool serverRunning() const { return m_stdio ? m_stdio->isRunning() : m_http->isRunning(); }

    QString serverLog() const { return m_stdio ? m_stdio->stderrText() : m_http->stderrText(); }

    /// An answer after the file changed: the answer given before, or a tool or JSON-RPC error that says what is
    /// wrong. Never a different answer, never silence.
    void verifyCorrectOrClearError(const QJsonObject& before, const QJsonObject& after)
    {
        QVERIFY2(!after.isEmpty(), qPrintable(QStringLiteral("no answer; server log:\n") + serverLog()));
        if (isErrorAnswer(after)) {
            const QString text = textOf(after);
            QVERIFY2(text.contains(QStringLiteral("database")), qPrintable(text));
            return;
        }
        QCOMPARE(structuredOf(after), structuredOf(before));
    }

    void verifyHealthy(const Health& health)
    {
        QVERIFY2(health.healthy, health.raw.constData());
        if (!m_stdio)
            QCOMPARE(health.status, 200);
    }

    void verifyUnhealthy(const Health& health)
    {
        QVERIFY2(!health.healthy && !health.message.isEmpty(), health.raw.constData());
        if (!m_stdio)
            QCOMPARE(health.status, 503);
    }

    /// Does to the file at `path` what the row says.
    static bool applyChange(const QString& how, const QString& path, const QString& miniature)
    {
        QFile file(path);
        if (how == QLatin1String("shrink in place"))
            return file.resize(file.size() * 2 / 5); // truncate(2), as `truncate -s` does
        if (how == QLatin1String("overwrite in place with a smaller database")) {
            // As `cp small.db path` does: the same inode, truncated, then written.
            QFile source(miniature);
            if (!source.open(QIODevice::ReadOnly) || !file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return false;
            return file.write(source.readAll()) == source.size();
        }
        if (how == QLatin1String("corrupt the middle 16 KB")) {
            QByteArray noise(16 * 1024, Qt::Uninitialized);
            QRandomGenerator random(10); // the same noise every run
            random.fillRange(reinterpret_cast<quint32*>(noise.data()), noise.size() / 4);
            return file.open(QIODevice::ReadWrite) && file.seek(file.size() / 2) && file.write(noise) == noise.size();
        }
        if (how == QLatin1String("delete"))
            return file.remove();
        if (how == QLatin1String("replace by rename")) {
            const QString next = path + QStringLiteral(".next");
            return copyFile(miniature, next) && renameOver(next, path);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        if (!jcr::test::hasShowJcrData())
            QSKIP("the real ShowJCR files are not at ../shared/showjcr (set JCR_MCP_DATA_SOURCE)");
        QVERIFY(m_dir.isValid());
        m_synced = m_dir.filePath(QStringLiteral("synced.db"));
        QProcess sync;
        sync.start(jcr::test::serverBinary(), {QStringLiteral("sync"), QStringLiteral("--from"),
                                               jcr::test::showJcrDir(), QStringLiteral("--db"), m_synced});
        QVERIFY(sync.waitForFinished(300000));
        QVERIFY2(sync.exitCode() == 0, sync.readAllStandardError().constData());
        m_miniature = m_dir.filePath(QStringLiteral("miniature.db"));
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_miniature, &error), qPrintable(error));
        QVERIFY(QFileInfo(m_miniature).size() < QFileInfo(m_synced).size() / 10);
    }

    void cleanup()
    {
        m_http.reset();
        m_stdio.reset();
        m_session.clear();
    }

    void fileChangesUnderARunningServer_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("broken"); ///< false: the file at the path is the miniature database afterwards
        for (const char* transport : {"streamable-http", "stdio"}) {
            QTest::addRow("%s: shrink in place", transport) << transport << "shrink in place" << true;
            QTest::addRow("%s: overwrite in place with a smaller database", transport)
                << transport << "overwrite in place with a smaller database" << false;
            QTest::addRow("%s: corrupt the middle 16 KB", transport) << transport << "corrupt the middle 16 KB" << true;
            QTest::addRow("%s: delete", transport) << transport << "delete" << true;
            QTest::addRow("%s: replace by rename", transport) << transport << "replace by rename" << false;
        }
    }
    void fileChangesUnderARunningServer()
    {
        QFETCH(QString, transport);
        QFETCH(QString, change);
        QFETCH(bool, broken);
        m_transport = transport;
        QTemporaryDir dir;
        const QString database = dir.filePath(QStringLiteral("jcr.db"));
        QVERIFY(copyFile(m_synced, database));
        QVERIFY2(startServer(database), qPrintable(serverLog()));

        const QJsonObject nature = getJournal(NatureIssn);
        QCOMPARE(structuredOf(nature).value(QStringLiteral("journal")).toObject().value(QStringLiteral("issn")),
                 QJsonValue(NatureIssn));
        const QJsonObject filtered = filterJournals();
        QVERIFY2(!isErrorAnswer(filtered), qPrintable(textOf(filtered)));
        verifyHealthy(health());
        if (QTest::currentTestFailed())
            return;

        QVERIFY(applyChange(change, database, m_miniature));

        if (broken) {
            verifyCorrectOrClearError(nature, getJournal(NatureIssn));
            verifyCorrectOrClearError(filtered, filterJournals());
            verifyUnhealthy(health());
            verifyCorrectOrClearError(nature, getJournal(NatureIssn)); // and still alive after the health check
        } else {
            // The new data answers.
            const QJsonObject alpha = getJournal(MiniatureIssn);
            QVERIFY2(structuredOf(alpha).value(QStringLiteral("found")).toBool(), qPrintable(textOf(alpha)));
            const Health now = health();
            verifyHealthy(now);
            QCOMPARE(now.journals, 15);
        }
        QVERIFY2(serverRunning(), qPrintable(serverLog()));
        if (QTest::currentTestFailed()) // a failure in a helper above returned from the helper only
            return;

        // A valid file renamed in (what sync does): healthy again, and its data answers.
        const QString next = dir.filePath(QStringLiteral("jcr.db.next"));
        QVERIFY(copyFile(m_synced, next));
        QVERIFY(renameOver(next, database));
        verifyHealthy(health());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(structuredOf(getJournal(NatureIssn)), structuredOf(nature));
        QCOMPARE(structuredOf(filterJournals()), structuredOf(filtered));

        QVERIFY2(serverRunning(), qPrintable(serverLog()));
        if (m_stdio) {
            QCOMPARE(m_stdio->stop(), 0);
        } else {
            m_http->terminate();
            QCOMPARE(m_http->waitForExit(15000), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestDatabaseChanges)
#include "tst_databasechanges.moc"
