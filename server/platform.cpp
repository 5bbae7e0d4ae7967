#include "platform.h"

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
// tlhelp32.h needs windows.h first.
#include <tlhelp32.h>
#else
#include <sys/resource.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cstdio>

namespace jcr::platform {

int raiseOpenFileLimit()
{
#ifdef Q_OS_WIN
    return 0; // sockets are not counted against the C runtime's file limit
#else
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    // A hosted server needs a descriptor per client; the default soft limit (1024) is often below the cap.
    const rlim_t wanted = std::min<rlim_t>(limit.rlim_max, 65536);
    if (limit.rlim_cur < wanted) {
        rlimit raised = limit;
        raised.rlim_cur = wanted;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? 65536 : int(std::min<rlim_t>(limit.rlim_cur, 65536));
#endif
}

bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return ::_isatty(::_fileno(stderr)) != 0;
#else
    return ::isatty(STDERR_FILENO) == 1;
#endif
}

qint64 parentProcessId()
{
#ifdef Q_OS_WIN
    const DWORD self = ::GetCurrentProcessId();
    HANDLE snapshot = ::CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snapshot == INVALID_HANDLE_VALUE)
        return 0;
    PROCESSENTRY32W entry{};
    entry.dwSize = sizeof entry;
    qint64 parent = 0;
    for (BOOL more = ::Process32FirstW(snapshot, &entry); more; more = ::Process32NextW(snapshot, &entry)) {
        if (entry.th32ProcessID == self) {
            parent = qint64(entry.th32ParentProcessID);
            break;
        }
    }
    ::CloseHandle(snapshot);
    return parent;
#else
    return qint64(::getppid());
#endif
}

bool parentAlive(qint64 originalParent)
{
#ifdef Q_OS_WIN
    HANDLE process = ::OpenProcess(SYNCHRONIZE, FALSE, DWORD(originalParent));
    if (!process)
        return false; // gone (or never ours to see): treat as ended
    const bool running = ::WaitForSingleObject(process, 0) == WAIT_TIMEOUT;
    ::CloseHandle(process);
    return running;
#else
    return qint64(::getppid()) == originalParent;
#endif
}

} // namespace jcr::platform
