#pragma once

#include "sourcefile.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace jcr {

/// Builds the journal database from ShowJCR CSV files.
///
/// The new database is written to a temporary file beside the target and renamed over it only when it is
/// complete and has passed an integrity check, so an interrupted or failed import leaves the previous
/// database untouched (readers that have it open keep reading the old file).
class DataImporter : public QObject
{
    Q_OBJECT
public:
    explicit DataImporter(QObject* parent = nullptr);

    /// Imports `files` into a new database at `targetPath`. `dataSource` is recorded for databaseInfo.
    /// Returns false with the reason in `error`; the previous database at `targetPath` is then unchanged.
    bool build(const QList<SourceFile>& files,
               const QString& targetPath,
               const QString& dataSource,
               QString* error = nullptr);

    /// JabRef abbreviation lists that the next build() imports with the ShowJCR files (none by default).
    void setAbbreviationFiles(const QList<SourceFile>& files) { m_abbreviationFiles = files; }

    /// Asks a running build() to stop; it then fails with "cancelled" and leaves the old database.
    void cancel();

    struct Report
    {
        int files = 0;
        int rows = 0;
        int skippedRows = 0;
        int journals = 0;
        int abbreviationFiles = 0;
        int abbreviationRows = 0;
        int journalsWithAbbreviations = 0; ///< journals that at least one abbreviation row was linked to
        qint64 milliseconds = 0;
    };
    Report lastReport() const { return m_report; }

signals:
    /// `done` of `total` steps; `message` says what is being done (for a progress line or bar).
    void progress(int done, int total, const QString& message);

private:
    /// Writes the complete database into `temporaryPath`; the caller removes the file when this fails.
    bool
    buildFile(const QList<SourceFile>& files, const QString& temporaryPath, const QString& dataSource, QString* error);

    Report m_report;
    QList<SourceFile> m_abbreviationFiles;
    bool m_cancelled = false;
};

} // namespace jcr
