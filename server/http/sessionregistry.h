#pragma once

#include "httpsession.h"
#include "sessiontoken.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace jcr::http {

/// Every live HTTP session, by id. Ids are 128 bits from the system's cryptographic generator, so they
/// cannot be guessed; the number of sessions is capped, and idle sessions (no request running, no
/// stream open) expire.
///
/// With a SessionToken secret, Streamable HTTP ids are signed (SessionToken) and a session another replica
/// started is taken up here on its first request (adopt()).
class SessionRegistry : public QObject
{
    Q_OBJECT
public:
    SessionRegistry(int maxSessions, int idleSeconds, SessionToken token = SessionToken(), QObject* parent = nullptr);

    /// A new session, or nullptr when the cap is reached. `protocolVersion` is the version its initialize
    /// negotiates (carried by signed ids).
    std::shared_ptr<HttpSession> create(HttpSession::Kind kind, const QString& protocolVersion = QString());
    std::shared_ptr<HttpSession> find(const QByteArray& id) const;
    /// A Streamable HTTP session started by another replica: when `id` is validly signed, a session with that
    /// id, initialized with the protocol version it carries, is registered and returned. nullptr otherwise
    /// (unsigned, forged or expired id, signing disabled, or the cap reached).
    std::shared_ptr<HttpSession> adopt(const QByteArray& id);
    void remove(const QByteArray& id);
    int count(HttpSession::Kind kind) const;
    int total() const { return int(m_sessions.size()); }
    QList<std::shared_ptr<HttpSession>> all() const { return m_sessions.values(); }

    /// Ends sessions idle for longer than the limit. Runs on a timer; public for tests.
    void expireIdle();

private:
    QHash<QByteArray, std::shared_ptr<HttpSession>> m_sessions;
    SessionToken m_token;
    int m_maxSessions;
    qint64 m_idleMilliseconds;
    QTimer m_expiry;
};

} // namespace jcr::http
