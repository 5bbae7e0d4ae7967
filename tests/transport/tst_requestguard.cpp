// Unit tests of RequestGuard: DNS-rebinding protection, the bearer token, and content negotiation.

#include "requestguard.h"

#include <QTest>

using jcr::http::HttpSettings;
using jcr::http::RequestGuard;

class TestRequestGuard : public QObject
{
    Q_OBJECT

private slots:
    void host_data()
    {
        QTest::addColumn<QString>("bind");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("allowed");
        QTest::addRow("localhost with port") << "127.0.0.1" << QByteArray("localhost:8080") << true;
        QTest::addRow("127.0.0.1") << "127.0.0.1" << QByteArray("127.0.0.1:1") << true;
        QTest::addRow("IPv6 loopback") << "127.0.0.1" << QByteArray("[::1]:8080") << true;
        QTest::addRow("upper case") << "127.0.0.1" << QByteArray("LOCALHOST") << true;
        QTest::addRow("rebinding name") << "127.0.0.1" << QByteArray("evil.example.com:8080") << false;
        QTest::addRow("missing") << "127.0.0.1" << QByteArray() << false;
        QTest::addRow("lookalike") << "127.0.0.1" << QByteArray("localhost.evil.com") << false;
        QTest::addRow("public bind: any host") << "0.0.0.0" << QByteArray("jcr.example.org") << true;
    }
    void host()
    {
        QFETCH(QString, bind);
        QFETCH(QByteArray, host);
        QFETCH(bool, allowed);
        HttpSettings settings;
        settings.host = bind;
        QCOMPARE(RequestGuard(settings).hostAllowed(host), allowed);
    }

    void origin_data()
    {
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<bool>("allowed");
        QTest::addRow("no Origin (not a browser)") << "" << QByteArray() << true;
        QTest::addRow("localhost, any port") << "" << QByteArray("http://localhost:5173") << true;
        QTest::addRow("127.0.0.1 https") << "" << QByteArray("https://127.0.0.1") << true;
        QTest::addRow("IPv6 loopback") << "" << QByteArray("http://[::1]:3000") << true;
        QTest::addRow("other site") << "" << QByteArray("http://evil.example.com") << false;
        QTest::addRow("null") << "" << QByteArray("null") << false;
        QTest::addRow("file scheme") << "" << QByteArray("file://localhost") << false;
        QTest::addRow("configured") << "https://app.example.org" << QByteArray("https://app.example.org") << true;
        QTest::addRow("configured, case") << "https://App.Example.org" << QByteArray("https://app.example.org") << true;
        QTest::addRow("configured, other port")
            << "https://app.example.org" << QByteArray("https://app.example.org:8443") << false;
        QTest::addRow("wildcard") << "*" << QByteArray("https://anything.example") << true;
        QTest::addRow("wildcard still refuses null") << "*" << QByteArray("null") << false;
    }
    void origin()
    {
        QFETCH(QString, configured);
        QFETCH(QByteArray, origin);
        QFETCH(bool, allowed);
        qputenv("JCR_MCP_ALLOWED_ORIGINS", configured.toUtf8());
        HttpSettings settings;
        QString error;
        QVERIFY(settings.readEnvironment(&error));
        qunsetenv("JCR_MCP_ALLOWED_ORIGINS");
        QCOMPARE(RequestGuard(settings).originAllowed(origin), allowed);
    }

