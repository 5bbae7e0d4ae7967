#include "commandline.h"

#include "datasource.h"

#include <QCommandLineParser>
#include <QDir>
#include <QHash>
#include <QHostAddress>
#include <QStandardPaths>
#include <QUrl>

namespace jcr {

namespace {

/// The value of a flag, else of an environment variable, else `fallback`; `origin` says which, for messages.
QString flagOrEnvironment(const QCommandLineParser& parser,
                          const QCommandLineOption& option,
                          const char* variable,
                          const QString& fallback,
                          QString* origin)
{
    if (parser.isSet(option)) {
        *origin = QStringLiteral("--") + option.names().constFirst();
        return parser.value(option);
    }
    const QString fromEnvironment = variable ? qEnvironmentVariable(variable) : QString();
    if (!fromEnvironment.isEmpty()) {
        *origin = QString::fromLatin1(variable);
        return fromEnvironment;
    }
    *origin = QStringLiteral("the default");
    return fallback;
}

bool parseTransport(const QString& text, ServerOptions::Transport* transport)
{
    static const QHash<QString, ServerOptions::Transport> names{
        {QStringLiteral("stdio"), ServerOptions::Transport::Stdio},
        {QStringLiteral("sse"), ServerOptions::Transport::Sse},
        {QStringLiteral("streamable-http"), ServerOptions::Transport::StreamableHttp},
        {QStringLiteral("http"), ServerOptions::Transport::Http},
    };
    const auto found = names.constFind(text.trimmed().toLower());
    if (found == names.cend())
        return false;
    *transport = *found;
    return true;
}

} // namespace

QString ServerOptions::transportName(Transport transport)
{
    switch (transport) {
    case Transport::Stdio:
        return QStringLiteral("stdio");
    case Transport::Sse:
        return QStringLiteral("sse");
    case Transport::StreamableHttp:
        return QStringLiteral("streamable-http");
    case Transport::Http:
        break;
    }
    return QStringLiteral("http");
}

QString CommandLine::defaultDatabasePath()
{
    const QString fromEnvironment = qEnvironmentVariable("JCR_MCP_DB");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("jcr.db"));
}

