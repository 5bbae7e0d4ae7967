#include "parentwatch.h"

#include "platform.h"

namespace jcr {

ParentWatch::ParentWatch(QObject* parent) : QObject(parent)
{
    // A parent that died before this line is not noticed; the supervisor checks for that itself right after
    // fork (ServerSupervisor's child process modifier).
    m_originalParent = platform::parentProcessId();
    if (m_originalParent <= 0)
        return; // unknown: nothing to watch
    m_timer.setInterval(PollInterval);
    connect(&m_timer, &QTimer::timeout, this, &ParentWatch::check);
    m_timer.start();
}

void ParentWatch::check()
{
    if (platform::parentAlive(m_originalParent))
        return;
    m_timer.stop();
    emit parentGone();
}

} // namespace jcr
