// Streamable HTTP for MCP 2026-07-28 against the real jcr-mcp-server on the miniature fixture database, with raw
// requests (docs/http-transport.md, "Protocol 2026-07-28"): the header checks and their status codes, no session,
// progress on the request's own stream, subscriptions/listen hearing a database swap and ending at shutdown, the
// token and Origin checks, the answer cache and the metrics for these requests too.

#include "fixturedatabase.h"
#include "rawhttp.h"
#include "serverprocess.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using jcr::test::RawHttp;
using jcr::test::ServerProcess;

namespace {

const QByteArray kEnvelope = R"("_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",)"
                             R"("io.modelcontextprotocol/clientCapabilities":{}})";
const QByteArray kVersion = "MCP-Protocol-Version: 2026-07-28";
const QByteArray kToken = "s3cret";

/// "$ENV" in a body stands for the 2026-07-28 envelope.
QByteArray body(QByteArray text)
{
    return text.replace("$ENV", kEnvelope);
}

RawHttp::Headers toHeaders(const QByteArrayList& lines)
{
    RawHttp::Headers headers{{"Content-Type", "application/json"}, {"Accept", "application/json, text/event-stream"}};
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        headers.append({line.left(colon).trimmed(), line.mid(colon + 1)}); // values as given: the server trims
    }
    return headers;
}

QJsonObject lastMessage(const RawHttp::Response& response)
{
    if (!response.header("content-type").startsWith("text/event-stream"))
        return response.json();
    QJsonObject last;
    for (const RawHttp::SseEvent& event : RawHttp::parseEvents(response.body)) {
        if (event.hasData && !event.data.isEmpty())
            last = event.json();
    }
    return last;
}

QString subscriptionOf(const QJsonObject& message)
{
    return message.value(QStringLiteral("params"))
        .toObject()
        .value(QStringLiteral("_meta"))
        .toObject()
        .value(QStringLiteral("io.modelcontextprotocol/subscriptionId"))
        .toString();
}

} // namespace

class TestHttpStateless : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;
    ServerProcess m_server; // --transport http
    ServerProcess m_token;  // with JCR_MCP_TOKEN

    RawHttp::Response post(quint16 port, const QByteArray& text, const QByteArrayList& headers);

private slots:
    void initTestCase();

    void cleanupTestCase();

    void statusCodes_data();

    void statusCodes();

    void notificationIsAccepted();

    void guardsApply_data();

    void guardsApply();

    void progressOnTheRequestStream();

    void noSessionAnyReplica();

    void repeatedCallIsTheSameAnswer();

    void metricsNameTheMethods();

    void listenHearsADataSwapAndEndsAtShutdown();
    void closedStreamCancelsTheCall_data();
    void closedStreamCancelsTheCall();
    void bodyLimitAdmitsTheLargestReferenceList_data();
    void bodyLimitAdmitsTheLargestReferenceList();

private:
    /// The miniature data with 20,000 more (invented) journals, where a long reference list takes a while.
    QString largeDatabase();
    QString m_largeDatabase;
};

RawHttp::Response TestHttpStateless::post(quint16 port, const QByteArray& text, const QByteArrayList& headers)
{
    return RawHttp::request(port, "POST", "/mcp", toHeaders(headers), body(text));
}

void TestHttpStateless::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
    const QStringList arguments{QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"),
                                m_database};
    QVERIFY2(m_server.start(arguments, ServerProcess::cleanEnvironment()), qPrintable(m_server.errorString()));
    QProcessEnvironment tokenEnvironment = ServerProcess::cleanEnvironment();
    tokenEnvironment.insert(QStringLiteral("JCR_MCP_TOKEN"), QString::fromLatin1(kToken));
    QVERIFY2(m_token.start(arguments, tokenEnvironment), qPrintable(m_token.errorString()));
}

void TestHttpStateless::cleanupTestCase()
{
    for (ServerProcess* server : {&m_server, &m_token}) {
        server->terminate();
        QCOMPARE(server->waitForExit(10000), 0);
    }
}

