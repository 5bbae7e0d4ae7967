#include "parentwatch.h"

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace jcr {

ParentWatch::ParentWatch(QObject* parent) : QObject(parent)
{
#ifdef Q_OS_UNIX
    // A parent that died before this line is not noticed; the supervisor checks for that itself right after
    // fork (ServerSupervisor's child process modifier).
    m_originalParent = ::getppid();
    m_timer.setInterval(PollInterval);
    connect(&m_timer, &QTimer::timeout, this, &ParentWatch::check);
    m_timer.start();
#endif
}

void ParentWatch::check()
{
#ifdef Q_OS_UNIX
    if (::getppid() == m_originalParent)
        return;
    m_timer.stop();
    emit parentGone();
#endif
}

} // namespace jcr
