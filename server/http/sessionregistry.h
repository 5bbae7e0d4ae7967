#pragma once

#include "httpsession.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace jcr::http {

/// Every live HTTP session, by id. Ids are 128 bits from the system's cryptographic generator, so they
/// cannot be guessed; the number of sessions is capped, and idle sessions (no request running, no
/// stream open) expire.
class SessionRegistry : public QObject
{
    Q_OBJECT
public:
    SessionRegistry(int maxSessions, int idleSeconds, QObject* parent = nullptr);

    /// A new session, or nullptr when the cap is reached.
    std::shared_ptr<HttpSession> create(HttpSession::Kind kind);
    std::shared_ptr<HttpSession> find(const QByteArray& id) const;
    void remove(const QByteArray& id);
    int count(HttpSession::Kind kind) const;
    int total() const { return int(m_sessions.size()); }
    QList<std::shared_ptr<HttpSession>> all() const { return m_sessions.values(); }

    /// Ends sessions idle for longer than the limit. Runs on a timer; public for tests.
    void expireIdle();

private:
    QHash<QByteArray, std::shared_ptr<HttpSession>> m_sessions;
    int m_maxSessions;
    qint64 m_idleMilliseconds;
    QTimer m_expiry;
};

} // namespace jcr::http
