#include "serverlocator.h"

#include <QDir>
#include <QStandardPaths>

namespace jcr::gui {

QString ServerLocator::locate(const QString& appDirectory)
{
    const QString name = QString::fromLatin1(ServerName);
    const QString beside = QStandardPaths::findExecutable(name, {appDirectory});
    return beside.isEmpty() ? QStandardPaths::findExecutable(name) : beside;
}

QStringList ServerLocator::searchedPlaces(const QString& appDirectory)
{
    return {QDir::toNativeSeparators(appDirectory), QStringLiteral("PATH")};
}

} // namespace jcr::gui
