#include "fixturedatabase.h"

#include "dataimporter.h"
#include "datasource.h"
#include "testpaths.h"

namespace jcr::test {

bool buildDatabase(const QString& folder, const QString& databasePath, QString* error)
{
    const QList<SourceFile> files = DataSource::fromFolder(folder, error);
    if (files.isEmpty())
        return false;
    DataImporter importer;
    return importer.build(files, databasePath, folder, error);
}

QString miniDataDir()
{
    return fixturesDir() + QStringLiteral("/showjcr-mini");
}

} // namespace jcr::test
