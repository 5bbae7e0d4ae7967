#include "fixturedatabase.h"

#include "dataimporter.h"
#include "datasource.h"
#include "testpaths.h"

namespace jcr::test {

bool buildDatabase(const QString& folder,
                   const QString& databasePath,
                   QString* error,
                   const QString& abbreviationsFolder)
{
    const QList<SourceFile> files = DataSource::fromFolder(folder, error);
    if (files.isEmpty())
        return false;
    DataImporter importer;
    if (!abbreviationsFolder.isEmpty()) {
        const QList<SourceFile> lists = DataSource::fromFolder(abbreviationsFolder, error);
        if (lists.isEmpty())
            return false;
        importer.setAbbreviationFiles(lists);
    }
    return importer.build(files, databasePath, folder, error);
}

QString miniDataDir()
{
    return fixturesDir() + QStringLiteral("/showjcr-mini");
}

} // namespace jcr::test
