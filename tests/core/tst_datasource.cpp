// Tests of DataSource's download path against a local HTTP server: files missing upstream are skipped, an
// interrupted download fails the whole fetch (so no database is built from half the data).

#include "dataimporter.h"
#include "datasource.h"
#include "fixturedatabase.h"
#include "journalrepository.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace jcr;

/// A minimal HTTP/1.0 file server on loopback. Written here rather than with QHttpServer because one case
/// needs what no well-behaved server does: announce a body and close the connection half-way through it.
class FileServer : public QObject
{
    Q_OBJECT
public:
    explicit FileServer(const QString& folder) : m_folder(folder)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &FileServer::serve);
        m_server.listen(QHostAddress::LocalHost);
    }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1/data/").arg(m_server.serverPort()); }
    QString truncate; ///< a file name whose body is cut off mid-way
    QStringList requested;

private:
    void serve()
    {
        QTcpSocket* socket = m_server.nextPendingConnection();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            const QList<QByteArray> requestLine = socket->readLine().trimmed().split(' ');
            const QString path = QUrl::fromPercentEncoding(requestLine.value(1));
            const QString name = path.section(u'/', -1);
            requested << name;
            QFile file(QDir(m_folder).filePath(name));
            if (!path.startsWith(QLatin1String("/data/")) || !file.open(QIODevice::ReadOnly)) {
                socket->write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                socket->disconnectFromHost();
                return;
            }
            const QByteArray body = file.readAll();
            socket->write("HTTP/1.0 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n");
            socket->write(name == truncate ? body.left(body.size() / 2) : body);
            socket->disconnectFromHost();
        });
    }

    QTcpServer m_server;
    QString m_folder;
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
        QCOMPARE(server.requested.size(), names.size());

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
