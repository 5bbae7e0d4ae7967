#include "commandline.h"

#include "datasource.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

namespace jcr {

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
                       "  (none)          run the MCP server (stdio)\n"
                       "  sync            download the ShowJCR data and build the journal database\n"
                       "  query NAME      print everything known about one journal\n"
                       "  search TEXT     list the journals matching a name, abbreviation or ISSN"));
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
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("query/search: print JSON."));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("search: how many matches to list (default 10)."),
                                         QStringLiteral("n"), QStringLiteral("10"));
    parser.addOptions({dbOption, fromOption, jsonOption, limitOption});
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
    options->json = parser.isSet(jsonOption);
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
    else {
        *error = QStringLiteral("unknown command \"%1\"; the commands are sync, query and search. Try --help.")
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
    if (!needsText && !options->arguments.isEmpty()) {
        *error = QStringLiteral("unexpected argument \"%1\". Try --help.").arg(options->arguments.first().left(80));
        return false;
    }
    return true;
}

} // namespace jcr