void TestHttpStateless::statusCodes_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code"); // 0: a result

    const QByteArray discover = R"({"jsonrpc":"2.0","id":7,"method":"server/discover","params":{$ENV}})";
    const QByteArray call = R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_journal",)"
                            R"("arguments":{"name_or_issn":"Alpha Journal of Testing"},$ENV}})";
    const QByteArray list = R"({"jsonrpc":"2.0","id":7,"method":"tools/list","params":{$ENV}})";
    const QByteArrayList discoverHeaders{kVersion, "Mcp-Method: server/discover"};
    const QByteArrayList callHeaders{kVersion, "Mcp-Method: tools/call", "Mcp-Name: get_journal"};

    QTest::newRow("discover") << discover << discoverHeaders << 200 << 0;
    QTest::newRow("header names in any case")
        << discover << QByteArrayList{"mcp-protocol-version: 2026-07-28", "MCP-METHOD: server/discover"} << 200 << 0;
    QTest::newRow("a stale session header is ignored")
        << discover << (discoverHeaders + QByteArrayList{"Mcp-Session-Id: no-such-session"}) << 200 << 0;
    // Envelope (conformance missing-meta: params {} with the 2026 header is -32602, not a 2025 request).
    QTest::newRow("no _meta") << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"server/discover","params":{}})")
                              << discoverHeaders << 400 << -32602;
    QTest::newRow("no clientCapabilities")
        << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"server/discover","params":{"_meta":{)"
                      R"("io.modelcontextprotocol/protocolVersion":"2026-07-28"}}})")
        << discoverHeaders << 400 << -32602;
    QTest::newRow("initialize with the 2026 header only")
        << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"initialize","params":{"protocolVersion":"2025-11-25",)"
                      R"("capabilities":{},"clientInfo":{"name":"t","version":"1"}}})")
        << QByteArrayList{kVersion, "Mcp-Method: initialize"} << 400 << -32020;
    // Versions: the header is compared with the body before the version is judged.
    const QByteArray v999 = R"({"jsonrpc":"2.0","id":7,"method":"server/discover","params":{"_meta":{)"
                            R"("io.modelcontextprotocol/protocolVersion":"v999.0.0",)"
                            R"("io.modelcontextprotocol/clientCapabilities":{}}}})";
    QTest::newRow("unsupported version") << v999
                                         << QByteArrayList{"MCP-Protocol-Version: v999.0.0",
                                                           "Mcp-Method: server/discover"}
                                         << 400 << -32022;
    QTest::newRow("body version differs from header") << v999 << discoverHeaders << 400 << -32020;
    // Required headers.
    QTest::newRow("no MCP-Protocol-Version")
        << discover << QByteArrayList{"Mcp-Method: server/discover"} << 400 << -32020;
    QTest::newRow("no Mcp-Method") << discover << QByteArrayList{kVersion} << 400 << -32020;
    QTest::newRow("Mcp-Method mismatch") << list << QByteArrayList{kVersion, "Mcp-Method: prompts/list"} << 400
                                         << -32020;
    QTest::newRow("Mcp-Method is case-sensitive")
        << list << QByteArrayList{kVersion, "Mcp-Method: TOOLS/LIST"} << 400 << -32020;
    QTest::newRow("tools/list") << list << QByteArrayList{kVersion, "Mcp-Method: tools/list"} << 200 << 0;
    QTest::newRow("tools/call") << call << callHeaders << 200 << 0;
    QTest::newRow("Mcp-Name trimmed") << call
                                      << QByteArrayList{kVersion, "Mcp-Method: tools/call",
                                                        "Mcp-Name:   get_journal   "}
                                      << 200 << 0;
    QTest::newRow("Mcp-Name missing") << call << QByteArrayList{kVersion, "Mcp-Method: tools/call"} << 400 << -32020;
    QTest::newRow("Mcp-Name mismatch") << call
                                       << QByteArrayList{kVersion, "Mcp-Method: tools/call", "Mcp-Name: search_journal"}
                                       << 400 << -32020;
    QTest::newRow("Mcp-Name in base64") << call
                                        << QByteArrayList{kVersion, "Mcp-Method: tools/call",
                                                          "Mcp-Name: =?base64?" + QByteArray("get_journal").toBase64() +
                                                              "?="}
                                        << 200 << 0;
    QTest::newRow("Mcp-Name with bad base64 padding")
        << call << QByteArrayList{kVersion, "Mcp-Method: tools/call", "Mcp-Name: =?base64?SGVsbG8?="} << 400 << -32020;
    QTest::newRow("Mcp-Name with bad base64 characters")
        << call << QByteArrayList{kVersion, "Mcp-Method: tools/call", "Mcp-Name: =?base64?Z2V0X2pv!!==?="} << 400
        << -32020;
    QTest::newRow("Mcp-Name without the suffix is literal")
        << call << QByteArrayList{kVersion, "Mcp-Method: tools/call", "Mcp-Name: =?base64?Z2V0X2pvdXJuYWw="} << 400
        << -32020;
    QTest::newRow("resources/read needs Mcp-Name = uri")
        << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"resources/read","params":{"uri":"jcr://health",$ENV}})")
        << QByteArrayList{kVersion, "Mcp-Method: resources/read", "Mcp-Name: jcr://health"} << 200 << 0;
    // Handler errors stay in the body with 200; unknown and removed methods are 404.
    QTest::newRow("resource not found in band")
        << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"resources/read","params":{)"
                      R"("uri":"test://nonexistent-resource-for-conformance-testing",$ENV}})")
        << QByteArrayList{kVersion, "Mcp-Method: resources/read",
                          "Mcp-Name: test://nonexistent-resource-for-conformance-testing"}
        << 200 << -32602;
    for (const char* method :
         {"initialize", "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe", "unknown/method"})
        QTest::newRow(method) << (QByteArray(R"({"jsonrpc":"2.0","id":7,"method":")") + method +
                                  R"(","params":{"level":"info","uri":"jcr://health",$ENV}})")
                              << QByteArrayList{kVersion, QByteArray("Mcp-Method: ") + method} << 404 << -32601;
    QTest::newRow("batch") << QByteArray(R"([{"jsonrpc":"2.0","id":7,"method":"tools/list","params":{$ENV}}])")
                           << QByteArrayList{kVersion, "Mcp-Method: tools/list"} << 400 << -32600;
}

