// Data mirrors (issue 14): the URL templates tried after the GitHub raw file host fails, their placeholders,
// JCR_MCP_DATA_MIRRORS, and the fallback itself against two local HTTP servers — the first failing in each
// way a source can fail, the second a mirror that has the files.

#include "cannedhttpserver.h"
#include "datamirrors.h"
#include "datasource.h"
#include "fixturedatabase.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace jcr;

namespace {

const QString ShowJcr = QStringLiteral("https://raw.githubusercontent.com/hitfyd/ShowJCR/master/"
                                       "%E4%B8%AD%E7%A7%91%E9%99%A2/");
const QString JsDelivr = QStringLiteral("https://cdn.jsdelivr.net/gh/{owner}/{repo}@{branch}/{file_path}");

/// Serves the fixture files under `prefix` (e.g. /mirror/data/), or answers every request with `failure`.
class MirrorServer : public test::CannedHttpServer
{
public:
    MirrorServer(const QByteArray& prefix, int failure = 0)
        : CannedHttpServer([prefix, failure](const Request& request) {
              Reply reply;
              reply.contentType = "text/csv";
              if (failure) {
                  reply.status = failure;
                  reply.body = "failing on purpose";
                  return reply;
              }
              QFile file(QDir(test::miniDataDir()).filePath(QString::fromUtf8(request.path).section(u'/', -1)));
              if (!request.path.startsWith(prefix) || !file.open(QIODevice::ReadOnly)) {
                  reply.status = 404;
                  return reply;
              }
              reply.body = file.readAll();
              return reply;
          })
    {
    }
};

} // namespace

class TestDataMirrors : public QObject
{
    Q_OBJECT

private slots:
    void expand_data();
    void expand();
    void configuredTemplates_data();
    void configuredTemplates();
    void candidatesStartWithTheSource();
    void fallsBackToTheMirror_data();
    void fallsBackToTheMirror();
    void everySourceFailing();
    void sourceThatWorksIsUsedAlone();
};

void TestDataMirrors::expand_data()
{
    QTest::addColumn<QString>("urlTemplate");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("expected");
    QTest::newRow("jsDelivr, ShowJCR")
        << JsDelivr << ShowJcr << "https://cdn.jsdelivr.net/gh/hitfyd/ShowJCR@master/%E4%B8%AD%E7%A7%91%E9%99%A2/";
    QTest::newRow("jsDelivr, JabRef") << JsDelivr << DataSource::defaultAbbreviationsBaseUrl()
                                      << "https://cdn.jsdelivr.net/gh/JabRef/abbrv.jabref.org@main/journals/";
    QTest::newRow("proxy of the whole URL")
        << "https://ghproxy.net/{url}" << ShowJcr << "https://ghproxy.net/" + ShowJcr;
    QTest::newRow("path on another host") << "http://mirror.example.cn/showjcr/{path}"
                                          << "http://127.0.0.1:8000/data/"
                                          << "http://mirror.example.cn/showjcr/data/";
    QTest::newRow("GitHub placeholders, not GitHub") << JsDelivr << "http://127.0.0.1:8000/data/" << QString();
    QTest::newRow("not a URL") << JsDelivr << "../shared/showjcr" << QString();
}

void TestDataMirrors::expand()
{
    QFETCH(QString, urlTemplate);
    QFETCH(QString, baseUrl);
    QFETCH(QString, expected);
    QCOMPARE(DataMirrors::expand(urlTemplate, baseUrl), expected);
}

void TestDataMirrors::configuredTemplates_data()
{
    QTest::addColumn<QByteArray>("setting"); // "-" leaves the variable unset
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("unset") << QByteArray("-") << DataMirrors::defaultTemplates();
    QTest::newRow("none") << QByteArray("none") << QStringList{};
    QTest::newRow("two, commas and spaces") << QByteArray(" https://a.example/{url}, https://b.example/{path} ")
                                            << QStringList{"https://a.example/{url}", "https://b.example/{path}"};
}

