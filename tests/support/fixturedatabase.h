#pragma once

#include <QString>

namespace jcr::test {

/// Builds a journal database from a folder of ShowJCR-style CSV files, as `jcr-mcp-server sync --from`
/// would, with the JabRef-style lists of `abbreviationsFolder` when given (`--abbreviations-from`). Returns false
/// with the importer's reason.
bool buildDatabase(const QString& folder,
                   const QString& databasePath,
                   QString* error,
                   const QString& abbreviationsFolder = QString());
/// The miniature data set in tests/data/fixtures/showjcr-mini.
QString miniDataDir();

} // namespace jcr::test