void TestHttpStateless::statusCodes()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArrayList, headers);
    QFETCH(int, status);
    QFETCH(int, code);
    const RawHttp::Response response = post(m_server.port(), request, headers);
    QVERIFY2(response.status == status, qPrintable(response.describe()));
    QVERIFY2(!response.hasHeader("mcp-session-id"), qPrintable(response.describe()));
    const QJsonObject message = lastMessage(response);
    if (!request.startsWith('['))
        QVERIFY2(message.value(QStringLiteral("id")) == QJsonValue(7), qPrintable(response.describe()));
    if (code == 0) {
        QCOMPARE(message.value(QStringLiteral("result")).toObject().value(QStringLiteral("resultType")).toString(),
                 QStringLiteral("complete"));
    } else {
        QCOMPARE(message.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), code);
    }
}

void TestHttpStateless::notificationIsAccepted()
{
    const RawHttp::Response response =
        post(m_server.port(), R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,$ENV}})",
             {kVersion, "Mcp-Method: notifications/cancelled"});
    QVERIFY2(response.status == 202, qPrintable(response.describe()));
    QVERIFY(response.body.isEmpty());
}

void TestHttpStateless::guardsApply_data()
{
    QTest::addColumn<bool>("tokenServer");
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<int>("status");
    const QByteArrayList base{kVersion, "Mcp-Method: server/discover"};
    QTest::newRow("foreign Origin") << false << (base + QByteArrayList{"Origin: http://evil.example.com"}) << 403;
    QTest::newRow("local Origin") << false << (base + QByteArrayList{"Origin: http://localhost:3000"}) << 200;
    QTest::newRow("no token") << true << base << 401;
    QTest::newRow("token") << true << (base + QByteArrayList{"Authorization: Bearer " + kToken}) << 200;
}

void TestHttpStateless::guardsApply()
{
    QFETCH(bool, tokenServer);
    QFETCH(QByteArrayList, headers);
    QFETCH(int, status);
    const RawHttp::Response response =
        post((tokenServer ? m_token : m_server).port(),
             R"({"jsonrpc":"2.0","id":1,"method":"server/discover","params":{$ENV}})", headers);
    QVERIFY2(response.status == status, qPrintable(response.describe()));
}

void TestHttpStateless::progressOnTheRequestStream()
{
    // A progress token turns the answer into an event stream: progress, then the response; no event ids (this
    // era does not resume streams).
    const RawHttp::Response response =
        post(m_server.port(),
             R"({"jsonrpc":"2.0","id":"p","method":"tools/call","params":{"name":"compare_journals",)"
             R"("arguments":{"journal_list":"Alpha Journal of Testing, Journal of Zeta"},)"
             R"("_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",)"
             R"("io.modelcontextprotocol/clientCapabilities":{},"progressToken":1}}})",
             {kVersion, "Mcp-Method: tools/call", "Mcp-Name: compare_journals"});
    QVERIFY2(response.status == 200, qPrintable(response.describe()));
    QVERIFY2(response.header("content-type").startsWith("text/event-stream"), qPrintable(response.describe()));
    QStringList methods;
    for (const RawHttp::SseEvent& event : RawHttp::parseEvents(response.body)) {
        if (!event.hasData)
            continue;
        QVERIFY2(!event.hasId, qPrintable(response.describe()));
        const QJsonObject message = event.json();
        methods << (message.contains(QStringLiteral("id")) ? QStringLiteral("response")
                                                           : message.value(QStringLiteral("method")).toString());
    }
    QVERIFY2(methods.size() >= 2 && methods.last() == QLatin1String("response") &&
                 methods.first() == QLatin1String("notifications/progress"),
             qPrintable(methods.join(QLatin1Char(','))));
}

