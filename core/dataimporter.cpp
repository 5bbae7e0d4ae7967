#include "dataimporter.h"

#include "abbreviationreader.h"
#include "databaseschema.h"
#include "databasewriter.h"
#include "journallinker.h"
#include "sourceparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <filesystem>
#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcImport, "jcr.import")

namespace jcr {

namespace {

constexpr auto TempSuffix = ".building-";

/// Why the lock beside the database could not be taken. QLockFile only says which kind of failure it was, so for
/// anything but a lock held by another sync the reason is the system's own words, from creating the file the same
/// way (exclusively; a file created by the probe is removed at once, and only that one).
QString lockFailure(QLockFile::LockError error, const QString& lockPath, const QString& targetPath)
{
    if (error == QLockFile::LockFailedError)
        return QStringLiteral("another sync is writing %1").arg(targetPath);
    QString reason =
        error == QLockFile::PermissionError ? QStringLiteral("permission denied") : QStringLiteral("unknown error");
    QFile probe(lockPath);
    if (probe.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        probe.remove();
    else if (!probe.errorString().isEmpty())
        reason = probe.errorString();
    return QStringLiteral("cannot create the lock file %1: %2; sync needs to write in the folder of the database")
        .arg(lockPath, reason);
}

/// Parse order: files with ISSN columns first (newest first), so that title-only files link to journals
/// that ISSNs have already identified; then by kind.
int kindOrder(SourceFile::Kind kind)
{
    switch (kind) {
    case SourceFile::Kind::Jcr:
        return 0;
    case SourceFile::Kind::Cas:
        return 1;
    case SourceFile::Kind::Warning:
        return 2;
    case SourceFile::Kind::Ccf:
        return 3;
    case SourceFile::Kind::CcfChinese:
        return 4;
    case SourceFile::Kind::Ccft:
        return 5;
    case SourceFile::Kind::Xr:
        return 6;
    case SourceFile::Kind::Other:
        break;
    }
    return 7;
}

/// Removes the connection when the build ends, however it ends.
class ScopedConnection
{
public:
    explicit ScopedConnection(const QString& path)
        : m_name(QStringLiteral("jcr-import-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
    }
    ~ScopedConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
    return false;
}

/// Flushes the finished file to disk before it replaces the old one: the build ran with synchronous=OFF.
bool syncToDisk(const QString& path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#else
    Q_UNUSED(path);
    return true;
#endif
}

void removeStaleTemporaries(const QString& targetPath)
{
    const QFileInfo target(targetPath);
    const QStringList stale =
        target.dir().entryList({target.fileName() + QLatin1String(TempSuffix) + u'*'}, QDir::Files | QDir::Hidden);
    for (const QString& name : stale) {
        qCInfo(lcImport) << "removing an unfinished build left by an interrupted sync:" << name;
        QFile::remove(target.dir().filePath(name));
    }
}

QList<SourceFile> parseOrder(const QList<SourceFile>& files)
{
    struct Keyed
    {
        bool hasIssn;
        int kind;
        int year;
        SourceFile file;
    };
    QList<Keyed> keyed;
    for (const SourceFile& file : files)
        keyed.append({SourceParser::hasIssnColumn(file), kindOrder(file.kind()), file.year(), file});
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        if (a.hasIssn != b.hasIssn)
            return a.hasIssn;
        return a.kind != b.kind ? a.kind < b.kind : a.year > b.year;
    });
    QList<SourceFile> ordered;
    for (const Keyed& entry : keyed)
        ordered.append(entry.file);
    return ordered;
}

} // namespace

DataImporter::DataImporter(QObject* parent) : QObject(parent)
{
}

void DataImporter::cancel()
{
    m_cancelled = true;
}

bool DataImporter::buildFile(const QList<SourceFile>& files,
                             const QString& temporaryPath,
                             const QString& dataSource,
                             QString* error)
{
    QElapsedTimer timer;
    timer.start();
    QString message;
    auto failBuild = [&](const QString& why) {
        *error = why;
        return false;
    };
    ScopedConnection connection(temporaryPath);
    QSqlDatabase db = connection.db();
    if (!db.open())
        return failBuild(QStringLiteral("cannot create %1: %2").arg(temporaryPath, db.lastError().text()));
    // The file is thrown away if anything fails, so durability during the build buys nothing.
    if (!exec(db, QStringLiteral("PRAGMA journal_mode=OFF"), &message) ||
        !exec(db, QStringLiteral("PRAGMA synchronous=OFF"), &message) ||
        !exec(db, QStringLiteral("PRAGMA cache_size=-65536"), &message) || !DatabaseSchema::create(db, &message))
        return failBuild(message);

    const QList<SourceFile> ordered = parseOrder(files);
    JournalLinker linker;
    ImportedData data;
    SourceParser parser(linker, data);
    QList<SourceFileInfo> sources;
    const int steps = int(ordered.size() + m_abbreviationFiles.size()) + 2;
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const SourceFile& file = ordered.at(i);
        emit progress(int(i), steps, QStringLiteral("reading %1").arg(file.fileName()));
        QCoreApplication::processEvents();
        if (m_cancelled)
            return failBuild(QStringLiteral("cancelled"));
        const SourceParser::Result result = parser.parse(file, int(i));
        if (!result.error.isEmpty())
            return failBuild(result.error);
        qCInfo(lcImport).noquote() << file.fileName() << result.rows << "rows," << result.skippedRows << "skipped,"
                                   << result.duplicates << "duplicates merged";
        sources.append({file.fileName(), file.kindName(), file.year(), result.rows, result.skippedRows, file.sha256(),
                        QDateTime::currentDateTimeUtc()});
        m_report.rows += result.rows;
        m_report.skippedRows += result.skippedRows;
    }

