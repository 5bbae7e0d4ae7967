#include "statuspresentation.h"

namespace jcr::gui {

using State = ServerSupervisor::State;

StatusPresentation::StatusPresentation(State state, const QString& reason, bool processRunning, const QString& address)
    : m_state(state), m_reason(reason), m_processRunning(processRunning), m_address(address)
{
}

QString StatusPresentation::iconName() const
{
    switch (m_state) {
    case State::Stopped:
    case State::Stopping:
        return QStringLiteral("state-stopped");
    case State::Starting:
        return QStringLiteral("state-starting");
    case State::Running:
        return QStringLiteral("state-running");
    case State::Unhealthy:
        return QStringLiteral("state-unhealthy");
    case State::Crashed:
        break;
    }
    return QStringLiteral("state-crashed");
}

QString StatusPresentation::title() const
{
    switch (m_state) {
    case State::Stopped:
        return tr("Stopped");
    case State::Stopping:
        return tr("Stopping…");
    case State::Starting:
        return tr("Starting…");
    case State::Running:
        return tr("Running");
    case State::Unhealthy:
        return tr("Needs attention");
    case State::Crashed:
        break;
    }
    return tr("Crashed");
}

QString StatusPresentation::toolTip() const
{
    QString text = tr("JCR MCP server: %1").arg(title());
    if (m_state == State::Running && !m_address.isEmpty())
        text += QLatin1Char('\n') + m_address;
    if (!m_reason.isEmpty())
        text += QLatin1Char('\n') + m_reason;
    return text;
}

bool StatusPresentation::isEnabled(Action action) const
{
    // A Crashed server has no process but a restart pending: Stop cancels it, Restart brings it back now.
    const bool hasRun = m_processRunning || m_state == State::Crashed;
    switch (action) {
    case Action::Start:
        return m_state != State::Stopping && !hasRun;
    case Action::Stop:
        return m_state != State::Stopping && hasRun;
    case Action::Restart:
        break;
    }
    return m_state != State::Stopping && m_state != State::Stopped;
}

bool StatusPresentation::isProblem() const
{
    return m_state == State::Crashed || m_state == State::Unhealthy;
}

bool StatusPresentation::deservesNotification(State previous, const QString& previousReason) const
{
    if (isProblem())
        return m_state != previous || m_reason != previousReason;
    // Recovered: the user saw the problem, so tell them it is over. A normal start is not news.
    return m_state == State::Running && (previous == State::Crashed || previous == State::Unhealthy);
}

QString StatusPresentation::notificationTitle() const
{
    switch (m_state) {
    case State::Crashed:
        return tr("The journal server crashed");
    case State::Unhealthy:
        return m_processRunning ? tr("The journal server needs attention") : tr("The journal server cannot start");
    case State::Running:
        return tr("The journal server is running again");
    default:
        break;
    }
    return tr("JCR MCP server: %1").arg(title());
}

QString StatusPresentation::notificationMessage() const
{
    return m_reason.isEmpty() ? m_address : m_reason;
}

} // namespace jcr::gui
