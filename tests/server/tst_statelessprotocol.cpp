// The stateless era (MCP 2026-07-28) of the engine, driven in memory over the fixture database: the _meta
// envelope, versions, removed methods, error codes, result shape and caching hints, subscriptions/listen,
// the log level per request, progress and cancellation, and that neither era leaks into the other.

#include "answercache.h"
#include "engineharness.h"
#include "jsonrpc.h"
#include "mcpsession.h"
#include "requestcontext.h"
#include "statelessprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using jcr::test::EngineHarness;
using namespace jcr::mcp;

namespace {

/// The envelope every modern request carries; "$ENV" in a test row stands for it.
const QByteArray Envelope = R"("io.modelcontextprotocol/protocolVersion":"2026-07-28",)"
                            R"("io.modelcontextprotocol/clientCapabilities":{})";

QJsonObject parse(QByteArray json)
{
    json.replace("$ENV", Envelope);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        qWarning() << "test row is not a JSON object:" << json;
    return document.object();
}

/// The value at a JSON pointer such as /result/_meta/io.modelcontextprotocol~1serverInfo/name.
QJsonValue at(QJsonValue value, const QString& pointer)
{
    const QStringList parts = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString part : parts) {
        part.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (value.isArray())
            value = value.toArray().at(part.toInt());
        else
            value = value.toObject().value(part);
    }
    return value;
}

/// "pointer=json" pairs; a value of `*` only asks that the member exists, `!` that it does not.
void verifyChecks(const QJsonValue& reply, const QStringList& checks)
{
    for (const QString& check : checks) {
        const qsizetype equals = check.indexOf(QLatin1Char('='));
        const QString pointer = check.left(equals);
        const QString expected = check.mid(equals + 1);
        const QJsonValue actual = at(reply, pointer);
        const QByteArray shown = JsonRpc::serialize(reply).left(600);
        if (expected == QLatin1String("*")) {
            QVERIFY2(!actual.isUndefined(), qPrintable(pointer + QStringLiteral(" missing in ") + shown));
        } else if (expected == QLatin1String("!")) {
            QVERIFY2(actual.isUndefined(), qPrintable(pointer + QStringLiteral(" present in ") + shown));
        } else {
            const QJsonValue wanted = QJsonDocument::fromJson("[" + expected.toUtf8() + "]").array().at(0);
            QVERIFY2(actual == wanted,
                     qPrintable(check + QStringLiteral(" got ") + QString::fromUtf8(JsonRpc::serialize(actual)) +
                                QStringLiteral(" in ") + shown));
        }
    }
}

} // namespace

class TestStatelessProtocol : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void requests_data();
    void requests();
    void claimsOnlyWithTheVersionKey_data();
    void claimsOnlyWithTheVersionKey();
    void batchWithAClaimIsRefused();
    void legacySessionIsUntouched();
    void discoverThenInitializeOnOneEngine();
    void legacyDiscoverIsUnknown();
    void listenAcknowledgesThenTags_data();
    void listenAcknowledgesThenTags();
    void listenEndsOnCancelAndAtShutdown();
    void logLevelPerRequest_data();
    void logLevelPerRequest();
    void progressThenResponse();
    void cancellationDropsTheResponse();
    void decoratedToolResultIsDecorate_data();
    void decoratedToolResultIsDecorate();
    void cachedAnswerIsTheSameBytes();

private:
    QJsonObject send(const QJsonObject& message);

    QTemporaryDir m_dir;
    QString m_database;
    std::unique_ptr<EngineHarness> m_harness;
};

void TestStatelessProtocol::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("fixture.db"));
    QString error;
    QVERIFY2(EngineHarness::buildFixtureDatabase(m_database, &error), qPrintable(error));
}

void TestStatelessProtocol::init()
{
    m_harness = std::make_unique<EngineHarness>(m_database);
}

void TestStatelessProtocol::cleanup()
{
    m_harness.reset();
}

QJsonObject TestStatelessProtocol::send(const QJsonObject& message)
{
    const QList<QJsonValue> replies = m_harness->send(message);
    return replies.isEmpty() ? QJsonObject() : replies.constFirst().toObject();
}

