#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace jcr {

/// The tables of a jcr-mcp database. One row per journal in `journal`, every name it is known by in
/// `journal_name` (with an FTS5 trigram index), every ISSN in `journal_issn`, and the per-year facts of each
/// source in their own tables.
class DatabaseSchema
{
public:
    /// Bumped whenever the tables change; a database of another version is refused with "run sync".
    static constexpr int Version = 1;

    /// Creates every table and index in an empty database.
    static bool create(QSqlDatabase& db, QString* error);
    /// The tables whose row counts databaseInfo and health report, in a stable order.
    static QStringList tables();
};

} // namespace jcr
