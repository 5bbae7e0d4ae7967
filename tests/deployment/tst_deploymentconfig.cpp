// The deployment files agree with the binary. The variables the server reads are taken from the built
// jcr-mcp-server itself (every JCR_MCP_* name compiled into it as a C string: what qgetenv() is called
// with), its defaults from its --help and from the HTTP contract (docs/http-transport.md). Then:
// - every file the deployment promises exists (Dockerfile, compose, .env.example, start.sh, Procfile,
//   the systemd unit, deploy/k8s/, DEPLOYMENT.md...);
// - what these files hand to the server (ENV, compose environment, Kubernetes env, unit Environment=) are
//   variables it reads, and every other JCR_MCP_* name they mention is read by some tool of ours (start.sh,
//   compose interpolation, a Docker build argument, the container entrypoint);
// - DEPLOYMENT.md's table and .env.example list every variable, with the server's defaults;
// - ports and health checks match: EXPOSE, compose ports and containerPort = the port the server is told,
//   HEALTHCHECK runs `jcr-mcp-server healthcheck`, probes use /health.

#include "commandrun.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace jcr::test;

namespace {

const QRegularExpression VariableName(QStringLiteral("JCR_MCP_[A-Z0-9_]*[A-Z0-9]"));

QString readText(const QString& relativePath)
{
    QFile file(sourceDir() + QLatin1Char('/') + relativePath);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool exists(const QString& relativePath)
{
    return QFileInfo::exists(sourceDir() + QLatin1Char('/') + relativePath);
}

QSet<QString> capturesOf(const QString& pattern, const QString& text, QRegularExpression::PatternOptions options = {})
{
    QSet<QString> names;
    QRegularExpressionMatchIterator it = QRegularExpression(pattern, options).globalMatch(text);
    while (it.hasNext())
        names.insert(it.next().captured(1));
    return names;
}

QSet<QString> mentions(const QString& text)
{
    return capturesOf(QStringLiteral("(%1)").arg(VariableName.pattern()), text);
}

QStringList sorted(const QSet<QString>& names)
{
    QStringList list(names.cbegin(), names.cend());
    list.sort();
    return list;
}

/// The cells of the Markdown table rows `| \`JCR_MCP_X\` | ... |` between `heading` and the next `## `.
QHash<QString, QStringList> tableRows(const QString& markdown, const QString& heading)
{
    QHash<QString, QStringList> rows;
    const qsizetype start = markdown.indexOf(heading);
    if (start < 0)
        return rows;
    const qsizetype end = markdown.indexOf(QStringLiteral("\n## "), start + heading.size());
    const QString section = markdown.mid(start, end < 0 ? -1 : end - start);
    for (const QString& line : section.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch row =
            QRegularExpression(QStringLiteral("^\\|\\s*`(%1)`\\s*\\|(.*)\\|\\s*$").arg(VariableName.pattern()))
                .match(line);
        if (!row.hasMatch())
            continue;
        QStringList cells = row.captured(2).split(QLatin1Char('|'));
        for (QString& cell : cells)
            cell = cell.trimmed();
        rows.insert(row.captured(1), cells);
    }
    return rows;
}

/// The first word or number of a default cell, without Markdown code marks: "`8080`" and "8080 (1 MiB)"
/// both give "8080".
QString firstToken(const QString& cell)
{
    QString text = cell;
    text.remove(QLatin1Char('`'));
    return text.section(QRegularExpression(QStringLiteral("[\\s,;(]+")), 0, 0, QString::SectionSkipEmpty);
}

/// `KEY=value` lines of a Dockerfile ENV instruction (several per instruction, continued with `\`).
QHash<QString, QString> dockerEnv(const QString& dockerfile)
{
    QHash<QString, QString> env;
    QString joined = dockerfile;
    joined.replace(QStringLiteral("\\\n"), QStringLiteral(" "));
    for (const QString& line : joined.split(QLatin1Char('\n'))) {
        if (!line.trimmed().startsWith(QLatin1String("ENV ")))
            continue;
        QRegularExpressionMatchIterator it =
            QRegularExpression(QStringLiteral("(\\w+)=(\"[^\"]*\"|\\S+)")).globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            QString value = match.captured(2);
            value.remove(QLatin1Char('"'));
            env.insert(match.captured(1), value);
        }
    }
    return env;
}

/// The value of an entry `NAME: value` or `- name: NAME\n value: v` in YAML, without quotes.
QString yamlValue(const QString& yaml, const QString& name)
{
    QRegularExpressionMatch match = QRegularExpression(QStringLiteral("^\\s*%1:\\s*\"?([^\"\\s#]+)\"?").arg(name),
                                                       QRegularExpression::MultilineOption)
                                        .match(yaml);
    if (match.hasMatch())
        return match.captured(1);
    match = QRegularExpression(QStringLiteral("-\\s*name:\\s*%1\\s*\\n\\s*value:\\s*\"?([^\"\\s#]+)\"?").arg(name))
                .match(yaml);
    return match.hasMatch() ? match.captured(1) : QString();
}

/// The lines of the YAML block under `key:` (more indented than the key).
QStringList yamlBlock(const QString& yaml, const QString& key)
{
    QStringList block;
    const QStringList lines = yaml.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch head =
            QRegularExpression(QStringLiteral("^(\\s*)%1:\\s*$").arg(key)).match(lines[i]);
        if (!head.hasMatch())
            continue;
        const qsizetype indent = head.captured(1).size();
        for (int j = i + 1; j < lines.size(); ++j) {
            const QString& line = lines[j];
            const QString trimmed = line.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
                continue;
            const qsizetype lineIndent = line.indexOf(trimmed.at(0));
            if (lineIndent < indent || (lineIndent == indent && !trimmed.startsWith(QLatin1Char('-'))))
                break;
            block << line;
        }
    }
    return block;
}