    QList<AbbreviationRow> abbreviations;
    for (qsizetype i = 0; i < m_abbreviationFiles.size(); ++i) {
        const SourceFile& file = m_abbreviationFiles.at(i);
        emit progress(int(ordered.size() + i), steps, QStringLiteral("reading %1").arg(file.fileName()));
        QCoreApplication::processEvents();
        if (m_cancelled)
            return failBuild(QStringLiteral("cancelled"));
        const AbbreviationReader::Result result = AbbreviationReader::read(file.fileName(), file.content());
        qCInfo(lcImport).noquote() << file.fileName() << result.rows.size() << "rows," << result.skippedRows
                                   << "skipped," << result.duplicates << "duplicates dropped";
        const QString kind = QStringLiteral("abbreviations-%1")
                                 .arg(AbbreviationReader::kindName(AbbreviationReader::kindOf(file.fileName())));
        sources.append({file.fileName(), kind, 0, int(result.rows.size()), result.skippedRows, file.sha256(),
                        QDateTime::currentDateTimeUtc()});
        m_report.abbreviationRows += int(result.rows.size());
        abbreviations.append(result.rows);
    }

    qCInfo(lcImport) << "read and linked" << ordered.size() + m_abbreviationFiles.size() << "files in"
                     << timer.elapsed() << "ms";
    emit progress(steps - 2, steps, QStringLiteral("writing the database"));
    QCoreApplication::processEvents();
    if (m_cancelled)
        return failBuild(QStringLiteral("cancelled"));
    DatabaseWriter writer(db);
    if (!db.transaction())
        return failBuild(db.lastError().text());
    if (!writer.writeSources(sources, &message) || !writer.writeJournals(linker, data, &message) ||
        !writer.writeFacts(data, &message) ||
        !writer.writeAbbreviations(abbreviations, linker, &m_report.journalsWithAbbreviations, &message) ||
        !writer.writeMeta(dataSource, &message)) {
        db.rollback();
        return failBuild(message);
    }
    if (!db.commit())
        return failBuild(db.lastError().text());

    qCInfo(lcImport) << "wrote the database at" << timer.elapsed() << "ms";
    emit progress(steps - 1, steps, QStringLiteral("checking the database"));
    QSqlQuery check(db);
    if (!exec(db, QStringLiteral("PRAGMA user_version=%1").arg(DatabaseSchema::Version), &message) ||
        !exec(db, QStringLiteral("ANALYZE"), &message))
        return failBuild(message);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
        check.value(0).toString() != QLatin1String("ok"))
        return failBuild(QStringLiteral("the new database failed its integrity check"));
    check.finish();
    m_report.files = int(ordered.size());
    m_report.abbreviationFiles = int(m_abbreviationFiles.size());
    m_report.journals = int(linker.journals().size());
    return true;
}

bool DataImporter::build(const QList<SourceFile>& files,
                         const QString& targetPath,
                         const QString& dataSource,
                         QString* error)
{
    QElapsedTimer timer;
    timer.start();
    m_cancelled = false;
    m_report = {};
    QString message;
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        qCWarning(lcImport).noquote() << "sync failed, the previous database is unchanged:" << why;
        return false;
    };
    if (files.isEmpty())
        return fail(QStringLiteral("no data files to import"));

    const QFileInfo target(targetPath);
    if (!QDir().mkpath(target.absolutePath()))
        return fail(QStringLiteral("cannot create the folder %1").arg(target.absolutePath()));

    // One sync at a time per database; QLockFile also takes over a lock whose owner died.
    const QString lockPath = target.absoluteFilePath() + QStringLiteral(".lock");
    QLockFile lock(lockPath);
    lock.setStaleLockTime(0);
    if (!lock.tryLock(1000))
        return fail(lockFailure(lock.error(), lockPath, targetPath));
    removeStaleTemporaries(target.absoluteFilePath());

    const QString temporaryPath =
        target.absoluteFilePath() + QLatin1String(TempSuffix) + QString::number(QCoreApplication::applicationPid());
    if (!buildFile(files, temporaryPath, dataSource, &message)) {
        QFile::remove(temporaryPath); // after buildFile() closed its connection to it
        return fail(message);
    }
    QCoreApplication::processEvents(); // a cancel() queued while the file was written: the last chance to take it
    if (m_cancelled || !syncToDisk(temporaryPath)) {
        QFile::remove(temporaryPath);
        return fail(m_cancelled ? QStringLiteral("cancelled")
                                : QStringLiteral("cannot write %1 to disk").arg(temporaryPath));
    }

    // std::filesystem::rename replaces the target atomically (rename(2); MoveFileEx with REPLACE_EXISTING on
    // Windows); QFile::rename refuses to overwrite.
    std::error_code renameError;
    std::filesystem::rename(std::filesystem::path(QFile::encodeName(temporaryPath).toStdString()),
                            std::filesystem::path(QFile::encodeName(target.absoluteFilePath()).toStdString()),
                            renameError);
    if (renameError) {
        QFile::remove(temporaryPath);
        return fail(QStringLiteral("cannot replace %1: %2")
                        .arg(targetPath, QString::fromLocal8Bit(renameError.message().c_str())));
    }
    m_report.milliseconds = timer.elapsed();
    const int steps = int(files.size() + m_abbreviationFiles.size()) + 2;
    emit progress(steps, steps, QStringLiteral("done"));
    return true;
}

} // namespace jcr
