#pragma once

#include "databasefileidentity.h"

#include <QString>

#include <functional>

namespace jcr {

/// What this process knows about the integrity of each version of a database file (path and
/// DatabaseFileIdentity): not checked yet, being checked, sound, or damaged and why. Shared by every connection
/// (one per worker thread) so that a version is checked once, and so that damage one connection's query runs
/// into makes all of them, and the health report, refuse that version.
///
/// Entries are never removed: one per file version seen (a few dozen bytes per sync) for the life of the process.
class IntegrityVerdicts
{
public:
    /// Returns why a version must not be used, or an empty string when it is sound.
    using Check = std::function<QString()>;

    /// Runs `check` for this version on a thread of the global thread pool, unless it is checked or under way.
    static void checkInBackground(const QString& path, const DatabaseFileIdentity& identity, Check check);
    /// Known now, without waiting: why the version must not be used; empty when sound or not checked yet.
    static QString knownDamage(const QString& path, const DatabaseFileIdentity& identity);
    /// Waits up to `timeoutMs` for a check under way, then: empty when the version passed it; otherwise why it
    /// cannot be called sound (damaged, not checked, or still being checked).
    static QString verdict(const QString& path, const DatabaseFileIdentity& identity, int timeoutMs);
    /// Records that the version is damaged (a query failed with SQLITE_CORRUPT, say). The first reason stays.
    static void reportDamage(const QString& path, const DatabaseFileIdentity& identity, const QString& reason);
};

} // namespace jcr
