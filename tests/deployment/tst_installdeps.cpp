// The quick start's profiles (issue 14): scripts/install-deps.sh installs only what the server needs for
// `run-server.sh` and everything for `run-tests.sh` and CI. The package lists come from the script itself
// (--list); the quick-start scripts run in a copy of the repository where install-deps.sh, build.sh, the
// server and ctest are stubs that record how they were called.

#include "commandrun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace jcr::test;

namespace {

QString installDeps()
{
    return sourceDir() + QStringLiteral("/scripts/install-deps.sh");
}

QStringList profilePackages(const QString& profile)
{
    const CommandRun run = CommandRun::run(installDeps(), {QStringLiteral("--list"), profile});
    if (run.exitCode != 0)
        qWarning("%s", qPrintable(run.describe()));
    return QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool writeExecutable(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(text);
    file.close();
    return file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
}

/// A stub that appends its name and arguments to $JCR_STUB_LOG.
QByteArray recordingStub(const QByteArray& name)
{
    return "#!/bin/sh\necho \"" + name + " $*\" >> \"$JCR_STUB_LOG\"\n";
}

} // namespace

class TestInstallDeps : public QObject
{
    Q_OBJECT

private slots:
    void profilesNest_data();
    void profilesNest();
    void serverProfileIsLean_data();
    void serverProfileIsLean();
    void rejectsUnknownProfile();
    void everyPackageExistsInDebian();
    void scriptsUseTheirProfile_data();
    void scriptsUseTheirProfile();
};

void TestInstallDeps::profilesNest_data()
{
    QTest::addColumn<QString>("smaller");
    QTest::addColumn<QString>("larger");
    QTest::newRow("server in gui") << QStringLiteral("server") << QStringLiteral("gui");
    QTest::newRow("gui in test") << QStringLiteral("gui") << QStringLiteral("test");
}

void TestInstallDeps::profilesNest()
{
    QFETCH(QString, smaller);
    QFETCH(QString, larger);
    const QStringList small = profilePackages(smaller);
    const QStringList large = profilePackages(larger);
    QVERIFY(!small.isEmpty());
    QVERIFY2(large.size() > small.size(), qPrintable(larger + " adds nothing to " + smaller));
    for (const QString& package : small)
        QVERIFY2(large.contains(package), qPrintable(package + " is in " + smaller + " but not in " + larger));
}

void TestInstallDeps::serverProfileIsLean_data()
{
    QTest::addColumn<QString>("package");
    QTest::addColumn<bool>("inServer");
    for (const char* heavy :
         {"docker.io", "docker-compose", "nginx", "debootstrap", "clang", "nodejs", "qt6-tools-dev", "systemd"})
        QTest::newRow(heavy) << QString::fromLatin1(heavy) << false;
    for (const char* needed :
         {"cmake", "ninja-build", "qt6-base-dev", "qt6-httpserver-dev", "libqt6sql6-sqlite", "ca-certificates"})
        QTest::newRow(needed) << QString::fromLatin1(needed) << true;
}

void TestInstallDeps::serverProfileIsLean()
{
    QFETCH(QString, package);
    QFETCH(bool, inServer);
    QCOMPARE(profilePackages(QStringLiteral("server")).contains(package), inServer);
    QVERIFY2(profilePackages(QStringLiteral("test")).contains(package), qPrintable(package + " missing in test"));
}

void TestInstallDeps::rejectsUnknownProfile()
{
    const CommandRun run = CommandRun::run(installDeps(), {QStringLiteral("--list"), QStringLiteral("servr")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("unknown profile"), qPrintable(run.describe()));
}

void TestInstallDeps::everyPackageExistsInDebian()
{
    // A misspelt package name would only fail on a fresh machine; apt-cache knows every real one.
    const QStringList packages = profilePackages(QStringLiteral("test"));
    const CommandRun run = CommandRun::run(QStringLiteral("apt-cache"), QStringList{QStringLiteral("show")} + packages);
    if (run.exitCode == -1)
        QSKIP("apt-cache is not available");
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
}

void TestInstallDeps::scriptsUseTheirProfile_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("expectedCalls");
    QTest::newRow("run-server.sh") << QStringLiteral("scripts/run-server.sh")
                                   << QStringList{QStringLiteral("install-deps server"), QStringLiteral("build server"),
                                                  QStringLiteral("jcr-mcp-server sync"),
                                                  QStringLiteral("jcr-mcp-server query Nature"),
                                                  QStringLiteral("jcr-mcp-server --transport http")};
    QTest::newRow("run-tests.sh") << QStringLiteral("scripts/run-tests.sh")
                                  << QStringList{QStringLiteral("install-deps test"), QStringLiteral("build all"),
                                                 QStringLiteral("ctest --test-dir build --output-on-failure "
                                                                "--parallel %1")
                                                     .arg(QThread::idealThreadCount())};
    QTest::newRow(".ci/run") << QStringLiteral(".ci/run")
                             << QStringList{QStringLiteral("install-deps test"), QStringLiteral("build all")};
}

void TestInstallDeps::scriptsUseTheirProfile()
{
    QFETCH(QString, script);
    QFETCH(QStringList, expectedCalls);
    QTemporaryDir repo;
    QVERIFY(repo.isValid());
    for (const QString& copied :
         {QStringLiteral("scripts/run-server.sh"), QStringLiteral("scripts/run-tests.sh"), QStringLiteral(".ci/run")}) {
        QFile original(sourceDir() + QLatin1Char('/') + copied);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QVERIFY(writeExecutable(repo.filePath(copied), original.readAll()));
    }
    QVERIFY(writeExecutable(repo.filePath(QStringLiteral("scripts/install-deps.sh")), recordingStub("install-deps")));
    QVERIFY(writeExecutable(repo.filePath(QStringLiteral("scripts/build.sh")), recordingStub("build")));
    QVERIFY(
        writeExecutable(repo.filePath(QStringLiteral("build/server/jcr-mcp-server")), recordingStub("jcr-mcp-server")));
    QVERIFY(writeExecutable(repo.filePath(QStringLiteral("bin/ctest")), recordingStub("ctest")));
    const QString log = repo.filePath(QStringLiteral("calls.log"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1String("JCR_")))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("JCR_STUB_LOG"), log);
    environment.insert(QStringLiteral("PATH"), repo.filePath(QStringLiteral("bin")) + QStringLiteral(":/usr/bin:/bin"));
    const CommandRun run = CommandRun::run(repo.filePath(script), {}, environment, repo.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QFile calls(log);
    QVERIFY(calls.open(QIODevice::ReadOnly));
    const QStringList recorded = QString::fromUtf8(calls.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(recorded.mid(0, expectedCalls.size()), expectedCalls);
}

QTEST_GUILESS_MAIN(TestInstallDeps)
#include "tst_installdeps.moc"