void TestHttpStateless::noSessionAnyReplica()
{
    // 2026 requests create no session: /health counts none, and the answers carry no session id.
    for (int i = 0; i < 3; ++i)
        post(m_server.port(), R"({"jsonrpc":"2.0","id":1,"method":"tools/list","params":{$ENV}})",
             {kVersion, "Mcp-Method: tools/list"});
    const RawHttp::Response health = RawHttp::request(m_server.port(), "GET", "/health");
    QCOMPARE(health.json().value(QStringLiteral("sessions")).toObject().value(QStringLiteral("streamableHttp")).toInt(),
             0);
}

void TestHttpStateless::repeatedCallIsTheSameAnswer()
{
    // The second identical call comes from the answer cache: the same bytes, resultType and all.
    const QByteArray call = R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"search_journal",)"
                            R"("arguments":{"journal_name":"Zeta"},$ENV}})";
    const QByteArrayList headers{kVersion, "Mcp-Method: tools/call", "Mcp-Name: search_journal"};
    const RawHttp::Response first = post(m_server.port(), call, headers);
    const RawHttp::Response second = post(m_server.port(), call, headers);
    QVERIFY2(first.status == 200 && second.status == 200, qPrintable(second.describe()));
    QCOMPARE(second.body, first.body);
    QCOMPARE(second.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("resultType")).toString(),
             QStringLiteral("complete"));
}

void TestHttpStateless::metricsNameTheMethods()
{
    post(m_server.port(), R"({"jsonrpc":"2.0","id":1,"method":"server/discover","params":{$ENV}})",
         {kVersion, "Mcp-Method: server/discover"});
    const RawHttp::Response metrics = RawHttp::request(m_server.port(), "GET", "/metrics");
    QVERIFY2(metrics.body.contains("method=\"server/discover\""), metrics.body.constData());
}

void TestHttpStateless::listenHearsADataSwapAndEndsAtShutdown()
{
    // A server of its own on a copy of the database: the test replaces the file as a sync does.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("swap.db"));
    QVERIFY(QFile::copy(m_database, database));
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), database},
                          ServerProcess::cleanEnvironment()),
             qPrintable(server.errorString()));
    RawHttp listen(server.port());
    const QByteArray request =
        body(R"({"jsonrpc":"2.0","id":"L","method":"subscriptions/listen","params":{"notifications":{)"
             R"("toolsListChanged":true,"resourcesListChanged":true,)"
             R"("resourceSubscriptions":["jcr://database-info"]},$ENV}})");
    const bool sent =
        listen.sendRequest("POST", "/mcp", toHeaders({kVersion, "Mcp-Method: subscriptions/listen"}), request);
    QVERIFY(sent);
    const RawHttp::Response head = listen.readHead();
    QVERIFY2(head.status == 200 && head.header("content-type").startsWith("text/event-stream"),
             qPrintable(head.describe()));
    auto nextMessage = [&listen]() -> QJsonObject {
        while (const auto event = listen.readEvent(15000)) {
            if (event->hasData)
                return event->json();
        }
        return {};
    };
    const QJsonObject acknowledged = nextMessage();
    QCOMPARE(acknowledged.value(QStringLiteral("method")).toString(),
             QStringLiteral("notifications/subscriptions/acknowledged"));
    QCOMPARE(subscriptionOf(acknowledged), QStringLiteral("L"));
    QCOMPARE(acknowledged.value(QStringLiteral("params")).toObject().value(QStringLiteral("notifications")),
             QJsonValue(QJsonObject{
                 {QStringLiteral("resourcesListChanged"), true},
                 {QStringLiteral("resourceSubscriptions"), QJsonArray{QStringLiteral("jcr://database-info")}}}));

    QVERIFY(QFile::copy(m_database, database + QStringLiteral(".new")));
    QVERIFY(QFile::remove(database));
    QVERIFY(QFile::rename(database + QStringLiteral(".new"), database));
    const QJsonObject listChanged = nextMessage();
    QCOMPARE(listChanged.value(QStringLiteral("method")).toString(),
             QStringLiteral("notifications/resources/list_changed"));
    QCOMPARE(subscriptionOf(listChanged), QStringLiteral("L"));
    const QJsonObject updated = nextMessage();
    QCOMPARE(updated.value(QStringLiteral("method")).toString(), QStringLiteral("notifications/resources/updated"));
    QCOMPARE(updated.value(QStringLiteral("params")).toObject().value(QStringLiteral("uri")).toString(),
             QStringLiteral("jcr://database-info"));
    QCOMPARE(subscriptionOf(updated), QStringLiteral("L"));

    // SIGTERM: the listen gets its response, the stream ends, the server exits 0.
    server.terminate();
    const QJsonObject ended = nextMessage();
    QCOMPARE(ended.value(QStringLiteral("id")).toString(), QStringLiteral("L"));
    QCOMPARE(ended.value(QStringLiteral("result")).toObject().value(QStringLiteral("resultType")).toString(),
             QStringLiteral("complete"));
    QVERIFY(listen.streamEnded() || listen.waitForServerClose(10000));
    QCOMPARE(server.waitForExit(10000), 0);
}

