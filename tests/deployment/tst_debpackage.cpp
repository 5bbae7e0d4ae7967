// The .deb end to end: `cpack -G DEB` in this build folder, the package's contents and control data, then
// `dpkg -i` on this machine and the INSTALLED /usr/bin/jcr-mcp-server: it syncs the fixture data, serves
// Streamable HTTP and answers an MCP initialize; the installed systemd unit verifies against the installed
// binary; `dpkg -r` removes the binaries but keeps the conffile, `dpkg -P` removes that too.
// It changes the system (CI runs it as root on a throw-away machine): RESOURCE_LOCK keeps it apart from
// anything else that touches /usr/bin, and it purges the package again whatever happens.

#include "commandrun.h"
#include "fixturedatabase.h"
#include "mcpmessages.h"
#include "rawhttp.h"
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <chrono>

#include <unistd.h>

using namespace jcr::test;

namespace {

const QString Package = QStringLiteral("jcr-mcp");
const QString InstalledServer = QStringLiteral("/usr/bin/jcr-mcp-server");
const QString InstalledUnit = QStringLiteral("/lib/systemd/system/jcr-mcp-server.service");
const QString Conffile = QStringLiteral("/etc/default/jcr-mcp");

bool isInstalled()
{
    const CommandRun query =
        CommandRun::run(QStringLiteral("dpkg-query"), {QStringLiteral("-W"), QStringLiteral("-f=${Status}"), Package});
    return query.exitCode == 0 && query.out.contains("install ok installed");
}

/// dpkg knows the package in any state (installed, or removed with its conffiles left).
bool isKnownToDpkg()
{
    const CommandRun query =
        CommandRun::run(QStringLiteral("dpkg-query"), {QStringLiteral("-W"), QStringLiteral("-f=${Status}"), Package});
    return query.exitCode == 0 && !query.out.contains("not-installed");
}

/// Runs dpkg, waiting while another package manager holds its lock (an apt-get elsewhere on the machine):
/// dpkg has no lock timeout of its own, unlike apt-get's DPkg::Lock::Timeout.
CommandRun runDpkg(const QStringList& arguments,
                   const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QDeadlineTimer patience(std::chrono::minutes(10));
    for (;;) {
        CommandRun dpkg = CommandRun::run(QStringLiteral("dpkg"), arguments, environment);
        if (dpkg.exitCode == 0 || !dpkg.err.contains("lock") || patience.hasExpired())
            return dpkg;
        QThread::sleep(2);
    }
}

} // namespace

class TestDebPackage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void builds();
    void contents_data();
    void contents();
    void controlData();
    void installs();
    void installedServerAnswers();
    void installedUnitVerifies();
    void removesAndPurges();
    void cleanupTestCase();

private:
    QTemporaryDir m_output;
    QString m_package; // the .deb file
};

void TestDebPackage::initTestCase()
{
    QVERIFY2(geteuid() == 0, "tst_debpackage installs a package with dpkg and must run as root (CI does); run it "
                             "as root on a machine you may change, or leave it out: ctest -LE deployment");
    for (const char* tool : {"dpkg", "dpkg-deb", "dpkg-query", "dpkg-shlibdeps", "apt-get", "systemd-analyze"})
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                 qPrintable(QStringLiteral("%1 is missing (scripts/install-deps.sh installs it)").arg(tool)));
    QVERIFY2(QFileInfo::exists(buildDir() + QStringLiteral("/CPackConfig.cmake")),
             "CPackConfig.cmake is missing: installer/CMakeLists.txt is not part of the build");
    // A package left behind by an aborted run would make dpkg -i an upgrade and hide mistakes.
    if (isKnownToDpkg()) {
        const CommandRun purge = runDpkg({QStringLiteral("-P"), Package});
        QVERIFY2(purge.exitCode == 0, qPrintable(purge.describe()));
    }
}

