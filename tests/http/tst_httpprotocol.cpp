// Black-box tests of the HTTP transports against docs/http-transport.md: the real jcr-mcp-server on the
// miniature fixture database, raw HTTP requests, and every status code the contract names. Raw requests
// rather than QNetworkAccessManager because the interesting cases are the ones a well-behaved client
// never sends (no Accept header, a garbage request line, a foreign Host).

#include "fixturedatabase.h"
#include "mcpmessages.h"
#include "rawhttp.h"
#include "serverprocess.h"
#include "testpaths.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using jcr::test::McpMessages;
using jcr::test::RawHttp;
using jcr::test::ServerProcess;

namespace {

const QByteArray kToken = "s3cret";
const QByteArray kExtraOrigin = "https://app.example.org";
constexpr int kBodyLimit = 4096;

const QByteArray kJson = "Content-Type: application/json";
const QByteArray kAcceptBoth = "Accept: application/json, text/event-stream";
const QByteArray kSession = "Mcp-Session-Id: @SESSION@";
const QByteArray kBearer = "Authorization: Bearer s3cret";
const QByteArray kPing = R"({"jsonrpc":"2.0","id":@ID@,"method":"ping"})";

/// "Name: value" lines (data-driven rows keep headers as a QByteArrayList) as header pairs.
RawHttp::Headers toHeaders(const QByteArrayList& lines)
{
    RawHttp::Headers headers;
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return headers;
}

/// A ping whose body is exactly `size` bytes, padded inside `_meta` (which every method tolerates).
QByteArray paddedPing(int size)
{
    const QByteArray head = R"({"jsonrpc":"2.0","id":@ID@,"method":"ping","params":{"_meta":{"pad":")";
    const QByteArray tail = R"("}}})";
    return head + QByteArray(qMax(0, size - int(head.size() + tail.size())), 'x') + tail;
}

QByteArray chunked(const QByteArray& body, int chunkSize)
{
    QByteArray out;
    for (qsizetype i = 0; i < body.size(); i += chunkSize) {
        const QByteArray part = body.mid(i, chunkSize);
        out += QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n";
    }
    return out + "0\r\n\r\n";
}

/// The JSON-RPC response with `id` from a POST answer, whether it came as JSON or as an event stream.
QJsonObject responseWithId(const RawHttp::Response& response, int id)
{
    if (response.header("content-type").startsWith("text/event-stream")) {
        for (const RawHttp::SseEvent& event : RawHttp::parseEvents(response.body)) {
            const QJsonObject message = event.json();
            if (message.value(QStringLiteral("id")) == QJsonValue(id))
                return message;
        }
        return {};
    }
    return response.json();
}

QString toolText(const QJsonObject& message)
{
    QString text;
    const QJsonArray content =
        message.value(QStringLiteral("result")).toObject().value(QStringLiteral("content")).toArray();
    for (const QJsonValue& item : content)
        text += item.toObject().value(QStringLiteral("text")).toString();
    return text;
}

} // namespace

