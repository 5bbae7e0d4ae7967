#pragma once

#include <QString>
#include <QtGlobal>

namespace jcr {

/// One version of a file on disk, as stat(2) sees it: which file (device and inode) and what was last done to it
/// (size, modification and status-change times). Any write, truncation or replacement changes at least one of
/// them; the status-change time in particular cannot be set back by a tool that restores the modification time.
/// The server compares the identity of its database file before each use with the one it opened, so it notices
/// a file rewritten in place as well as one replaced by rename.
struct DatabaseFileIdentity
{
    bool exists = false;
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = 0;
    qint64 modifiedNs = 0;
    qint64 changedNs = 0;

    /// The identity of the file at `path` now (exists false when there is none or it cannot be looked at).
    static DatabaseFileIdentity of(const QString& path);

    /// A number that changes whenever the identity does, never 0 for an existing file; 0 when there is none.
    qint64 version() const;
    /// The identity as text, for keys of per-version caches.
    QString key() const;

    bool operator==(const DatabaseFileIdentity& other) const;
    bool operator!=(const DatabaseFileIdentity& other) const { return !(*this == other); }
};

} // namespace jcr
