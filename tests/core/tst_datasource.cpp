// Tests of DataSource's download path against a local HTTP server: files missing upstream are skipped, an
// interrupted download fails the whole fetch (so no database is built from half the data).

#include "cannedhttpserver.h"
#include "dataimporter.h"
#include "datasource.h"
#include "fixturedatabase.h"
#include "journalrepository.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace jcr;

/// Serves the files of `folder` under /data/, 404 for anything else; `truncate` names a file whose body
/// is cut off half-way.
class FileServer : public test::CannedHttpServer
{
public:
    explicit FileServer(const QString& folder)
        : CannedHttpServer([this, folder](const Request& request) {
              Reply reply;
              reply.contentType = "text/csv";
              const QString name = QString::fromUtf8(request.path).section(u'/', -1);
              QFile file(QDir(folder).filePath(name));
              if (!request.path.startsWith("/data/") || !file.open(QIODevice::ReadOnly)) {
                  reply.status = 404;
                  return reply;
              }
              reply.body = file.readAll();
              reply.cutBodyInHalf = name == truncate;
              return reply;
          })
    {
    }
    QString baseUrl() const { return url(QStringLiteral("/data/")); }
    QString truncate;
};

class TestDataSource : public QObject
{
    Q_OBJECT

private slots:
    void fileNames()
    {
        QVERIFY(DataSource::defaultFileNames().contains(QStringLiteral("FQBJCR2025-UTF8.csv")));
        QVERIFY(DataSource::isUrl(DataSource::defaultBaseUrl()));
        QVERIFY(DataSource::defaultBaseUrl().startsWith(
            QStringLiteral("https://raw.githubusercontent.com/hitfyd/ShowJCR/master/")));
        QVERIFY(!DataSource::isUrl(QStringLiteral("../shared/showjcr")));
        qputenv("JCR_MCP_DATA_FILES", " JCR2025-UTF8.csv, CCF2026-UTF8.csv ,");
        QCOMPARE(DataSource::configuredFileNames(),
                 QStringList({QStringLiteral("JCR2025-UTF8.csv"), QStringLiteral("CCF2026-UTF8.csv")}));
        qunsetenv("JCR_MCP_DATA_FILES");
        QCOMPARE(DataSource::configuredFileNames(), DataSource::defaultFileNames());
    }

    void missingUpstreamFileIsSkipped()
    {
        FileServer server(test::miniDataDir());
        const QStringList names = QDir(test::miniDataDir()).entryList({QStringLiteral("*.csv")}, QDir::Files)
                                  << QStringLiteral("JCR2099-UTF8.csv");
        DataSource source;
        QString error;
        const QList<SourceFile> files = source.fetch(server.baseUrl(), names, &error, 10000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(files.size(), names.size() - 1);
        QCOMPARE(source.skippedFiles(), QStringList{QStringLiteral("JCR2099-UTF8.csv")});
        QCOMPARE(server.requests().size(), names.size());

        // What was downloaded builds the same database as the folder does.
        QTemporaryDir dir;
        DataImporter importer;
        QVERIFY2(importer.build(files, dir.filePath(QStringLiteral("jcr.db")), server.baseUrl(), &error),
                 qPrintable(error));
        JournalRepository repository;
        QVERIFY(repository.open(dir.filePath(QStringLiteral("jcr.db"))));
        QCOMPARE(repository.databaseInfo().journals, 15);
        QCOMPARE(repository.databaseInfo().dataSource, server.baseUrl());
    }

    void interruptedDownloadFails()
    {
        FileServer server(test::miniDataDir());
        server.truncate = QStringLiteral("JCR2023-UTF8.csv");
        DataSource source;
        QString error;
        const QList<SourceFile> files = source.fetch(
            server.baseUrl(), {QStringLiteral("JCR2021-UTF8.csv"), QStringLiteral("JCR2023-UTF8.csv")}, &error, 10000);
        QVERIFY(files.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("JCR2023-UTF8.csv")), qPrintable(error));
    }

    void nothingAtTheSource()
    {
        FileServer server(test::miniDataDir());
        DataSource source;
        QString error;
        QVERIFY(source.fetch(server.baseUrl(), {QStringLiteral("JCR2099-UTF8.csv")}, &error, 10000).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("none of the 1 data files")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDataSource)
#include "tst_datasource.moc"