class TestHttpProtocol : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;
    QProcessEnvironment m_environment;
    ServerProcess m_main;  // --transport http, body limit 4096
    ServerProcess m_token; // --transport http, JCR_MCP_TOKEN and one extra allowed origin
    QByteArray m_mainSession;
    QByteArray m_tokenSession;
    QByteArray m_deletedSession;
    int m_nextId = 100;

    int nextId() { return m_nextId++; }

    RawHttp::Response post(quint16 port, const QByteArray& body, const QByteArrayList& headers)
    {
        return RawHttp::request(port, "POST", "/mcp", toHeaders(headers), body);
    }

    /// initialize + notifications/initialized; the session id, empty on failure (with a QTest failure).
    QByteArray
    openSession(quint16 port, const QString& version = QStringLiteral("2025-06-18"), const QByteArrayList& extra = {})
    {
        const RawHttp::Response init =
            post(port, McpMessages::initialize(nextId(), version), QByteArrayList{kJson, kAcceptBoth} + extra);
        if (init.status != 200 || init.header("mcp-session-id").isEmpty()) {
            qWarning().noquote() << "initialize failed:" << init.describe();
            return {};
        }
        const QByteArray session = init.header("mcp-session-id");
        const RawHttp::Response initialized =
            post(port, R"({"jsonrpc":"2.0","method":"notifications/initialized"})",
                 QByteArrayList{kJson, kAcceptBoth, "Mcp-Session-Id: " + session} + extra);
        if (initialized.status != 202) {
            qWarning().noquote() << "notifications/initialized failed:" << initialized.describe();
            return {};
        }
        return session;
    }

    QByteArray expand(QByteArray text, const QByteArray& session)
    {
        text.replace("@SESSION@", session);
        text.replace("@DELETED@", m_deletedSession);
        text.replace("@UNKNOWN@", "0123456789abcdef0123456789abcdef");
        while (text.contains("@ID@"))
            text.replace(text.indexOf("@ID@"), 4, QByteArray::number(nextId()));
        return text;
    }

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    /// `jcr-mcp-server healthcheck --url http://127.0.0.1:PORT/health`.
    Run healthcheck(quint16 port) const
    {
        QProcess process;
        process.setProcessEnvironment(m_environment);
        process.start(jcr::test::serverBinary(), {QStringLiteral("healthcheck"), QStringLiteral("--url"),
                                                  QStringLiteral("http://127.0.0.1:%1/health").arg(port)});
        Run run;
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    /// SIGTERM and wait: empty when the server exited 0 within 10 s, else what happened and its stderr.
    static QString stopServer(ServerProcess& server)
    {
        server.terminate();
        const int code = server.waitForExit(10000);
        if (code == 0)
            return {};
        return QStringLiteral("exit %1 after SIGTERM (-1: still running, -2: crashed):\n%2")
            .arg(code)
            .arg(server.stderrText().right(3000));
    }

    static bool serverAnswersHealth(quint16 port)
    {
        const RawHttp::Response health = RawHttp::request(port, "GET", "/health", {}, {}, 10000);
        return health.status == 200;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("jcr.db"));
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
        m_environment = ServerProcess::cleanEnvironment();

        QProcessEnvironment mainEnvironment = m_environment;
        mainEnvironment.insert(QStringLiteral("JCR_MCP_MAX_BODY_BYTES"), QString::number(kBodyLimit));
        QVERIFY2(
            m_main.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), m_database},
                         mainEnvironment),
            qPrintable(m_main.errorString()));
        QCOMPARE(m_main.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(m_main.transport(), QStringLiteral("http"));
        QVERIFY(m_main.port() > 0);
        // Exactly one ready line.
        QCOMPARE(m_main.stderrText().count(QStringLiteral("listening on http://")), 1);

        QProcessEnvironment tokenEnvironment = m_environment;
        tokenEnvironment.insert(QStringLiteral("JCR_MCP_TOKEN"), QString::fromLatin1(kToken));
        tokenEnvironment.insert(QStringLiteral("JCR_MCP_ALLOWED_ORIGINS"), QString::fromLatin1(kExtraOrigin));
        QVERIFY2(
            m_token.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), m_database},
                          tokenEnvironment),
            qPrintable(m_token.errorString()));

        m_mainSession = openSession(m_main.port());
        QVERIFY(!m_mainSession.isEmpty());
        m_tokenSession = openSession(m_token.port(), QStringLiteral("2025-06-18"), {kBearer});
        QVERIFY(!m_tokenSession.isEmpty());
        m_deletedSession = openSession(m_main.port());
        QVERIFY(!m_deletedSession.isEmpty());
        const RawHttp::Response deleted =
            RawHttp::request(m_main.port(), "DELETE", "/mcp", toHeaders({"Mcp-Session-Id: " + m_deletedSession}));
        QVERIFY2(deleted.status == 200, qPrintable(deleted.describe()));
    }

    void cleanupTestCase()
    {
        // SIGTERM on an idle server: exit 0 promptly (docs/http-transport.md, Shutdown).
        for (ServerProcess* server : {&m_main, &m_token}) {
            if (!server->isRunning())
                continue;
            const QString stopped = stopServer(*server);
            QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
        }
    }

    void init()
    {
        // Every test starts with live servers: a crash in one test must show there, not as odd failures later.
        QVERIFY2(m_main.isRunning(), qPrintable(m_main.stderrText()));
        QVERIFY2(m_token.isRunning(), qPrintable(m_token.stderrText()));
    }

    void statusCodes_data()
    {
        QTest::addColumn<QString>("server"); // "main" or "token"
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArrayList>("headers"); // @SESSION@: a live session of that server
        QTest::addColumn<QByteArray>("body");        // @ID@: a fresh request id
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArrayList>("expectHeaders"); // "name: part" (case-insensitive), "name", "!name"
        QTest::addColumn<QByteArray>("expectBody");        // a part of the body

        const QString m = QStringLiteral("main");
        const QString t = QStringLiteral("token");
        const QByteArrayList none;
        const QByteArray p = kPing;
        const QByteArray tokenOrigin = "Origin: " + kExtraOrigin;

        // Accept (POST needs both types, any order, parameters allowed).
        QTest::addRow("accept: only application/json")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, "Accept: application/json", kSession} << p << 406 << none << ""_ba;
        QTest::addRow("accept: only text/event-stream")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, "Accept: text/event-stream", kSession} << p << 406 << none << ""_ba;
        QTest::addRow("accept: missing") << m << "POST"_ba
                                         << "/mcp"_ba << QByteArrayList{kJson, kSession} << p << 406 << none << ""_ba;
        QTest::addRow("accept: text/html")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, "Accept: text/html", kSession} << p << 406 << none << ""_ba;
        QTest::addRow("accept: event-stream first, q value")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, "Accept: text/event-stream, application/json;q=0.9", kSession} << p
            << 200 << none << "\"result\""_ba;
        QTest::addRow("accept: json first")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession} << p << 200 << none << "\"result\""_ba;
        QTest::addRow("accept: parameters and odd spacing")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, "Accept: application/json; q=1.0 ,text/event-stream; q=0.5", kSession}
            << p << 200 << none << "\"result\""_ba;
        QTest::addRow("session header name in lower case")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, "mcp-session-id: @SESSION@"} << p << 200 << none
            << "\"result\""_ba;

        // Content-Type.
        QTest::addRow("content-type: text/plain")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{"Content-Type: text/plain", kAcceptBoth, kSession} << p << 415 << none
            << ""_ba;
        QTest::addRow("content-type: missing")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kAcceptBoth, kSession} << p << 415 << none << ""_ba;
        QTest::addRow("content-type: form")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{"Content-Type: application/x-www-form-urlencoded", kAcceptBoth, kSession}
            << p << 415 << none << ""_ba;
        QTest::addRow("content-type: json with charset")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{"Content-Type: application/json; charset=utf-8", kAcceptBoth, kSession} << p
            << 200 << none << "\"result\""_ba;
        QTest::addRow("accept and content-type both wrong: 406 first")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{"Content-Type: text/plain", kSession} << p << 406 << none << ""_ba;

        // Bodies.
        QTest::addRow("malformed JSON") << m << "POST"_ba
                                        << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession}
                                        << R"({"jsonrpc":"2.0","id":1,)"_ba << 400 << none << "-32700"_ba;
        QTest::addRow("empty body") << m << "POST"_ba
                                    << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Content-Length: 0"}
                                    << ""_ba << 400 << none << "-32700"_ba;
        QTest::addRow("binary body") << m << "POST"_ba
                                     << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession}
                                     << QByteArray("\xff\xfe\x00\x01garbage\x80", 13) << 400 << none << "-32700"_ba;
        QTest::addRow("not JSON-RPC: plain object") << m << "POST"_ba
                                                    << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession}
                                                    << R"({"hello":"world"})"_ba << 400 << none << "-32600"_ba;
        QTest::addRow("not JSON-RPC: a number")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession} << "42"_ba << 400 << none << "-32600"_ba;
        QTest::addRow("not JSON-RPC: jsonrpc 1.0")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession}
            << R"({"jsonrpc":"1.0","id":@ID@,"method":"ping"})"_ba << 400 << none << "-32600"_ba;
        QTest::addRow("JSON array on a 2025-06-18 session")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession} << "[" + p + "]" << 400 << none << "-32600"_ba;

        // Sessions.
        QTest::addRow("no session: request")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth}
            << R"({"jsonrpc":"2.0","id":@ID@,"method":"tools/list"})"_ba << 400 << none << ""_ba;
        QTest::addRow("no session: notification")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth}
            << R"({"jsonrpc":"2.0","method":"notifications/initialized"})"_ba << 400 << none << ""_ba;
        QTest::addRow("unknown session") << m << "POST"_ba
                                         << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, "Mcp-Session-Id: @UNKNOWN@"}
                                         << p << 404 << none << ""_ba;
        QTest::addRow("deleted session") << m << "POST"_ba
                                         << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, "Mcp-Session-Id: @DELETED@"}
                                         << p << 404 << none << ""_ba;
        QTest::addRow("initialize with a live session")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession}
            << McpMessages::initialize(0, QStringLiteral("2025-06-18")).replace("\"id\":0", "\"id\":@ID@") << 400
            << none << "-32600"_ba;
        QTest::addRow("GET /mcp without a session")
            << m << "GET"_ba
            << "/mcp"_ba << QByteArrayList{"Accept: text/event-stream"} << ""_ba << 400 << none << ""_ba;
        QTest::addRow("GET /mcp with an unknown session")
            << m << "GET"_ba
            << "/mcp"_ba << QByteArrayList{"Accept: text/event-stream", "Mcp-Session-Id: @UNKNOWN@"} << ""_ba << 404
            << none << ""_ba;
        QTest::addRow("DELETE without a session") << m << "DELETE"_ba
                                                  << "/mcp"_ba << QByteArrayList{} << ""_ba << 400 << none << ""_ba;
        QTest::addRow("DELETE of an unknown session")
            << m << "DELETE"_ba
            << "/mcp"_ba << QByteArrayList{"Mcp-Session-Id: @UNKNOWN@"} << ""_ba << 404 << none << ""_ba;
        QTest::addRow("DELETE of a deleted session")
            << m << "DELETE"_ba
            << "/mcp"_ba << QByteArrayList{"Mcp-Session-Id: @DELETED@"} << ""_ba << 404 << none << ""_ba;

        // MCP-Protocol-Version: any supported version is fine, whatever the session negotiated.
        QTest::addRow("protocol version: unsupported")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "MCP-Protocol-Version: 1999-01-01"} << p << 400
            << none << ""_ba;
        QTest::addRow("protocol version: not a date")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "MCP-Protocol-Version: latest"} << p << 400
            << none << ""_ba;
        for (const char* version : {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"}) {
            QTest::addRow("protocol version: %s", version)
                << m << "POST"_ba
                << "/mcp"_ba
                << QByteArrayList{kJson, kAcceptBoth, kSession, "MCP-Protocol-Version: " + QByteArray(version)} << p
                << 200 << none << "\"result\""_ba;
        }

        // Body limit (the main server runs with JCR_MCP_MAX_BODY_BYTES=4096).
        QTest::addRow("body just under the limit") << m << "POST"_ba
                                                   << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession}
                                                   << paddedPing(kBodyLimit - 100) << 200 << none << "\"result\""_ba;
        QTest::addRow("body of 10 KB") << m << "POST"_ba
                                       << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession}
                                       << paddedPing(10 * 1024) << 413 << none << ""_ba;
        QTest::addRow("chunked body of 10 KB")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Transfer-Encoding: chunked"}
            << chunked(paddedPing(10 * 1024).replace("@ID@", "9001"), 1000) << 413 << none << ""_ba;
        QTest::addRow("chunked body under the limit")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Transfer-Encoding: chunked"}
            << chunked(paddedPing(2000).replace("@ID@", "9002"), 100) << 200 << none << "\"result\""_ba;
        QTest::addRow("binary body of 10 MB") << m << "POST"_ba
                                              << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession}
                                              << QByteArray(10 * 1024 * 1024, '\xa5') << 413 << none << ""_ba;
        QTest::addRow("body of 10 KB to /messages") << m << "POST"_ba
                                                    << "/messages?session_id=@UNKNOWN@"_ba << QByteArrayList{kJson}
                                                    << paddedPing(10 * 1024) << 413 << none << ""_ba;

        // Paths and methods.
        QTest::addRow("PUT /mcp") << m << "PUT"_ba
                                  << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession} << p << 405
                                  << QByteArrayList{"allow: POST"} << ""_ba;
        QTest::addRow("PATCH /mcp") << m << "PATCH"_ba
                                    << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession} << p << 405
                                    << QByteArrayList{"allow: DELETE"} << ""_ba;
        QTest::addRow("POST /health") << m << "POST"_ba
                                      << "/health"_ba << QByteArrayList{kJson} << "{}"_ba << 405
                                      << QByteArrayList{"allow: GET"} << ""_ba;
        QTest::addRow("GET /messages") << m << "GET"_ba
                                       << "/messages?session_id=@UNKNOWN@"_ba << QByteArrayList{} << ""_ba << 405
                                       << QByteArrayList{"allow: POST"} << ""_ba;
        QTest::addRow("DELETE /sse") << m << "DELETE"_ba
                                     << "/sse"_ba << QByteArrayList{} << ""_ba << 405 << QByteArrayList{"allow: GET"}
                                     << ""_ba;
        QTest::addRow("GET /nope") << m << "GET"_ba
                                   << "/nope"_ba << QByteArrayList{} << ""_ba << 404 << none << ""_ba;
        QTest::addRow("POST /nope") << m << "POST"_ba
                                    << "/nope"_ba << QByteArrayList{kJson, kAcceptBoth} << p << 404 << none << ""_ba;
        QTest::addRow("GET /mcp/extra") << m << "GET"_ba
                                        << "/mcp/extra"_ba << QByteArrayList{} << ""_ba << 404 << none << ""_ba;

        // GET /mcp needs Accept: text/event-stream.
        QTest::addRow("GET /mcp without Accept")
            << m << "GET"_ba
            << "/mcp"_ba << QByteArrayList{kSession} << ""_ba << 406 << none << ""_ba;
        QTest::addRow("GET /mcp accepting only JSON")
            << m << "GET"_ba
            << "/mcp"_ba << QByteArrayList{"Accept: application/json", kSession} << ""_ba << 406 << none << ""_ba;

        // Origin and Host (DNS-rebinding protection), checked first on every path.
        QTest::addRow("origin: evil.example.com")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Origin: http://evil.example.com"} << p << 403
            << none << "\"error\""_ba;
        QTest::addRow("origin: null") << m << "POST"_ba
                                      << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Origin: null"} << p
                                      << 403 << none << ""_ba;
        QTest::addRow("origin: localhost.evil.com")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Origin: http://localhost.evil.com"} << p
            << 403 << none << ""_ba;
        QTest::addRow("origin: extra origin of another server")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, tokenOrigin} << p << 403 << none << ""_ba;
        QTest::addRow("origin: evil, on /health")
            << m << "GET"_ba
            << "/health"_ba << QByteArrayList{"Origin: http://evil.example.com"} << ""_ba << 403 << none << ""_ba;
        QTest::addRow("origin: evil, on /sse")
            << m << "GET"_ba
            << "/sse"_ba << QByteArrayList{"Accept: text/event-stream", "Origin: http://evil.example.com"} << ""_ba
            << 403 << none << ""_ba;
        QTest::addRow("origin: evil, before the method check")
            << m << "PUT"_ba
            << "/mcp"_ba << QByteArrayList{"Origin: http://evil.example.com"} << ""_ba << 403 << none << ""_ba;
        const QByteArrayList corsExposed{"access-control-allow-origin: @ORIGIN@", "vary: origin",
                                         "access-control-expose-headers: mcp-session-id"};
        for (const char* origin : {"http://localhost:1234", "https://127.0.0.1:8443", "http://[::1]:3000"}) {
            QByteArrayList expected = corsExposed;
            expected[0].replace("@ORIGIN@", origin);
            QTest::addRow("origin: %s allowed", origin)
                << m << "POST"_ba
                << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Origin: " + QByteArray(origin)} << p
                << 200 << expected << "\"result\""_ba;
        }
        // "Every response to a request with an allowed Origin" includes errors, or a browser cannot read them.
        QByteArrayList corsOnError = corsExposed;
        corsOnError[0].replace("@ORIGIN@", "http://localhost:1234");
        QTest::addRow("origin: allowed, on a 404")
            << m << "POST"_ba
            << "/mcp"_ba
            << QByteArrayList{kJson, kAcceptBoth, "Mcp-Session-Id: @UNKNOWN@", "Origin: http://localhost:1234"} << p
            << 404 << corsOnError << ""_ba;
        QTest::addRow("origin: allowed, on a 406")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kSession, "Origin: http://localhost:1234"} << p << 406 << corsOnError
            << ""_ba;
        QTest::addRow("origin: allowed, on a 401")
            << t << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, tokenOrigin} << p << 401
            << QByteArrayList{"access-control-allow-origin: " + kExtraOrigin, "www-authenticate: bearer"} << ""_ba;
        QTest::addRow("host: evil.example.com")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Host: evil.example.com"} << p << 403 << none
            << ""_ba;
        QTest::addRow("host: evil.example.com with the server's port")
            << m << "GET"_ba
            << "/health"_ba << QByteArrayList{"Host: evil.example.com:@PORT@"} << ""_ba << 403 << none << ""_ba;
        QTest::addRow("host: localhost, another port")
            << m << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Host: localhost:9999"} << p << 200 << none
            << "\"result\""_ba;
        QTest::addRow("host: [::1]") << m << "POST"_ba
                                     << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Host: [::1]:1"} << p
                                     << 200 << none << "\"result\""_ba;

        // CORS preflight.
        QTest::addRow("OPTIONS preflight")
            << m << "OPTIONS"_ba
            << "/mcp"_ba
            << QByteArrayList{"Origin: http://localhost:5173", "Access-Control-Request-Method: POST",
                              "Access-Control-Request-Headers: content-type, mcp-session-id, mcp-protocol-version"}
            << ""_ba << 204
            << QByteArrayList{"access-control-allow-origin: http://localhost:5173",
                              "access-control-allow-methods: POST",
                              "access-control-allow-methods: DELETE",
                              "access-control-allow-headers: content-type",
                              "access-control-allow-headers: mcp-session-id",
                              "access-control-allow-headers: mcp-protocol-version",
                              "access-control-allow-headers: last-event-id",
                              "access-control-allow-headers: authorization",
                              "access-control-expose-headers: mcp-session-id"}
            << ""_ba;
        QTest::addRow("OPTIONS preflight from evil.example.com")
            << m << "OPTIONS"_ba
            << "/mcp"_ba << QByteArrayList{"Origin: http://evil.example.com", "Access-Control-Request-Method: POST"}
            << ""_ba << 403 << QByteArrayList{"!access-control-allow-origin"} << ""_ba;

        // Bearer token (the token server), checked after Origin and before paths.
        QTest::addRow("token: none") << t << "POST"_ba
                                     << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession} << p << 401
                                     << QByteArrayList{"www-authenticate: bearer"} << ""_ba;
        QTest::addRow("token: wrong") << t << "POST"_ba
                                      << "/mcp"_ba
                                      << QByteArrayList{kJson, kAcceptBoth, kSession, "Authorization: Bearer s3cre"}
                                      << p << 401 << QByteArrayList{"www-authenticate: bearer"} << ""_ba;
        QTest::addRow("token: right one with a suffix")
            << t << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Authorization: Bearer s3cretX"} << p << 401
            << QByteArrayList{"www-authenticate: bearer"} << ""_ba;
        QTest::addRow("token: basic scheme")
            << t << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Authorization: Basic czNjcmV0"} << p << 401
            << QByteArrayList{"www-authenticate: bearer"} << ""_ba;
        QTest::addRow("token: right") << t << "POST"_ba
                                      << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, kBearer} << p << 200
                                      << none << "\"result\""_ba;
        QTest::addRow("token: initialize without it") << t << "POST"_ba
                                                      << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth}
                                                      << McpMessages::initialize(1, QStringLiteral("2025-06-18")) << 401
                                                      << QByteArrayList{"!mcp-session-id"} << ""_ba;
        QTest::addRow("token: /health needs none")
            << t << "GET"_ba
            << "/health"_ba << QByteArrayList{} << ""_ba << 200 << none << "\"status\""_ba;
        QTest::addRow("token: /metrics needs it")
            << t << "GET"_ba
            << "/metrics"_ba << QByteArrayList{} << ""_ba << 401 << QByteArrayList{"www-authenticate: bearer"} << ""_ba;
        QTest::addRow("token: /metrics with it")
            << t << "GET"_ba
            << "/metrics"_ba << QByteArrayList{kBearer} << ""_ba << 200 << none << "# TYPE"_ba;
        QTest::addRow("token: /sse needs it") << t << "GET"_ba
                                              << "/sse"_ba << QByteArrayList{"Accept: text/event-stream"} << ""_ba
                                              << 401 << QByteArrayList{"www-authenticate: bearer"} << ""_ba;
        QTest::addRow("token: /messages needs it") << t << "POST"_ba
                                                   << "/messages?session_id=@UNKNOWN@"_ba << QByteArrayList{kJson} << p
                                                   << 401 << QByteArrayList{"www-authenticate: bearer"} << ""_ba;
        QTest::addRow("token: unknown path, 401 before 404")
            << t << "GET"_ba
            << "/nope"_ba << QByteArrayList{} << ""_ba << 401 << none << ""_ba;
        QTest::addRow("token: preflight needs none")
            << t << "OPTIONS"_ba
            << "/mcp"_ba << QByteArrayList{"Origin: " + kExtraOrigin, "Access-Control-Request-Method: POST"} << ""_ba
            << 204 << QByteArrayList{"access-control-allow-origin: " + kExtraOrigin} << ""_ba;
        QTest::addRow("token: origin from JCR_MCP_ALLOWED_ORIGINS")
            << t << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, kBearer, tokenOrigin} << p << 200
            << QByteArrayList{"access-control-allow-origin: " + kExtraOrigin,
                              "access-control-expose-headers: mcp-session-id"}
            << "\"result\""_ba;
        QTest::addRow("token: bad origin, 403 before 401")
            << t << "POST"_ba
            << "/mcp"_ba << QByteArrayList{kJson, kAcceptBoth, kSession, "Origin: http://evil.example.com"} << p << 403
            << none << ""_ba;

        // Legacy SSE messages endpoint.
        QTest::addRow("POST /messages without session_id")
            << m << "POST"_ba
            << "/messages"_ba << QByteArrayList{kJson} << p << 400 << none << ""_ba;
        QTest::addRow("POST /messages with an unknown session_id")
            << m << "POST"_ba
            << "/messages?session_id=@UNKNOWN@"_ba << QByteArrayList{kJson} << p << 404 << none << ""_ba;

        // Health and metrics.
        QTest::addRow("GET /health") << m << "GET"_ba
                                     << "/health"_ba << QByteArrayList{} << ""_ba << 200
                                     << QByteArrayList{"content-type: application/json"} << "\"status\""_ba;
        QTest::addRow("GET /metrics") << m << "GET"_ba
                                      << "/metrics"_ba << QByteArrayList{} << ""_ba << 200
                                      << QByteArrayList{"content-type: text/plain"} << "# TYPE"_ba;
    }
    void statusCodes()
    {
        QFETCH(QString, server);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArrayList, headers);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArrayList, expectHeaders);
        QFETCH(QByteArray, expectBody);

        const bool token = server == QLatin1String("token");
        ServerProcess& process = token ? m_token : m_main;
        const QByteArray session = token ? m_tokenSession : m_mainSession;
        for (QByteArray& header : headers) {
            header = expand(header, session);
            header.replace("@PORT@", QByteArray::number(process.port()));
        }
        path = expand(path, session);
        body = expand(body, session);

        const RawHttp::Response response =
            RawHttp::request(process.port(), method, path, toHeaders(headers), body, 30000);
        QVERIFY2(response.status == status,
                 qPrintable(QStringLiteral("expected %1, got:\n%2").arg(status).arg(response.describe())));
        QVERIFY2(response.complete, qPrintable(response.describe()));
        for (const QByteArray& expectation : expectHeaders) {
            if (expectation.startsWith('!')) {
                QVERIFY2(!response.hasHeader(expectation.mid(1)), qPrintable(response.describe()));
                continue;
            }
            const qsizetype colon = expectation.indexOf(':');
            const QByteArray name = colon < 0 ? expectation : expectation.left(colon);
            const QByteArray part = colon < 0 ? QByteArray() : expectation.mid(colon + 1).trimmed().toLower();
            QVERIFY2(response.hasHeader(name) && response.header(name).toLower().contains(part),
                     qPrintable(QStringLiteral("header %1 missing:\n%2")
                                    .arg(QString::fromLatin1(expectation), response.describe())));
        }
        if (!expectBody.isEmpty()) {
            QVERIFY2(
                response.body.contains(expectBody),
                qPrintable(
                    QStringLiteral("body lacks %1:\n%2").arg(QString::fromLatin1(expectBody), response.describe())));
        }
        if (status == 202 || status == 204)
            QVERIFY2(response.body.isEmpty(), qPrintable(response.describe()));
    }

    void initializeIssuesRandomSessionIds()
    {
        QSet<QByteArray> seen;
        static const QRegularExpression hex128(QStringLiteral("^[0-9a-fA-F]{32}$"));
        for (int i = 0; i < 5; ++i) {
            const RawHttp::Response init =
                post(m_main.port(), McpMessages::initialize(0, QStringLiteral("2025-06-18")), {kJson, kAcceptBoth});
            QVERIFY2(init.status == 200, qPrintable(init.describe()));
            const QByteArray session = init.header("mcp-session-id");
            QVERIFY2(hex128.match(QString::fromLatin1(session)).hasMatch(), qPrintable(init.describe()));
            QVERIFY2(!seen.contains(session), session.constData());
            seen.insert(session);
            const QJsonObject message = responseWithId(init, 0);
            QCOMPARE(message.value(QStringLiteral("id")).toInt(-1), 0); // id 0 sent back as 0
            const QJsonObject result = message.value(QStringLiteral("result")).toObject();
            QCOMPARE(result.value(QStringLiteral("protocolVersion")).toString(), QStringLiteral("2025-06-18"));
            QVERIFY(result.contains(QStringLiteral("serverInfo")));

            const RawHttp::Response initialized =
                post(m_main.port(), R"({"jsonrpc":"2.0","method":"notifications/initialized"})",
                     {kJson, kAcceptBoth, "Mcp-Session-Id: " + session});
            QVERIFY2(initialized.status == 202, qPrintable(initialized.describe()));
            QVERIFY2(initialized.body.isEmpty(), qPrintable(initialized.describe()));
            RawHttp::request(m_main.port(), "DELETE", "/mcp", toHeaders({"Mcp-Session-Id: " + session}));
        }
    }

    void responsesAreAccepted_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("a JSON-RPC response") << R"({"jsonrpc":"2.0","id":"s1","result":{}})"_ba;
        QTest::addRow("an error response") << R"({"jsonrpc":"2.0","id":"s2","error":{"code":-1,"message":"no"}})"_ba;
        QTest::addRow("an unknown notification") << R"({"jsonrpc":"2.0","method":"notifications/whatever"})"_ba;
        QTest::addRow("a cancellation of nothing")
            << R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":999999}})"_ba;
    }
    void responsesAreAccepted()
    {
        QFETCH(QByteArray, body);
        const RawHttp::Response response =
            post(m_main.port(), body, {kJson, kAcceptBoth, "Mcp-Session-Id: " + m_mainSession});
        QVERIFY2(response.status == 202, qPrintable(response.describe()));
        QVERIFY2(response.body.isEmpty(), qPrintable(response.describe()));
    }

    void toolCall_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QJsonObject>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::addRow("get_journal by ISSN")
            << "get_journal" << QJsonObject{{QStringLiteral("name_or_issn"), QStringLiteral("1234-5678")}}
            << "alpha journal of testing";
        QTest::addRow("get_journal by name")
            << "get_journal"
            << QJsonObject{{QStringLiteral("name_or_issn"), QStringLiteral("Alpha Journal of Testing")}} << "1234-5678";
        QTest::addRow("search_journal") << "search_journal"
                                        << QJsonObject{{QStringLiteral("journal_name"), QStringLiteral("alpha")}}
                                        << "alpha journal of testing";
    }
    void toolCall()
    {
        QFETCH(QString, tool);
        QFETCH(QJsonObject, arguments);
        QFETCH(QString, expected);
        const int id = nextId();
        const RawHttp::Response response = post(m_main.port(), McpMessages::toolCall(id, tool, arguments),
                                                {kJson, kAcceptBoth, "Mcp-Session-Id: " + m_mainSession});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        // Without a progress token nothing precedes the answer, so a plain JSON body is expected.
        QVERIFY2(response.header("content-type").startsWith("application/json"), qPrintable(response.describe()));
        const QJsonObject message = responseWithId(response, id);
        QCOMPARE(message.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
        const QJsonObject result = message.value(QStringLiteral("result")).toObject();
        QVERIFY2(!result.value(QStringLiteral("isError")).toBool(), qPrintable(response.describe()));
        QVERIFY2(toolText(message).toLower().contains(expected), qPrintable(response.describe()));
    }

    void toolCallWithProgressStreams_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("primingAllowed"); // an empty-data event first (2025-11-25 only: older clients choke)
        QTest::addRow("2025-03-26 session") << "2025-03-26" << false;
        QTest::addRow("2025-06-18 session") << "2025-06-18" << false;
        QTest::addRow("2025-11-25 session") << "2025-11-25" << true;
    }
    void toolCallWithProgressStreams()
    {
        // A progress token makes the call send notifications before its answer: then the POST answers with an
        // event stream that carries them, then the response, then ends; every event has an id.
        QFETCH(QString, version);
        QFETCH(bool, primingAllowed);
        const QByteArray session = openSession(m_main.port(), version);
        QVERIFY(!session.isEmpty());
        const int id = nextId();
        const RawHttp::Response response =
            post(m_main.port(),
                 McpMessages::toolCall(
                     id, QStringLiteral("search_journal"),
                     QJsonObject{{QStringLiteral("journal_name"), QStringLiteral("Alpha Journal of Testing")}},
                     QStringLiteral("progress-1")),
                 {kJson, kAcceptBoth, "Mcp-Session-Id: " + session});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY2(response.header("content-type").startsWith("text/event-stream"), qPrintable(response.describe()));
        QVERIFY2(response.complete, qPrintable(response.describe()));
        const QList<RawHttp::SseEvent> events = RawHttp::parseEvents(response.body);
        int progress = 0;
        bool answered = false;
        for (qsizetype i = 0; i < events.size(); ++i) {
            const RawHttp::SseEvent& event = events.at(i);
            if (!event.hasData)
                continue; // a comment
            QVERIFY2(event.hasId && !event.id.isEmpty(), qPrintable(response.describe()));
            if (event.data.isEmpty()) {
                QVERIFY2(primingAllowed && i == 0,
                         qPrintable(QStringLiteral("an event with empty data:\n") + response.describe()));
                continue;
            }
            const QJsonObject message = event.json();
            QVERIFY2(!answered, "an event after the response");
            if (message.value(QStringLiteral("method")).toString() == QLatin1String("notifications/progress")) {
                QCOMPARE(message.value(QStringLiteral("params")).toObject().value(QStringLiteral("progressToken")),
                         QJsonValue(QStringLiteral("progress-1")));
                ++progress;
            } else {
                QCOMPARE(message.value(QStringLiteral("id")), QJsonValue(id));
                QVERIFY(toolText(message).toLower().contains(QStringLiteral("alpha journal of testing")));
                answered = true;
            }
        }
        QVERIFY2(progress >= 1, qPrintable(response.describe()));
        QVERIFY2(answered, qPrintable(response.describe()));
        RawHttp::request(m_main.port(), "DELETE", "/mcp", toHeaders({"Mcp-Session-Id: " + session}));
    }

    void concurrentStreamsOnOneSession()
    {
        // Several POST streams of one session at once (the conformance suite opens three): each message goes on
        // exactly the stream of its request, never on another.
        const QByteArray session = openSession(m_main.port());
        QVERIFY(!session.isEmpty());
        constexpr int streams = 3;
        std::vector<std::unique_ptr<RawHttp>> connections;
        QList<int> ids;
        const QStringList names{QStringLiteral("Alpha Journal of Testing"), QStringLiteral("alpha"),
                                QStringLiteral("Omega Open")};
        for (int i = 0; i < streams; ++i) {
            const int id = nextId();
            ids << id;
            connections.push_back(std::make_unique<RawHttp>(m_main.port()));
            QVERIFY(connections.back()->sendRequest(
                "POST", "/mcp", toHeaders({kJson, kAcceptBoth, "Mcp-Session-Id: " + session}),
                McpMessages::toolCall(id, QStringLiteral("search_journal"),
                                      {{QStringLiteral("journal_name"), names.at(i)}},
                                      QStringLiteral("token-%1").arg(id))));
        }
        for (int i = 0; i < streams; ++i) {
            const RawHttp::Response response = connections.at(size_t(i))->readResponse(15000);
            QVERIFY2(response.status == 200 && response.complete, qPrintable(response.describe()));
            const QList<RawHttp::SseEvent> events =
                response.header("content-type").startsWith("text/event-stream")
                    ? RawHttp::parseEvents(response.body)
                    : QList<RawHttp::SseEvent>{RawHttp::SseEvent{{}, {}, response.body, {}, {}, false, true}};
            int answers = 0;
            for (const RawHttp::SseEvent& event : events) {
                if (!event.hasData || event.data.isEmpty())
                    continue;
                const QJsonObject message = event.json();
                const QJsonObject params = message.value(QStringLiteral("params")).toObject();
                if (message.contains(QStringLiteral("id"))) {
                    QCOMPARE(message.value(QStringLiteral("id")), QJsonValue(ids.at(i)));
                    ++answers;
                } else {
                    QCOMPARE(params.value(QStringLiteral("progressToken")).toString(),
                             QStringLiteral("token-%1").arg(ids.at(i)));
                }
            }
            QCOMPARE(answers, 1);
        }
        RawHttp::request(m_main.port(), "DELETE", "/mcp", toHeaders({"Mcp-Session-Id: " + session}));
    }

    void idsComeBackAsSent_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addRow("string") << R"("req-1")"_ba;
        QTest::addRow("string that looks like a number") << R"("42")"_ba;
        QTest::addRow("zero") << "0"_ba;
        QTest::addRow("negative") << "-7"_ba;
        QTest::addRow("large") << "9007199254740991"_ba;
    }
    void idsComeBackAsSent()
    {
        QFETCH(QByteArray, id);
        const QByteArray session = openSession(m_main.port());
        QVERIFY(!session.isEmpty());
        const RawHttp::Response response =
            post(m_main.port(), R"({"jsonrpc":"2.0","id":)" + id + R"(,"method":"ping"})",
                 {kJson, kAcceptBoth, "Mcp-Session-Id: " + session});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const QJsonValue sent = QJsonDocument::fromJson("[" + id + "]").array().at(0);
        QCOMPARE(response.json().value(QStringLiteral("id")), sent);
        QCOMPARE(response.json().value(QStringLiteral("result")).toObject(), QJsonObject()); // ping → exactly {}
        RawHttp::request(m_main.port(), "DELETE", "/mcp", toHeaders({"Mcp-Session-Id: " + session}));
    }

    void deleteEndsSession()
    {
        const QByteArray session = openSession(m_main.port());
        QVERIFY(!session.isEmpty());
        const QByteArrayList headers{kJson, kAcceptBoth, "Mcp-Session-Id: " + session};
        QCOMPARE(post(m_main.port(), expand(kPing, session), headers).status, 200);
        const RawHttp::Response deleted =
            RawHttp::request(m_main.port(), "DELETE", "/mcp", toHeaders({"Mcp-Session-Id: " + session}));
        QVERIFY2(deleted.status == 200, qPrintable(deleted.describe()));
        const RawHttp::Response after = post(m_main.port(), expand(kPing, session), headers);
        QVERIFY2(after.status == 404, qPrintable(after.describe()));
        const RawHttp::Response stream = RawHttp::request(
            m_main.port(), "GET", "/mcp", toHeaders({"Accept: text/event-stream", "Mcp-Session-Id: " + session}));
        QVERIFY2(stream.status == 404, qPrintable(stream.describe()));
    }

    void batchOnA20250326Session()
    {
        // Batches were part of 2025-03-26 only; the contract answers them for sessions that negotiated it.
        const QByteArray session = openSession(m_main.port(), QStringLiteral("2025-03-26"));
        QVERIFY(!session.isEmpty());
        const QByteArray body =
            expand(R"([{"jsonrpc":"2.0","id":@ID@,"method":"ping"},{"jsonrpc":"2.0","id":@ID@,"method":"tools/list"}])",
                   session);
        const RawHttp::Response response =
            post(m_main.port(), body, {kJson, kAcceptBoth, "Mcp-Session-Id: " + session});
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const QJsonArray answers = QJsonDocument::fromJson(response.body).array();
        QVERIFY2(answers.size() == 2, qPrintable(response.describe()));
    }

    void standingStream()
    {
        const QByteArray session = openSession(m_main.port());
        QVERIFY(!session.isEmpty());
        RawHttp first(m_main.port());
        QVERIFY(
            first.sendRequest("GET", "/mcp", toHeaders({"Accept: text/event-stream", "Mcp-Session-Id: " + session})));
        const RawHttp::Response head = first.readHead();
        QVERIFY2(head.status == 200, qPrintable(head.describe()));
        QVERIFY2(head.header("content-type").startsWith("text/event-stream"), qPrintable(head.describe()));
        QVERIFY(first.isOpen());

        // One standing stream per session.
        const RawHttp::Response second = RawHttp::request(
            m_main.port(), "GET", "/mcp", toHeaders({"Accept: text/event-stream", "Mcp-Session-Id: " + session}));
        QVERIFY2(second.status == 409, qPrintable(second.describe()));

        // The session keeps answering POSTs while its stream is open, and DELETE closes the stream.
        QCOMPARE(post(m_main.port(), expand(kPing, session), {kJson, kAcceptBoth, "Mcp-Session-Id: " + session}).status,
                 200);
        QCOMPARE(RawHttp::request(m_main.port(), "DELETE", "/mcp", toHeaders({"Mcp-Session-Id: " + session})).status,
                 200);
        while (first.readEvent(5000)) {
        }
        QVERIFY2(first.streamEnded() || first.waitForServerClose(5000), "DELETE left the standing stream open");
    }

    void legacySse()
    {
        RawHttp stream(m_main.port());
        QVERIFY(stream.sendRequest("GET", "/sse", toHeaders({"Accept: text/event-stream"})));
        const RawHttp::Response head = stream.readHead();
        QVERIFY2(head.status == 200, qPrintable(head.describe()));
        QVERIFY2(head.header("content-type").startsWith("text/event-stream"), qPrintable(head.describe()));
        const auto endpoint = stream.readEvent(5000);
        QVERIFY2(endpoint, "no endpoint event");
        QCOMPARE(endpoint->event, QByteArray("endpoint"));
        QVERIFY2(endpoint->data.startsWith("/messages?session_id="), endpoint->data.constData());
        const QByteArray messages = endpoint->data;
        const QByteArray sessionId = messages.mid(messages.indexOf('=') + 1);
        QVERIFY(!sessionId.isEmpty());

        // The next message event on the stream (skipping keep-alive comments).
        auto nextMessage = [&stream]() -> QJsonObject {
            while (auto event = stream.readEvent(10000)) {
                if (event->hasData)
                    return event->event == "message" || event->event.isEmpty() ? event->json() : QJsonObject();
            }
            return {};
        };

        // No Accept check on /messages: the SDK's SSE client sends none.
        const RawHttp::Response init = RawHttp::request(m_main.port(), "POST", messages, toHeaders({kJson}),
                                                        McpMessages::initialize(0, QStringLiteral("2024-11-05")));
        QVERIFY2(init.status == 202, qPrintable(init.describe()));
        QJsonObject message = nextMessage();
        QCOMPARE(message.value(QStringLiteral("id")), QJsonValue(0));
        QCOMPARE(message.value(QStringLiteral("result")).toObject().value(QStringLiteral("protocolVersion")).toString(),
                 QStringLiteral("2024-11-05"));
        QCOMPARE(RawHttp::request(m_main.port(), "POST", messages, toHeaders({kJson}),
                                  R"({"jsonrpc":"2.0","method":"notifications/initialized"})")
                     .status,
                 202);

        const RawHttp::Response call =
            RawHttp::request(m_main.port(), "POST", messages, toHeaders({kJson}),
                             McpMessages::toolCall(7, QStringLiteral("get_journal"),
                                                   {{QStringLiteral("name_or_issn"), QStringLiteral("1234-5678")}}));
        QVERIFY2(call.status == 202, qPrintable(call.describe()));
        message = nextMessage();
        QCOMPARE(message.value(QStringLiteral("id")), QJsonValue(7));
        QVERIFY(toolText(message).toLower().contains(QStringLiteral("alpha journal of testing")));

        // With a progress token, progress notifications travel on the stream before the answer, even when the
        // same question was answered before (the answer cache never swallows them).
        for (int attempt = 0; attempt < 2; ++attempt) {
            const int id = 20 + attempt;
            const RawHttp::Response withProgress = RawHttp::request(
                m_main.port(), "POST", messages, toHeaders({kJson}),
                McpMessages::toolCall(id, QStringLiteral("search_journal"),
                                      {{QStringLiteral("journal_name"), QStringLiteral("Alpha Journal of Testing")}},
                                      QStringLiteral("legacy-progress")));
            QVERIFY2(withProgress.status == 202, qPrintable(withProgress.describe()));
            int progress = 0;
            for (message = nextMessage(); message.value(QStringLiteral("method")) == "notifications/progress";
                 message = nextMessage()) {
                QCOMPARE(message.value(QStringLiteral("params")).toObject().value(QStringLiteral("progressToken")),
                         QJsonValue(QStringLiteral("legacy-progress")));
                ++progress;
            }
            QVERIFY2(progress >= 1, "no notifications/progress on the legacy stream before the answer");
            QCOMPARE(message.value(QStringLiteral("id")), QJsonValue(id));
            QVERIFY(toolText(message).toLower().contains(QStringLiteral("alpha journal of testing")));
        }

        // Session ids do not cross transports.
        const RawHttp::Response crossed =
            post(m_main.port(), expand(kPing, {}), {kJson, kAcceptBoth, "Mcp-Session-Id: " + sessionId});
        QVERIFY2(crossed.status == 404, qPrintable(crossed.describe()));
        const RawHttp::Response crossedBack = RawHttp::request(
            m_main.port(), "POST", "/messages?session_id=" + m_mainSession, toHeaders({kJson}), expand(kPing, {}));
        QVERIFY2(crossedBack.status == 404, qPrintable(crossedBack.describe()));

        const RawHttp::Response badJson =
            RawHttp::request(m_main.port(), "POST", messages, toHeaders({kJson}), R"({"jsonrpc":)");
        QVERIFY2(badJson.status == 400, qPrintable(badJson.describe()));

        const QJsonObject health = RawHttp::request(m_main.port(), "GET", "/health").json();
        QVERIFY2(health.value(QStringLiteral("sessions")).toObject().value(QStringLiteral("sse")).toInt() >= 1,
                 QJsonDocument(health).toJson().constData());

        // Closing the stream ends the session; the server notices the close asynchronously, so allow it a moment.
        stream.close();
        QElapsedTimer timer;
        timer.start();
        RawHttp::Response after;
        do {
            QThread::msleep(50);
            after = RawHttp::request(m_main.port(), "POST", messages, toHeaders({kJson}), expand(kPing, {}));
        } while (after.status == 202 && timer.elapsed() < 5000);
        QVERIFY2(after.status == 404, qPrintable(after.describe()));
    }

    void keepAliveComments()
    {
        // Idle streams get a comment every 15 s; both kinds are opened together, so this waits once.
        const QByteArray session = openSession(m_main.port());
        QVERIFY(!session.isEmpty());
        RawHttp standing(m_main.port());
        QVERIFY(standing.sendRequest("GET", "/mcp",
                                     toHeaders({"Accept: text/event-stream", "Mcp-Session-Id: " + session})));
        QCOMPARE(standing.readHead().status, 200);
        RawHttp legacy(m_main.port());
        QVERIFY(legacy.sendRequest("GET", "/sse", toHeaders({"Accept: text/event-stream"})));
        QCOMPARE(legacy.readHead().status, 200);
        QVERIFY(legacy.readEvent(5000)); // endpoint

        for (RawHttp* stream : {&standing, &legacy}) {
            bool commented = false;
            while (!commented) {
                const auto event = stream->readEvent(20000);
                if (!event)
                    break;
                commented = !event->comments.isEmpty();
            }
            QVERIFY2(commented, stream == &standing ? "no keep-alive on GET /mcp" : "no keep-alive on /sse");
        }
        RawHttp::request(m_main.port(), "DELETE", "/mcp", toHeaders({"Mcp-Session-Id: " + session}));
    }

    void errorBodies_data()
    {
        QTest::addColumn<QByteArrayList>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code"); // 0: any
        QTest::addRow("403 has no id") << QByteArrayList{kJson, kAcceptBoth, "Origin: http://evil.example.com"}
                                       << R"({"jsonrpc":"2.0","id":5,"method":"ping"})"_ba << 403 << 0;
        QTest::addRow("parse error") << QByteArrayList{kJson, kAcceptBoth, kSession} << "{"_ba << 400 << -32700;
        QTest::addRow("invalid request") << QByteArrayList{kJson, kAcceptBoth, kSession} << "[]"_ba << 400 << -32600;
    }
    void errorBodies()
    {
        QFETCH(QByteArrayList, headers);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, code);
        for (QByteArray& header : headers)
            header = expand(header, m_mainSession);
        const RawHttp::Response response = post(m_main.port(), body, headers);
        QVERIFY2(response.status == status, qPrintable(response.describe()));
        const QJsonObject message = response.json();
        QCOMPARE(message.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
        QVERIFY2(message.value(QStringLiteral("error")).isObject(), qPrintable(response.describe()));
        if (code != 0)
            QCOMPARE(message.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), code);
        if (status == 403)
            QVERIFY2(!message.contains(QStringLiteral("id")), qPrintable(response.describe()));
    }

    void health()
    {
        const RawHttp::Response response = RawHttp::request(m_main.port(), "GET", "/health");
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const QJsonObject health = response.json();
        QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(health.value(QStringLiteral("healthy")).toBool(), true);
        QVERIFY2(!health.value(QStringLiteral("version")).toString().isEmpty(), response.body.constData());
        QVERIFY2(health.value(QStringLiteral("uptimeSeconds")).isDouble(), response.body.constData());
        QVERIFY(health.value(QStringLiteral("uptimeSeconds")).toDouble() >= 0);
        const QJsonObject sessions = health.value(QStringLiteral("sessions")).toObject();
        QVERIFY2(sessions.value(QStringLiteral("streamableHttp")).isDouble(), response.body.constData());
        QVERIFY2(sessions.value(QStringLiteral("sse")).isDouble(), response.body.constData());
        QVERIFY2(sessions.value(QStringLiteral("streamableHttp")).toInt() >= 1, response.body.constData()); // ours

        // The healthcheck command reads the same endpoint; the token server's /health needs no token either.
        for (const ServerProcess* server : {&m_main, &m_token}) {
            const Run check = healthcheck(server->port());
            QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        }
    }

    void metrics()
    {
        const RawHttp::Response response = RawHttp::request(m_main.port(), "GET", "/metrics");
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QVERIFY2(response.header("content-type").startsWith("text/plain"), qPrintable(response.describe()));
        static const QRegularExpression type(QStringLiteral("^# TYPE \\S+ (counter|gauge|histogram|summary|untyped)$"),
                                             QRegularExpression::MultilineOption);
        QVERIFY2(type.match(QString::fromUtf8(response.body)).hasMatch(), qPrintable(response.describe()));
    }

    void missingDatabase()
    {
        ServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"),
                               m_dir.filePath(QStringLiteral("nowhere/jcr.db"))},
                              m_environment),
                 qPrintable(server.errorString()));
        const RawHttp::Response health = RawHttp::request(server.port(), "GET", "/health");
        QVERIFY2(health.status == 503, qPrintable(health.describe()));
        QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("unhealthy"));
        QVERIFY2(health.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("sync")),
                 qPrintable(health.describe()));

        const Run check = healthcheck(server.port());
        QVERIFY2(check.exitCode == 1, qPrintable(check.err + check.out));

        // Tools still answer, with an isError result that says how to get the data.
        const QByteArray session = openSession(server.port());
        QVERIFY(!session.isEmpty());
        const RawHttp::Response call =
            post(server.port(),
                 McpMessages::toolCall(1, QStringLiteral("get_journal"),
                                       {{QStringLiteral("name_or_issn"), QStringLiteral("1234-5678")}}),
                 {kJson, kAcceptBoth, "Mcp-Session-Id: " + session});
        QVERIFY2(call.status == 200, qPrintable(call.describe()));
        const QJsonObject message = responseWithId(call, 1);
        QVERIFY2(message.value(QStringLiteral("result")).toObject().value(QStringLiteral("isError")).toBool(),
                 qPrintable(call.describe()));
        QVERIFY2(toolText(message).contains(QStringLiteral("jcr-mcp-server sync")), qPrintable(call.describe()));

        const QString stopped = stopServer(server);
        QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
    }

    void transportsApart_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<int>("mcpStatus"); // POST initialize to /mcp
        QTest::addColumn<int>("sseStatus"); // GET /sse
        QTest::addRow("streamable-http") << "streamable-http" << 200 << 404;
        QTest::addRow("sse") << "sse" << 404 << 200;
        QTest::addRow("http") << "http" << 200 << 200;
    }
    void transportsApart()
    {
        QFETCH(QString, transport);
        QFETCH(int, mcpStatus);
        QFETCH(int, sseStatus);
        ServerProcess server;
        QVERIFY2(
            server.start({QStringLiteral("--transport"), transport, QStringLiteral("--db"), m_database}, m_environment),
            qPrintable(server.errorString()));
        QCOMPARE(server.transport(), transport);
        const RawHttp::Response init =
            post(server.port(), McpMessages::initialize(0, QStringLiteral("2025-06-18")), {kJson, kAcceptBoth});
        QVERIFY2(init.status == mcpStatus, qPrintable(init.describe()));
        RawHttp stream(server.port());
        QVERIFY(stream.sendRequest("GET", "/sse", toHeaders({"Accept: text/event-stream"})));
        const RawHttp::Response head = stream.readHead();
        QVERIFY2(head.status == sseStatus, qPrintable(head.describe()));
        stream.close();
        const QString stopped = stopServer(server);
        QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
    }

    void transportFromEnvironment()
    {
        // JCR_MCP_TRANSPORT / JCR_MCP_HOST / JCR_MCP_PORT give the settings; flags win.
        QProcessEnvironment environment = m_environment;
        environment.insert(QStringLiteral("JCR_MCP_TRANSPORT"), QStringLiteral("sse"));
        environment.insert(QStringLiteral("JCR_MCP_HOST"), QStringLiteral("127.0.0.1"));
        environment.insert(QStringLiteral("JCR_MCP_PORT"), QStringLiteral("1")); // overridden by --port 0
        ServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--db"), m_database}, environment), qPrintable(server.errorString()));
        QCOMPARE(server.transport(), QStringLiteral("sse"));
        QVERIFY(server.port() != 1);
        const QString stopped = stopServer(server);
        QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
    }

    void sessionCap()
    {
        // JCR_MCP_MAX_SESSIONS counts both transports; one more → 503 on initialize and on GET /sse.
        QProcessEnvironment environment = m_environment;
        environment.insert(QStringLiteral("JCR_MCP_MAX_SESSIONS"), QStringLiteral("2"));
        ServerProcess server;
        QVERIFY2(
            server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), m_database},
                         environment),
            qPrintable(server.errorString()));
        const QByteArray first = openSession(server.port());
        QVERIFY(!first.isEmpty());
        RawHttp stream(server.port());
        QVERIFY(stream.sendRequest("GET", "/sse", toHeaders({"Accept: text/event-stream"})));
        QCOMPARE(stream.readHead().status, 200);

        const RawHttp::Response third =
            post(server.port(), McpMessages::initialize(0, QStringLiteral("2025-06-18")), {kJson, kAcceptBoth});
        QVERIFY2(third.status == 503, qPrintable(third.describe()));
        QVERIFY2(!third.hasHeader("mcp-session-id"), qPrintable(third.describe()));
        const RawHttp::Response thirdStream =
            RawHttp::request(server.port(), "GET", "/sse", toHeaders({"Accept: text/event-stream"}), {}, 5000);
        QVERIFY2(thirdStream.status == 503, qPrintable(thirdStream.describe()));
        // Other clients of existing sessions are not affected.
        QCOMPARE(post(server.port(), expand(kPing, first), {kJson, kAcceptBoth, "Mcp-Session-Id: " + first}).status,
                 200);

        // Ending a session makes room again.
        QCOMPARE(RawHttp::request(server.port(), "DELETE", "/mcp", toHeaders({"Mcp-Session-Id: " + first})).status,
                 200);
        const RawHttp::Response again =
            post(server.port(), McpMessages::initialize(0, QStringLiteral("2025-06-18")), {kJson, kAcceptBoth});
        QVERIFY2(again.status == 200, qPrintable(again.describe()));
        stream.close();
        const QString stopped = stopServer(server);
        QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
    }

    void idleSessionsExpire()
    {
        // JCR_MCP_SESSION_IDLE_SECONDS: no request and no open stream for that long → later requests 404; a
        // session holding a standing stream stays.
        QProcessEnvironment environment = m_environment;
        environment.insert(QStringLiteral("JCR_MCP_SESSION_IDLE_SECONDS"), QStringLiteral("1"));
        ServerProcess server;
        QVERIFY2(
            server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), m_database},
                         environment),
            qPrintable(server.errorString()));
        const QByteArray idle = openSession(server.port());
        const QByteArray streaming = openSession(server.port());
        QVERIFY(!idle.isEmpty() && !streaming.isEmpty());
        RawHttp stream(server.port());
        QVERIFY(stream.sendRequest("GET", "/mcp",
                                   toHeaders({"Accept: text/event-stream", "Mcp-Session-Id: " + streaming})));
        QCOMPARE(stream.readHead().status, 200);

        QThread::msleep(3500); // idle limit 1 s, and the server sweeps at least once a second
        const RawHttp::Response expired =
            post(server.port(), expand(kPing, idle), {kJson, kAcceptBoth, "Mcp-Session-Id: " + idle});
        QVERIFY2(expired.status == 404, qPrintable(expired.describe()));
        const RawHttp::Response kept =
            post(server.port(), expand(kPing, streaming), {kJson, kAcceptBoth, "Mcp-Session-Id: " + streaming});
        QVERIFY2(kept.status == 200, qPrintable(kept.describe()));
        stream.close();
        const QString stopped = stopServer(server);
        QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
    }

    void portInUse()
    {
        ServerProcess second;
        QVERIFY(second.startOnly({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"),
                                  m_database, QStringLiteral("--port"), QString::number(m_main.port())},
                                 m_environment));
        const int code = second.waitForExit(10000);
        const QString err = second.stderrText();
        QVERIFY2(code == 2, qPrintable(QStringLiteral("exit %1:\n%2").arg(code).arg(err)));
        QVERIFY2(!err.contains(QStringLiteral("listening on")), qPrintable(err));
        QVERIFY2(err.contains(QString::number(m_main.port())), qPrintable(err)); // says which port
        QVERIFY(serverAnswersHealth(m_main.port()));                             // the first one is untouched
    }

    void anyAddressWithoutTokenWarns()
    {
        // Without a token only when asked for (tst_publicbind: otherwise the server refuses to start).
        ServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--host"),
                               QStringLiteral("0.0.0.0"), QStringLiteral("--allow-unauthenticated"),
                               QStringLiteral("--db"), m_database},
                              m_environment),
                 qPrintable(server.errorString()));
        QCOMPARE(server.host(), QStringLiteral("0.0.0.0"));
        const QString err = server.stderrText();
        // The warning must name the setting that fixes it, and come before the ready line.
        const qsizetype warning = err.indexOf(QStringLiteral("JCR_MCP_TOKEN"));
        QVERIFY2(warning >= 0 && warning < err.indexOf(QStringLiteral("listening on http://")), qPrintable(err));

        // Not bound to loopback: the Host check (a loopback-only guard) is off, the Origin check is not.
        const RawHttp::Response named =
            RawHttp::request(server.port(), "GET", "/health", toHeaders({"Host: jcr.example.org:8080"}));
        QVERIFY2(named.status == 200, qPrintable(named.describe()));
        const RawHttp::Response foreign =
            RawHttp::request(server.port(), "GET", "/health",
                             toHeaders({"Host: jcr.example.org:8080", "Origin: http://evil.example.com"}));
        QVERIFY2(foreign.status == 403, qPrintable(foreign.describe()));

        const QString stopped = stopServer(server);
        QVERIFY2(stopped.isEmpty(), qPrintable(stopped));
    }

    void garbageDoesNotCrash_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray noise(1024 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(4242);
        for (qsizetype i = 0; i < noise.size(); ++i)
            noise[i] = char(generator.bounded(256));
        QTest::addRow("garbage request line") << "GARBAGE\r\n\r\n"_ba;
        QTest::addRow("TLS client hello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);
        QTest::addRow("HTTP/9.9") << "GET /health HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"_ba;
        QTest::addRow("header without a colon") << "GET /health HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n"_ba;
        QTest::addRow("64 KB header") << "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + QByteArray(65536, 'a') +
                                             "\r\n\r\n";
        QTest::addRow("1 MB request line") << "GET /" + QByteArray(1024 * 1024, 'a') + " HTTP/1.1\r\n\r\n";
        QTest::addRow("negative Content-Length")
            << "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Content-Length: -1\r\n\r\n{}"_ba;
        QTest::addRow("huge Content-Length, short body")
            << "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Content-Length: 99999999999999999999\r\n\r\n{}"_ba;
        QTest::addRow("bad chunk size") << "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                           "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"_ba;
        QTest::addRow("half a request") << "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le"_ba;
        QTest::addRow("1 MB of noise") << noise;
        QTest::addRow("noise after a valid head")
            << "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Accept: application/json, text/event-stream\r\nContent-Length: 4000\r\n\r\n" +
                   noise.left(4000);
        QTest::addRow("deeply nested JSON")
            << "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Accept: application/json, text/event-stream\r\nContent-Length: 4000\r\n\r\n" +
                   QByteArray(2000, '[') + QByteArray(2000, ']');
    }
    void garbageDoesNotCrash()
    {
        QFETCH(QByteArray, bytes);
        {
            RawHttp http(m_main.port());
            QVERIFY(http.connectToServer());
            http.sendRaw(bytes); // the server may close before it read everything: that is fine
            const RawHttp::Response response = http.readResponse(3000);
            // An answer is optional, but never a server error (505 says which HTTP versions are served).
            if (response.status != 0 && response.status != 505)
                QVERIFY2(response.status < 500, qPrintable(response.describe()));
        }
        QVERIFY2(serverAnswersHealth(m_main.port()), qPrintable(m_main.stderrText().right(3000)));
        QVERIFY(m_main.isRunning());
    }

    void sigtermClosesStreams()
    {
        // SIGTERM with open streams of both kinds: the streams end and the process exits 0 within seconds.
        ServerProcess server;
        QVERIFY2(
            server.start({QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), m_database},
                         m_environment),
            qPrintable(server.errorString()));
        const QByteArray session = openSession(server.port());
        QVERIFY(!session.isEmpty());
        RawHttp standing(server.port());
        QVERIFY(standing.sendRequest("GET", "/mcp",
                                     toHeaders({"Accept: text/event-stream", "Mcp-Session-Id: " + session})));
        QCOMPARE(standing.readHead().status, 200);
        RawHttp legacy(server.port());
        QVERIFY(legacy.sendRequest("GET", "/sse", toHeaders({"Accept: text/event-stream"})));
        QCOMPARE(legacy.readHead().status, 200);

        QElapsedTimer timer;
        timer.start();
        server.terminate();
        for (RawHttp* stream : {&standing, &legacy}) {
            while (stream->readEvent(10000)) {
            }
            QVERIFY2(stream->streamEnded() || stream->waitForServerClose(10000), "a stream stayed open after SIGTERM");
        }
        const int code = server.waitForExit(10000);
        QVERIFY2(code == 0, qPrintable(QStringLiteral("exit %1:\n%2").arg(code).arg(server.stderrText())));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        // Nothing listens any more.
        RawHttp http(server.port());
        QVERIFY(!http.connectToServer(2000));
    }
};

QTEST_GUILESS_MAIN(TestHttpProtocol)
#include "tst_httpprotocol.moc"
