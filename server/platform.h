#pragma once

namespace jcr::platform {

// Calls that differ between POSIX systems and Windows, in one place.

/// Raises the process's soft limit on open files to its hard limit (capped at 65536) and returns the limit
/// now in force; 0 where the system has no such per-process limit on sockets (Windows).
int raiseOpenFileLimit();

} // namespace jcr::platform