/// Whether a command (Dockerfile HEALTHCHECK, compose `test:`) runs `jcr-mcp-server healthcheck`.
bool runsHealthCheck(const QString& command)
{
    QString words = command;
    words.replace(QRegularExpression(QStringLiteral("[\\[\\]\",]")), QStringLiteral(" "));
    return QRegularExpression(QStringLiteral("(^|[\\s/])jcr-mcp-server\\s+healthcheck(\\s|$)"))
        .match(words.simplified())
        .hasMatch();
}

} // namespace

class TestDeploymentConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void expectedFilesExist_data();
    void expectedFilesExist();
    void handsOnlyServerVariables_data();
    void handsOnlyServerVariables();
    void everyMentionIsRead_data();
    void everyMentionIsRead();
    void listsEveryVariable_data();
    void listsEveryVariable();
    void documentedDefaults_data();
    void documentedDefaults();
    void dockerfileMatchesServer();
    void composeMatchesServer();
    void kubernetesMatchesServer();
    void kubernetesServiceLinksOff();
    void systemdMatchesServer();
    void procfileUsesStartScript();
    void containersNeedTokenOrOptOut();

private:
    QStringList kubernetesFiles() const;

    QSet<QString> m_server;                 // read by the jcr-mcp-server binary
    QHash<QString, QString> m_helpDefaults; // "default: JCR_MCP_X or VALUE" in --help
    QHash<QString, QString> m_contractDefaults;
    QHash<QString, QStringList> m_table; // DEPLOYMENT.md: variable → default, meaning
};

