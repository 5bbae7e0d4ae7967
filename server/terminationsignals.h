#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace jcr {

/// Turns SIGTERM and SIGINT into a Qt signal on the event loop, for graceful shutdown. The handler only
/// writes a byte to a pipe (all a signal handler may safely do); a QSocketNotifier reads it. SIGPIPE is
/// ignored while this object lives: a client that went away is an error on its socket, not a reason to
/// die. The previous handlers come back when it is destroyed. One instance at a time.
class TerminationSignals : public QObject
{
    Q_OBJECT
public:
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override;

signals:
    void received();

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace jcr
