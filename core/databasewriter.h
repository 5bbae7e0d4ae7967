#pragma once

#include "abbreviationreader.h"
#include "journallinker.h"
#include "journalrecords.h"
#include "sourceparser.h"

#include <QSqlDatabase>
#include <QString>

namespace jcr {

/// Writes what the parser and the linker gathered into an empty database that has the schema, with
/// prepared statements (every value bound, never spliced into SQL), in the caller's transaction.
class DatabaseWriter
{
public:
    explicit DatabaseWriter(QSqlDatabase db) : m_db(std::move(db)) {}

    bool writeSources(const QList<SourceFileInfo>& sources, QString* error);
    bool writeJournals(const JournalLinker& linker, const ImportedData& data, QString* error);
    bool writeFacts(const ImportedData& data, QString* error);
    bool writeMeta(const QString& dataSource, QString* error);
    /// Writes the abbreviation rows, each linked to the journals whose title key equals that of its full name
    /// (one row per journal; none: journal_id NULL). Returns how many journals gained an abbreviation in
    /// `linkedJournals`.
    bool writeAbbreviations(const QList<AbbreviationRow>& rows,
                            const JournalLinker& linker,
                            int* linkedJournals,
                            QString* error);
    /// The key under which abbreviations are compared: case folded, without dots, spaces and other punctuation.
    static QString abbreviationKey(const QString& abbreviation);
    /// titleKey() without the words "the" and "part" anywhere: links "JAMA, the Journal of the American Medical
    /// Association" to "JAMA-JOURNAL OF THE AMERICAN MEDICAL ASSOCIATION" and "… physiology. Part A, Molecular …"
    /// to "… PHYSIOLOGY A-MOLECULAR …".
    static QString looseTitleKey(const QString& title);

private:
    QSqlDatabase m_db;
};

} // namespace jcr
