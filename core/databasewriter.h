#pragma once

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

private:
    QSqlDatabase m_db;
};

} // namespace jcr