void TestStatelessProtocol::requests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QStringList>("checks");

    // Envelope (SEP-2575): a required key missing or malformed is -32602; clientInfo is optional.
    QTest::newRow("capabilities missing")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{)"
                      R"("io.modelcontextprotocol/protocolVersion":"2026-07-28"}}})")
        << QStringList{"/error/code=-32602", "/id=1"};
    QTest::newRow("capabilities not an object")
        << QByteArray(R"({"jsonrpc":"2.0","id":"a","method":"tools/list","params":{"_meta":{)"
                      R"("io.modelcontextprotocol/protocolVersion":"2026-07-28",)"
                      R"("io.modelcontextprotocol/clientCapabilities":[]}}})")
        << QStringList{"/error/code=-32602", "/id=\"a\""};
    QTest::newRow("version not a string")
        << QByteArray(R"({"jsonrpc":"2.0","id":2,"method":"server/discover","params":{"_meta":{)"
                      R"("io.modelcontextprotocol/protocolVersion":20260728,)"
                      R"("io.modelcontextprotocol/clientCapabilities":{}}}})")
        << QStringList{"/error/code=-32602"};
    QTest::newRow("version null") << QByteArray(
                                         R"({"jsonrpc":"2.0","id":2,"method":"server/discover","params":{"_meta":{)"
                                         R"("io.modelcontextprotocol/protocolVersion":null,)"
                                         R"("io.modelcontextprotocol/clientCapabilities":{}}}})")
                                  << QStringList{"/error/code=-32602"};
    QTest::newRow("clientInfo not an object")
        << QByteArray(R"({"jsonrpc":"2.0","id":3,"method":"server/discover","params":{"_meta":{$ENV,)"
                      R"("io.modelcontextprotocol/clientInfo":"me"}}})")
        << QStringList{"/error/code=-32602"};
    QTest::newRow("bad log level") << QByteArray(
                                          R"({"jsonrpc":"2.0","id":4,"method":"tools/list","params":{"_meta":{$ENV,)"
                                          R"("io.modelcontextprotocol/logLevel":"verbose"}}})")
                                   << QStringList{"/error/code=-32602"};
    QTest::newRow("clientInfo optional")
        << QByteArray(R"({"jsonrpc":"2.0","id":5,"method":"server/discover","params":{"_meta":{$ENV}}})")
        << QStringList{"/result/resultType=\"complete\""};

    // Versions: not served → -32022 with supported (= discover's) and requested; the envelope is checked first.
    QTest::newRow("unknown version") << QByteArray(
                                            R"({"jsonrpc":"2.0","id":6,"method":"server/discover","params":{"_meta":{)"
                                            R"("io.modelcontextprotocol/protocolVersion":"v999.0.0",)"
                                            R"("io.modelcontextprotocol/clientCapabilities":{}}}})")
                                     << QStringList{"/error/code=-32022", "/error/data/supported=[\"2026-07-28\"]",
                                                    "/error/data/requested=\"v999.0.0\"", "/id=6"};
    QTest::newRow("legacy version in the envelope")
        << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":"tools/list","params":{"_meta":{)"
                      R"("io.modelcontextprotocol/protocolVersion":"2025-11-25",)"
                      R"("io.modelcontextprotocol/clientCapabilities":{}}}})")
        << QStringList{"/error/code=-32022", "/error/data/requested=\"2025-11-25\""};
    QTest::newRow("envelope before version")
        << QByteArray(R"({"jsonrpc":"2.0","id":8,"method":"tools/list","params":{"_meta":{)"
                      R"("io.modelcontextprotocol/protocolVersion":"v999.0.0"}}})")
        << QStringList{"/error/code=-32602"};

    // Methods the version removed, and unknown ones: -32601 with the id echoed.
    for (const char* method : {"initialize", "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe",
                               "tasks/list", "unknown/method"})
        QTest::newRow(method) << (QByteArray(R"({"jsonrpc":"2.0","id":"m","method":")") + method +
                                  R"(","params":{"protocolVersion":"2025-11-25","capabilities":{},"_meta":{$ENV}}})")
                              << QStringList{"/error/code=-32601", "/id=\"m\""};

    // server/discover: versions, capabilities, instructions, serverInfo only in _meta, caching hints.
    QTest::newRow("discover") << QByteArray(
                                     R"({"jsonrpc":"2.0","id":0,"method":"server/discover","params":{"_meta":{$ENV}}})")
                              << QStringList{"/id=0",
                                             "/result/resultType=\"complete\"",
                                             "/result/supportedVersions=[\"2026-07-28\"]",
                                             "/result/capabilities/tools/listChanged=false",
                                             "/result/capabilities/resources/subscribe=true",
                                             "/result/capabilities/resources/listChanged=true",
                                             "/result/capabilities/prompts=*",
                                             "/result/capabilities/completions=*",
                                             "/result/capabilities/logging=*",
                                             "/result/instructions=*",
                                             "/result/serverInfo=!",
                                             "/result/protocolVersion=!",
                                             "/result/_meta/io.modelcontextprotocol~1serverInfo/name=\"jcr-mcp\"",
                                             "/result/ttlMs=3600000",
                                             "/result/cacheScope=\"public\""};

    // Every result: resultType and serverInfo; the list methods and resources/read: ttlMs + cacheScope.
    for (const char* method : {"tools/list", "prompts/list", "resources/list", "resources/templates/list"})
        QTest::newRow(method) << (QByteArray(R"({"jsonrpc":"2.0","id":9,"method":")") + method +
                                  R"(","params":{"_meta":{$ENV}}})")
                              << QStringList{"/result/resultType=\"complete\"", "/result/ttlMs=3600000",
                                             "/result/cacheScope=\"public\"",
                                             "/result/_meta/io.modelcontextprotocol~1serverInfo/version=*"};
    QTest::newRow("tools/list shows the tools as 2025-11-25 does")
        << QByteArray(R"({"jsonrpc":"2.0","id":9,"method":"tools/list","params":{"_meta":{$ENV}}})")
        << QStringList{"/result/tools/0/name=\"search_journal\"", "/result/tools/0/outputSchema=*",
                       "/result/tools/0/execution=!"};
    QTest::newRow("read database-info") << QByteArray(R"({"jsonrpc":"2.0","id":10,"method":"resources/read","params":{)"
                                                      R"("uri":"jcr://database-info","_meta":{$ENV}}})")
                                        << QStringList{"/result/contents/0/uri=\"jcr://database-info\"",
                                                       "/result/resultType=\"complete\"", "/result/ttlMs=300000",
                                                       "/result/cacheScope=\"public\""};
    QTest::newRow("read health is never fresh")
        << QByteArray(R"({"jsonrpc":"2.0","id":11,"method":"resources/read","params":{)"
                      R"("uri":"jcr://health","_meta":{$ENV}}})")
        << QStringList{"/result/ttlMs=0", "/result/cacheScope=\"public\""};
    QTest::newRow("tools/call has no caching hints")
        << QByteArray(R"({"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"search_journal",)"
                      R"("arguments":{"journal_name":"Testing Letters"},"_meta":{$ENV}}})")
        << QStringList{"/result/resultType=\"complete\"",
                       "/result/isError=false",
                       "/result/structuredContent=*",
                       "/result/ttlMs=!",
                       "/result/cacheScope=!",
                       "/result/_meta/io.modelcontextprotocol~1serverInfo/name=\"jcr-mcp\""};
    QTest::newRow("tools/call with bad arguments is a tool error")
        << QByteArray(R"({"jsonrpc":"2.0","id":13,"method":"tools/call","params":{"name":"search_journal",)"
                      R"("arguments":{},"_meta":{$ENV}}})")
        << QStringList{"/result/resultType=\"complete\"", "/result/isError=true"};
    QTest::newRow("unknown tool") << QByteArray(
                                         R"({"jsonrpc":"2.0","id":14,"method":"tools/call","params":{"name":"nope",)"
                                         R"("arguments":{},"_meta":{$ENV}}})")
                                  << QStringList{"/error/code=-32602"};
    QTest::newRow("prompts/get")
        << QByteArray(R"({"jsonrpc":"2.0","id":15,"method":"prompts/get","params":{"name":"journal_analysis_prompt",)"
                      R"("arguments":{"journal_name":"Testing Letters"},"_meta":{$ENV}}})")
        << QStringList{"/result/resultType=\"complete\"", "/result/messages/0/role=\"user\"", "/result/ttlMs=!"};
    QTest::newRow("completion/complete")
        << QByteArray(
               R"({"jsonrpc":"2.0","id":16,"method":"completion/complete","params":{)"
               R"("ref":{"type":"ref/prompt","name":"nope"},"argument":{"name":"a","value":""},"_meta":{$ENV}}})")
        << QStringList{"/result/resultType=\"complete\"", "/result/completion/values=[]"};

    // Resource not found (SEP-2164): -32602 with data.uri, never -32002 and never empty contents.
    QTest::newRow("resource not found")
        << QByteArray(R"({"jsonrpc":"2.0","id":17,"method":"resources/read","params":{)"
                      R"("uri":"test://nonexistent-resource-for-conformance-testing","_meta":{$ENV}}})")
        << QStringList{"/error/code=-32602", "/error/data/uri=\"test://nonexistent-resource-for-conformance-testing\""};
    QTest::newRow("journal resource not found")
        << QByteArray(R"({"jsonrpc":"2.0","id":18,"method":"resources/read","params":{)"
                      R"("uri":"jcr://journal/No Such Journal Anywhere","_meta":{$ENV}}})")
        << QStringList{"/error/code=-32602", "/error/data/uri=\"jcr://journal/No Such Journal Anywhere\""};
}

void TestStatelessProtocol::requests()
{
    QFETCH(QByteArray, request);
    QFETCH(QStringList, checks);
    const QJsonObject message = parse(request);
    QVERIFY(!message.isEmpty());
    const QJsonObject reply = send(message);
    QVERIFY2(!reply.isEmpty(), "no response");
    verifyChecks(reply, checks);
    // Never an initialize needed, never the 2025 session touched.
    QCOMPARE(m_harness->engine.session().state(), McpSession::State::New);
    QCOMPARE(m_harness->engine.session().requestsInFlight(), 0);
}

void TestStatelessProtocol::claimsOnlyWithTheVersionKey_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<bool>("claims");
    QTest::newRow("envelope") << QByteArray(R"({"_meta":{$ENV}})") << true;
    QTest::newRow("only the version key")
        << QByteArray(R"({"_meta":{"io.modelcontextprotocol/protocolVersion":1}})") << true;
    QTest::newRow("no _meta") << QByteArray(R"({"name":"x"})") << false;
    QTest::newRow("progress token only") << QByteArray(R"({"_meta":{"progressToken":"t"}})") << false;
    QTest::newRow("capabilities only") << QByteArray(R"({"_meta":{"io.modelcontextprotocol/clientCapabilities":{}}})")
                                       << false;
}

void TestStatelessProtocol::claimsOnlyWithTheVersionKey()
{
    QFETCH(QByteArray, params);
    QFETCH(bool, claims);
    QCOMPARE(StatelessProtocol::claims(parse(params)), claims);
}

void TestStatelessProtocol::batchWithAClaimIsRefused()
{
    const QJsonArray batch{parse(R"({"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{$ENV}}})"),
                           parse(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})")};
    const QList<QJsonValue> replies = m_harness->send(batch);
    QCOMPARE(replies.size(), 1);
    verifyChecks(replies.first(), {"/error/code=-32600", "/id=!"});
}

