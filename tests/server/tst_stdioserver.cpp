// The stdio transport: LineFramer framing, and a real server process over pipes (newline-delimited JSON,
// nothing but protocol on stdout, survives malformed and over-long lines, exits cleanly on EOF and
// SIGTERM, explains a missing database). The process is jcr_stdio_testserver, or the binary named by
// JCR_STDIO_SERVER (e.g. the real jcr-mcp-server), started with `--db PATH`.

#include "engineharness.h"
#include "lineframer.h"
#include "stdioserver.h"
#include "stdiotransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using jcr::mcp::LineFramer;

namespace {

QByteArray initializeLine(int id = 0)
{
    return QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":") + QByteArray::number(id) +
           QByteArrayLiteral(
               ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
               "\"clientInfo\":{\"name\":\"tst\",\"version\":\"1\"}}}\n"
               "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
}

/// A request of protocol version 2026-07-28: `params` holds the members before _meta (each ending in a comma).
QByteArray statelessLine(const QByteArray& id, const QByteArray& method, const QByteArray& params = QByteArray())
{
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":{" + params +
           "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
           "\"io.modelcontextprotocol/clientCapabilities\":{}}}}\n";
}

} // namespace

class TestStdioServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void framing_data();
    void framing();
    void framingLimit();
    void transportOverPipes();

    void conversationOverPipes();
    void statelessProbeThenInitialize();
    void listenHearsADataSwap();
    void survivesMalformedLines_data();
    void survivesMalformedLines();
    void survivesOverlongLine();
    void exitsOnSigterm();
    void missingDatabase();

private:
    QString serverProgram() const;
    bool start(QProcess& process, const QString& database);
    /// Reads stdout until `count` complete lines have arrived (or the timeout).
    QList<QJsonObject> readMessages(QProcess& process, int count, int timeoutMs = 10000);

    QTemporaryDir m_dir;
    QString m_database;
};

void TestStdioServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("fixture.db"));
    QString error;
    QVERIFY2(jcr::test::EngineHarness::buildFixtureDatabase(m_database, &error), qPrintable(error));
}

void TestStdioServer::framing_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QByteArrayList>("lines");
    QTest::addRow("one line") << QByteArrayList{"{\"a\":1}\n"} << QByteArrayList{"{\"a\":1}"};
    QTest::addRow("two in one chunk") << QByteArrayList{"a\nb\n"} << QByteArrayList{"a", "b"};
    QTest::addRow("split across chunks") << QByteArrayList{"{\"a\"", ":1}", "\nb", "\n"}
                                         << QByteArrayList{"{\"a\":1}", "b"};
    QTest::addRow("CRLF") << QByteArrayList{"a\r\nb\r\n"} << QByteArrayList{"a", "b"};
    QTest::addRow("blank lines skipped") << QByteArrayList{"\n\r\n  \na\n\n"} << QByteArrayList{"a"};
    QTest::addRow("last line without newline") << QByteArrayList{"a\nb"} << QByteArrayList{"a", "b"};
    QTest::addRow("UTF-8 kept") << QByteArrayList{"\xe4\xb8\xad\n"} << QByteArrayList{"\xe4\xb8\xad"};
}

void TestStdioServer::framing()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QByteArrayList, lines);
    LineFramer framer;
    QByteArrayList got;
    for (const QByteArray& chunk : std::as_const(chunks)) {
        for (const LineFramer::Line& line : framer.append(chunk))
            got << line.data;
    }
    for (const LineFramer::Line& line : framer.finish())
        got << line.data;
    QCOMPARE(got, lines);
}

void TestStdioServer::framingLimit()
{
    LineFramer framer(10);
    QList<LineFramer::Line> lines = framer.append("short\n0123456789ABCDEF");
    lines += framer.append("more more more\nok\n");
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).data, QByteArray("short"));
    QVERIFY(lines.at(1).tooLong);
    QCOMPARE(lines.at(1).length, qint64(30));
    QVERIFY(lines.at(1).data.isEmpty());
    QCOMPARE(lines.at(2).data, QByteArray("ok"));
    QVERIFY(!lines.at(2).tooLong);
}

