#include "serverlocator.h"

#include <QDir>
#include <QStandardPaths>

namespace jcr::gui {

QStringList ServerLocator::searchedFolders(const QString& appDirectory)
{
    return {QDir::cleanPath(appDirectory), QDir::cleanPath(appDirectory + QStringLiteral("/../server"))};
}

QString ServerLocator::locate(const QString& appDirectory)
{
    const QString name = QString::fromLatin1(ServerName);
    for (const QString& folder : searchedFolders(appDirectory)) {
        const QString found = QStandardPaths::findExecutable(name, {folder});
        if (!found.isEmpty())
            return found;
    }
    return QStandardPaths::findExecutable(name);
}

QStringList ServerLocator::searchedPlaces(const QString& appDirectory)
{
    QStringList places;
    for (const QString& folder : searchedFolders(appDirectory))
        places << QDir::toNativeSeparators(folder);
    return places << QStringLiteral("PATH");
}

} // namespace jcr::gui