    void token_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("no token configured") << QByteArray() << QByteArray() << true;
        QTest::addRow("right") << QByteArray("s3cret") << QByteArray("Bearer s3cret") << true;
        QTest::addRow("scheme in any case") << QByteArray("s3cret") << QByteArray("bearer s3cret") << true;
        QTest::addRow("missing") << QByteArray("s3cret") << QByteArray() << false;
        QTest::addRow("wrong") << QByteArray("s3cret") << QByteArray("Bearer s3creT") << false;
        QTest::addRow("prefix of it") << QByteArray("s3cret") << QByteArray("Bearer s3c") << false;
        QTest::addRow("longer") << QByteArray("s3cret") << QByteArray("Bearer s3cret2") << false;
        QTest::addRow("basic auth") << QByteArray("s3cret") << QByteArray("Basic czNjcmV0") << false;
    }
    void token()
    {
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, authorization);
        QFETCH(bool, accepted);
        HttpSettings settings;
        settings.token = token;
        QCOMPARE(RequestGuard(settings).tokenAccepted(authorization), accepted);
    }

    void accept_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<bool>("json");
        QTest::addColumn<bool>("sse");
        QTest::addRow("both") << QByteArray("application/json, text/event-stream") << true << true;
        QTest::addRow("other order, parameters")
            << QByteArray("text/event-stream;q=1, application/json;q=0.9") << true << true;
        QTest::addRow("only JSON") << QByteArray("application/json") << true << false;
        QTest::addRow("q=0 refuses") << QByteArray("application/json, text/event-stream;q=0") << true << false;
        QTest::addRow("wildcard") << QByteArray("*/*") << true << true;
        QTest::addRow("type wildcard") << QByteArray("text/*") << false << true;
        QTest::addRow("missing") << QByteArray() << false << false;
    }
    void accept()
    {
        QFETCH(QByteArray, accept);
        QFETCH(bool, json);
        QFETCH(bool, sse);
        QCOMPARE(RequestGuard::accepts(accept, "application/json"), json);
        QCOMPARE(RequestGuard::accepts(accept, "text/event-stream"), sse);
    }

    void contentType_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<bool>("json");
        QTest::addRow("plain") << QByteArray("application/json") << true;
        QTest::addRow("charset") << QByteArray("application/json; charset=utf-8") << true;
        QTest::addRow("case") << QByteArray("Application/JSON") << true;
        QTest::addRow("text") << QByteArray("text/plain") << false;
        QTest::addRow("missing") << QByteArray() << false;
    }
    void contentType()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(bool, json);
        QCOMPARE(RequestGuard::isJsonContentType(contentType), json);
    }

    void environmentIsValidated_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("ok");
        QTest::addRow("body limit") << QByteArray("JCR_MCP_MAX_BODY_BYTES") << QByteArray("4096") << true;
        QTest::addRow("body limit, words") << QByteArray("JCR_MCP_MAX_BODY_BYTES") << QByteArray("lots") << false;
        QTest::addRow("sessions, zero") << QByteArray("JCR_MCP_MAX_SESSIONS") << QByteArray("0") << false;
        QTest::addRow("workers, too many") << QByteArray("JCR_MCP_WORKERS") << QByteArray("100000") << false;
        QTest::addRow("answer cache off") << QByteArray("JCR_MCP_ANSWER_CACHE_MB") << QByteArray("0") << true;
        QTest::addRow("answer cache, negative") << QByteArray("JCR_MCP_ANSWER_CACHE_MB") << QByteArray("-1") << false;
        QTest::addRow("session secret, long enough")
            << QByteArray("JCR_MCP_SESSION_SECRET") << QByteArray("0123456789abcdef0123456789abcdef") << true;
        QTest::addRow("session secret, too short")
            << QByteArray("JCR_MCP_SESSION_SECRET") << QByteArray("abc") << false;
        QTest::addRow("session age, zero") << QByteArray("JCR_MCP_SESSION_MAX_AGE_SECONDS") << QByteArray("0") << false;
    }
    void environmentIsValidated()
    {
        QFETCH(QByteArray, variable);
        QFETCH(QByteArray, value);
        QFETCH(bool, ok);
        qputenv(variable.constData(), value);
        HttpSettings settings;
        QString error;
        const bool read = settings.readEnvironment(&error);
        qunsetenv(variable.constData());
        QCOMPARE(read, ok);
        if (!ok)
            QVERIFY2(error.contains(QString::fromLatin1(variable)), qPrintable(error));
        else if (variable == "JCR_MCP_MAX_BODY_BYTES")
            QCOMPARE(settings.maxBodyBytes, 4096);
        else if (variable == "JCR_MCP_ANSWER_CACHE_MB")
            QCOMPARE(settings.answerCacheBytes, 0);
        else if (variable == "JCR_MCP_SESSION_SECRET")
            QCOMPARE(settings.sessionSecret, value);
    }
};

QTEST_GUILESS_MAIN(TestRequestGuard)
#include "tst_requestguard.moc"