void TestStdioServer::transportOverPipes()
{
    // The transport alone, in process: lines in through one pipe, messages out through another.
#ifndef Q_OS_UNIX
    QSKIP("uses POSIX pipes");
#else
    int input[2];
    int output[2];
    QCOMPARE(::pipe(input), 0);
    QCOMPARE(::pipe(output), 0);
    {
        jcr::mcp::StdioTransport transport(input[0], output[1]);
        transport.setMaxLineLength(64);
        QSignalSpy lines(&transport, &jcr::mcp::StdioTransport::lineReceived);
        QSignalSpy tooLong(&transport, &jcr::mcp::StdioTransport::lineTooLong);
        QSignalSpy closed(&transport, &jcr::mcp::StdioTransport::inputClosed);
        QByteArrayList peeked;
        transport.setLinePeek([&peeked](const QByteArray& line) { peeked << line; });
        transport.start();
        const QByteArray data = "{\"a\":1}\r\n" + QByteArray(100, 'x') + "\n{\"b\":2}";
        QCOMPARE(::write(input[1], data.constData(), size_t(data.size())), ssize_t(data.size()));
        ::close(input[1]);
        QTRY_COMPARE(closed.size(), 1);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).at(0).toByteArray(), QByteArray("{\"a\":1}"));
        QCOMPARE(lines.at(1).at(0).toByteArray(), QByteArray("{\"b\":2}"));
        QCOMPARE(tooLong.size(), 1);
        QCOMPARE(peeked.size(), 2);
        QVERIFY(transport.send("{\"c\":3}"));
        QVERIFY(transport.send("{\"d\":4}"));
        transport.stop();
    }
    ::close(output[1]);
    QByteArray written;
    char buffer[256];
    ssize_t got;
    while ((got = ::read(output[0], buffer, sizeof buffer)) > 0)
        written.append(buffer, got);
    ::close(input[0]);
    ::close(output[0]);
    QCOMPARE(written, QByteArray("{\"c\":3}\n{\"d\":4}\n"));
#endif
}

QString TestStdioServer::serverProgram() const
{
    const QString fromEnvironment = qEnvironmentVariable("JCR_STDIO_SERVER");
    return fromEnvironment.isEmpty() ? QStringLiteral(JCR_STDIO_TESTSERVER) : fromEnvironment;
}

bool TestStdioServer::start(QProcess& process, const QString& database)
{
    process.setProgram(serverProgram());
    process.setArguments({QStringLiteral("--db"), database});
    process.setWorkingDirectory(QStringLiteral("/"));
    process.start();
    return process.waitForStarted(5000);
}

QList<QJsonObject> TestStdioServer::readMessages(QProcess& process, int count, int timeoutMs)
{
    QList<QJsonObject> messages;
    QElapsedTimer timer;
    timer.start();
    while (messages.size() < count && timer.elapsed() < timeoutMs) {
        if (!process.canReadLine() && !process.waitForReadyRead(200))
            continue;
        while (process.canReadLine() && messages.size() < count) {
            const QByteArray line = process.readLine();
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                qWarning() << "stdout carried a non-JSON line:" << line;
                return {};
            }
            messages << document.object();
        }
    }
    return messages;
}

void TestStdioServer::conversationOverPipes()
{
    QProcess process;
    QVERIFY(start(process, m_database));
    process.write(initializeLine(0));
    process.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}\n");
    process.write("{\"jsonrpc\":\"2.0\",\"id\":\"two\",\"method\":\"tools/call\",\"params\":{\"name\":\"get_journal\","
                  "\"arguments\":{\"name_or_issn\":\"Testing Letters\"},\"_meta\":{\"progressToken\":\"p\"}}}\r\n");
    process.write("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}"); // no newline: ends at EOF
    process.closeWriteChannel();
    const QList<QJsonObject> messages = readMessages(process, 4);
    QCOMPARE(messages.size(), 4);
    QCOMPARE(messages.at(0).value(QStringLiteral("id")), QJsonValue(0));
    QCOMPARE(
        messages.at(0).value(QStringLiteral("result")).toObject().value(QStringLiteral("protocolVersion")).toString(),
        QStringLiteral("2025-11-25"));
    QCOMPARE(messages.at(1).value(QStringLiteral("result")).toObject().value(QStringLiteral("tools")).toArray().size(),
             7); // the six tools and check_references
    QCOMPARE(messages.at(2).value(QStringLiteral("id")), QJsonValue(QStringLiteral("two")));
    QVERIFY(messages.at(2)
                .value(QStringLiteral("result"))
                .toObject()
                .value(QStringLiteral("structuredContent"))
                .toObject()
                .value(QStringLiteral("found"))
                .toBool());
    QCOMPARE(messages.at(3).value(QStringLiteral("id")), QJsonValue(3));
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().trimmed().isEmpty()); // nothing after the last message
}

