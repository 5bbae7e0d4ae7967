#pragma once

#include <QString>

namespace jcr::test {

/// Builds a journal database from a folder of ShowJCR-style CSV files, as `jcr-mcp-server sync --from`
/// would. Returns false with the importer's reason.
bool buildDatabase(const QString& folder, const QString& databasePath, QString* error);
/// The miniature data set in tests/data/fixtures/showjcr-mini.
QString miniDataDir();

} // namespace jcr::test
