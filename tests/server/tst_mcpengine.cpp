// Protocol tests of McpEngine, driven in memory: lifecycle, version negotiation, JSON-RPC shapes and
// error codes, ids of every type, notifications, batches, cancellation, progress, logging, pagination.
// No database is needed: the engine runs over a missing file (tools then report it as isError).

#include "engineharness.h"
#include "jsonrpc.h"
#include "pagecursor.h"
#include "requestcontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using jcr::test::EngineHarness;
using namespace jcr::mcp;

namespace {

QJsonObject parseObject(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

int errorCode(const QJsonObject& reply)
{
    return reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt();
}

QJsonObject initializeParams(const QString& version)
{
    return QJsonObject{{QStringLiteral("protocolVersion"), version},
                       {QStringLiteral("capabilities"), QJsonObject()},
                       {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("t")},
                                                                  {QStringLiteral("version"), QStringLiteral("1")}}}};
}

} // namespace

class TestMcpEngine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void negotiation_data();
    void negotiation();
    void capabilitiesPerVersion_data();
    void capabilitiesPerVersion();
    void secondInitializeIsRejected();
    void sessionInitializesOnceAcrossThreads();
    void requestsBeforeInitialize_data();
    void requestsBeforeInitialize();
    void idsAreEchoedExactly_data();
    void idsAreEchoedExactly();
    void invalidIds_data();
    void invalidIds();
    void errorCodes_data();
    void errorCodes();
    void notificationsAreNeverAnswered_data();
    void notificationsAreNeverAnswered();
    void clientResponsesAreIgnored();
    void pingAndSetLevelReturnEmptyObjects();
    void logLevelFiltersMessages_data();
    void logLevelFiltersMessages();
    void batches_data();
    void batches();
    void batchLimit_data();
    void batchLimit();
    void cancellationDropsTheResponse();
    void cancellationOfUnknownIdIsIgnored();
    void progressNotifications();
    void pagination_data();
    void pagination();
    void invalidCursor_data();
    void invalidCursor();
    void toolsListShapePerVersion_data();
    void toolsListShapePerVersion();
    void argumentErrorsPerVersion_data();
    void argumentErrorsPerVersion();
    void missingDatabaseIsExplained();
    void completionOfUnknownRefIsEmpty();
    void parseErrorHasNoId();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineHarness> m_harness;
};

void TestMcpEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_harness = std::make_unique<EngineHarness>(m_dir->filePath(QStringLiteral("missing.db")));
}

void TestMcpEngine::cleanup()
{
    m_harness.reset();
    m_dir.reset();
}

void TestMcpEngine::negotiation_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("expected");
    QTest::addRow("2024-11-05") << "2024-11-05"
                                << "2024-11-05";
    QTest::addRow("2025-03-26") << "2025-03-26"
                                << "2025-03-26";
    QTest::addRow("2025-06-18") << "2025-06-18"
                                << "2025-06-18";
    QTest::addRow("2025-11-25") << "2025-11-25"
                                << "2025-11-25";
    QTest::addRow("older unknown → latest") << "2024-10-07"
                                            << "2025-11-25";
    QTest::addRow("future stateless → latest") << "2026-07-28"
                                               << "2025-11-25";
    QTest::addRow("garbage → latest") << "banana"
                                      << "2025-11-25";
}

void TestMcpEngine::negotiation()
{
    QFETCH(QString, requested);
    QFETCH(QString, expected);
    const QJsonObject reply = m_harness->initialize(requested);
    const QJsonObject result = reply.value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("protocolVersion")).toString(), expected);
    QCOMPARE(m_harness->engine.session().protocolVersion(), expected);
    const QJsonObject serverInfo = result.value(QStringLiteral("serverInfo")).toObject();
    QCOMPARE(serverInfo.value(QStringLiteral("name")).toString(), QStringLiteral("jcr-mcp"));
    QCOMPARE(serverInfo.value(QStringLiteral("version")).toString(), QStringLiteral(JCR_MCP_VERSION));
    QCOMPARE(m_harness->engine.session().state(), McpSession::State::Ready);
}

void TestMcpEngine::capabilitiesPerVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("completions");
    QTest::addColumn<bool>("title");
    QTest::addRow("2024-11-05") << "2024-11-05" << false << false;
    QTest::addRow("2025-03-26") << "2025-03-26" << true << false;
    QTest::addRow("2025-06-18") << "2025-06-18" << true << true;
    QTest::addRow("2025-11-25") << "2025-11-25" << true << true;
}

