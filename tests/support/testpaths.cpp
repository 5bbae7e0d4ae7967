#include "testpaths.h"

#include <QDir>
#include <QFileInfo>

namespace jcr::test {

QString fixturesDir()
{
    return QStringLiteral(JCR_FIXTURES_DIR);
}

QString showJcrDir()
{
    const QString fromEnvironment = qEnvironmentVariable("JCR_MCP_DATA_SOURCE");
    if (!fromEnvironment.isEmpty() && QFileInfo(fromEnvironment).isDir())
        return QFileInfo(fromEnvironment).absoluteFilePath();
    return QDir::cleanPath(QStringLiteral(JCR_SHOWJCR_DIR));
}

bool hasShowJcrData()
{
    return QFileInfo::exists(showJcrDir() + QStringLiteral("/JCR2025-UTF8.csv"));
}

QString abbreviationsDir()
{
    const QString fromEnvironment = qEnvironmentVariable("JCR_MCP_ABBREVIATIONS_SOURCE");
    if (!fromEnvironment.isEmpty() && QFileInfo(fromEnvironment).isDir())
        return QFileInfo(fromEnvironment).absoluteFilePath();
    return QDir::cleanPath(QStringLiteral(JCR_ABBRV_DIR));
}

bool hasAbbreviationData()
{
    return QFileInfo::exists(abbreviationsDir() + QStringLiteral("/journal_abbreviations_entrez.csv"));
}

QString realDataMissing()
{
    if (hasShowJcrData() && hasAbbreviationData())
        return QString();
    return QStringLiteral(
               "the real data is not in %1 and %2 (set JCR_MCP_DATA_SOURCE and JCR_MCP_ABBREVIATIONS_SOURCE)")
        .arg(showJcrDir(), abbreviationsDir());
}

QString serverBinary()
{
    return QStringLiteral(JCR_SERVER_BINARY);
}

} // namespace jcr::test