void TestDeploymentConfig::initTestCase()
{
    QFile binary(serverBinary());
    QVERIFY2(binary.open(QIODevice::ReadOnly), qPrintable(serverBinary() + " is not built"));
    m_server = mentions(QString::fromLatin1(binary.readAll()));

    // --help with a known HOME: the default database path then reads ~/.local/share/... as documented.
    QTemporaryDir home(QDir::tempPath() + QStringLiteral("/h-XXXXXX")); // short: --help wraps long lines
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1String("JCR_MCP_")) || name.startsWith(QLatin1String("XDG_")))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("HOME"), home.path());
    const CommandRun help = CommandRun::run(serverBinary(), {QStringLiteral("--help")}, environment);
    QVERIFY2(help.exitCode == 0, qPrintable(help.describe()));
    QRegularExpressionMatchIterator it =
        QRegularExpression(QStringLiteral("default: (%1) or ([^;)]+)").arg(VariableName.pattern()))
            .globalMatch(QString::fromUtf8(help.out).simplified().replace(QStringLiteral("/ "), QStringLiteral("/")));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        m_helpDefaults.insert(match.captured(1), match.captured(2).trimmed().replace(home.path(), QStringLiteral("~")));
    }
    QVERIFY2(!m_helpDefaults.isEmpty(), help.out.constData());
    for (auto entry = m_helpDefaults.cbegin(); entry != m_helpDefaults.cend(); ++entry)
        QVERIFY2(m_server.contains(entry.key()), qPrintable(entry.key() + " is in --help but not read by the binary"));

    const QHash<QString, QStringList> contract =
        tableRows(readText(QStringLiteral("docs/http-transport.md")), QStringLiteral("## Settings for hosted use"));
    for (auto row = contract.cbegin(); row != contract.cend(); ++row)
        m_contractDefaults.insert(row.key(), row.value().constLast());
    QVERIFY2(!m_contractDefaults.isEmpty(), "docs/http-transport.md has no variable table");

    m_table = tableRows(readText(QStringLiteral("DEPLOYMENT.md")), QStringLiteral("## Environment variables"));
}

QStringList TestDeploymentConfig::kubernetesFiles() const
{
    QStringList files;
    for (const QString& name : QDir(sourceDir() + QStringLiteral("/deploy/k8s"))
                                   .entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files))
        files << QStringLiteral("deploy/k8s/") + name;
    return files;
}

void TestDeploymentConfig::expectedFilesExist_data()
{
    QTest::addColumn<QString>("path");
    for (const char* path : {"Dockerfile", "docker-compose.yml", ".env.example", ".dockerignore", "start.sh",
                             "Procfile", "installer/jcr-mcp-server.service", "installer/jcr-mcp.default", "deploy/k8s",
                             "DEPLOYMENT.md", "QUICKSTART.md"})
        QTest::newRow(path) << QString::fromLatin1(path);
}

void TestDeploymentConfig::expectedFilesExist()
{
    QFETCH(QString, path);
    QVERIFY2(exists(path), qPrintable(path + " is missing"));
    if (path == QLatin1String("deploy/k8s"))
        QVERIFY2(!kubernetesFiles().isEmpty(), "deploy/k8s has no manifests");
    if (path == QLatin1String("DEPLOYMENT.md"))
        QVERIFY2(!m_table.isEmpty(), "DEPLOYMENT.md has no table of variables under \"## Environment variables\"");
}

void TestDeploymentConfig::handsOnlyServerVariables_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("names"); // what the file gives the server

    QTest::newRow("systemd unit") << QStringLiteral("installer/jcr-mcp-server.service")
                                  << sorted(mentions(readText(QStringLiteral("installer/jcr-mcp-server.service"))));
    QTest::newRow("/etc/default/jcr-mcp") << QStringLiteral("installer/jcr-mcp.default")
                                          << sorted(mentions(readText(QStringLiteral("installer/jcr-mcp.default"))));
    QTest::newRow("Dockerfile ENV")
        << QStringLiteral("Dockerfile")
        << sorted(mentions(dockerEnv(readText(QStringLiteral("Dockerfile"))).keys().join(QLatin1Char(' '))));
    // compose: the keys of `environment:` (map or `- NAME=value` list); ${...} in values are compose's own
    QTest::newRow("compose environment")
        << QStringLiteral("docker-compose.yml")
        << sorted(capturesOf(QStringLiteral("^\\s*-?\\s*(%1)[:=]").arg(VariableName.pattern()),
                             yamlBlock(readText(QStringLiteral("docker-compose.yml")), QStringLiteral("environment"))
                                 .join(QLatin1Char('\n')),
                             QRegularExpression::MultilineOption));
    for (const QString& path : kubernetesFiles()) {
        const QString yaml = readText(path);
        // env entries, and the keys of ConfigMaps and Secrets that envFrom hands over as they are
        const QSet<QString> given = capturesOf(QStringLiteral("-\\s*name:\\s*(%1)").arg(VariableName.pattern()), yaml) +
                                    capturesOf(QStringLiteral("^\\s+(%1):").arg(VariableName.pattern()), yaml,
                                               QRegularExpression::MultilineOption);
        QTest::newRow(qPrintable(path)) << path << sorted(given);
    }
    QTest::newRow("DEPLOYMENT.md table") << QStringLiteral("DEPLOYMENT.md")
                                         << sorted(QSet<QString>(m_table.keyBegin(), m_table.keyEnd()));
}

