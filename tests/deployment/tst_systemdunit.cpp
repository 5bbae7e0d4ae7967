// installer/jcr-mcp-server.service: `systemd-analyze verify` accepts it without a warning, its sandbox rates
// OK or better in `systemd-analyze security`, its settings are the hardened set the deployment promises, the
// database lies in the only writable place, and its ExecStartPre builds the database once, when missing.
// No systemd runs here (nor in CI's container), so verify reads the unit from a unit folder of our own
// (SYSTEMD_UNIT_PATH) with a drop-in pointing ExecStart at the built binary: the unit itself is unchanged,
// and tst_debpackage verifies the installed unit against the installed /usr/bin binary.

#include "commandrun.h"
#include "fixturedatabase.h"
#include "testpaths.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMultiHash>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace jcr::test;

namespace {

const QString InstalledServer = QStringLiteral("/usr/bin/jcr-mcp-server");
const QString UnitName = QStringLiteral("jcr-mcp-server.service");

QString unitPath()
{
    return sourceDir() + QStringLiteral("/installer/") + UnitName;
}

QString readText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// Key=value settings of the unit (repeated keys keep every value, in order).
QMultiHash<QString, QString> unitSettings(const QString& text)
{
    QMultiHash<QString, QString> settings;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char('[')) ||
            equals < 0)
            continue;
        settings.insert(trimmed.left(equals), trimmed.mid(equals + 1));
    }
    return settings;
}

QProcessEnvironment withUnitPath(const QString& folder)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SYSTEMD_UNIT_PATH"), folder + QLatin1Char(':')); // ':' keeps the defaults
    return environment;
}

} // namespace

class TestSystemdUnit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verifies();
    void sandboxRatesOk();
    void hardened_data();
    void hardened();
    void databaseInStateDirectory();
    void execStartPreSyncsOnlyWhenMissing();

private:
    QString m_text;
    QMultiHash<QString, QString> m_settings;
    QTemporaryDir m_units; // SYSTEMD_UNIT_PATH: the unit and a drop-in with the built binary
};

void TestSystemdUnit::initTestCase()
{
    m_text = readText(unitPath());
    QVERIFY2(!m_text.isEmpty(), qPrintable(unitPath() + " is missing"));
    m_settings = unitSettings(m_text);
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty(),
             "systemd-analyze is missing: install the Debian package systemd (scripts/install-deps.sh does)");

    QVERIFY(m_units.isValid());
    QVERIFY(QFile::copy(unitPath(), m_units.filePath(UnitName)));
    QVERIFY(QDir(m_units.path()).mkpath(UnitName + QStringLiteral(".d")));
    QFile dropIn(m_units.filePath(UnitName + QStringLiteral(".d/built-binary.conf")));
    QVERIFY(dropIn.open(QIODevice::WriteOnly));
    QString commands = QStringLiteral("[Service]\n");
    for (const QString& key :
         {QStringLiteral("ExecStartPre"), QStringLiteral("ExecStart"), QStringLiteral("ExecReload")}) {
        const QStringList values = m_settings.values(key);
        QVERIFY2(!values.isEmpty(), qPrintable(key + " is missing"));
        commands += key + QStringLiteral("=\n");                     // clears the unit's own commands
        for (auto it = values.crbegin(); it != values.crend(); ++it) // QMultiHash keeps the newest first
            commands += key + QLatin1Char('=') + QString(*it).replace(InstalledServer, serverBinary()) + u'\n';
    }
    dropIn.write(commands.toUtf8());
}

void TestSystemdUnit::verifies()
{
    const CommandRun run = CommandRun::run(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), UnitName},
                                           withUnitPath(m_units.path()));
    // Unknown keys and bad values are only warnings: any output fails.
    QVERIFY2(run.exitCode == 0 && run.err.trimmed().isEmpty() && run.out.trimmed().isEmpty(),
             qPrintable(run.describe()));
}