void TestDebPackage::builds()
{
    QVERIFY(m_output.isValid());
    const CommandRun cpack =
        CommandRun::run(QStringLiteral(JCR_CPACK_COMMAND),
                        {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), m_output.path(),
                         QStringLiteral("--config"), buildDir() + QStringLiteral("/CPackConfig.cmake")},
                        QProcessEnvironment::systemEnvironment(), buildDir(), 600000);
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.describe()));
    const QStringList packages = QDir(m_output.path()).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QVERIFY2(packages.size() == 1, qPrintable(cpack.describe()));
    m_package = m_output.filePath(packages.constFirst());
    qInfo("package: %s, %lld bytes", qPrintable(packages.constFirst()), QFileInfo(m_package).size());
}

void TestDebPackage::contents_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("server") << QStringLiteral(".") + InstalledServer;
    QTest::newRow("systemd unit") << QStringLiteral(".") + InstalledUnit;
    QTest::newRow("service settings") << QStringLiteral(".") + Conffile;
    QTest::newRow("deployment guide") << QStringLiteral("./usr/share/doc/jcr-mcp/DEPLOYMENT.md");
#ifdef JCR_HAS_TRAY
    QTest::newRow("tray app") << QStringLiteral("./usr/bin/jcr-mcp-tray");
    QTest::newRow("desktop entry") << QStringLiteral("./usr/share/applications/jcr-mcp-tray.desktop");
#endif
}

void TestDebPackage::contents()
{
    QFETCH(QString, path);
    QVERIFY2(!m_package.isEmpty(), "no package was built");
    const CommandRun list = CommandRun::run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_package});
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    bool found = false;
    for (const QByteArray& line : list.out.split('\n'))
        found = found || line.endsWith(' ' + path.toUtf8());
    QVERIFY2(found, qPrintable(path + " is not in the package:\n" + list.out));
}

void TestDebPackage::controlData()
{
    QVERIFY2(!m_package.isEmpty(), "no package was built");
    const CommandRun fields =
        CommandRun::run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_package, QStringLiteral("Package"),
                                                     QStringLiteral("Version"), QStringLiteral("Depends")});
    QVERIFY2(fields.exitCode == 0, qPrintable(fields.describe()));
    QVERIFY2(fields.out.contains("Package: " + Package.toUtf8()), qPrintable(fields.describe()));
    QVERIFY2(fields.out.contains("Version: " JCR_MCP_VERSION), qPrintable(fields.describe()));
    // dpkg-shlibdeps found the Qt libraries the binaries link; the SQLite plugin is added by hand.
    for (const char* dependency : {"libqt6core6", "libqt6httpserver6", "libqt6sql6 ", "libqt6sql6-sqlite"})
        QVERIFY2(fields.out.contains(dependency),
                 qPrintable(QStringLiteral("Depends lacks %1:\n%2")
                                .arg(QString::fromLatin1(dependency).trimmed(), QString::fromUtf8(fields.out))));
    const CommandRun conffiles =
        CommandRun::run(QStringLiteral("dpkg-deb"), {QStringLiteral("-I"), m_package, QStringLiteral("conffiles")});
    QVERIFY2(conffiles.exitCode == 0 && conffiles.out.split('\n').contains(Conffile.toUtf8()),
             qPrintable(conffiles.describe()));
}

void TestDebPackage::installs()
{
    QVERIFY2(!m_package.isEmpty(), "no package was built");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DEBIAN_FRONTEND"), QStringLiteral("noninteractive"));
    const CommandRun install = runDpkg({QStringLiteral("-i"), m_package}, environment);
    if (install.exitCode != 0) {
        // Missing dependencies: dpkg leaves the package unconfigured, apt-get pulls them in and finishes it.
        const CommandRun fix =
            CommandRun::run(QStringLiteral("apt-get"),
                            {QStringLiteral("install"), QStringLiteral("-f"), QStringLiteral("-y"),
                             QStringLiteral("-q"), QStringLiteral("-o"), QStringLiteral("DPkg::Lock::Timeout=600")},
                            environment, QString(), 600000);
        QVERIFY2(fix.exitCode == 0, qPrintable(install.describe() + u'\n' + fix.describe()));
    }
    QVERIFY2(isInstalled(), qPrintable(install.describe()));
    QVERIFY(QFileInfo(InstalledServer).isExecutable());
    const CommandRun version = CommandRun::run(InstalledServer, {QStringLiteral("--version")});
    QVERIFY2(version.exitCode == 0 && version.out.contains(JCR_MCP_VERSION), qPrintable(version.describe()));
}