void TestMcpEngine::capabilitiesPerVersion()
{
    QFETCH(QString, version);
    QFETCH(bool, completions);
    QFETCH(bool, title);
    const QJsonObject result = m_harness->initialize(version).value(QStringLiteral("result")).toObject();
    const QJsonObject capabilities = result.value(QStringLiteral("capabilities")).toObject();
    for (const char* key : {"tools", "resources", "prompts", "logging"})
        QVERIFY2(capabilities.value(QLatin1String(key)).isObject(), key);
    QVERIFY(!capabilities.contains(QStringLiteral("tasks")));
    QVERIFY(!capabilities.contains(QStringLiteral("experimental")));
    QCOMPARE(capabilities.contains(QStringLiteral("completions")), completions);
    QCOMPARE(result.value(QStringLiteral("serverInfo")).toObject().contains(QStringLiteral("title")), title);
    // completion/complete works in every version (2024-11-05 had it without the flag).
    const QJsonObject reply = m_harness->request(
        QStringLiteral("completion/complete"),
        QJsonObject{{QStringLiteral("ref"), QJsonObject{{QStringLiteral("type"), QStringLiteral("ref/prompt")},
                                                        {QStringLiteral("name"), QStringLiteral("x")}}},
                    {QStringLiteral("argument"), QJsonObject{{QStringLiteral("name"), QStringLiteral("a")},
                                                             {QStringLiteral("value"), QStringLiteral("b")}}}});
    QVERIFY(reply.contains(QStringLiteral("result")));
}

void TestMcpEngine::secondInitializeIsRejected()
{
    m_harness->initialize();
    const QJsonObject reply =
        m_harness->request(QStringLiteral("initialize"), initializeParams(QStringLiteral("2025-06-18")));
    QCOMPARE(errorCode(reply), int(JsonRpc::InvalidRequest));
    QCOMPARE(m_harness->engine.session().protocolVersion(), QStringLiteral("2025-11-25"));
}

void TestMcpEngine::sessionInitializesOnceAcrossThreads()
{
    // The HTTP transports run a session's requests on worker threads: racing initializes get one winner.
    McpSession session;
    std::atomic<int> winners{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&session, &winners] {
            if (session.beginInitialization(QStringLiteral("2025-11-25"), {}, {}))
                ++winners;
        });
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(winners.load(), 1);
    QCOMPARE(session.state(), McpSession::State::Initializing);
}

void TestMcpEngine::requestsBeforeInitialize_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("code"); // 0 = served
    QTest::addRow("ping is served") << "ping" << 0;
    QTest::addRow("tools/list refused") << "tools/list" << int(JsonRpc::InvalidRequest);
    QTest::addRow("tools/call refused") << "tools/call" << int(JsonRpc::InvalidRequest);
    QTest::addRow("resources/read refused") << "resources/read" << int(JsonRpc::InvalidRequest);
    QTest::addRow("logging/setLevel refused") << "logging/setLevel" << int(JsonRpc::InvalidRequest);
    QTest::addRow("unknown method is still -32601") << "nope/nothing" << int(JsonRpc::MethodNotFound);
}

void TestMcpEngine::requestsBeforeInitialize()
{
    QFETCH(QString, method);
    QFETCH(int, code);
    const QJsonObject reply = m_harness->request(method);
    if (code == 0) {
        QCOMPARE(reply.value(QStringLiteral("result")).toObject(), QJsonObject());
    } else {
        QCOMPARE(errorCode(reply), code);
        if (code == JsonRpc::InvalidRequest)
            QVERIFY(reply.value(QStringLiteral("error"))
                        .toObject()
                        .value(QStringLiteral("message"))
                        .toString()
                        .contains(QStringLiteral("initialize")));
    }
}

void TestMcpEngine::idsAreEchoedExactly_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addRow("zero") << QByteArray("0");
    QTest::addRow("positive") << QByteArray("42");
    QTest::addRow("negative") << QByteArray("-7");
    QTest::addRow("large 2^53+1") << QByteArray("9007199254740993");
    QTest::addRow("string one") << QByteArray("\"1\"");
    QTest::addRow("empty string") << QByteArray("\"\"");
    QTest::addRow("unicode string") << QByteArray("\"请求-α\"");
}

void TestMcpEngine::idsAreEchoedExactly()
{
    QFETCH(QByteArray, id);
    const QByteArray ping = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
    const QByteArrayList replies = m_harness->engine.handleLine(ping);
    QCOMPARE(replies.size(), 1);
    const QByteArray expected = "\"id\":" + id + ",";
    QVERIFY2(replies.constFirst().contains(expected), replies.constFirst().constData());
    // The same for an error response.
    const QByteArray unknown = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"no/such\"}";
    const QByteArray error = m_harness->engine.handleLine(unknown).value(0);
    QVERIFY2(error.contains(expected), error.constData());
    QCOMPARE(errorCode(parseObject(error)), int(JsonRpc::MethodNotFound));
}

void TestMcpEngine::invalidIds_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addRow("null") << QByteArray("null");
    QTest::addRow("true") << QByteArray("true");
    QTest::addRow("object") << QByteArray("{\"a\":1}");
    QTest::addRow("array") << QByteArray("[1]");
    // JSON-RPC ids are strings or integers; MCP requests use only those (issue 10).
    QTest::addRow("fraction") << QByteArray("1.5");
    QTest::addRow("negative fraction") << QByteArray("-0.25");
    QTest::addRow("exponent fraction") << QByteArray("15e-1");
}