void TestDeploymentConfig::handsOnlyServerVariables()
{
    QFETCH(QString, path);
    QFETCH(QStringList, names);
    QVERIFY2(exists(path), qPrintable(path + " is missing"));
    QStringList unknown;
    for (const QString& name : std::as_const(names)) {
        if (!m_server.contains(name))
            unknown << name;
    }
    QVERIFY2(unknown.isEmpty(),
             qPrintable(QStringLiteral("%1 sets %2, which jcr-mcp-server does not read (it reads %3)")
                            .arg(path, unknown.join(u','), sorted(m_server).join(u','))));
}

void TestDeploymentConfig::everyMentionIsRead_data()
{
    QTest::addColumn<QString>("path");
    QStringList paths{QStringLiteral("Dockerfile"),
                      QStringLiteral("docker-compose.yml"),
                      QStringLiteral(".env.example"),
                      QStringLiteral("Procfile"),
                      QStringLiteral("installer/jcr-mcp-server.service"),
                      QStringLiteral("installer/jcr-mcp.default"),
                      QStringLiteral("DEPLOYMENT.md"),
                      QStringLiteral("QUICKSTART.md")};
    paths << kubernetesFiles();
    for (const QString& path : std::as_const(paths))
        QTest::newRow(qPrintable(path)) << path;
}

void TestDeploymentConfig::everyMentionIsRead()
{
    QFETCH(QString, path);
    QVERIFY2(exists(path), qPrintable(path + " is missing"));
    // Besides the server, our tools read a few variables of their own: start.sh, the container entrypoint,
    // compose (interpolation in docker-compose.yml) and the Docker build (ARG).
    QSet<QString> readers = m_server;
    readers +=
        capturesOf(QStringLiteral("\\$\\{?(%1)").arg(VariableName.pattern()), readText(QStringLiteral("start.sh")));
    readers += capturesOf(QStringLiteral("\\$\\{?(%1)").arg(VariableName.pattern()),
                          readText(QStringLiteral("docker/entrypoint.sh")));
    readers += capturesOf(QStringLiteral("\\$\\{(%1)").arg(VariableName.pattern()),
                          readText(QStringLiteral("docker-compose.yml")));
    readers += capturesOf(QStringLiteral("^ARG\\s+(%1)").arg(VariableName.pattern()),
                          readText(QStringLiteral("Dockerfile")), QRegularExpression::MultilineOption);
    QStringList unknown;
    for (const QString& name : mentions(readText(path))) {
        if (!readers.contains(name))
            unknown << name;
    }
    unknown.sort();
    QVERIFY2(unknown.isEmpty(), qPrintable(path + " mentions variables nothing reads: " + unknown.join(u',')));
}

void TestDeploymentConfig::listsEveryVariable_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("listed");
    QTest::newRow("DEPLOYMENT.md table") << QStringLiteral("DEPLOYMENT.md")
                                         << sorted(QSet<QString>(m_table.keyBegin(), m_table.keyEnd()));
    // .env.example says it lists every variable: one `#NAME=` or `NAME=` line each
    QTest::newRow(".env.example") << QStringLiteral(".env.example")
                                  << sorted(capturesOf(QStringLiteral("^#?(%1)=").arg(VariableName.pattern()),
                                                       readText(QStringLiteral(".env.example")),
                                                       QRegularExpression::MultilineOption));
}

void TestDeploymentConfig::listsEveryVariable()
{
    QFETCH(QString, path);
    QFETCH(QStringList, listed);
    QStringList missing;
    for (const QString& name : std::as_const(m_server)) {
        if (!listed.contains(name))
            missing << name;
    }
    missing.sort();
    QVERIFY2(missing.isEmpty(), qPrintable(path + " does not list " + missing.join(u',')));
}