QString TestHttpStateless::largeDatabase()
{
    if (!m_largeDatabase.isEmpty())
        return m_largeDatabase;
    const QString folder = m_dir.filePath(QStringLiteral("large"));
    QDir().mkpath(folder);
    const QDir mini(jcr::test::miniDataDir());
    for (const QString& name : mini.entryList({QStringLiteral("*.csv")}, QDir::Files))
        QFile::copy(mini.filePath(name), folder + u'/' + name);
    QFile extra(folder + QStringLiteral("/JCR2022-UTF8.csv"));
    if (!extra.open(QIODevice::WriteOnly))
        return QString();
    extra.write("Journal,ISSN,eISSN,Category,IF(2022),IF Quartile(2022),IF Rank(2022)\n");
    const QByteArrayList words{"Advanced", "Applied", "Clinical", "Computational", "Environmental"};
    const QByteArrayList fields{"Chemistry", "Physics", "Biology", "Medicine", "Economics", "Geology"};
    for (int i = 0; i < 20000; ++i)
        extra.write(words.at(i % words.size()) + ' ' + fields.at(i / words.size() % fields.size()) +
                    " Research Series " + QByteArray::number(i) + ",,,TESTING SCIENCE(SCIE),1.0,Q2,1/2\n");
    extra.close();
    const QString database = m_dir.filePath(QStringLiteral("large.db"));
    QString error;
    if (!jcr::test::buildDatabase(folder, database, &error)) {
        qWarning() << error;
        return QString();
    }
    return m_largeDatabase = database;
}

void TestHttpStateless::closedStreamCancelsTheCall_data()
{
    QTest::addColumn<bool>("waitForProgress"); // close mid-call, or right after sending the request
    QTest::addColumn<bool>("reset");           // RST (abort) instead of FIN (close)
    QTest::newRow("closed after the first progress") << true << false;
    QTest::newRow("reset after the first progress") << true << true;
    QTest::newRow("closed right after sending") << false << false;
}

