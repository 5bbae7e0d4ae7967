#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace jcr::test {

// What Linux says about a running process (/proc), for tests that bound a server's memory or CPU.

/// A field of /proc/PID/status in KiB (VmRSS, VmHWM), -1 when unreadable.
qint64 procStatusKiB(qint64 pid, const QByteArray& field);
/// CPU time the process used so far (user + system), in clock ticks (sysconf(_SC_CLK_TCK) a second).
qint64 cpuTicks(qint64 pid);

} // namespace jcr::test
