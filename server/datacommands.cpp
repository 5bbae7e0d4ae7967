#include "datacommands.h"

#include "platform.h"
#include "terminationsignals.h"

#include "dataimporter.h"
#include "datamirrors.h"
#include "datasource.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "referencechecker.h"
#include "referencelistparser.h"
#include "referencereportformatter.h"

#include <QFile>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace jcr {

namespace {

bool stderrIsTerminal()
{
    return platform::stderrIsTerminal();
}

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace

int DataCommands::sync(const ServerOptions& options)
{
    const bool terminal = stderrIsTerminal();
    auto showProgress = [&](int done, int total, const QString& message) {
        // A rewritten line on a terminal; one line per step in logs and pipes (the GUI reads these).
        const QString line = QStringLiteral("[%1/%2] %3").arg(done, 2).arg(total).arg(message);
        if (terminal)
            m_err << "\r\033[K" << line << Qt::flush;
        else
            m_err << "progress " << line << Qt::endl;
    };

    QString error;
    QList<SourceFile> files;
    DataSource source;
    DataImporter importer;
    QObject::connect(&source, &DataSource::progress, showProgress);
    QObject::connect(&importer, &DataImporter::progress, showProgress);
    // SIGTERM/SIGINT (the tray app's Cancel, Ctrl-C) stop the download or the import at the next step, which
    // removes its temporary file; the previous database stays as it was.
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &source, &DataSource::cancel);
    QObject::connect(&termination, &TerminationSignals::received, &importer, &DataImporter::cancel);
    const QStringList mirrors = DataMirrors::configuredTemplates();
    if (DataSource::isUrl(options.dataSource)) {
        files = source.fetchWithMirrors(options.dataSource, DataSource::configuredFileNames(), mirrors, &error);
        if (!files.isEmpty())
            m_err << (terminal ? "\n" : "") << "downloaded from " << source.usedUrl() << Qt::endl;
    } else
        files = DataSource::fromFolder(options.dataSource, &error);
    if (files.isEmpty()) {
        if (terminal)
            m_err << Qt::endl;
        m_err << "sync failed: " << error << "\nThe previous database (if any) is unchanged." << Qt::endl;
        return 1;
    }

    DataSource abbreviationSource;
    QObject::connect(&abbreviationSource, &DataSource::progress, showProgress);
    QObject::connect(&termination, &TerminationSignals::received, &abbreviationSource, &DataSource::cancel);
    importer.setAbbreviationFiles(abbreviationFiles(options, abbreviationSource));
    // The source recorded in the database is where the files really came from (a mirror, maybe).
    const QString usedSource = source.usedUrl().isEmpty() ? options.dataSource : source.usedUrl();
    const bool ok = importer.build(files, options.databasePath, usedSource, &error);
    if (terminal)
        m_err << Qt::endl;
    if (!ok) {
        m_err << "sync failed: " << error << "\nThe previous database (if any) is unchanged." << Qt::endl;
        return 1;
    }
    const DataImporter::Report report = importer.lastReport();
    m_err << QStringLiteral("sync done: %1 files, %2 rows (%3 skipped), %4 journals in %5 s → %6")
                 .arg(report.files)
                 .arg(report.rows)
                 .arg(report.skippedRows)
                 .arg(report.journals)
                 .arg(report.milliseconds / 1000.0, 0, 'f', 1)
                 .arg(options.databasePath)
          << Qt::endl;
    if (report.abbreviationFiles > 0)
        m_err << QStringLiteral("abbreviations: %1 lists, %2 rows, %3 journals gained abbreviations")
                     .arg(report.abbreviationFiles)
                     .arg(report.abbreviationRows)
                     .arg(report.journalsWithAbbreviations)
              << Qt::endl;
    if (!source.skippedFiles().isEmpty())
        m_err << "not found at the source (skipped): " << source.skippedFiles().join(QStringLiteral(", ")) << Qt::endl;
    return 0;
}