void TestMcpEngine::invalidIds()
{
    QFETCH(QByteArray, id);
    const QByteArrayList replies =
        m_harness->engine.handleLine("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
    QCOMPARE(replies.size(), 1);
    const QJsonObject reply = parseObject(replies.constFirst());
    QCOMPARE(errorCode(reply), int(JsonRpc::InvalidRequest));
    QVERIFY2(!reply.contains(QStringLiteral("id")), replies.constFirst().constData()); // never "id":null
}

void TestMcpEngine::errorCodes_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("hasId");
    QTest::addRow("not JSON") << QByteArray("{oops") << int(JsonRpc::ParseError) << false;
    QTest::addRow("truncated") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,") << int(JsonRpc::ParseError) << false;
    QTest::addRow("scalar") << QByteArray("42") << int(JsonRpc::InvalidRequest) << false;
    QTest::addRow("string scalar") << QByteArray("\"ping\"") << int(JsonRpc::InvalidRequest) << false;
    QTest::addRow("no jsonrpc") << QByteArray("{\"id\":1,\"method\":\"ping\"}") << int(JsonRpc::InvalidRequest) << true;
    QTest::addRow("jsonrpc 1.0") << QByteArray("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}")
                                 << int(JsonRpc::InvalidRequest) << true;
    QTest::addRow("method not a string") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}")
                                         << int(JsonRpc::InvalidRequest) << true;
    QTest::addRow("no method") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1}") << int(JsonRpc::InvalidRequest) << true;
    QTest::addRow("unknown method") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/destroy\"}")
                                    << int(JsonRpc::MethodNotFound) << true;
    QTest::addRow("subscribe not declared") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/"
                                                          "subscribe\",\"params\":{\"uri\":\"jcr://health\"}}")
                                            << int(JsonRpc::MethodNotFound) << true;
    QTest::addRow("params array") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}")
                                  << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("params string") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":\"x\"}")
                                   << int(JsonRpc::InvalidRequest) << true;
    QTest::addRow("unknown tool") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/"
                                                "call\",\"params\":{\"name\":\"test_reconnection\",\"arguments\":{}}}")
                                  << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("tools/call without name")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}")
        << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("tools/call arguments not an object")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/"
                      "call\",\"params\":{\"name\":\"get_journal\",\"arguments\":\"Nature\"}}")
        << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("bad log level")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}")
        << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("log level missing")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{}}")
        << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("unknown resource") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/"
                                                    "read\",\"params\":{\"uri\":\"file:///etc/passwd\"}}")
                                      << int(JsonRpc::ResourceNotFound) << true;
    QTest::addRow("resource uri missing")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{}}")
        << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("unknown prompt")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"nope\"}}")
        << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("prompt argument missing")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/"
                      "get\",\"params\":{\"name\":\"journal_analysis_prompt\",\"arguments\":{}}}")
        << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("prompt argument not a string")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/"
                      "get\",\"params\":{\"name\":\"journal_analysis_prompt\",\"arguments\":{\"journal_name\":5}}}")
        << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("completion without ref")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"completion/complete\",\"params\":{}}")
        << int(JsonRpc::InvalidParams) << true;
    QTest::addRow("bad list cursor")
        << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"zzz\"}}")
        << int(JsonRpc::InvalidParams) << true;
}

void TestMcpEngine::errorCodes()
{
    QFETCH(QByteArray, line);
    QFETCH(int, code);
    QFETCH(bool, hasId);
    m_harness->initialize();
    const QByteArrayList replies = m_harness->engine.handleLine(line);
    QCOMPARE(replies.size(), 1);
    const QJsonObject reply = parseObject(replies.constFirst());
    QCOMPARE(reply.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
    QCOMPARE(errorCode(reply), code);
    QVERIFY(!reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(reply.contains(QStringLiteral("id")), hasId);
    if (hasId)
        QCOMPARE(reply.value(QStringLiteral("id")), QJsonValue(1));
    QVERIFY(!reply.contains(QStringLiteral("result")));
}

void TestMcpEngine::notificationsAreNeverAnswered_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addRow("initialized") << QByteArray("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    QTest::addRow("unknown") << QByteArray("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/whatever\",\"params\":{}}");
    QTest::addRow("unknown non-notification name") << QByteArray("{\"jsonrpc\":\"2.0\",\"method\":\"tools/list\"}");
    QTest::addRow("cancel unknown id") << QByteArray(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":99}}");
    QTest::addRow("cancel malformed") << QByteArray(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":5}");
    QTest::addRow("wrong jsonrpc") << QByteArray("{\"jsonrpc\":\"1.0\",\"method\":\"notifications/initialized\"}");
    QTest::addRow("method not a string") << QByteArray("{\"jsonrpc\":\"2.0\",\"method\":[]}");
    QTest::addRow("roots changed") << QByteArray(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}");
}

void TestMcpEngine::notificationsAreNeverAnswered()
{
    QFETCH(QByteArray, line);
    m_harness->initialize();
    QVERIFY(m_harness->engine.handleLine(line).isEmpty());
    // Before initialize too.
    EngineHarness fresh(m_dir->filePath(QStringLiteral("missing.db")));
    QVERIFY(fresh.engine.handleLine(line).isEmpty());
}

void TestMcpEngine::clientResponsesAreIgnored()
{
    m_harness->initialize();
    QVERIFY(m_harness->engine.handleLine("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}").isEmpty());
    QVERIFY(m_harness->engine.handleLine("{\"jsonrpc\":\"2.0\",\"id\":6,\"error\":{\"code\":1,\"message\":\"x\"}}")
                .isEmpty());
}

void TestMcpEngine::pingAndSetLevelReturnEmptyObjects()
{
    m_harness->initialize();
    for (const QByteArray& line :
         {QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"),
          QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"_meta\":{}}}"),
          QByteArray(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"info\"}}")}) {
        const QByteArrayList replies = m_harness->engine.handleLine(line);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.constFirst(), QByteArray("{\"id\":1,\"jsonrpc\":\"2.0\",\"result\":{}}"));
    }
    QCOMPARE(m_harness->engine.session().logLevel(), McpSession::LogLevel::Info);
}

