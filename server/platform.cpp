#include "platform.h"

#include <QtGlobal>

#ifndef Q_OS_WIN
#include <sys/resource.h>
#endif

#include <algorithm>

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

} // namespace jcr::platform
