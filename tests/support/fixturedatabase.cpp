#include "fixturedatabase.h"

#include "dataimporter.h"
#include "datasource.h"
#include "testpaths.h"

namespace jcr::test {

bool buildDatabase(const QString& folder,
                   const QString& databasePath,
                   QString* error,
                   const QString& abbreviationsFolder,
                   DataImporter::Report* report)
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
    if (!importer.build(files, databasePath, folder, error))
        return false;
    if (report)
        *report = importer.lastReport();
    return true;
}

bool openRealDatabase(const QString& databasePath,
                      JournalRepository& repository,
                      QString* error,
                      DataImporter::Report* report)
{
    return buildDatabase(showJcrDir(), databasePath, error, abbreviationsDir(), report) &&
           repository.open(databasePath, error);
}

QString miniDataDir()
{
    return fixturesDir() + QStringLiteral("/showjcr-mini");
}

} // namespace jcr::test