void TestMcpEngine::logLevelFiltersMessages_data()
{
    QTest::addColumn<QString>("sessionLevel");
    QTest::addColumn<int>("messageLevel");
    QTest::addColumn<bool>("sent");
    QTest::addRow("debug lets info through") << "debug" << int(McpSession::LogLevel::Info) << true;
    QTest::addRow("warning blocks info") << "warning" << int(McpSession::LogLevel::Info) << false;
    QTest::addRow("warning lets warning through") << "warning" << int(McpSession::LogLevel::Warning) << true;
    QTest::addRow("emergency blocks error") << "emergency" << int(McpSession::LogLevel::Error) << false;
    QTest::addRow("emergency lets emergency through") << "emergency" << int(McpSession::LogLevel::Emergency) << true;
}

void TestMcpEngine::logLevelFiltersMessages()
{
    QFETCH(QString, sessionLevel);
    QFETCH(int, messageLevel);
    QFETCH(bool, sent);
    m_harness->engine.log(McpSession::LogLevel::Emergency, QStringLiteral("before initialize"));
    QVERIFY(m_harness->notifications.isEmpty()); // nothing before initialize
    m_harness->initialize();
    m_harness->request(QStringLiteral("logging/setLevel"), QJsonObject{{QStringLiteral("level"), sessionLevel}});
    m_harness->engine.log(McpSession::LogLevel(messageLevel), QStringLiteral("hello"));
    QCOMPARE(m_harness->notifications.size(), sent ? 1 : 0);
    if (sent) {
        const QJsonObject message = m_harness->notifications.constFirst();
        QCOMPARE(message.value(QStringLiteral("method")).toString(), QStringLiteral("notifications/message"));
        QVERIFY(!message.contains(QStringLiteral("id")));
        const QJsonObject params = message.value(QStringLiteral("params")).toObject();
        QCOMPARE(params.value(QStringLiteral("level")).toString(),
                 McpSession::logLevelName(McpSession::LogLevel(messageLevel)));
        QCOMPARE(params.value(QStringLiteral("data")).toString(), QStringLiteral("hello"));
    }
}

void TestMcpEngine::batches_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QByteArray>("batch");
    QTest::addColumn<int>("responses"); // -1: one -32600 error object; 0: no reply; n: array of n
    const QByteArray mixed = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                             "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/whatever\"},"
                             "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"no/such\"},"
                             "5]";
    const QByteArray onlyNotifications = "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/a\"},"
                                         "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/b\"}]";
    QTest::addRow("2025-03-26 processes a batch") << "2025-03-26" << mixed << 3;
    QTest::addRow("2025-03-26 notifications only: no reply") << "2025-03-26" << onlyNotifications << 0;
    QTest::addRow("2025-03-26 empty batch") << "2025-03-26" << QByteArray("[]") << -1;
    QTest::addRow("2024-11-05 rejects") << "2024-11-05" << mixed << -1;
    QTest::addRow("2025-06-18 rejects") << "2025-06-18" << mixed << -1;
    QTest::addRow("2025-11-25 rejects") << "2025-11-25" << mixed << -1;
    QTest::addRow("2025-11-25 rejects notifications-only batch") << "2025-11-25" << onlyNotifications << -1;
}