void TestDebPackage::installedServerAnswers()
{
    QVERIFY2(isInstalled(), "the package is not installed");
    QTemporaryDir data;
    const QString database = data.filePath(QStringLiteral("jcr.db"));
    const CommandRun sync = CommandRun::run(InstalledServer, {QStringLiteral("sync"), QStringLiteral("--from"),
                                                              miniDataDir(), QStringLiteral("--db"), database});
    QVERIFY2(sync.exitCode == 0 && QFileInfo(database).size() > 0, qPrintable(sync.describe()));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("JCR_MCP_TOKEN"));
    environment.remove(QStringLiteral("JCR_MCP_HOST"));
    ServerProcess server;
    QVERIFY2(server.startLauncher(InstalledServer,
                                  {QStringLiteral("--transport"), QStringLiteral("streamable-http"),
                                   QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"), database},
                                  environment),
             qPrintable(server.errorString()));
    const QByteArray initialize = McpMessages::initialize(1, QStringLiteral("2025-06-18"));
    const RawHttp::Response response = RawHttp::request(
        server.port(), "POST", "/mcp",
        {{"Content-Type", "application/json"}, {"Accept", "application/json, text/event-stream"}}, initialize);
    QVERIFY2(response.status == 200, qPrintable(response.describe()));
    QVERIFY2(!response.header("Mcp-Session-Id").isEmpty(), qPrintable(response.describe()));
    const QJsonObject serverInfo =
        response.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("serverInfo")).toObject();
    QCOMPARE(serverInfo.value(QStringLiteral("version")).toString(), QStringLiteral(JCR_MCP_VERSION));
    QCOMPARE(RawHttp::request(server.port(), "GET", "/health").status, 200);
    server.terminate();
    QCOMPARE(server.waitForExit(15000), 0);
}

void TestDebPackage::installedUnitVerifies()
{
    QVERIFY2(isInstalled(), "the package is not installed");
    // The unit as installed, with the binary as installed: ExecStart's path must be the package's.
    const CommandRun verify =
        CommandRun::run(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), InstalledUnit});
    QVERIFY2(verify.exitCode == 0 && verify.out.trimmed().isEmpty() && verify.err.trimmed().isEmpty(),
             qPrintable(verify.describe()));
}

void TestDebPackage::removesAndPurges()
{
    QVERIFY2(isInstalled(), "the package is not installed");
    const CommandRun remove = runDpkg({QStringLiteral("-r"), Package});
    QVERIFY2(remove.exitCode == 0, qPrintable(remove.describe()));
    QVERIFY(!QFileInfo::exists(InstalledServer));
    QVERIFY(!QFileInfo::exists(InstalledUnit));
    QVERIFY2(QFileInfo::exists(Conffile), "dpkg -r removed the conffile: it must stay until purge");
    const CommandRun purge = runDpkg({QStringLiteral("-P"), Package});
    QVERIFY2(purge.exitCode == 0, qPrintable(purge.describe()));
    QVERIFY(!QFileInfo::exists(Conffile));
    QVERIFY(!isKnownToDpkg());
}

void TestDebPackage::cleanupTestCase()
{
    if (geteuid() == 0 && isKnownToDpkg())
        runDpkg({QStringLiteral("-P"), Package});
}

QTEST_GUILESS_MAIN(TestDebPackage)
#include "tst_debpackage.moc"