void TestStatelessProtocol::legacySessionIsUntouched()
{
    // A modern request names 2026-07-28; the 2025 session negotiated 2025-06-18 keeps answering as before.
    m_harness->initialize(QStringLiteral("2025-06-18"));
    const QJsonObject modern =
        send(parse(R"({"jsonrpc":"2.0","id":"x","method":"tools/call","params":{"name":"search_journal",)"
                   R"("arguments":{},"_meta":{$ENV}}})"));
    verifyChecks(modern, {"/result/isError=true", "/result/resultType=\"complete\""});
    QCOMPARE(m_harness->engine.session().protocolVersion(), QStringLiteral("2025-06-18"));
    // Before 2025-11-25 an argument error is -32602, and legacy results carry no resultType.
    const QJsonObject legacy = m_harness->callTool(QStringLiteral("search_journal"), QJsonObject());
    verifyChecks(legacy, {"/error/code=-32602"});
    const QJsonObject list = m_harness->request(QStringLiteral("tools/list"));
    verifyChecks(list, {"/result/resultType=!", "/result/ttlMs=!", "/result/_meta=!"});
    // ping and setLevel stay served on the legacy path.
    verifyChecks(m_harness->request(QStringLiteral("ping")), {"/result={}"});
}

void TestStatelessProtocol::discoverThenInitializeOnOneEngine()
{
    const QJsonObject discover =
        send(parse(R"({"jsonrpc":"2.0","id":"server-discover-probe-0","method":"server/discover",)"
                   R"("params":{"_meta":{$ENV}}})"));
    verifyChecks(discover, {"/result/supportedVersions=[\"2026-07-28\"]"});
    const QJsonObject initialize = m_harness->initialize(QStringLiteral("2025-11-25"));
    verifyChecks(initialize, {"/result/protocolVersion=\"2025-11-25\"", "/result/serverInfo/name=\"jcr-mcp\""});
    // initialize asking for the stateless version gets the legacy counter-offer, never 2026-07-28.
    EngineHarness other(m_database);
    verifyChecks(other.initialize(QStringLiteral("2026-07-28")), {"/result/protocolVersion=\"2025-11-25\""});
}