void TestDeploymentConfig::documentedDefaults_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("wholeText"); // --help gives the default as text; the contract's first token counts
    for (const QString& name : sorted(m_server)) {
        if (m_helpDefaults.contains(name))
            QTest::newRow(qPrintable(name)) << name << m_helpDefaults.value(name) << true;
        else if (m_contractDefaults.contains(name))
            QTest::newRow(qPrintable(name)) << name << firstToken(m_contractDefaults.value(name)) << false;
    }
}

void TestDeploymentConfig::documentedDefaults()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QFETCH(bool, wholeText);
    QVERIFY2(m_table.contains(name), qPrintable(name + " is not in DEPLOYMENT.md's table"));
    const QString cell = m_table.value(name).value(0);
    QString text = cell;
    text.remove(QLatin1Char('`'));
    const bool matches = wholeText ? text.contains(expected, Qt::CaseInsensitive) : firstToken(cell) == expected;
    QVERIFY2(matches, qPrintable(QStringLiteral("DEPLOYMENT.md gives %1 the default \"%2\"; the server's is \"%3\"")
                                     .arg(name, cell, expected)));
}

void TestDeploymentConfig::dockerfileMatchesServer()
{
    const QString dockerfile = readText(QStringLiteral("Dockerfile"));
    QVERIFY2(!dockerfile.isEmpty(), "Dockerfile is missing");
    const QHash<QString, QString> env = dockerEnv(dockerfile);
    const QString port =
        env.value(QStringLiteral("JCR_MCP_PORT"), m_helpDefaults.value(QStringLiteral("JCR_MCP_PORT")));
    QVERIFY(!port.isEmpty());
    const QSet<QString> exposed =
        capturesOf(QStringLiteral("^EXPOSE\\s+(\\d+)"), dockerfile, QRegularExpression::MultilineOption);
    QVERIFY2(exposed == QSet<QString>{port},
             qPrintable(QStringLiteral("EXPOSE %1, the server listens on %2").arg(sorted(exposed).join(u' '), port)));
    // In a container the server must listen on every interface, or nothing outside reaches it.
    const QString host = env.value(QStringLiteral("JCR_MCP_HOST"));
    QVERIFY2(host == QLatin1String("0.0.0.0") || host == QLatin1String("::"),
             qPrintable("ENV JCR_MCP_HOST is \"" + host + "\", not 0.0.0.0"));
    const QRegularExpressionMatch health =
        QRegularExpression(QStringLiteral("^HEALTHCHECK.*\\bCMD\\b(.*)$"), QRegularExpression::MultilineOption)
            .match(dockerfile);
    QVERIFY2(health.hasMatch() && runsHealthCheck(health.captured(1)),
             "the Dockerfile's HEALTHCHECK does not run `jcr-mcp-server healthcheck`");
}

void TestDeploymentConfig::composeMatchesServer()
{
    const QString compose = readText(QStringLiteral("docker-compose.yml"));
    QVERIFY2(!compose.isEmpty(), "docker-compose.yml is missing");
    QString port =
        yamlValue(yamlBlock(compose, QStringLiteral("environment")).join(u'\n'), QStringLiteral("JCR_MCP_PORT"));
    if (port.isEmpty())
        port = dockerEnv(readText(QStringLiteral("Dockerfile"))).value(QStringLiteral("JCR_MCP_PORT"));
    QVERIFY2(!port.isEmpty(), "neither docker-compose.yml nor the Dockerfile sets JCR_MCP_PORT");
    const QStringList ports = yamlBlock(compose, QStringLiteral("ports"));
    QVERIFY2(!ports.isEmpty(), "docker-compose.yml publishes no port");
    for (QString entry : ports) {
        entry = entry.trimmed().remove(QRegularExpression(QStringLiteral("^-\\s*"))).remove(QLatin1Char('"'));
        entry.remove(QLatin1Char('\''));
        static const QRegularExpression longSyntaxOther(
            QStringLiteral("^(published|protocol|mode|host_ip|name|app_protocol):"));
        if (longSyntaxOther.match(entry).hasMatch())
            continue;
        const QString target = entry.startsWith(QLatin1String("target:"))
                                   ? entry.section(QLatin1Char(':'), 1).trimmed()
                                   : entry.section(QLatin1Char(':'), -1).section(QLatin1Char('/'), 0, 0);
        QVERIFY2(
            target == port,
            qPrintable(
                QStringLiteral("compose publishes container port %1; the server listens on %2").arg(target, port)));
    }
    const QStringList health = yamlBlock(compose, QStringLiteral("healthcheck"));
    QVERIFY2(!health.isEmpty() && runsHealthCheck(health.filter(QStringLiteral("test:")).join(u' ')),
             "docker-compose.yml's healthcheck does not run `jcr-mcp-server healthcheck`");
}

