#pragma once

#include <QtGlobal>

namespace jcr::platform {

// Calls that differ between POSIX systems and Windows, in one place. Each has both implementations in
// platform.cpp; callers never need an #ifdef of their own.

/// Raises the process's soft limit on open files to its hard limit (capped at 65536) and returns the limit
/// now in force; 0 where the system has no such per-process limit on sockets (Windows).
int raiseOpenFileLimit();

/// Is stderr a terminal (a person watching) rather than a pipe or a file (a program reading the log)?
bool stderrIsTerminal();

/// The id of the process that started this one (getppid(); on Windows from a process snapshot); 0 if unknown.
qint64 parentProcessId();

/// Does the process that was this one's parent (`originalParent`, from parentProcessId()) still run it? POSIX
/// re-parents an orphan, so the parent id changes; Windows keeps the id, so the process itself is looked at.
bool parentAlive(qint64 originalParent);

} // namespace jcr::platform
