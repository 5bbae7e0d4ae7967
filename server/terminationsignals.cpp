#include "terminationsignals.h"

#include <QSocketNotifier>

#include <csignal>
#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace jcr {

#ifdef Q_OS_UNIX
namespace {

int wakeUpPipe[2] = {-1, -1};
struct sigaction previousTerm, previousInt, previousPipe;

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(wakeUpPipe[1], &byte, 1);
}

} // namespace
#else
namespace {

TerminationSignals* current = nullptr;

void onSignal(int)
{
    // Elsewhere the handler runs on a thread of its own; a queued call reaches the event loop.
    if (current)
        QMetaObject::invokeMethod(current, &TerminationSignals::received, Qt::QueuedConnection);
}

} // namespace
#endif

TerminationSignals::TerminationSignals(QObject* parent) : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::pipe(wakeUpPipe) != 0)
        return;
    ::fcntl(wakeUpPipe[0], F_SETFL, O_NONBLOCK);
    ::fcntl(wakeUpPipe[1], F_SETFL, O_NONBLOCK);
    m_notifier = std::make_unique<QSocketNotifier>(wakeUpPipe[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
        char buffer[16];
        while (::read(wakeUpPipe[0], buffer, sizeof buffer) > 0) {
        }
        emit received();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, &previousTerm);
    sigaction(SIGINT, &action, &previousInt);
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &previousPipe);
#else
    current = this;
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
#endif
}

TerminationSignals::~TerminationSignals()
{
#ifdef Q_OS_UNIX
    if (!m_notifier)
        return;
    sigaction(SIGTERM, &previousTerm, nullptr);
    sigaction(SIGINT, &previousInt, nullptr);
    sigaction(SIGPIPE, &previousPipe, nullptr);
    m_notifier.reset();
    ::close(wakeUpPipe[0]);
    ::close(wakeUpPipe[1]);
#else
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    current = nullptr;
#endif
}

} // namespace jcr