void TestDataMirrors::configuredTemplates()
{
    QFETCH(QByteArray, setting);
    QFETCH(QStringList, expected);
    if (setting == "-")
        qunsetenv("JCR_MCP_DATA_MIRRORS");
    else
        qputenv("JCR_MCP_DATA_MIRRORS", setting);
    const QStringList templates = DataMirrors::configuredTemplates();
    qunsetenv("JCR_MCP_DATA_MIRRORS");
    QCOMPARE(templates, expected);
}

void TestDataMirrors::candidatesStartWithTheSource()
{
    const QStringList urls = DataMirrors::candidates(ShowJcr, {JsDelivr, JsDelivr, QStringLiteral("{path}x")});
    QCOMPARE(urls.size(), 3); // the duplicate dropped
    QCOMPARE(urls.first(), ShowJcr);
    QVERIFY(urls.at(1).startsWith(QStringLiteral("https://cdn.jsdelivr.net/")));
}

void TestDataMirrors::fallsBackToTheMirror_data()
{
    QTest::addColumn<int>("failure");
    QTest::newRow("server error") << 503;
    QTest::newRow("forbidden") << 403;
    QTest::newRow("no file there") << 404;
    QTest::newRow("nobody listening") << -1;
}

void TestDataMirrors::fallsBackToTheMirror()
{
    QFETCH(int, failure);
    MirrorServer first("/data/", failure > 0 ? failure : 0);
    MirrorServer mirror("/mirror/data/");
    QString baseUrl = first.url(QStringLiteral("/data/"));
    if (failure < 0) {
        // A port that was just free: the connection is refused.
        MirrorServer closed("/data/");
        baseUrl = closed.url(QStringLiteral("/data/"));
    }
    const QString mirrorTemplate = mirror.url(QStringLiteral("/mirror/{path}"));
    const QStringList names{QStringLiteral("JCR2021-UTF8.csv"), QStringLiteral("JCR2023-UTF8.csv")};
    DataSource source;
    QString error;
    const QList<SourceFile> files = source.fetchWithMirrors(baseUrl, names, {mirrorTemplate}, &error, 10000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(files.size(), names.size());
    QCOMPARE(source.usedUrl(), mirror.url(QStringLiteral("/mirror/data/")));
    QCOMPARE(mirror.requests().size(), names.size());
    if (failure > 0)
        QVERIFY(!first.requests().isEmpty());
}

void TestDataMirrors::everySourceFailing()
{
    MirrorServer first("/data/", 500);
    MirrorServer second("/data/", 502);
    DataSource source;
    QString error;
    const QList<SourceFile> files =
        source.fetchWithMirrors(first.url(QStringLiteral("/data/")), {QStringLiteral("JCR2021-UTF8.csv")},
                                {second.url(QStringLiteral("/{path}"))}, &error, 10000);
    QVERIFY(files.isEmpty());
    QVERIFY(source.usedUrl().isEmpty());
    QVERIFY2(error.contains(first.url(QStringLiteral("/data/"))) &&
                 error.contains(second.url(QStringLiteral("/data/"))),
             qPrintable(error));
}

void TestDataMirrors::sourceThatWorksIsUsedAlone()
{
    MirrorServer first("/data/");
    MirrorServer mirror("/mirror/data/");
    DataSource source;
    QString error;
    const QList<SourceFile> files =
        source.fetchWithMirrors(first.url(QStringLiteral("/data/")), {QStringLiteral("JCR2021-UTF8.csv")},
                                {mirror.url(QStringLiteral("/mirror/{path}"))}, &error, 10000);
    QCOMPARE(files.size(), 1);
    QCOMPARE(source.usedUrl(), first.url(QStringLiteral("/data/")));
    QVERIFY(mirror.requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestDataMirrors)
#include "tst_datamirrors.moc"