void TestMcpEngine::batches()
{
    QFETCH(QString, version);
    QFETCH(QByteArray, batch);
    QFETCH(int, responses);
    m_harness->initialize(version);
    const QByteArrayList replies = m_harness->engine.handleLine(batch);
    if (responses == 0) {
        QVERIFY(replies.isEmpty());
        return;
    }
    QCOMPARE(replies.size(), 1);
    const QJsonDocument document = QJsonDocument::fromJson(replies.constFirst());
    if (responses < 0) {
        QVERIFY(document.isObject());
        QCOMPARE(errorCode(document.object()), int(JsonRpc::InvalidRequest));
        QVERIFY(!document.object().contains(QStringLiteral("id")));
        return;
    }
    QVERIFY(document.isArray());
    const QJsonArray array = document.array();
    QCOMPARE(array.size(), responses);
    QCOMPARE(array.at(0).toObject().value(QStringLiteral("id")), QJsonValue(1));
    QCOMPARE(array.at(0).toObject().value(QStringLiteral("result")).toObject(), QJsonObject());
    QCOMPARE(array.at(1).toObject().value(QStringLiteral("id")), QJsonValue(QStringLiteral("b")));
    QCOMPARE(errorCode(array.at(1).toObject()), int(JsonRpc::MethodNotFound));
    QCOMPARE(errorCode(array.at(2).toObject()), int(JsonRpc::InvalidRequest));
}

void TestMcpEngine::batchLimit_data()
{
    QTest::addColumn<int>("limit"); // 0: the default
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("answered");
    QTest::addRow("default, 100") << 0 << 100 << true;
    QTest::addRow("default, 101") << 0 << 101 << false;
    QTest::addRow("default, 5000") << 0 << 5000 << false;
    QTest::addRow("limit 3, 3") << 3 << 3 << true;
    QTest::addRow("limit 3, 4") << 3 << 4 << false;
}

void TestMcpEngine::batchLimit()
{
    QFETCH(int, limit);
    QFETCH(int, size);
    QFETCH(bool, answered);
    McpEngine::setMaxBatchSize(limit > 0 ? limit : McpEngine::DefaultMaxBatchSize);
    const auto restore = qScopeGuard([] { McpEngine::setMaxBatchSize(McpEngine::DefaultMaxBatchSize); });
    m_harness->initialize(QStringLiteral("2025-03-26"));
    QByteArrayList pings;
    for (int i = 0; i < size; ++i)
        pings << "{\"jsonrpc\":\"2.0\",\"id\":" + QByteArray::number(i) + ",\"method\":\"ping\"}";
    const QByteArrayList replies = m_harness->engine.handleLine('[' + pings.join(',') + ']');
    QCOMPARE(replies.size(), 1);
    const QJsonDocument document = QJsonDocument::fromJson(replies.constFirst());
    if (answered) {
        QCOMPARE(document.array().size(), size);
        return;
    }
    // One error without id, and none of the requests ran.
    QVERIFY2(document.isObject(), replies.constFirst().left(200).constData());
    QCOMPARE(errorCode(document.object()), int(JsonRpc::InvalidRequest));
    QVERIFY(!document.object().contains(QStringLiteral("id")));
    const QString message =
        document.object().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    const QString expected = QStringLiteral("batch too large: at most %1").arg(limit > 0 ? limit : 100);
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestMcpEngine::cancellationDropsTheResponse()
{
    // A tool that reports progress, lets the "client" cancel it meanwhile, and stops when it sees that.
    bool sawCancel = false;
    ToolDefinition slow;
    slow.name = QStringLiteral("test_slow");
    slow.description = QStringLiteral("test");
    slow.inputSchema = QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}};
    slow.handler = [&sawCancel](const QJsonObject&, RequestContext& context) {
        for (int step = 1; step <= 5; ++step) {
            if (context.isCancelled()) {
                sawCancel = true;
                return ToolOutput::failure(QStringLiteral("cancelled"));
            }
            context.progress(step, 5);
        }
        return ToolOutput{QStringLiteral("done"), {}, false, {}};
    };
    m_harness->tools.add(slow);
    m_harness->initialize();
    QObject::connect(&m_harness->engine, &McpEngine::notificationReady, [this](const QJsonObject& message) {
        if (message.value(QStringLiteral("method")).toString() == QLatin1String("notifications/progress"))
            m_harness->notify(QStringLiteral("notifications/cancelled"),
                              QJsonObject{{QStringLiteral("requestId"), QStringLiteral("slow-1")},
                                          {QStringLiteral("reason"), QStringLiteral("user")}});
    });
    const QJsonObject request{
        {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("id"), QStringLiteral("slow-1")},
        {QStringLiteral("method"), QStringLiteral("tools/call")},
        {QStringLiteral("params"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("test_slow")},
                     {QStringLiteral("_meta"), QJsonObject{{QStringLiteral("progressToken"), 7}}}}}};
    QVERIFY(m_harness->send(request).isEmpty()); // no response after cancellation
    QVERIFY(sawCancel);
    QCOMPARE(m_harness->engine.session().requestsInFlight(), 0);
    QCOMPARE(m_harness->notifications.size(), 1); // progress stops once cancelled
    // The id can be used again and is then answered normally.
    QObject::disconnect(&m_harness->engine, &McpEngine::notificationReady, nullptr, nullptr);
    QCOMPARE(m_harness
                 ->send(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                    {QStringLiteral("id"), QStringLiteral("slow-1")},
                                    {QStringLiteral("method"), QStringLiteral("ping")}})
                 .size(),
             1);
}