void TestStatelessProtocol::legacyDiscoverIsUnknown()
{
    // Without the envelope, server/discover is a method the 2025 path does not know (the SDK's probe then
    // falls back to initialize): exactly what the server answered before it knew 2026-07-28.
    const QJsonObject reply = m_harness->request(QStringLiteral("server/discover"));
    verifyChecks(reply, {"/error/code=-32601", "/error/message=\"Method not found: server/discover\""});
}

void TestStatelessProtocol::listenAcknowledgesThenTags_data()
{
    QTest::addColumn<QByteArray>("notifications");
    QTest::addColumn<QByteArray>("honored");
    QTest::addColumn<QStringList>("afterSync");
    QTest::newRow("everything asked")
        << QByteArray(R"({"toolsListChanged":true,"promptsListChanged":true,"resourcesListChanged":true,)"
                      R"("resourceSubscriptions":["jcr://database-info","jcr://health","https://elsewhere"]})")
        << QByteArray(R"({"resourcesListChanged":true,"resourceSubscriptions":["jcr://database-info","jcr://health"]})")
        << QStringList{"notifications/resources/list_changed", "notifications/resources/updated jcr://database-info",
                       "notifications/resources/updated jcr://health"};
    QTest::newRow("prompts only") << QByteArray(R"({"promptsListChanged":true})") << QByteArray("{}") << QStringList{};
    QTest::newRow("one resource") << QByteArray(R"({"resourceSubscriptions":["jcr://journal/Testing Letters"]})")
                                  << QByteArray(R"({"resourceSubscriptions":["jcr://journal/Testing Letters"]})")
                                  << QStringList{"notifications/resources/updated jcr://journal/Testing Letters"};
}

void TestStatelessProtocol::listenAcknowledgesThenTags()
{
    QFETCH(QByteArray, notifications);
    QFETCH(QByteArray, honored);
    QFETCH(QStringList, afterSync);
    QJsonObject listen = parse(R"({"jsonrpc":"2.0","id":"listen-1","method":"subscriptions/listen",)"
                               R"("params":{"_meta":{$ENV}}})");
    QJsonObject params = listen.value(QStringLiteral("params")).toObject();
    params.insert(QStringLiteral("notifications"), QJsonDocument::fromJson(notifications).object());
    listen.insert(QStringLiteral("params"), params);

    QVERIFY(m_harness->send(listen).isEmpty()); // the response comes only when the listen ends
    QCOMPARE(m_harness->notifications.size(), 1);
    verifyChecks(m_harness->notifications.first(),
                 {"/method=\"notifications/subscriptions/acknowledged\"",
                  "/params/_meta/io.modelcontextprotocol~1subscriptionId=\"listen-1\"",
                  "/params/notifications=" + QString::fromUtf8(honored)});
    QVERIFY(m_harness->engine.stateless().hasListeners());

    m_harness->notifications.clear();
    QCOMPARE(m_harness->engine.stateless().dataChanged(), 1);
    QStringList seen;
    for (const QJsonObject& notification : std::as_const(m_harness->notifications)) {
        verifyChecks(notification, {"/params/_meta/io.modelcontextprotocol~1subscriptionId=\"listen-1\""});
        const QJsonObject p = notification.value(QStringLiteral("params")).toObject();
        seen << (notification.value(QStringLiteral("method")).toString() +
                 (p.contains(QStringLiteral("uri")) ? QLatin1Char(' ') + p.value(QStringLiteral("uri")).toString()
                                                    : QString()));
    }
    QCOMPARE(seen, afterSync);
}

void TestStatelessProtocol::listenEndsOnCancelAndAtShutdown()
{
    for (const char* id : {"a", "b"})
        send(parse(QByteArray(R"({"jsonrpc":"2.0","id":")") + id +
                   R"(","method":"subscriptions/listen","params":{"_meta":{$ENV},"notifications":{}}})"));
    // The same id twice while open is refused.
    verifyChecks(send(parse(R"({"jsonrpc":"2.0","id":"a","method":"subscriptions/listen","params":{"_meta":{$ENV}}})")),
                 {"/error/code=-32600"});
    m_harness->notify(QStringLiteral("notifications/cancelled"), QJsonObject{{QStringLiteral("requestId"), "a"}});
    const QList<QJsonObject> ended = m_harness->engine.stateless().endListens();
    QCOMPARE(ended.size(), 1);
    verifyChecks(ended.first(), {"/id=\"b\"", "/result/resultType=\"complete\"",
                                 "/result/_meta/io.modelcontextprotocol~1subscriptionId=\"b\""});
    QVERIFY(!m_harness->engine.stateless().hasListeners());
}

void TestStatelessProtocol::logLevelPerRequest_data()
{
    QTest::addColumn<QString>("requestLevel"); // empty: none in _meta
    QTest::addColumn<QString>("messageLevel");
    QTest::addColumn<bool>("sent");
    QTest::newRow("no level: nothing") << QString() << "emergency" << false;
    QTest::newRow("info passes info") << "info"
                                      << "info" << true;
    QTest::newRow("info passes error") << "info"
                                       << "error" << true;
    QTest::newRow("warning drops info") << "warning"
                                        << "info" << false;
    QTest::newRow("debug passes debug") << "debug"
                                        << "debug" << true;
}

void TestStatelessProtocol::logLevelPerRequest()
{
    QFETCH(QString, requestLevel);
    QFETCH(QString, messageLevel);
    QFETCH(bool, sent);
    // A 2025 session at debug must not lend its level to a stateless request.
    McpSession session;
    session.setLogLevel(McpSession::LogLevel::Debug);
    QList<QJsonObject> out;
    RequestContext context(session, 1, QJsonValue::Undefined, [&out](const QJsonObject& m) { out << m; });
    std::optional<int> level;
    McpSession::LogLevel parsed;
    if (McpSession::parseLogLevel(requestLevel, &parsed))
        level = int(parsed);
    context.setStateless(QStringLiteral("2026-07-28"), level);
    context.log(messageLevel, QStringLiteral("hello"));
    QCOMPARE(out.size(), sent ? 1 : 0);
    if (sent)
        verifyChecks(out.first(), {"/method=\"notifications/message\"", "/params/level=\"" + messageLevel + "\""});
    // The envelope reads the level the same way.
    if (!requestLevel.isEmpty()) {
        const StatelessProtocol::Envelope envelope = StatelessProtocol::readEnvelope(
            parse(R"({"_meta":{$ENV,"io.modelcontextprotocol/logLevel":")" + requestLevel.toUtf8() + "\"}}"));
        QCOMPARE(envelope.logLevel, level);
    }
}

void TestStatelessProtocol::progressThenResponse()
{
    const QJsonObject reply =
        send(parse(R"({"jsonrpc":"2.0","id":20,"method":"tools/call","params":{"name":"compare_journals",)"
                   R"("arguments":{"journal_list":"Testing Letters, Acta Examplica"},)"
                   R"("_meta":{$ENV,"progressToken":"p"}}})"));
    verifyChecks(reply, {"/result/resultType=\"complete\"", "/result/isError=false"});
    QCOMPARE(m_harness->notifications.size(), 2);
    verifyChecks(m_harness->notifications.at(0), {"/method=\"notifications/progress\"", "/params/progressToken=\"p\"",
                                                  "/params/progress=1", "/params/total=2"});
    verifyChecks(m_harness->notifications.at(1), {"/params/progress=2"});
}

void TestStatelessProtocol::cancellationDropsTheResponse()
{
    // The client cancels while compare_journals reports its first step: no response, no further progress.
    QObject::connect(&m_harness->engine, &McpEngine::notificationReady, [this](const QJsonObject& message) {
        if (message.value(QStringLiteral("method")).toString() == QLatin1String("notifications/progress"))
            m_harness->notify(QStringLiteral("notifications/cancelled"),
                              QJsonObject{{QStringLiteral("requestId"), 21}});
    });
    const QList<QJsonValue> replies =
        m_harness->send(parse(R"({"jsonrpc":"2.0","id":21,"method":"tools/call","params":{"name":"compare_journals",)"
                              R"("arguments":{"journal_list":"Testing Letters, Acta Examplica"},)"
                              R"("_meta":{$ENV,"progressToken":"p"}}})"));
    QVERIFY(replies.isEmpty());
    QCOMPARE(m_harness->notifications.size(), 1);
    // The id is free again: the same request now completes.
    m_harness->notifications.clear();
    QObject::disconnect(&m_harness->engine, &McpEngine::notificationReady, nullptr, nullptr);
    verifyChecks(send(parse(R"({"jsonrpc":"2.0","id":21,"method":"tools/list","params":{"_meta":{$ENV}}})")),
                 {"/result/resultType=\"complete\""});
}

void TestStatelessProtocol::decoratedToolResultIsDecorate_data()
{
    QTest::addColumn<QByteArray>("stored");
    QTest::newRow("typical") << QByteArray(
        R"({"content":[{"text":"IF 3.2","type":"text"}],"isError":false,"structuredContent":{"found":true}})");
    QTest::newRow("the pattern inside the text")
        << QByteArray(R"({"content":[{"text":"\"isError\":false, \"resultType\"","type":"text"}],"isError":false,)"
                      R"("structuredContent":{"isError":false,"z":[1,2]}})");
    QTest::newRow("no structuredContent") << QByteArray(R"({"content":[],"isError":false})");
    QTest::newRow("another shape (parsed)") << QByteArray(R"({"isError":true,"content":[]})");
}