QList<SourceFile> DataCommands::abbreviationFiles(const ServerOptions& options, DataSource& source)
{
    if (options.abbreviationsSource.isEmpty())
        return {};
    QString error;
    QList<SourceFile> files;
    if (DataSource::isUrl(options.abbreviationsSource))
        files = source.fetchWithMirrors(options.abbreviationsSource, DataSource::defaultAbbreviationFileNames(),
                                        DataMirrors::configuredTemplates(), &error);
    else
        files = DataSource::fromFolder(options.abbreviationsSource, &error);
    // The abbreviation lists only add names: without them the database is still complete, so it is built anyway.
    if (files.isEmpty())
        m_err << "warning: abbreviation lists not imported from " << options.abbreviationsSource << ": "
              << (error.isEmpty() ? QStringLiteral("no .csv files") : error) << Qt::endl;
    return files;
}

bool DataCommands::openRepository(const ServerOptions& options, JournalRepository& repository)
{
    QString error;
    if (repository.open(options.databasePath, &error))
        return true;
    m_err << "error: " << error << Qt::endl;
    return false;
}

int DataCommands::query(const ServerOptions& options)
{
    const QString text = options.arguments.join(QLatin1Char(' '));
    JournalRepository repository;
    if (!openRepository(options, repository))
        return 1;
    // The same matching as the MCP tools: an unclear close spelling is a suggestion, and the answer says how the
    // name matched (on stderr, so that stdout stays the profile alone).
    const SearchResult found = repository.search(text, {5, 0});
    QString error = found.error;
    const std::optional<JournalProfile> profile =
        found.ok() && found.resolved ? repository.profile(found.matches.constFirst().journal.id, &error) : std::nullopt;
    if (!profile) {
        if (!error.isEmpty()) {
            m_err << "error: " << error << Qt::endl;
            return 1;
        }
        m_err << "no journal matches \"" << text << "\"" << Qt::endl;
        QStringList titles;
        for (const JournalMatch& match : found.matches)
            titles << match.journal.title;
        if (!titles.isEmpty())
            m_err << "did you mean: " << titles.join(QStringLiteral("; ")) << Qt::endl;
        return 1;
    }
    m_err << found.matches.constFirst().matchNote() << Qt::endl;
    if (options.json)
        m_out << compactJson(profile->toJson());
    else
        m_out << JournalTextFormatter::profile(*profile) << Qt::endl;
    return 0;
}

int DataCommands::search(const ServerOptions& options)
{
    const QString text = options.arguments.join(QLatin1Char(' '));
    JournalRepository repository;
    if (!openRepository(options, repository))
        return 1;
    const SearchResult result = repository.search(text, {options.limit, 0});
    if (!result.ok()) {
        m_err << "error: " << result.error << Qt::endl;
        return 1;
    }
    if (options.json)
        m_out << compactJson(result.toJson());
    else
        m_out << JournalTextFormatter::searchResult(result) << Qt::endl;
    return result.matches.isEmpty() ? 1 : 0;
}

bool DataCommands::readReferenceList(const QString& path, QByteArray* content)
{
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        m_err << "error: cannot read " << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    // One byte over the limit is enough for the parser to refuse it; a huge file is never read whole.
    *content = file.read(ReferenceListParser::MaxBytes + 1);
    return true;
}

int DataCommands::check(const ServerOptions& options)
{
    QByteArray content;
    if (!readReferenceList(options.arguments.value(0), &content))
        return 2;
    JournalRepository repository;
    if (!openRepository(options, repository))
        return 2;
    ReferenceChecker checker(repository);
    const ReferenceReport report = checker.check(content, options.year);
    if (!report.ok()) {
        m_err << "error: " << report.error << Qt::endl;
        return 2;
    }
    if (options.json)
        m_out << compactJson(report.toJson());
    else if (options.csv)
        m_out << QString::fromUtf8(ReferenceReportFormatter::csv(report).mid(3)); // no BOM on a pipe
    else
        m_out << ReferenceReportFormatter::text(report) << Qt::endl;
    m_out.flush();
    return report.hasWarningHits() ? 1 : 0;
}

} // namespace jcr
