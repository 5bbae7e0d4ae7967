#include "databasefileidentity.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHashFunctions>

#ifdef Q_OS_LINUX
#include <sys/stat.h>
#endif

namespace jcr {

DatabaseFileIdentity DatabaseFileIdentity::of(const QString& path)
{
    DatabaseFileIdentity identity;
#ifdef Q_OS_LINUX
    // stat(2) directly: QFileInfo tells neither the inode nor times finer than a millisecond.
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return identity;
    identity.exists = true;
    identity.device = quint64(status.st_dev);
    identity.inode = quint64(status.st_ino);
    identity.size = qint64(status.st_size);
    identity.modifiedNs = qint64(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec;
    identity.changedNs = qint64(status.st_ctim.tv_sec) * 1000000000 + status.st_ctim.tv_nsec;
#else
    // Elsewhere what QFileInfo offers: no inode, millisecond times.
    const QFileInfo file(path);
    if (!file.exists())
        return identity;
    identity.exists = true;
    identity.size = file.size();
    identity.modifiedNs = file.lastModified().toMSecsSinceEpoch() * 1000000;
    identity.changedNs = file.metadataChangeTime().toMSecsSinceEpoch() * 1000000;
#endif
    return identity;
}

qint64 DatabaseFileIdentity::version() const
{
    if (!exists)
        return 0;
    const qint64 hash = qint64(qHashMulti(0, device, inode, size, modifiedNs, changedNs) & 0x7fffffffffffffffULL);
    return hash ? hash : 1;
}

QString DatabaseFileIdentity::key() const
{
    return QStringLiteral("%1:%2:%3:%4:%5").arg(device).arg(inode).arg(size).arg(modifiedNs).arg(changedNs);
}

bool DatabaseFileIdentity::operator==(const DatabaseFileIdentity& other) const
{
    return exists == other.exists && device == other.device && inode == other.inode && size == other.size &&
           modifiedNs == other.modifiedNs && changedNs == other.changedNs;
}

} // namespace jcr