void TestDeploymentConfig::kubernetesMatchesServer()
{
    const QStringList files = kubernetesFiles();
    QVERIFY2(!files.isEmpty(), "deploy/k8s has no manifests");
    int containers = 0;
    for (const QString& path : files) {
        const QString yaml = readText(path);
        const QSet<QString> containerPorts = capturesOf(QStringLiteral("containerPort:\\s*(\\d+)"), yaml);
        if (containerPorts.isEmpty())
            continue;
        ++containers;
        QString port = yamlValue(yaml, QStringLiteral("JCR_MCP_PORT"));
        if (port.isEmpty())
            port = dockerEnv(readText(QStringLiteral("Dockerfile"))).value(QStringLiteral("JCR_MCP_PORT"));
        QVERIFY2(containerPorts == QSet<QString>{port},
                 qPrintable(QStringLiteral("%1: containerPort %2, the server listens on %3")
                                .arg(path, sorted(containerPorts).join(u' '), port)));
        const QSet<QString> probePaths = capturesOf(
            QStringLiteral("(?:readiness|liveness|startup)Probe:\\s*\\n\\s*httpGet:\\s*\\n\\s*path:\\s*(\\S+)"), yaml);
        QVERIFY2(!probePaths.isEmpty() && probePaths == QSet<QString>{QStringLiteral("/health")},
                 qPrintable(path + ": the probes do not ask /health: " + sorted(probePaths).join(u' ')));
    }
    QVERIFY2(containers > 0, "no manifest in deploy/k8s runs the server (no containerPort)");
}

void TestDeploymentConfig::kubernetesServiceLinksOff()
{
    // Kubernetes puts <SERVICE>_PORT=tcp://IP:PORT (and _SERVICE_HOST, ...) into every pod of the namespace
    // for each Service. A Service named jcr-mcp yields JCR_MCP_PORT, which the server reads: every command,
    // `sync` in the init container too, would then stop at "JCR_MCP_PORT gives the port tcp://...". Pods
    // must then run with enableServiceLinks: false.
    QStringList colliding;
    for (const QString& path : kubernetesFiles()) {
        const QString yaml = readText(path);
        if (!yaml.contains(
                QRegularExpression(QStringLiteral("^kind:\\s*Service\\s*$"), QRegularExpression::MultilineOption)))
            continue;
        const QRegularExpressionMatch name =
            QRegularExpression(QStringLiteral("^metadata:\\s*\\n(?:\\s+.*\\n)*?\\s+name:\\s*(\\S+)"),
                               QRegularExpression::MultilineOption)
                .match(yaml);
        if (!name.hasMatch())
            continue;
        const QString prefix = name.captured(1).toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
        for (const QString& suffix :
             {QStringLiteral("_PORT"), QStringLiteral("_SERVICE_HOST"), QStringLiteral("_SERVICE_PORT")}) {
            if (m_server.contains(prefix + suffix))
                colliding << prefix + suffix;
        }
    }
    if (colliding.isEmpty())
        return;
    for (const QString& path : kubernetesFiles()) {
        const QString yaml = readText(path);
        if (!yaml.contains(QLatin1String("containers:")))
            continue;
        QVERIFY2(yaml.contains(QRegularExpression(QStringLiteral("enableServiceLinks:\\s*false"))),
                 qPrintable(QStringLiteral("%1: the Service's environment variables (%2) collide with the server's; "
                                           "set enableServiceLinks: false in the pod spec")
                                .arg(path, colliding.join(u','))));
    }
}