bool CommandLine::parse(const QStringList& arguments, ServerOptions* options, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Journal rankings (JCR impact factors and quartiles, CAS partitions, the international "
                       "journal warning list, CCF ranks) for AI assistants over the Model Context Protocol.\n\n"
                       "Commands:\n"
                       "  (none)          run the MCP server (stdio unless --transport says otherwise)\n"
                       "  sync            download the ShowJCR data and build the journal database\n"
                       "  query NAME      print everything known about one journal\n"
                       "  search TEXT     list the journals matching a name, abbreviation or ISSN\n"
                       "  check FILE|-    check every entry of a reference list (.bib, .ris, CSL-JSON, names);\n"
                       "                  exit 1 when one is on the warning list, 2 when it cannot be checked\n"
                       "  healthcheck     ask a running HTTP server whether it is healthy (exit 0 or 1)"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("Journal database file (default: JCR_MCP_DB or %1).")
                                          .arg(QDir::toNativeSeparators(defaultDatabasePath())),
                                      QStringLiteral("path"));
    const QCommandLineOption fromOption(
        QStringLiteral("from"),
        QStringLiteral("sync: a folder or URL holding the ShowJCR CSV files (default: JCR_MCP_DATA_SOURCE or the "
                       "ShowJCR project online)."),
        QStringLiteral("folder-or-url"));
    const QCommandLineOption abbreviationsOption(
        QStringLiteral("abbreviations-from"),
        QStringLiteral("sync: a folder or URL holding the JabRef journal abbreviation lists (default: "
                       "JCR_MCP_ABBREVIATIONS_SOURCE; else JabRef online when the ShowJCR files come from a URL, "
                       "none when they come from a folder)."),
        QStringLiteral("src")); // short: a longer option column would wrap the other options' help mid-word

    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("query/search/check: print JSON."));
    const QCommandLineOption csvOption(QStringLiteral("csv"), QStringLiteral("check: print CSV."));
    const QCommandLineOption yearOption(QStringLiteral("year"),
                                        QStringLiteral("check: the JCR/CAS edition to report (default: newest)."),
                                        QStringLiteral("n"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("search: how many matches to list (default 10)."),
                                         QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption transportOption(
        QStringLiteral("transport"),
        QStringLiteral("stdio, sse, streamable-http, or http (both HTTP transports on one port) "
                       "(default: JCR_MCP_TRANSPORT or stdio)."),
        QStringLiteral("name"));
    const QCommandLineOption hostOption(
        QStringLiteral("host"),
        QStringLiteral("HTTP: the address to listen on (default: JCR_MCP_HOST or 127.0.0.1; 0.0.0.0 for every "
                       "interface)."),
        QStringLiteral("address"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("HTTP: the port (default: JCR_MCP_PORT or 8080)."),
                                        QStringLiteral("port"));
    const QCommandLineOption urlOption(QStringLiteral("url"),
                                       QStringLiteral("healthcheck: the health URL (default: "
                                                      "http://HOST:PORT/health from the settings above)."),
                                       QStringLiteral("url"));
    const QCommandLineOption exitWithParentOption(
        QStringLiteral("exit-with-parent"),
        QStringLiteral("Stop the server when the program that started it ends, as on SIGTERM (default: "
                       "JCR_MCP_EXIT_WITH_PARENT=1 or off). For supervisors such as the tray app."));
    const QCommandLineOption syncIfMissingOption(
        QStringLiteral("sync-if-missing"),
        QStringLiteral("Serve at once and, when the database is missing, build it in the background as sync "
                       "would (from --from); the tools say the data is being prepared until it is ready."));
    const QCommandLineOption allowUnauthenticatedOption(
        QStringLiteral("allow-unauthenticated"),
        QStringLiteral("HTTP: listen on a non-loopback address without JCR_MCP_TOKEN (default: "
                       "JCR_MCP_ALLOW_UNAUTHENTICATED=1 or off). Only behind a proxy that authenticates the clients."));
    parser.addOptions({dbOption, fromOption, abbreviationsOption, jsonOption, csvOption, yearOption, limitOption,
                       transportOption, hostOption, portOption, urlOption, exitWithParentOption, syncIfMissingOption,
                       allowUnauthenticatedOption});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("sync, query or search"),
                                 QStringLiteral("[command]"));
    parser.addPositionalArgument(QStringLiteral("arguments"), QStringLiteral("A journal name, ISSN or search text."),
                                 QStringLiteral("[arguments...]"));
    options->helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        *error = parser.errorText() + QStringLiteral("\nTry --help.");
        return false;
    }
    if (parser.isSet(helpOption)) {
        options->command = ServerOptions::Command::Help;
        return true;
    }
    if (parser.isSet(versionOption)) {
        options->command = ServerOptions::Command::Version;
        return true;
    }

    options->databasePath =
        parser.isSet(dbOption) ? QDir(parser.value(dbOption)).absolutePath() : defaultDatabasePath();
    const QString environmentSource = qEnvironmentVariable("JCR_MCP_DATA_SOURCE");
    options->dataSource = parser.isSet(fromOption)       ? parser.value(fromOption)
                          : !environmentSource.isEmpty() ? environmentSource
                                                         : DataSource::defaultBaseUrl();
    const QString environmentAbbreviations = qEnvironmentVariable("JCR_MCP_ABBREVIATIONS_SOURCE");
    options->abbreviationsSource = parser.isSet(abbreviationsOption) ? parser.value(abbreviationsOption)
                                   : !environmentAbbreviations.isEmpty()
                                       ? environmentAbbreviations
                                       : DataSource::defaultAbbreviationsSource(options->dataSource);
    options->json = parser.isSet(jsonOption);
    options->csv = parser.isSet(csvOption);
    if (options->json && options->csv) {
        *error = QStringLiteral("--json and --csv exclude each other");
        return false;
    }
    if (parser.isSet(yearOption)) {
        bool yearOk = false;
        options->year = parser.value(yearOption).toInt(&yearOk);
        if (!yearOk || options->year < 1990 || options->year > 2100) {
            *error = QStringLiteral("--year must be a year such as 2024, not \"%1\"").arg(parser.value(yearOption));
            return false;
        }
    }
    options->allowUnauthenticated = parser.isSet(allowUnauthenticatedOption);
    options->syncIfMissing = parser.isSet(syncIfMissingOption);
    options->exitWithParent =
        parser.isSet(exitWithParentOption) || qEnvironmentVariable("JCR_MCP_EXIT_WITH_PARENT") == QLatin1String("1");
    bool limitOk = false;
    options->limit = parser.value(limitOption).toInt(&limitOk);
    if (!limitOk || options->limit < 1 || options->limit > 1000) {
        *error = QStringLiteral("--limit must be a number from 1 to 1000, not \"%1\"").arg(parser.value(limitOption));
        return false;
    }

    QStringList positional = parser.positionalArguments();
    const QString command = positional.isEmpty() ? QString() : positional.takeFirst();
    options->arguments = positional;
    if (command.isEmpty() || command == QLatin1String("serve"))
        options->command = ServerOptions::Command::Serve;
    else if (command == QLatin1String("sync"))
        options->command = ServerOptions::Command::Sync;
    else if (command == QLatin1String("query"))
        options->command = ServerOptions::Command::Query;
    else if (command == QLatin1String("search"))
        options->command = ServerOptions::Command::Search;
    else if (command == QLatin1String("check"))
        options->command = ServerOptions::Command::Check;
    else if (command == QLatin1String("healthcheck"))
        options->command = ServerOptions::Command::HealthCheck;
    else {
        *error = QStringLiteral("unknown command \"%1\"; the commands are sync, query, search, check and "
                                "healthcheck. "
                                "Try --help.")
                     .arg(command.left(80));
        return false;
    }
    const bool needsText =
        options->command == ServerOptions::Command::Query || options->command == ServerOptions::Command::Search;
    if (needsText && options->arguments.join(QLatin1Char(' ')).trimmed().isEmpty()) {
        *error = QStringLiteral("%1 needs a journal name, abbreviation or ISSN, e.g. `jcr-mcp-server %1 Nature`")
                     .arg(command);
        return false;
    }
    if (options->command == ServerOptions::Command::Check && options->arguments.size() != 1) {
        *error = QStringLiteral("check needs one reference list file, or - for standard input, e.g. "
                                "`jcr-mcp-server check refs.bib`");
        return false;
    }
    if (!needsText && options->command != ServerOptions::Command::Check && !options->arguments.isEmpty()) {
        *error = QStringLiteral("unexpected argument \"%1\". Try --help.").arg(options->arguments.first().left(80));
        return false;
    }

    // Only the server and its health check listen or connect. The data commands take no transport, host or
    // port from the environment, so a stray value there (Kubernetes puts JCR_MCP_PORT=tcp://… into the pods
    // of a Service named jcr-mcp) cannot stop a sync; flags are still checked.
    const bool readsEnvironment =
        options->command == ServerOptions::Command::Serve || options->command == ServerOptions::Command::HealthCheck;
    auto setting = [&](const QCommandLineOption& option, const char* variable, const QString& fallback,
                       QString* origin) {
        return flagOrEnvironment(parser, option, readsEnvironment ? variable : nullptr, fallback, origin);
    };
    QString origin;
    const QString transport = setting(transportOption, "JCR_MCP_TRANSPORT", QStringLiteral("stdio"), &origin);
    if (!parseTransport(transport, &options->transport)) {
        *error = QStringLiteral("%1 gives the transport \"%2\"; it must be stdio, sse, streamable-http or http")
                     .arg(origin, transport.left(40));
        return false;
    }
    options->host = setting(hostOption, "JCR_MCP_HOST", QStringLiteral("127.0.0.1"), &origin).trimmed();
    if (options->host != QLatin1String("localhost") && QHostAddress(options->host).isNull()) {
        *error = QStringLiteral("%1 gives the host \"%2\"; it must be an IP address such as 127.0.0.1 or 0.0.0.0, "
                                "or localhost")
                     .arg(origin, options->host.left(80));
        return false;
    }
    const QString port = setting(portOption, "JCR_MCP_PORT", QStringLiteral("8080"), &origin);
    bool portOk = false;
    const uint portNumber = port.trimmed().toUInt(&portOk);
    if (!portOk || portNumber > 65535) {
        *error = QStringLiteral("%1 gives the port \"%2\"; it must be a number from 1 to 65535 (0: any free port)")
                     .arg(origin, port.left(40));
        if (port.startsWith(QLatin1String("tcp://")))
            *error += QStringLiteral(". A value like this comes from Kubernetes service links (a Service named "
                                     "jcr-mcp): set enableServiceLinks: false in the pod spec, or set JCR_MCP_PORT");
        return false;
    }
    options->port = quint16(portNumber);
    const QString localHost = options->host == QLatin1String("0.0.0.0") || options->host == QLatin1String("::")
                                  ? QStringLiteral("127.0.0.1")
                                  : options->host;
    options->healthUrl = parser.isSet(urlOption)
                             ? parser.value(urlOption)
                             : QStringLiteral("http://%1:%2/health")
                                   .arg(localHost.contains(u':') ? u'[' + localHost + u']' : localHost)
                                   .arg(options->port);
    if (!QUrl(options->healthUrl, QUrl::StrictMode).isValid() ||
        !QUrl(options->healthUrl).scheme().startsWith(QLatin1String("http"))) {
        *error = QStringLiteral("--url \"%1\" is not an http(s) URL").arg(options->healthUrl.left(200));
        return false;
    }

    return true;
}

} // namespace jcr