void TestStdioServer::statelessProbeThenInitialize()
{
    // What the SDK's auto mode may do on one process: a server/discover probe with the 2026-07-28 envelope,
    // then the 2025 handshake; and 2026 requests still answered statelessly beside the session.
    QProcess process;
    QVERIFY(start(process, m_database));
    process.write(statelessLine(QByteArrayLiteral("\"server-discover-probe-0\""), "server/discover"));
    process.write(initializeLine(0));
    process.write(statelessLine("1", "tools/call",
                                "\"name\":\"get_journal\",\"arguments\":{\"name_or_issn\":\"Testing Letters\"},"));
    process.write(statelessLine("2", "ping"));
    process.write("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}\n");
    process.closeWriteChannel();
    const QList<QJsonObject> messages = readMessages(process, 5);
    QCOMPARE(messages.size(), 5);
    const QJsonObject discover = messages.at(0).value(QStringLiteral("result")).toObject();
    QCOMPARE(discover.value(QStringLiteral("supportedVersions")).toArray(), QJsonArray{QStringLiteral("2026-07-28")});
    QCOMPARE(discover.value(QStringLiteral("resultType")).toString(), QStringLiteral("complete"));
    QCOMPARE(
        messages.at(1).value(QStringLiteral("result")).toObject().value(QStringLiteral("protocolVersion")).toString(),
        QStringLiteral("2025-11-25"));
    const QJsonObject call = messages.at(2).value(QStringLiteral("result")).toObject();
    QCOMPARE(call.value(QStringLiteral("resultType")).toString(), QStringLiteral("complete"));
    QVERIFY(call.value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("found")).toBool());
    QCOMPARE(messages.at(3).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32601);
    QCOMPARE(messages.at(4).value(QStringLiteral("result")).toObject(), QJsonObject()); // the 2025 ping
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitCode(), 0);
}

void TestStdioServer::listenHearsADataSwap()
{
    // A sync replaces the database file; an open subscriptions/listen hears resources/list_changed and
    // resources/updated for the database resource it named, tagged with its id; the listen ends with a
    // response at end of input.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("swap.db"));
    QVERIFY(QFile::copy(m_database, database));
    QProcess process;
    QVERIFY(start(process, database));
    process.write(statelessLine(
        "\"l1\"", "subscriptions/listen",
        "\"notifications\":{\"resourcesListChanged\":true,\"resourceSubscriptions\":[\"jcr://database-info\"]},"));
    const QList<QJsonObject> acknowledged = readMessages(process, 1);
    QCOMPARE(acknowledged.size(), 1);
    QCOMPARE(acknowledged.at(0).value(QStringLiteral("method")).toString(),
             QStringLiteral("notifications/subscriptions/acknowledged"));

    QVERIFY(QFile::copy(m_database, database + QStringLiteral(".new")));
    QVERIFY(QFile::remove(database));
    QVERIFY(QFile::rename(database + QStringLiteral(".new"), database)); // a new file, as sync makes it
    const QList<QJsonObject> changes = readMessages(process, 2);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).value(QStringLiteral("method")).toString(),
             QStringLiteral("notifications/resources/list_changed"));
    QCOMPARE(changes.at(1).value(QStringLiteral("method")).toString(),
             QStringLiteral("notifications/resources/updated"));
    QCOMPARE(changes.at(1).value(QStringLiteral("params")).toObject().value(QStringLiteral("uri")).toString(),
             QStringLiteral("jcr://database-info"));
    for (const QJsonObject& change : changes)
        QCOMPARE(change.value(QStringLiteral("params"))
                     .toObject()
                     .value(QStringLiteral("_meta"))
                     .toObject()
                     .value(QStringLiteral("io.modelcontextprotocol/subscriptionId"))
                     .toString(),
                 QStringLiteral("l1"));
    process.closeWriteChannel();
    const QList<QJsonObject> ended = readMessages(process, 1);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).value(QStringLiteral("id")).toString(), QStringLiteral("l1"));
    QCOMPARE(ended.at(0).value(QStringLiteral("result")).toObject().value(QStringLiteral("resultType")).toString(),
             QStringLiteral("complete"));
    QVERIFY(process.waitForFinished(5000));
}