void TestMcpEngine::cancellationOfUnknownIdIsIgnored()
{
    m_harness->initialize();
    QVERIFY(!m_harness->engine.session().cancel(QJsonValue(12)));
    m_harness->notify(QStringLiteral("notifications/cancelled"), QJsonObject{{QStringLiteral("requestId"), 12}});
    QCOMPARE(m_harness->request(QStringLiteral("ping")).value(QStringLiteral("result")).toObject(), QJsonObject());
}

void TestMcpEngine::progressNotifications()
{
    ToolDefinition counting;
    counting.name = QStringLiteral("test_counting");
    counting.description = QStringLiteral("test");
    counting.inputSchema = QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}};
    counting.handler = [](const QJsonObject&, RequestContext& context) {
        context.progress(1, 3, QStringLiteral("one"));
        context.progress(1, 3, QStringLiteral("again one: dropped"));
        context.progress(0.5, 3, QStringLiteral("backwards: dropped"));
        context.progress(2.5, 3);
        context.progress(3, 3, QStringLiteral("done"));
        return ToolOutput{QStringLiteral("ok"), {}, false, {}};
    };
    m_harness->tools.add(counting);
    m_harness->initialize(QStringLiteral("2025-06-18"));

    // Without a token: no progress.
    m_harness->callTool(QStringLiteral("test_counting"), {});
    QVERIFY(m_harness->notifications.isEmpty());

    const QJsonObject reply = m_harness->request(
        QStringLiteral("tools/call"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("test_counting")},
                    {QStringLiteral("_meta"), QJsonObject{{QStringLiteral("progressToken"), QStringLiteral("tok")}}}});
    QCOMPARE(reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("isError")).toBool(), false);
    QCOMPARE(m_harness->notifications.size(), 3);
    double last = -1;
    for (const QJsonObject& notification : std::as_const(m_harness->notifications)) {
        QCOMPARE(notification.value(QStringLiteral("method")).toString(), QStringLiteral("notifications/progress"));
        const QJsonObject params = notification.value(QStringLiteral("params")).toObject();
        QCOMPARE(params.value(QStringLiteral("progressToken")).toString(), QStringLiteral("tok"));
        QVERIFY(params.value(QStringLiteral("progress")).toDouble() > last);
        last = params.value(QStringLiteral("progress")).toDouble();
        QCOMPARE(params.value(QStringLiteral("total")).toDouble(), 3.0);
    }
    QCOMPARE(m_harness->notifications.constFirst()
                 .value(QStringLiteral("params"))
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString(),
             QStringLiteral("one"));
}

void TestMcpEngine::pagination_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("expectedTotal");
    QTest::addRow("tools by 4") << "tools/list"
                                << "tools" << 4 << 7;
    QTest::addRow("tools by 1") << "tools/list"
                                << "tools" << 1 << 7;
    QTest::addRow("tools in one page") << "tools/list"
                                       << "tools" << 50 << 7;
    QTest::addRow("resources by 1") << "resources/list"
                                    << "resources" << 1 << 2;
    QTest::addRow("templates by 1") << "resources/templates/list"
                                    << "resourceTemplates" << 1 << 1;
    QTest::addRow("prompts by 1") << "prompts/list"
                                  << "prompts" << 1 << 2;
}

void TestMcpEngine::pagination()
{
    QFETCH(QString, method);
    QFETCH(QString, key);
    QFETCH(int, pageSize);
    QFETCH(int, expectedTotal);
    m_harness->engine.setPageSize(pageSize);
    m_harness->initialize();
    QStringList names;
    QJsonObject params;
    for (int pages = 0; pages < 20; ++pages) {
        const QJsonObject result = m_harness->request(method, params).value(QStringLiteral("result")).toObject();
        const QJsonArray items = result.value(key).toArray();
        QVERIFY(items.size() <= pageSize);
        for (const QJsonValue& item : items) {
            const QJsonObject object = item.toObject();
            names << (object.contains(QStringLiteral("name")) ? object.value(QStringLiteral("name")).toString()
                                                              : object.value(QStringLiteral("uri")).toString());
        }
        if (!result.contains(QStringLiteral("nextCursor")))
            break;
        QVERIFY(result.value(QStringLiteral("nextCursor")).isString());
        params = QJsonObject{{QStringLiteral("cursor"), result.value(QStringLiteral("nextCursor"))}};
    }
    QCOMPARE(names.size(), expectedTotal);
    names.removeDuplicates();
    QCOMPARE(names.size(), expectedTotal);
}

void TestMcpEngine::invalidCursor_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonValue>("cursor");
    QTest::addRow("garbage") << "tools/list" << QJsonValue(QStringLiteral("!!!"));
    QTest::addRow("base64 of nonsense") << "tools/list" << QJsonValue(QStringLiteral("aGVsbG8"));
    QTest::addRow("another list's cursor")
        << "prompts/list" << QJsonValue(PageCursor::encode(QStringLiteral("tools"), 1));
    QTest::addRow("beyond the end") << "tools/list" << QJsonValue(PageCursor::encode(QStringLiteral("tools"), 99));
    QTest::addRow("negative") << "tools/list" << QJsonValue(PageCursor::encode(QStringLiteral("tools"), -1));
    QTest::addRow("number") << "resources/list" << QJsonValue(3);
    QTest::addRow("empty") << "resources/templates/list" << QJsonValue(QString());
}

