#pragma once

#include <QObject>
#include <QTimer>

namespace jcr {

/// `--exit-with-parent`: ends the server when the program that started it goes away, so a tray app that
/// crashes or is killed never leaves an orphaned server holding the port.
///
/// Linux's PR_SET_PDEATHSIG would be the kernel's way, but it is not delivered everywhere (not in some
/// containers and sandboxes), so this watches instead: it records getppid() when created and polls it on the
/// event loop; when the parent dies the server is reparented (to init or a subreaper), the id changes and
/// parentGone() is emitted once. On Windows (no re-parenting) it watches the parent process itself
/// (platform::parentAlive).
class ParentWatch : public QObject
{
    Q_OBJECT

public:
    static constexpr int PollInterval = 500; // milliseconds

    explicit ParentWatch(QObject* parent = nullptr);

    /// The parent's process id when the watch was created (0 where unsupported).
    qint64 originalParent() const { return m_originalParent; }
    bool isActive() const { return m_timer.isActive(); }

signals:
    void parentGone();

private:
    void check();

    qint64 m_originalParent = 0;
    QTimer m_timer;
};

} // namespace jcr
