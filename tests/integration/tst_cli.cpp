// Tests of the jcr-mcp-server command line, run as a real process: options before or after the command,
// exit codes and messages for every kind of mistake.

#include "cannedhttpserver.h"
#include "fixturedatabase.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run run(const QStringList& arguments,
            const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(jcr::test::serverBinary(), arguments);
        Run result;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("jcr.db"));
        const Run sync = run({QStringLiteral("sync"), QStringLiteral("--from"), jcr::test::miniDataDir(),
                              QStringLiteral("--db"), m_database});
        QCOMPARE(sync.exitCode, 0);
        QVERIFY2(sync.err.contains(QStringLiteral("sync done: 15 files")), qPrintable(sync.err));
        QVERIFY2(sync.err.contains(QStringLiteral("progress [")), qPrintable(sync.err)); // not a terminal: lines
        QVERIFY(sync.out.isEmpty());
        // A sync from a folder does not go online for the abbreviation lists unasked.
        QVERIFY2(!sync.err.contains(QStringLiteral("abbreviation")), qPrintable(sync.err));
    }

    void abbreviationSource_data()
    {
        QTest::addColumn<bool>("byEnvironment");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expectedErr");
        const QString lists = jcr::test::fixturesDir() + QStringLiteral("/abbrv");
        const QString imported = QStringLiteral("abbreviations: 4 lists, 14 rows, 2 journals gained abbreviations");
        QTest::addRow("--abbreviations-from") << false << lists << imported;
        QTest::addRow("JCR_MCP_ABBREVIATIONS_SOURCE") << true << lists << imported;
        // A missing source is a warning: the database is still built from the ShowJCR files.
        QTest::addRow("missing folder") << false << QStringLiteral("/nonexistent/abbrv")
                                        << QStringLiteral("warning: abbreviation lists not imported from "
                                                          "/nonexistent/abbrv");
        QTest::addRow("unreachable URL") << false << QStringLiteral("http://127.0.0.1:1/journals/")
                                         << QStringLiteral("warning: abbreviation lists not imported from "
                                                           "http://127.0.0.1:1/journals/");
    }

    void abbreviationSource()
    {
        QFETCH(bool, byEnvironment);
        QFETCH(QString, source);
        QFETCH(QString, expectedErr);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        QStringList arguments{QStringLiteral("sync"), QStringLiteral("--from"), jcr::test::miniDataDir(),
                              QStringLiteral("--db"), m_dir.filePath(QStringLiteral("abbreviations.db"))};
        if (byEnvironment)
            environment.insert(QStringLiteral("JCR_MCP_ABBREVIATIONS_SOURCE"), source);
        else
            arguments << QStringLiteral("--abbreviations-from") << source;
        const Run sync = run(arguments, environment);
        QCOMPARE(sync.exitCode, 0);
        QVERIFY2(sync.err.contains(QStringLiteral("sync done: 15 files")), qPrintable(sync.err));
        QVERIFY2(sync.err.contains(expectedErr), qPrintable(sync.err));
    }

    void commands_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expectedOut");
        QTest::addColumn<QString>("expectedErr");
        const QString db = QStringLiteral("@DB@");
        QTest::addRow("options before the command")
            << QStringList{"--db", db, "query", "Alpha Journal of Testing"} << 0 << "## Alpha Journal of Testing"
            << "";
        QTest::addRow("options after the command")
            << QStringList{"query", "Alpha", "Journal", "--db", db} << 0 << "IF 109"
            << "";
        QTest::addRow("query by ISSN") << QStringList{"query", "8765432x", "--db", db} << 0 << "ISSN: 1234-5678"
                                       << "";
        QTest::addRow("search") << QStringList{"search", "alpha", "--db", db, "--limit", "2"} << 0 << "3 match(es)"
                                << "";
        QTest::addRow("search, no match") << QStringList{"search", "zzzzqqq", "--db", db} << 1 << "No journal"
                                          << "";
        QTest::addRow("query, no match") << QStringList{"query", "zzzzqqq", "--db", db} << 1 << ""
                                         << "no journal matches";
        QTest::addRow("help") << QStringList{"--help"} << 0 << "sync"
                              << "";
        QTest::addRow("version") << QStringList{"--version"} << 0 << "jcr-mcp-server"
                                 << "";
        QTest::addRow("unknown command") << QStringList{"frobnicate"} << 2 << ""
                                         << "unknown command";
        QTest::addRow("unknown option") << QStringList{"--frobnicate"} << 2 << ""
                                        << "frobnicate";
        QTest::addRow("query without a name") << QStringList{"query", "--db", db} << 2 << ""
                                              << "needs a journal name";
        QTest::addRow("bad limit") << QStringList{"search", "x", "--limit", "many"} << 2 << ""
                                   << "--limit";
        QTest::addRow("missing database") << QStringList{"query", "Nature", "--db", "/nonexistent/jcr.db"} << 1 << ""
                                          << "jcr-mcp-server sync";
        QTest::addRow("10,000-character query")
            << QStringList{"search", QString(10000, QLatin1Char('x')), "--db", db} << 1 << ""
            << "at most";
        QTest::addRow("sync from a missing folder")
            << QStringList{"sync", "--from", "/nonexistent", "--db", db} << 1 << ""
            << "unchanged";
        QTest::addRow("sync with a stray argument") << QStringList{"sync", "now"} << 2 << ""
                                                    << "unexpected argument";
        QTest::addRow("unknown transport") << QStringList{"--transport", "carrier-pigeon"} << 2 << ""
                                           << "must be stdio, sse, streamable-http or http";
        QTest::addRow("port out of range") << QStringList{"search", "x", "--port", "70000"} << 2 << ""
                                           << "--port gives the port \"70000\"";
        QTest::addRow("host that is not an address") << QStringList{"search", "x", "--host", "my computer"} << 2 << ""
                                                     << "--host gives the host";
        QTest::addRow("healthcheck, nothing listening") << QStringList{"healthcheck", "--port", "9"} << 1 << ""
                                                        << "unhealthy: no answer from http://127.0.0.1:9/health";
        const QString refs = jcr::test::fixturesDir() + QStringLiteral("/references/");
        QTest::addRow("check: a warning-listed journal exits 1")
            << QStringList{"check", refs + "mini-warned.bib", "--db", db} << 1
            << "⚠ 预警名单 Warning list: [beta] Beta Letters"
            << "";
        QTest::addRow("check: a clean list exits 0")
            << QStringList{"check", refs + "mini-clean.txt", "--db", db} << 0 << "Warning list: none"
            << "";
        QTest::addRow("check: --year") << QStringList{"check", refs + "mini-clean.txt", "--year", "2024", "--db", db}
                                       << 0 << "IF 2024 8"
                                       << "";
        QTest::addRow("check: a missing file exits 2")
            << QStringList{"check", "/nonexistent/refs.bib", "--db", db} << 2 << ""
            << "cannot read /nonexistent/refs.bib";
        QTest::addRow("check: binary data exits 2")
            << QStringList{"check", refs + "not-text.bin", "--db", db} << 2 << ""
            << "not UTF-8 text";
        QTest::addRow("check: missing database exits 2")
            << QStringList{"check", refs + "mini-clean.txt", "--db", "/nonexistent/jcr.db"} << 2 << ""
            << "jcr-mcp-server sync";
        QTest::addRow("check without a file") << QStringList{"check", "--db", db} << 2 << ""
                                              << "check needs one reference list file";
        QTest::addRow("check: --json and --csv") << QStringList{"check", "-", "--json", "--csv"} << 2 << ""
                                                 << "exclude each other";
        QTest::addRow("check: bad --year") << QStringList{"check", "-", "--year", "soon"} << 2 << ""
                                           << "--year";
        QTest::addRow("healthcheck, not a URL") << QStringList{"healthcheck", "--url", "ftp://x/health"} << 2 << ""
                                                << "not an http(s) URL";
    }
    void commands()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, expectedOut);
        QFETCH(QString, expectedErr);
        arguments.replaceInStrings(QStringLiteral("@DB@"), m_database);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.out.contains(expectedOut), qPrintable(result.out));
        QVERIFY2(result.err.contains(expectedErr), qPrintable(result.err));
    }

    void jsonOutput()
    {
        const Run result = run({QStringLiteral("query"), QStringLiteral("Beta Letters"), QStringLiteral("--json"),
                                QStringLiteral("--db"), m_database});
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error;
        const QJsonObject profile = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(profile.value(QStringLiteral("title")).toString(), QStringLiteral("Beta Letters"));
        QCOMPARE(profile.value(QStringLiteral("warnings")).toArray().size(), 2);
    }

    void checkJson()
    {
        const Run result = run({QStringLiteral("check"), jcr::test::fixturesDir() + "/references/mini-warned.bib",
                                QStringLiteral("--json"), QStringLiteral("--db"), m_database});
        QCOMPARE(result.exitCode, 1);
        QJsonParseError error;
        const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray entries = report.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).toObject().value(QStringLiteral("journal")).toObject().value("issn").toString(),
                 QStringLiteral("1234-5678"));
        QCOMPARE(entries.at(2).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("preprint"));
        QCOMPARE(report.value(QStringLiteral("summary")).toObject().value("warningHits").toArray().size(), 1);
    }

    void checkCsvFromStandardInput()
    {
        QProcess process;
        process.start(jcr::test::serverBinary(), {QStringLiteral("check"), QStringLiteral("-"), QStringLiteral("--csv"),
                                                  QStringLiteral("--db"), m_database});
        process.write("@article{a, journal = {Alpha Journal of Testing}}\n@book{b, title = {A book}}\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QStringList rows = QString::fromUtf8(process.readAllStandardOutput()).split(QStringLiteral("\r\n"));
        QCOMPARE(rows.size(), 4); // header, two entries, the empty string after the last line end
        QVERIFY(rows.at(0).startsWith(QStringLiteral("key,line,type,venue_as_written,status")));
        QVERIFY2(
            rows.at(1).startsWith(QStringLiteral("\"a\",\"1\",\"article\",\"Alpha Journal of Testing\",\"resolved\"")),
            qPrintable(rows.at(1)));
        QVERIFY2(rows.at(2).contains(QStringLiteral("\"no_venue\"")), qPrintable(rows.at(2)));
    }

    void environmentNamesTheDatabase()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("JCR_MCP_DB"), m_database);
        const Run result = run({QStringLiteral("search"), QStringLiteral("测试学报")}, environment);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("CCF-A")), qPrintable(result.out));
    }

    void environmentIsValidatedToo_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::addColumn<QByteArray>("value");
        QTest::addRow("JCR_MCP_PORT") << QByteArray("JCR_MCP_PORT") << QByteArray("eighty");
        QTest::addRow("JCR_MCP_TRANSPORT") << QByteArray("JCR_MCP_TRANSPORT") << QByteArray("websocket");
        QTest::addRow("JCR_MCP_HOST") << QByteArray("JCR_MCP_HOST") << QByteArray("256.1.1.1");
    }
    void environmentIsValidatedToo()
    {
        QFETCH(QByteArray, variable);
        QFETCH(QByteArray, value);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(variable), QString::fromLatin1(value));
        // The server refuses to start; the data commands do not read these settings and still work.
        const Run serve = run({QStringLiteral("--db"), m_database}, environment);
        QCOMPARE(serve.exitCode, 2);
        QVERIFY2(serve.err.contains(QString::fromLatin1(variable)) && serve.err.contains(QString::fromLatin1(value)),
                 qPrintable(serve.err));
        const Run search =
            run({QStringLiteral("search"), QStringLiteral("Beta Letters"), QStringLiteral("--db"), m_database},
                environment);
        QVERIFY2(search.exitCode == 0, qPrintable(search.err));
    }

    void kubernetesServiceLinksAreExplained()
    {
        // A Service named jcr-mcp makes Kubernetes set JCR_MCP_PORT=tcp://IP:PORT in every pod.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("JCR_MCP_PORT"), QStringLiteral("tcp://10.96.0.12:80"));
        const Run serve = run(
            {QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), m_database}, environment);
        QCOMPARE(serve.exitCode, 2);
        QVERIFY2(serve.err.contains(QStringLiteral("enableServiceLinks")), qPrintable(serve.err));
    }

    void healthcheck_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("tokenRequired");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::addRow("healthy") << 200 << QByteArray(R"({"status":"ok"})") << false << QByteArray() << 0 << "healthy";
        QTest::addRow("unhealthy, with the reason")
            << 503 << QByteArray(R"({"status":"unhealthy","message":"no journal database at /data/jcr.db"})") << false
            << QByteArray() << 1 << "503 (unhealthy): no journal database at /data/jcr.db";
        QTest::addRow("200 but not ok") << 200 << QByteArray(R"({"status":"starting"})") << false << QByteArray() << 1
                                        << "unhealthy";
        QTest::addRow("not JSON") << 200 << QByteArray("<html>proxy page</html>") << false << QByteArray() << 1
                                  << "unhealthy";
        QTest::addRow("token sent") << 200 << QByteArray(R"({"status":"ok"})") << true << QByteArray("s3cret") << 0
                                    << "healthy";
        QTest::addRow("token missing") << 200 << QByteArray(R"({"status":"ok"})") << true << QByteArray() << 1 << "401";
    }
    void healthcheck()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, tokenRequired);
        QFETCH(QByteArray, token);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        using Server = jcr::test::CannedHttpServer;
        Server server([&](const Server::Request& request) {
            if (tokenRequired && request.headers.value("authorization") != "Bearer s3cret")
                return Server::Reply{401, R"({"error":"token"})"};
            return Server::Reply{status, body};
        });
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("JCR_MCP_TOKEN"));
        if (!token.isEmpty())
            environment.insert(QStringLiteral("JCR_MCP_TOKEN"), QString::fromLatin1(token));
        // The server answers from this process's event loop, so wait for the command without blocking it.
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(jcr::test::serverBinary(),
                      {QStringLiteral("healthcheck"), QStringLiteral("--port"), QString::number(server.port())});
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 20000);
        const QString output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QCOMPARE(process.exitCode(), exitCode);
        QVERIFY2(output.contains(expected), qPrintable(output));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().first().path, QByteArray("/health"));
    }

    void environmentNamesTheDataSource()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("JCR_MCP_DATA_SOURCE"), jcr::test::miniDataDir());
        const QString other = m_dir.filePath(QStringLiteral("other.db"));
        const Run result = run({QStringLiteral("sync"), QStringLiteral("--db"), other}, environment);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(QFile::exists(other));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
