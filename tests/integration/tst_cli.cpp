// Tests of the jcr-mcp-server command line, run as a real process: options before or after the command,
// exit codes and messages for every kind of mistake.

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

    void environmentNamesTheDatabase()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("JCR_MCP_DB"), m_database);
        const Run result = run({QStringLiteral("search"), QStringLiteral("测试学报")}, environment);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("CCF-A")), qPrintable(result.out));
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