void TestDeploymentConfig::systemdMatchesServer()
{
    const QString unit = readText(QStringLiteral("installer/jcr-mcp-server.service"));
    QVERIFY2(!unit.isEmpty(), "installer/jcr-mcp-server.service is missing");
    QHash<QString, QString> environment;
    QRegularExpressionMatchIterator it =
        QRegularExpression(QStringLiteral("^Environment=(%1)=(.*)$").arg(VariableName.pattern()),
                           QRegularExpression::MultilineOption)
            .globalMatch(unit);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        environment.insert(match.captured(1),
                           match.captured(2).trimmed().replace(QStringLiteral("%S"), QStringLiteral("/var/lib")));
    }
    // The service listens where the server would by default (a reverse proxy in front).
    for (const QString& name : {QStringLiteral("JCR_MCP_HOST"), QStringLiteral("JCR_MCP_PORT")}) {
        QVERIFY2(environment.value(name) == m_helpDefaults.value(name),
                 qPrintable(QStringLiteral("the unit sets %1=%2, the server's default is %3")
                                .arg(name, environment.value(name), m_helpDefaults.value(name))));
    }
    // The template's example values are what the service uses when the line stays commented out.
    const QString defaults = readText(QStringLiteral("installer/jcr-mcp.default"));
    QVERIFY2(!defaults.isEmpty(), "installer/jcr-mcp.default is missing");
    it = QRegularExpression(QStringLiteral("^#(%1)=(\\S+)$").arg(VariableName.pattern()),
                            QRegularExpression::MultilineOption)
             .globalMatch(defaults);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        const QString effective =
            environment.contains(name) ? environment.value(name) : firstToken(m_table.value(name).value(0));
        QVERIFY2(match.captured(2) == effective,
                 qPrintable(QStringLiteral("/etc/default/jcr-mcp shows %1=%2, but the service uses %3")
                                .arg(name, match.captured(2), effective)));
    }
}

void TestDeploymentConfig::procfileUsesStartScript()
{
    const QString procfile = readText(QStringLiteral("Procfile"));
    const QRegularExpressionMatch web =
        QRegularExpression(QStringLiteral("^web:\\s*(.*)$"), QRegularExpression::MultilineOption).match(procfile);
    QVERIFY2(web.hasMatch(), "Procfile has no web process");
    const QString command = web.captured(1);
    QVERIFY2(command.startsWith(QLatin1String("./start.sh")), qPrintable(command));
    QVERIFY2(command.contains(QLatin1String("$PORT")), qPrintable("the web process ignores $PORT: " + command));
    QVERIFY2(command.contains(QLatin1String("0.0.0.0")), qPrintable("the web process listens on loopback: " + command));
    QVERIFY(QFileInfo(sourceDir() + QStringLiteral("/start.sh")).isExecutable());
}

void TestDeploymentConfig::containersNeedTokenOrOptOut()
{
    // The container listens on 0.0.0.0, where the server refuses to start without JCR_MCP_TOKEN. The image
    // must not opt out for everyone; Compose must pass both the token and the opt-out on from .env.
    const QHash<QString, QString> image = dockerEnv(readText(QStringLiteral("Dockerfile")));
    for (const QString& name : {QStringLiteral("JCR_MCP_TOKEN"), QStringLiteral("JCR_MCP_ALLOW_UNAUTHENTICATED")})
        QVERIFY2(!image.contains(name), qPrintable("the Dockerfile bakes " + name + " into the image"));
    const QString environment =
        yamlBlock(readText(QStringLiteral("docker-compose.yml")), QStringLiteral("environment")).join(u'\n');
    for (const QString& name : {QStringLiteral("JCR_MCP_TOKEN"), QStringLiteral("JCR_MCP_ALLOW_UNAUTHENTICATED")})
        QVERIFY2(environment.contains(QStringLiteral("%1: \"${%1:-}\"").arg(name)),
                 qPrintable("docker-compose.yml does not pass " + name + " on from .env"));
    // Kubernetes pods listen on 0.0.0.0 too: the Secret carries the token they read.
    const QString secret = readText(QStringLiteral("deploy/k8s/secret.yaml"));
    QVERIFY2(
        secret.contains(QRegularExpression(QStringLiteral("^\\s+JCR_MCP_TOKEN:"), QRegularExpression::MultilineOption)),
        "deploy/k8s/secret.yaml has no JCR_MCP_TOKEN");
}

QTEST_GUILESS_MAIN(TestDeploymentConfig)
#include "tst_deploymentconfig.moc"
