// Listening beyond loopback needs a token or an explicit opt-out (docs/http-transport.md, "Authentication"):
// the real server refuses `--host 0.0.0.0` without JCR_MCP_TOKEN (exit 2, saying how to set one and how to
// opt out), and starts with a token, with --allow-unauthenticated, or with JCR_MCP_ALLOW_UNAUTHENTICATED=1.

#include "fixturedatabase.h"
#include "rawhttp.h"
#include "serverprocess.h"

#include <QTemporaryDir>
#include <QTest>

using jcr::test::RawHttp;
using jcr::test::ServerProcess;

namespace {

const QString Token = QStringLiteral("0123456789abcdef0123456789abcdef");

} // namespace

class TestPublicBind : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("jcr.db"));
        QString error;
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
    }

    void refusesWithoutToken_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("environment"); ///< NAME=VALUE
        QTest::addRow("--host 0.0.0.0") << QStringList{QStringLiteral("--host"), QStringLiteral("0.0.0.0")}
                                        << QStringList();
        QTest::addRow("JCR_MCP_HOST=0.0.0.0") << QStringList() << QStringList{QStringLiteral("JCR_MCP_HOST=0.0.0.0")};
        QTest::addRow("--host ::") << QStringList{QStringLiteral("--host"), QStringLiteral("::")} << QStringList();
        QTest::addRow("opt-out set to 0") << QStringList{QStringLiteral("--host"), QStringLiteral("0.0.0.0")}
                                          << QStringList{QStringLiteral("JCR_MCP_ALLOW_UNAUTHENTICATED=0")};
        QTest::addRow("blank token") << QStringList{QStringLiteral("--host"), QStringLiteral("0.0.0.0")}
                                     << QStringList{QStringLiteral("JCR_MCP_TOKEN=  ")};
    }

    void refusesWithoutToken()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, environment);
        ServerProcess server;
        QVERIFY(server.startOnly(serverArguments(arguments), withVariables(environment)));
        const int code = server.waitForExit(20000);
        const QString err = server.stderrText();
        QVERIFY2(code == 2, qPrintable(QStringLiteral("exit %1 (expected 2):\n%2").arg(code).arg(err)));
        QVERIFY2(!err.contains(QStringLiteral("listening on http")), qPrintable(err));
        // The message says how to set a token, and how to opt out knowingly.
        for (const QString& hint :
             {QStringLiteral("JCR_MCP_TOKEN"), QStringLiteral("openssl rand -hex 32"),
              QStringLiteral("--allow-unauthenticated"), QStringLiteral("JCR_MCP_ALLOW_UNAUTHENTICATED=1")})
            QVERIFY2(err.contains(hint), qPrintable(QStringLiteral("no \"%1\" in:\n%2").arg(hint, err)));
    }

    void starts_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<bool>("warns"); ///< logs that it runs without authentication
        const QStringList anyAddress{QStringLiteral("--host"), QStringLiteral("0.0.0.0")};
        QTest::addRow("with a token") << anyAddress << QStringList{QStringLiteral("JCR_MCP_TOKEN=") + Token} << false;
        QTest::addRow("--allow-unauthenticated")
            << anyAddress + QStringList{QStringLiteral("--allow-unauthenticated")} << QStringList() << true;
        QTest::addRow("JCR_MCP_ALLOW_UNAUTHENTICATED=1")
            << anyAddress << QStringList{QStringLiteral("JCR_MCP_ALLOW_UNAUTHENTICATED=1")} << true;
        QTest::addRow("JCR_MCP_ALLOW_UNAUTHENTICATED=true, JCR_MCP_HOST")
            << QStringList()
            << QStringList{QStringLiteral("JCR_MCP_ALLOW_UNAUTHENTICATED=true"), QStringLiteral("JCR_MCP_HOST=0.0.0.0")}
            << true;
        QTest::addRow("loopback needs neither") << QStringList() << QStringList() << false;
    }

    void starts()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, environment);
        QFETCH(bool, warns);
        ServerProcess server;
        QVERIFY2(server.start(serverArguments(arguments), withVariables(environment)),
                 qPrintable(server.errorString() + u'\n' + server.stderrText()));
        const RawHttp::Response health =
            RawHttp::request(server.port(), "GET", "/health", {{"Authorization", "Bearer " + Token.toLatin1()}});
        QVERIFY2(health.status == 200, qPrintable(health.describe()));
        const QString err = server.stderrText();
        // Once, naming what allowed it; nothing when a token or loopback makes it safe.
        QCOMPARE(err.count(QStringLiteral("without JCR_MCP_TOKEN")), warns ? 1 : 0);
        QCOMPARE(err.count(QStringLiteral("without JCR_MCP_TOKEN, as allowed by --allow-unauthenticated")),
                 warns ? 1 : 0);

        server.terminate();
        QCOMPARE(server.waitForExit(10000), 0);
    }

    void rejectsUnclearOptOut()
    {
        ServerProcess server;
        QVERIFY(server.startOnly(serverArguments({QStringLiteral("--host"), QStringLiteral("0.0.0.0")}),
                                 withVariables({QStringLiteral("JCR_MCP_ALLOW_UNAUTHENTICATED=maybe")})));
        QCOMPARE(server.waitForExit(20000), 2);
        QVERIFY2(server.stderrText().contains(QStringLiteral("JCR_MCP_ALLOW_UNAUTHENTICATED is \"maybe\"")),
                 qPrintable(server.stderrText()));
    }

private:
    QStringList serverArguments(const QStringList& extra) const
    {
        return QStringList{QStringLiteral("--transport"), QStringLiteral("http"), QStringLiteral("--db"), m_database} +
               extra;
    }

    static QProcessEnvironment withVariables(const QStringList& assignments)
    {
        QProcessEnvironment environment = ServerProcess::cleanEnvironment();
        for (const QString& assignment : assignments)
            environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
        return environment;
    }

    QTemporaryDir m_dir;
    QString m_database;
};

QTEST_GUILESS_MAIN(TestPublicBind)
#include "tst_publicbind.moc"