void TestStdioServer::survivesMalformedLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("code");
    QTest::addRow("garbage") << QByteArray("this is not json") << -32700;
    QTest::addRow("half an object") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":") << -32700;
    QTest::addRow("invalid UTF-8") << QByteArray("\xff\xfe{") << -32700;
    QTest::addRow("NUL byte") << QByteArray("{\"a\":\0}", 7) << -32700;
    QTest::addRow("number") << QByteArray("12") << -32600;
}

void TestStdioServer::survivesMalformedLines()
{
    QFETCH(QByteArray, line);
    QFETCH(int, code);
    QProcess process;
    QVERIFY(start(process, m_database));
    process.write(initializeLine());
    process.write(line + '\n');
    process.write("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}\n");
    const QList<QJsonObject> messages = readMessages(process, 3);
    QCOMPARE(messages.size(), 3);
    const QJsonObject error = messages.at(1);
    QCOMPARE(error.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), code);
    QVERIFY(!error.contains(QStringLiteral("id")));
    QCOMPARE(messages.at(2).value(QStringLiteral("id")), QJsonValue(9));
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitCode(), 0);
}

void TestStdioServer::survivesOverlongLine()
{
    QProcess process;
    QVERIFY(start(process, m_database));
    process.write(initializeLine());
    QByteArray huge = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\",\"params\":{\"pad\":\"";
    huge.append(QByteArray(LineFramer::DefaultMaxLineLength + 1024, 'x'));
    huge.append("\"}}\n");
    process.write(huge);
    process.write("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}\n");
    const QList<QJsonObject> messages = readMessages(process, 3, 30000);
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(1).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32600);
    QCOMPARE(messages.at(2).value(QStringLiteral("id")), QJsonValue(6));
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(5000));
}

void TestStdioServer::exitsOnSigterm()
{
    QProcess process;
    QVERIFY(start(process, m_database));
    process.write(initializeLine());
    QCOMPARE(readMessages(process, 1).size(), 1);
    QElapsedTimer timer;
    timer.start();
    process.terminate(); // SIGTERM, stdin still open
    QVERIFY(process.waitForFinished(5000));
    QVERIFY(timer.elapsed() < 2000); // before the SDK would escalate to SIGKILL
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestStdioServer::missingDatabase()
{
    QProcess process;
    QVERIFY(start(process, m_dir.filePath(QStringLiteral("nowhere/none.db"))));
    process.write(initializeLine());
    process.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search_journal\","
                  "\"arguments\":{\"journal_name\":\"Nature\"}}}\n");
    process.write(
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"jcr://health\"}}\n");
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), jcr::StdioServer::ExitDatabaseMissing);
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(errors.contains(QStringLiteral("sync")), qPrintable(errors));
    QList<QJsonObject> messages;
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        QVERIFY2(document.isObject(), line.constData()); // stdout: protocol only, even with the database missing
        messages << document.object();
    }
    QJsonObject toolReply;
    QJsonObject healthReply;
    for (const QJsonObject& message : std::as_const(messages)) {
        if (message.value(QStringLiteral("id")) == QJsonValue(1))
            toolReply = message;
        if (message.value(QStringLiteral("id")) == QJsonValue(2))
            healthReply = message;
    }
    const QJsonObject result = toolReply.value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), true);
    QVERIFY(result.value(QStringLiteral("content"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QStringLiteral("jcr-mcp-server sync")));
    const QString health = healthReply.value(QStringLiteral("result"))
                               .toObject()
                               .value(QStringLiteral("contents"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("text"))
                               .toString();
    QVERIFY2(health.contains(QStringLiteral("sync")), qPrintable(health));
}

QTEST_GUILESS_MAIN(TestStdioServer)
#include "tst_stdioserver.moc"