void TestSystemdUnit::sandboxRatesOk()
{
    const CommandRun run = CommandRun::run(
        QStringLiteral("systemd-analyze"),
        {QStringLiteral("security"), QStringLiteral("--offline=true"), QStringLiteral("--no-pager"), UnitName},
        withUnitPath(m_units.path()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QRegularExpressionMatch overall =
        QRegularExpression(QStringLiteral("Overall exposure level for \\S+: ([0-9.]+) (\\w+)"))
            .match(QString::fromUtf8(run.out));
    QVERIFY2(overall.hasMatch(), qPrintable(run.describe()));
    qInfo("systemd-analyze security: exposure %s %s", qPrintable(overall.captured(1)), qPrintable(overall.captured(2)));
    const QStringList acceptable{QStringLiteral("PERFECT"), QStringLiteral("SAFE"), QStringLiteral("OK")};
    QVERIFY2(acceptable.contains(overall.captured(2)), qPrintable(run.describe()));
}

void TestSystemdUnit::hardened_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // a regular expression the whole value must match

    const QList<QPair<QString, QString>> rows{
        {QStringLiteral("DynamicUser"), QStringLiteral("yes")},
        {QStringLiteral("StateDirectory"), QStringLiteral("jcr-mcp")},
        {QStringLiteral("ProtectSystem"), QStringLiteral("strict")},
        {QStringLiteral("ProtectHome"), QStringLiteral("yes|read-only|tmpfs")},
        {QStringLiteral("PrivateTmp"), QStringLiteral("yes")},
        {QStringLiteral("PrivateDevices"), QStringLiteral("yes")},
        {QStringLiteral("NoNewPrivileges"), QStringLiteral("yes")},
        {QStringLiteral("CapabilityBoundingSet"), QString()},
        {QStringLiteral("RestrictAddressFamilies"), QStringLiteral("(AF_\\w+ ?)+")},
        {QStringLiteral("SystemCallFilter"), QStringLiteral("@system-service")},
        {QStringLiteral("SystemCallArchitectures"), QStringLiteral("native")},
        {QStringLiteral("Restart"), QStringLiteral("on-failure")},
        {QStringLiteral("TimeoutStopSec"), QStringLiteral("\\d+s?")},
        {QStringLiteral("EnvironmentFile"), QStringLiteral("-/etc/default/jcr-mcp")},
        {QStringLiteral("ExecStart"), QRegularExpression::escape(InstalledServer)},
        {QStringLiteral("ExecReload"), QRegularExpression::escape(InstalledServer) + QStringLiteral(" sync")},
    };
    for (const auto& [key, value] : rows)
        QTest::newRow(qPrintable(key)) << key << value;
}

void TestSystemdUnit::hardened()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QStringList values = m_settings.values(key);
    QVERIFY2(!values.isEmpty(), qPrintable(key + " is not set"));
    const QRegularExpression pattern(QRegularExpression::anchoredPattern(value));
    QVERIFY2(std::any_of(values.cbegin(), values.cend(), [&](const QString& v) { return pattern.match(v).hasMatch(); }),
             qPrintable(QStringLiteral("%1=%2, expected %3").arg(key, values.join(u','), value)));
}

void TestSystemdUnit::databaseInStateDirectory()
{
    // ProtectSystem=strict leaves only the state directory writable: the database and its sync must be there.
    QString database;
    for (const QString& setting : m_settings.values(QStringLiteral("Environment"))) {
        if (setting.startsWith(QLatin1String("JCR_MCP_DB=")))
            database = setting.mid(int(qstrlen("JCR_MCP_DB=")));
    }
    const QString state = m_settings.value(QStringLiteral("StateDirectory"));
    QVERIFY2(database.startsWith(QStringLiteral("%S/") + state + QLatin1Char('/')),
             qPrintable(QStringLiteral("JCR_MCP_DB=%1 is not in StateDirectory=%2").arg(database, state)));
}

void TestSystemdUnit::execStartPreSyncsOnlyWhenMissing()
{
    // The unit's own command, as systemd runs it: "-" (failure allowed) dropped, "$$" unescaped.
    QString command = m_settings.value(QStringLiteral("ExecStartPre"));
    const QRegularExpressionMatch shell = QRegularExpression(QStringLiteral("^-?/bin/sh -c '(.*)'$")).match(command);
    QVERIFY2(shell.hasMatch(), qPrintable("ExecStartPre is not `/bin/sh -c '...'`: " + command));
    const QString script =
        shell.captured(1).replace(QStringLiteral("$$"), QStringLiteral("$")).replace(InstalledServer, serverBinary());

    QTemporaryDir state;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("JCR_MCP_DB"), state.filePath(QStringLiteral("jcr.db")));
    environment.insert(QStringLiteral("JCR_MCP_DATA_SOURCE"), miniDataDir());
    const CommandRun first = CommandRun::run(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}, environment);
    QVERIFY2(first.exitCode == 0 && first.err.contains("progress"), qPrintable(first.describe()));
    const QFileInfo built(state.filePath(QStringLiteral("jcr.db")));
    QVERIFY(built.size() > 0);
    const QDateTime builtAt = built.lastModified();

    const CommandRun second = CommandRun::run(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}, environment);
    QVERIFY2(second.exitCode == 0 && second.err.isEmpty() && second.out.isEmpty(), qPrintable(second.describe()));
    QCOMPARE(QFileInfo(state.filePath(QStringLiteral("jcr.db"))).lastModified(), builtAt);
}

QTEST_GUILESS_MAIN(TestSystemdUnit)
#include "tst_systemdunit.moc"