void TestStatelessProtocol::decoratedToolResultIsDecorate()
{
    // The answer cache's bytes for a hit must be exactly what decorate() and the serializer give.
    QFETCH(QByteArray, stored);
    const QJsonObject result = QJsonDocument::fromJson(stored).object();
    QVERIFY(!result.isEmpty());
    QCOMPARE(StatelessProtocol::decoratedToolResult(stored),
             JsonRpc::serialize(StatelessProtocol::decorate(QStringLiteral("tools/call"), QJsonObject(), result)));
}

void TestStatelessProtocol::cachedAnswerIsTheSameBytes()
{
    // A repeated 2026 tools/call answered from the answer cache: the same bytes as the engine's answer, and a
    // 2025 entry for the same question is not taken for it (the key holds the version).
    AnswerCache cache(m_database);
    m_harness->engine.setAnswerCache(&cache);
    const QJsonObject call = parse(R"({"jsonrpc":"2.0","id":"c","method":"tools/call","params":{"name":"get_journal",)"
                                   R"("arguments":{"name_or_issn":"Testing Letters"},"_meta":{$ENV}}})");
    QVERIFY(StatelessProtocol::quickAnswer(call, cache).isEmpty());
    m_harness->initialize();
    m_harness->callTool(QStringLiteral("get_journal"),
                        QJsonObject{{QStringLiteral("name_or_issn"), "Testing Letters"}});
    QVERIFY(StatelessProtocol::quickAnswer(call, cache).isEmpty()); // only the 2025 answer is stored
    const QByteArray computed = JsonRpc::serialize(send(call));
    const QByteArray quick = StatelessProtocol::quickAnswer(call, cache);
    QVERIFY(!quick.isEmpty());
    QCOMPARE(quick, computed);
    // The engine's own quick path (stdio) gives the same, whatever the 2025 session's state.
    McpSession fresh;
    QCOMPARE(McpEngine::quickAnswer(call, fresh, cache), computed);
    // A 2026 ping is not answered on the quick path (it is -32601 in that era).
    QVERIFY(McpEngine::quickAnswer(parse(R"({"jsonrpc":"2.0","id":1,"method":"ping","params":{"_meta":{$ENV}}})"),
                                   fresh, cache)
                .isEmpty());
    m_harness->engine.setAnswerCache(nullptr);
}

QTEST_GUILESS_MAIN(TestStatelessProtocol)
#include "tst_statelessprotocol.moc"
