#pragma once

#include "dataimporter.h"
#include "journalrepository.h"

#include <QString>

namespace jcr::test {

/// Builds a journal database from a folder of ShowJCR-style CSV files, as `jcr-mcp-server sync --from`
/// would, with the JabRef-style lists of `abbreviationsFolder` when given (`--abbreviations-from`). Returns false
/// with the importer's reason. `report`, when given, receives the importer's report.
bool buildDatabase(const QString& folder,
                   const QString& databasePath,
                   QString* error,
                   const QString& abbreviationsFolder = QString(),
                   DataImporter::Report* report = nullptr);
/// Builds a journal database from the real data at `databasePath`, as `sync --from showJcrDir()
/// --abbreviations-from abbreviationsDir()` would, and opens `repository` on it (check realDataMissing() first).
bool openRealDatabase(const QString& databasePath,
                      JournalRepository& repository,
                      QString* error,
                      DataImporter::Report* report = nullptr);
/// The miniature data set in tests/data/fixtures/showjcr-mini.
QString miniDataDir();

} // namespace jcr::test