void TestHttpStateless::closedStreamCancelsTheCall()
{
    QFETCH(bool, waitForProgress);
    QFETCH(bool, reset);
    const QString database = largeDatabase();
    QVERIFY(!database.isEmpty());
    // A server of its own whose log says what became of the call.
    QProcessEnvironment environment = ServerProcess::cleanEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("jcr.mcp.debug=true\njcr.http.debug=true"));
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), database},
                          environment),
             qPrintable(server.errorString()));
    // check_references on 5,000 long names no journal has: seconds of searching, with a progress token.
    QByteArray names;
    for (int i = 0; i < 5000; ++i)
        names += "Proceedings of the Unknown Society for Research on Item " + QByteArray::number(i) +
                 " Letters Transactions Reviews Advances\\n";
    const QByteArray request = R"({"jsonrpc":"2.0","id":"slow","method":"tools/call","params":{)"
                               R"("name":"check_references","arguments":{"text":")" +
                               names +
                               R"("},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",)"
                               R"("io.modelcontextprotocol/clientCapabilities":{},"progressToken":"p"}}})";
    const QByteArrayList headers{kVersion, "Mcp-Method: tools/call", "Mcp-Name: check_references"};

    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY(socket.waitForConnected(5000));
    QByteArray head = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Accept: application/json, text/event-stream\r\nContent-Length: " +
                      QByteArray::number(request.size()) + "\r\n";
    for (const QByteArray& header : headers)
        head += header + "\r\n";
    socket.write(head + "\r\n" + request);
    QVERIFY(socket.waitForBytesWritten(5000));
    if (waitForProgress) {
        // The call is running: its answer has become an event stream carrying progress.
        QByteArray received;
        QTRY_VERIFY2_WITH_TIMEOUT((received += socket.readAll()).contains("notifications/progress"),
                                  received.left(500).constData(), 20000);
        QVERIFY2(!received.contains(R"("result")"), received.left(500).constData());
    }
    if (reset)
        socket.abort();
    else
        socket.disconnectFromHost();

    // The call stops early (or never starts) and nothing is answered.
    const QRegularExpression stopped(QStringLiteral("the check was stopped after (\\d+) of 5000 entries"));
    QTRY_VERIFY2_WITH_TIMEOUT(stopped.match(server.stderrText()).hasMatch() ||
                                  server.stderrText().contains(QStringLiteral("not running a request whose client")),
                              qPrintable(server.stderrText().right(2000)), 30000);
    const QRegularExpressionMatch match = stopped.match(server.stderrText());
    if (waitForProgress)
        QVERIFY2(match.hasMatch() && match.captured(1).toInt() < 5000, qPrintable(server.stderrText().right(2000)));
    QVERIFY(server.isRunning());

    // The same call on a connection that stays open runs to the end: the closed stream was the cancellation.
    const RawHttp::Response answered = post(server.port(), request, headers);
    QVERIFY2(answered.status == 200, qPrintable(answered.describe().left(2000)));
    const QJsonObject result = lastMessage(answered).value(QStringLiteral("result")).toObject();
    QCOMPARE(
        result.value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("entries")).toArray().size(),
        5000);
}

void TestHttpStateless::bodyLimitAdmitsTheLargestReferenceList_data()
{
    QTest::addColumn<int>("quotes"); // '"' characters per entry, each escaped to two bytes on the wire
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("entries"); // answered entries, 0 when refused
    // 5,000 entries of about 412 bytes: just under the tool's 2 MB, JSON-escaped to about 3.8 MB on the wire.
    QTest::newRow("the largest list the tool takes") << 345 << 200 << 5000;
    // About 5.3 MB on the wire: over the default body limit (4 MiB), refused before it is read.
    QTest::newRow("over the body limit") << 500 << 413 << 0;
}

void TestHttpStateless::bodyLimitAdmitsTheLargestReferenceList()
{
    QFETCH(int, quotes);
    QFETCH(int, status);
    QFETCH(int, entries);
    QByteArray bibtex;
    const QByteArray padding(quotes, '"');
    for (int i = 0; i < 5000; ++i)
        bibtex += "@article{k" + QByteArray::number(i) + ", journal = {Alpha Journal of Testing}, note = {" + padding +
                  "}}\n";
    const QByteArray escaped = QJsonDocument(QJsonArray{QString::fromUtf8(bibtex)}).toJson(QJsonDocument::Compact);
    const QByteArray text = escaped.mid(1, escaped.size() - 2); // the JSON string, quotes included
    const QByteArray request = R"({"jsonrpc":"2.0","id":"big","method":"tools/call","params":{)"
                               R"("name":"check_references","arguments":{"text":)" +
                               text + R"(},$ENV}})";
    const RawHttp::Response response = RawHttp::request(
        m_server.port(), "POST", "/mcp", toHeaders({kVersion, "Mcp-Method: tools/call", "Mcp-Name: check_references"}),
        body(request), 60000);
    QVERIFY2(response.status == status, qPrintable(response.describe().left(1000)));
    if (entries == 0)
        return;
    QVERIFY2(bibtex.size() < 2 * 1024 * 1024 && request.size() > 3500 * 1024,
             qPrintable(QStringLiteral("%1 %2").arg(bibtex.size()).arg(request.size())));
    const QJsonObject structured = lastMessage(response)
                                       .value(QStringLiteral("result"))
                                       .toObject()
                                       .value(QStringLiteral("structuredContent"))
                                       .toObject();
    QCOMPARE(structured.value(QStringLiteral("entries")).toArray().size(), entries);
}

QTEST_GUILESS_MAIN(TestHttpStateless)
#include "tst_httpstateless.moc"
