#pragma once

#include "serversupervisor.h"

#include <QCoreApplication>
#include <QString>

namespace jcr::gui {

/// How the tray shows one ServerSupervisor state: which icon, which tooltip, which actions make sense and
/// whether a change deserves a notification. Free of widgets so that the rules are tested on their own
/// (tests/gui/tst_statuspresentation.cpp); TrayController only applies them.
class StatusPresentation
{
    Q_DECLARE_TR_FUNCTIONS(jcr::gui::StatusPresentation)

public:
    /// The actions whose availability depends on the state; every other action is always available.
    enum class Action { Start, Stop, Restart };

    /// `processRunning`: whether a server process exists (an Unhealthy server may still run, e.g. without a
    /// database, or may have refused to start, e.g. port in use). `address`: the URL clients use.
    StatusPresentation(ServerSupervisor::State state,
                       const QString& reason,
                       bool processRunning,
                       const QString& address = QString());

    /// The icon's base name in resources/icons, e.g. "state-running".
    QString iconName() const;
    /// The icon as a Qt resource path, e.g. ":/icons/state-running.svg".
    QString iconPath() const { return QStringLiteral(":/icons/%1.svg").arg(iconName()); }
    /// A few words for the state (translated), e.g. "Running".
    QString title() const;
    /// The tray tooltip: app name, state, address when running, and the reason when there is one.
    QString toolTip() const;
    bool isEnabled(Action action) const;

    /// Whether going from `previous` to this state is worth a desktop notification: a crash, a refusal to
    /// start (port in use), a server that became unhealthy, and recovering from one of those.
    bool deservesNotification(ServerSupervisor::State previous, const QString& previousReason) const;
    /// The notification's title; the message is reason(), or the address after a recovery.
    QString notificationTitle() const;
    QString notificationMessage() const;
    bool isProblem() const;

    ServerSupervisor::State state() const { return m_state; }
    QString reason() const { return m_reason; }

private:
    ServerSupervisor::State m_state;
    QString m_reason;
    bool m_processRunning;
    QString m_address;
};

} // namespace jcr::gui