void TestMcpEngine::invalidCursor()
{
    QFETCH(QString, method);
    QFETCH(QJsonValue, cursor);
    m_harness->initialize();
    const QJsonObject reply = m_harness->request(method, QJsonObject{{QStringLiteral("cursor"), cursor}});
    QCOMPARE(errorCode(reply), int(JsonRpc::InvalidParams));
}

void TestMcpEngine::toolsListShapePerVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("annotations");
    QTest::addColumn<bool>("outputSchema");
    QTest::addRow("2024-11-05") << "2024-11-05" << false << false;
    QTest::addRow("2025-03-26") << "2025-03-26" << true << false;
    QTest::addRow("2025-06-18") << "2025-06-18" << true << true;
    QTest::addRow("2025-11-25") << "2025-11-25" << true << true;
}

void TestMcpEngine::toolsListShapePerVersion()
{
    QFETCH(QString, version);
    QFETCH(bool, annotations);
    QFETCH(bool, outputSchema);
    m_harness->initialize(version);
    const QJsonArray tools = m_harness->request(QStringLiteral("tools/list"))
                                 .value(QStringLiteral("result"))
                                 .toObject()
                                 .value(QStringLiteral("tools"))
                                 .toArray();
    QStringList names;
    for (const QJsonValue& value : tools) {
        const QJsonObject tool = value.toObject();
        names << tool.value(QStringLiteral("name")).toString();
        QVERIFY(!tool.value(QStringLiteral("description")).toString().isEmpty());
        const QJsonObject input = tool.value(QStringLiteral("inputSchema")).toObject();
        QCOMPARE(input.value(QStringLiteral("type")).toString(), QStringLiteral("object"));
        for (const QJsonValue& property : input.value(QStringLiteral("properties")).toObject()) {
            QVERIFY(property.isObject());
            QVERIFY(!property.toObject().value(QStringLiteral("description")).toString().isEmpty());
        }
        QCOMPARE(tool.contains(QStringLiteral("annotations")), annotations);
        if (annotations) {
            const QJsonObject hints = tool.value(QStringLiteral("annotations")).toObject();
            QCOMPARE(hints.value(QStringLiteral("readOnlyHint")).toBool(), true);
            QCOMPARE(hints.value(QStringLiteral("idempotentHint")).toBool(), true);
            QCOMPARE(hints.value(QStringLiteral("openWorldHint")).toBool(true), false);
        }
        QCOMPARE(tool.contains(QStringLiteral("outputSchema")), outputSchema);
        QCOMPARE(tool.contains(QStringLiteral("title")), outputSchema);
        if (outputSchema)
            QCOMPARE(tool.value(QStringLiteral("outputSchema")).toObject().value(QStringLiteral("type")).toString(),
                     QStringLiteral("object"));
    }
    QCOMPARE(names, (QStringList{QStringLiteral("search_journal"), QStringLiteral("get_partition_trends"),
                                 QStringLiteral("check_warning_journals"), QStringLiteral("compare_journals"),
                                 QStringLiteral("get_journal"), QStringLiteral("filter_journals"),
                                 QStringLiteral("check_references")}));
}

void TestMcpEngine::argumentErrorsPerVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<QString>("field");
    const QStringList versions{QStringLiteral("2024-11-05"), QStringLiteral("2025-06-18"),
                               QStringLiteral("2025-11-25")};
    for (const QString& version : versions) {
        const QByteArray v = version.toLatin1();
        QTest::addRow("%s journal_name number", v.constData())
            << version << "search_journal" << QJsonObject{{QStringLiteral("journal_name"), 5}} << "journal_name";
        QTest::addRow("%s journal_name missing", v.constData())
            << version << "search_journal" << QJsonObject{} << "journal_name";
        QTest::addRow("%s year string", v.constData())
            << version << "search_journal"
            << QJsonObject{{QStringLiteral("journal_name"), QStringLiteral("x")},
                           {QStringLiteral("year"), QStringLiteral("2025")}}
            << "year";
        QTest::addRow("%s year fraction", v.constData())
            << version << "search_journal"
            << QJsonObject{{QStringLiteral("journal_name"), QStringLiteral("x")}, {QStringLiteral("year"), 2025.5}}
            << "year";
        QTest::addRow("%s journal_list object", v.constData())
            << version << "compare_journals" << QJsonObject{{QStringLiteral("journal_list"), QJsonObject()}}
            << "journal_list";
        QTest::addRow("%s journal_list array of numbers", v.constData())
            << version << "compare_journals" << QJsonObject{{QStringLiteral("journal_list"), QJsonArray{1, 2}}}
            << "journal_list[0]"; // the item at fault, since the array alternative is the one that applies
        QTest::addRow("%s quartile enum", v.constData())
            << version << "filter_journals" << QJsonObject{{QStringLiteral("quartile"), QStringLiteral("Q5")}}
            << "quartile";
        QTest::addRow("%s limit too big", v.constData())
            << version << "filter_journals" << QJsonObject{{QStringLiteral("limit"), 1000}} << "limit";
        QTest::addRow("%s top not bool", v.constData())
            << version << "filter_journals" << QJsonObject{{QStringLiteral("top"), QStringLiteral("yes")}} << "top";
        QTest::addRow("%s keywords array", v.constData())
            << version << "check_warning_journals" << QJsonObject{{QStringLiteral("keywords"), QJsonArray{}}}
            << "keywords";
        QTest::addRow("%s name_or_issn empty", v.constData())
            << version << "get_journal" << QJsonObject{{QStringLiteral("name_or_issn"), QString()}} << "name_or_issn";
    }
}

