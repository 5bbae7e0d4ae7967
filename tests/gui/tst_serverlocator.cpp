// ServerLocator: where the tray app finds jcr-mcp-server — beside itself, then in the build tree
// (../server), then on PATH — with fake server programs in a temporary tree.

#include "serverlocator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::ServerLocator;

namespace {

bool placeServer(const QString& folder)
{
    QDir().mkpath(folder);
    QFile file(folder + QLatin1Char('/') + QLatin1String(ServerLocator::ServerName));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("#!/bin/sh\n");
    file.close();
    return file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
}

} // namespace

class TestServerLocator : public QObject
{
    Q_OBJECT

private slots:
    void findsInOrder_data();
    void findsInOrder();
    void namesEveryPlace();
};

void TestServerLocator::findsInOrder_data()
{
    QTest::addColumn<QStringList>("serversIn"); // folders (relative to the tree) holding a server
    QTest::addColumn<QString>("expected");      // the folder it must come from; empty: not found
    QTest::newRow("beside the app") << QStringList{"app/gui", "app/server", "path"} << "app/gui";
    QTest::newRow("build tree") << QStringList{"app/server", "path"} << "app/server";
    QTest::newRow("PATH") << QStringList{"path"} << "path";
    QTest::newRow("nowhere") << QStringList{} << QString();
    QTest::newRow("not a sibling server folder") << QStringList{"server"} << QString();
}

void TestServerLocator::findsInOrder()
{
    QFETCH(QStringList, serversIn);
    QFETCH(QString, expected);
    QTemporaryDir tree;
    QVERIFY(tree.isValid());
    QDir().mkpath(tree.filePath(QStringLiteral("app/gui")));
    for (const QString& folder : serversIn)
        QVERIFY(placeServer(tree.filePath(folder)));
    const QByteArray oldPath = qgetenv("PATH");
    qputenv("PATH", tree.filePath(QStringLiteral("path")).toLocal8Bit());
    const QString found = ServerLocator::locate(tree.filePath(QStringLiteral("app/gui")));
    qputenv("PATH", oldPath);
    const QString wanted = expected.isEmpty()
                               ? QString()
                               : tree.filePath(expected) + QLatin1Char('/') + QLatin1String(ServerLocator::ServerName);
    QCOMPARE(QDir::cleanPath(found), wanted);
}

void TestServerLocator::namesEveryPlace()
{
    const QStringList places = ServerLocator::searchedPlaces(QStringLiteral("/opt/jcr/gui"));
    QCOMPARE(places,
             (QStringList{QStringLiteral("/opt/jcr/gui"), QStringLiteral("/opt/jcr/server"), QStringLiteral("PATH")}));
}

QTEST_GUILESS_MAIN(TestServerLocator)
#include "tst_serverlocator.moc"