void TestMcpEngine::argumentErrorsPerVersion()
{
    QFETCH(QString, version);
    QFETCH(QString, tool);
    QFETCH(QJsonObject, arguments);
    QFETCH(QString, field);
    m_harness->initialize(version);
    const QJsonObject reply = m_harness->callTool(tool, arguments);
    if (version >= QLatin1String("2025-11-25")) {
        // SEP-1303: input validation failures are tool results the model can act on.
        const QJsonObject result = reply.value(QStringLiteral("result")).toObject();
        QCOMPARE(result.value(QStringLiteral("isError")).toBool(), true);
        const QString text =
            result.value(QStringLiteral("content")).toArray().at(0).toObject().value(QStringLiteral("text")).toString();
        QVERIFY2(text.contains(field), qPrintable(text));
        QVERIFY(!result.contains(QStringLiteral("structuredContent")));
    } else {
        QCOMPARE(errorCode(reply), int(JsonRpc::InvalidParams));
        const QJsonObject error = reply.value(QStringLiteral("error")).toObject();
        QVERIFY2(error.value(QStringLiteral("message")).toString().contains(field),
                 qPrintable(error.value(QStringLiteral("message")).toString()));
        QCOMPARE(error.value(QStringLiteral("data")).toObject().value(QStringLiteral("field")).toString(), field);
    }
}

void TestMcpEngine::missingDatabaseIsExplained()
{
    m_harness->initialize();
    const QJsonObject result = m_harness
                                   ->callTool(QStringLiteral("get_journal"),
                                              QJsonObject{{QStringLiteral("name_or_issn"), QStringLiteral("Nature")}})
                                   .value(QStringLiteral("result"))
                                   .toObject();
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), true);
    const QString text =
        result.value(QStringLiteral("content")).toArray().at(0).toObject().value(QStringLiteral("text")).toString();
    QVERIFY2(text.contains(QStringLiteral("jcr-mcp-server sync")), qPrintable(text));

    const QJsonObject health = m_harness->request(QStringLiteral("resources/read"),
                                                  QJsonObject{{QStringLiteral("uri"), QStringLiteral("jcr://health")}});
    const QJsonObject content =
        health.value(QStringLiteral("result")).toObject().value(QStringLiteral("contents")).toArray().at(0).toObject();
    QCOMPARE(content.value(QStringLiteral("uri")).toString(), QStringLiteral("jcr://health"));
    const QJsonObject report =
        QJsonDocument::fromJson(content.value(QStringLiteral("text")).toString().toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("healthy")).toBool(true), false);
    QVERIFY2(report.value(QStringLiteral("message")).toString().contains(QStringLiteral("sync")),
             qPrintable(content.value(QStringLiteral("text")).toString()));
}

void TestMcpEngine::completionOfUnknownRefIsEmpty()
{
    m_harness->initialize();
    const QJsonObject reply = m_harness->request(
        QStringLiteral("completion/complete"),
        QJsonObject{{QStringLiteral("ref"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("ref/prompt")},
                                 {QStringLiteral("name"), QStringLiteral("test_prompt_with_arguments")}}},
                    {QStringLiteral("argument"), QJsonObject{{QStringLiteral("name"), QStringLiteral("arg1")},
                                                             {QStringLiteral("value"), QStringLiteral("test")}}}});
    const QJsonObject completion =
        reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("completion")).toObject();
    QVERIFY(completion.value(QStringLiteral("values")).isArray());
    QCOMPARE(completion.value(QStringLiteral("values")).toArray().size(), 0);
}

void TestMcpEngine::parseErrorHasNoId()
{
    const QByteArrayList replies = m_harness->engine.handleLine("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"");
    QCOMPARE(replies.size(), 1);
    QVERIFY(!replies.constFirst().contains("\"id\""));
    QCOMPARE(errorCode(parseObject(replies.constFirst())), int(JsonRpc::ParseError));
    // And the engine goes on.
    QCOMPARE(m_harness->request(QStringLiteral("ping")).value(QStringLiteral("result")).toObject(), QJsonObject());
}

QTEST_GUILESS_MAIN(TestMcpEngine)
#include "tst_mcpengine.moc"
